import { el } from './dom.js';

/** Where a fact was read: an article and a UTF-16 span of its text (end-exclusive). */
export interface Span {
  articleId: string;
  start: number;
  end: number;
}

/** The reader's address for a span: `#/article/<id>?span=<start>-<end>` opens the article on it, highlighted. */
export function evidenceHref(s: Span): string {
  return `#/article/${encodeURIComponent(s.articleId)}?span=${s.start}-${s.end}`;
}

/** A link to a fact's sentence; `title` shows the sentence's words on hover. */
export function evidenceLink(s: Span | undefined, label = 'evidence', title?: string): HTMLElement {
  if (!s) return el('span', { class: 'meta' }, 'no evidence');
  return el('a', { href: evidenceHref(s), class: 'evidence', title }, label);
}

/** The `span` parameter of the reader's address, or null when it is missing or malformed. */
export function parseSpan(value: string | null): { start: number; end: number } | null {
  const m = /^(\d{1,9})-(\d{1,9})$/.exec(value ?? '');
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return end > start ? { start, end } : null;
}
