import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { paragraphsOf } from './blocks.js';
import { elements, parseHtml, textOf, type HElement } from './dom.js';

export interface ExtractedBody {
  paragraphs: string[];
  captions: string[];
}

function isCaptionElement(el: HElement): boolean {
  return el.name === 'figcaption' || el.name === 'figure' || /\b(?:wp-)?caption\b/i.test(el.attribs.class ?? '');
}

/** Photo captions of the page (`<figcaption>` and caption-classed blocks). */
export function captionsOf(root: HElement): string[] {
  const captions: string[] = [];
  for (const el of elements(root)) {
    if (el.name === 'figcaption' || (el.name !== 'figure' && isCaptionElement(el))) {
      const t = textOf(el);
      if (t.length > 15 && !captions.includes(t)) captions.push(t);
      if (captions.length >= 30) break;
    }
  }
  return captions;
}

/** The main text of a page (Readability's choice of content node), captions left out. */
export function extractBody(html: string): ExtractedBody {
  // linkedom needs an <html> element to find head and body.
  const { document } = parseHTML(/<html[\s>]/i.test(html) ? html : `<!DOCTYPE html><html><body>${html}</body></html>`);
  if (!document?.documentElement || !document.body) return { paragraphs: [], captions: [] };
  let article: ReturnType<Readability['parse']>;
  try {
    article = new Readability(document as unknown as ConstructorParameters<typeof Readability>[0], { charThreshold: 300 }).parse();
  } catch {
    return { paragraphs: [], captions: [] };
  }
  if (!article?.content) return { paragraphs: [], captions: [] };
  const root = parseHtml(article.content);
  return { paragraphs: paragraphsOf(root, isCaptionElement), captions: [] };
}
