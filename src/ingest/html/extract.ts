import type { RawArticle } from '../../model/index.js';
import { paragraphsOf } from './blocks.js';
import { parseHtml } from './dom.js';
import { extractMainText } from './main-text.js';
import { readMetadata } from './metadata.js';
import type { ExtractedPage } from './types.js';

/** One HTML page → its article: body text (paragraphs separated by blank lines) and metadata. */
export function extractHtml(html: string, url?: string | null): ExtractedPage {
  const root = parseHtml(html);
  const meta = readMetadata(root, url ?? null);
  const body = extractMainText(root);
  let paragraphs = body.paragraphs;
  const ldBody = meta.jsonLd?.articleBody ? jsonLdParagraphs(meta.jsonLd.articleBody) : [];
  if (preferJsonLdBody(paragraphs, ldBody)) paragraphs = ldBody;
  return {
    title: meta.title,
    text: paragraphs.join('\n\n'),
    published: meta.published,
    authors: meta.authors,
    outlet: meta.outlet,
    url: meta.url,
    captions: body.captions,
    dateEvidence: meta.dateEvidence,
  };
}

function chars(paragraphs: string[]): number {
  return paragraphs.reduce((n, p) => n + p.length, 0);
}

/**
 * A paywalled or script-rendered page shows only a teaser while its JSON-LD `articleBody` carries the
 * whole story: take the JSON-LD text when it is substantial and much longer than what the page shows.
 * (Otherwise the page wins: JSON-LD bodies are often truncated, or include captions and credits.)
 */
function preferJsonLdBody(page: string[], ld: string[]): boolean {
  const ldChars = chars(ld);
  return ldChars >= 500 && ldChars > 1.5 * chars(page);
}

/** JSON-LD `articleBody` text (sometimes HTML) → paragraphs. */
function jsonLdParagraphs(body: string): string[] {
  if (/<(?:p|div|br|h\d)\b/i.test(body)) return paragraphsOf(parseHtml(body));
  return body
    .split(/\n\s*\n|\r\n\s*\r\n|\n(?=\s*\S)/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
}

/** An extracted page as the pipeline's raw article (`origin`: where it came from — file, URL, WARC record). */
export function pageToRawArticle(page: ExtractedPage, origin: string): RawArticle {
  const metaPublished = page.dateEvidence.find((d) => d.from === 'metadata' && d.kind === 'published');
  const from = metaPublished && metaPublished.value === page.published ? 'metadata' : 'url';
  const warnings = page.text ? [] : ['no article text found in the page'];
  return {
    title: page.title,
    url: page.url,
    outlet: page.outlet,
    authors: page.authors,
    text: page.text,
    captions: page.captions,
    dateEvidence: page.dateEvidence,
    origin,
    warnings,
    published: page.published ? { value: page.published, precision: 'day', from } : null,
  };
}
