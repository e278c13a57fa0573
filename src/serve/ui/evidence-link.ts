import { el } from './dom.js';

/** Where a fact's evidence opens: the reader, scrolled to the span and highlighting it. */
export function evidenceHref(ev: { articleId: string; start: number; end: number }): string {
  return `#/article/${encodeURIComponent(ev.articleId)}?span=${ev.start}-${ev.end}`;
}

/** A link to a fact's evidence, showing the sentence itself when it is known (as text, never markup). */
export function evidenceLink(ev: { articleId: string; start: number; end: number; text?: string }): HTMLElement {
  return el(
    'a',
    { href: evidenceHref(ev), class: 'evidence', title: `${ev.articleId} ${ev.start}–${ev.end}` },
    ev.text ? `“${ev.text}”` : 'evidence',
  );
}
