import { LIMITS, type PageItem, type RawArticle } from '../model/index.js';
import { decodeHtml, extractHtml, pageToRawArticle } from './html/index.js';
import { isoDate } from './jsonl.js';

/** Longer page texts are cut (at a paragraph end) with a warning: no news article is that long. */
const MAX_PAGE_TEXT = LIMITS.pageTextChars;

/**
 * A page item to a raw article: decode, extract the main text, fill in what the source said about the
 * page when the page itself does not say it. Throws when the page holds no article text.
 */
export function extractPage(item: PageItem): RawArticle {
  const html = typeof item.html === 'string' ? item.html : decodeHtml(item.html, item.contentType ?? null);
  const page = extractHtml(html, item.url);
  const raw = pageToRawArticle(page, item.origin);
  if (raw.text.trim() === '') throw new Error('no article text found in the page');
  if (raw.text.length > MAX_PAGE_TEXT) {
    const cut = raw.text.lastIndexOf('\n\n', MAX_PAGE_TEXT);
    const length = raw.text.length;
    raw.text = raw.text.slice(0, cut > 0 ? cut : MAX_PAGE_TEXT);
    raw.paragraphs = undefined;
    raw.warnings.push(`article text cut to ${raw.text.length} of ${length} characters`);
  }
  const hints = item.hints;
  if (hints?.warnings) raw.warnings.push(...hints.warnings);
  if (hints?.title && raw.title.trim() === '') raw.title = hints.title.replace(/\s+/g, ' ').trim();
  if (hints?.published && !raw.published) {
    const d = isoDate(hints.published);
    if (d) {
      raw.published = { ...d, from: 'metadata' };
      raw.dateEvidence.push({ ...d, from: 'metadata', kind: 'published', evidence: hints.published });
    }
  }
  return raw;
}
