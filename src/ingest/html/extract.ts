import type { RawArticle } from '../../model/index.js';
import { extractMainText } from './main-text.js';
import { parseHtml } from './dom.js';
import { readMetadata } from './metadata.js';
import type { ExtractedPage } from './types.js';

/** One HTML page → its article: body text (paragraphs separated by blank lines) and metadata. */
export function extractHtml(html: string, url?: string | null): ExtractedPage {
  const root = parseHtml(html);
  const meta = readMetadata(root, url ?? null);
  const body = extractMainText(root);
  return {
    title: meta.title,
    text: body.paragraphs.join('\n\n'),
    published: meta.published,
    authors: meta.authors,
    outlet: meta.outlet,
    url: meta.url,
    captions: body.captions,
    dateEvidence: meta.dateEvidence,
  };
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
