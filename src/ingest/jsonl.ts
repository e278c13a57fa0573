import type { DateEvidence, DocumentDate, IngestItem, RawArticle } from '../model/index.js';
import { dateFromUrl, httpUrl, outletFromUrl } from './url.js';

/**
 * JSONL / NDJSON records `{url?, title?, text? | html?, published?}`, one per line. Text records become
 * articles directly; HTML records become pages for the extractor. A bad line is an error item naming
 * the line; the rest of the file goes on.
 */
export interface JsonlRecord {
  url?: unknown;
  title?: unknown;
  text?: unknown;
  html?: unknown;
  published?: unknown;
}

/** `YYYY-MM-DD` (or `YYYY-MM`, `YYYY`) out of an ISO-ish date or date-time; null when unreadable. */
export function isoDate(raw: string): { value: string; precision: DocumentDate['precision'] } | null {
  const m = /^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?\s*$/.exec(raw);
  if (m) {
    const [, y, mo, d] = m;
    if (mo && (Number(mo) < 1 || Number(mo) > 12)) return null;
    if (d && (Number(d) < 1 || Number(d) > 31)) return null;
    if (d) return { value: `${y}-${mo}-${d}`, precision: 'day' };
    if (mo) return { value: `${y}-${mo}`, precision: 'month' };
    return { value: y!, precision: 'year' };
  }
  const t = Date.parse(raw);
  if (Number.isNaN(t)) return null;
  return { value: new Date(t).toISOString().slice(0, 10), precision: 'day' };
}

/** Plain text as article body: line endings normalized, blank-line paragraphs, spaces trimmed. */
export function normalizeBody(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => l.trim())
        .filter((l) => l.length > 0)
        .join(' ')
        .replace(/[ \t\u00a0]+/g, ' '),
    )
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** A text article from source-given fields (JSONL record, feed item without HTML). */
export function textArticle(
  fields: { title?: string | null; url?: string | null; text: string; published?: string | null },
  origin: string,
): RawArticle {
  const checked = httpUrl(fields.url);
  const warnings: string[] = checked.warning ? [checked.warning] : [];
  const dateEvidence: DateEvidence[] = [];
  let published: DocumentDate | null = null;
  if (fields.published) {
    const d = isoDate(fields.published);
    if (d) {
      published = { ...d, from: 'metadata' };
      dateEvidence.push({ ...d, from: 'metadata', kind: 'published', evidence: fields.published });
    } else warnings.push(`unreadable published date ${JSON.stringify(fields.published.slice(0, 60))} ignored`);
  }
  const url = checked.url;
  const fromUrl = url ? dateFromUrl(url) : null;
  if (fromUrl) dateEvidence.push(fromUrl);
  const text = normalizeBody(fields.text);
  const title = (fields.title ?? '').replace(/\s+/g, ' ').trim();
  return {
    title,
    url,
    outlet: url ? outletFromUrl(url) : null,
    text,
    captions: [],
    dateEvidence,
    origin,
    warnings,
    published,
  };
}

function optionalString(rec: JsonlRecord, key: keyof JsonlRecord): string | null | { error: string } {
  const v = rec[key];
  if (v === undefined || v === null) return null;
  if (typeof v !== 'string') return { error: `"${key}" must be a string` };
  return v;
}

/** One JSONL line to an ingest item, or null for a blank line. */
export function jsonlItem(line: string, origin: string): IngestItem | null {
  if (line.trim() === '') return null;
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (err) {
    return { kind: 'error', origin, error: `invalid JSON: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec))
    return { kind: 'error', origin, error: 'each line must be a JSON object' };
  const r = rec as JsonlRecord;
  const fields: Record<string, string | null> = {};
  for (const key of ['url', 'title', 'text', 'html', 'published'] as const) {
    const v = optionalString(r, key);
    if (v !== null && typeof v === 'object') return { kind: 'error', origin, error: v.error };
    fields[key] = v;
  }
  if (fields.html && fields.html.trim() !== '') {
    const checked = httpUrl(fields.url);
    return {
      kind: 'page',
      origin,
      url: checked.url,
      html: fields.html,
      hints: { title: fields.title, published: fields.published, warnings: checked.warning ? [checked.warning] : [] },
    };
  }
  if (fields.text && fields.text.trim() !== '') {
    return {
      kind: 'article',
      article: textArticle(
        { title: fields.title, url: fields.url, text: fields.text, published: fields.published },
        origin,
      ),
    };
  }
  return { kind: 'error', origin, error: 'record has neither "text" nor "html"' };
}
