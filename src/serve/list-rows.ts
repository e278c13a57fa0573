import type { ChronologyEvent } from '../analyze/index.js';
import type { ExportQuote } from '../model/index.js';
import type { ArticleSummary, ClaimWithText } from '../store/index.js';

/**
 * The rows a list exports, flat values only: the same columns whether the page on screen is exported in the
 * browser or the whole filtered list by the server (`/api/export/:list`). Type imports only, so the UI bundle
 * takes these functions and nothing of the server.
 */
export type Row = Record<string, string | number | boolean | null>;

export const articleRow = (a: Pick<ArticleSummary, 'id' | 'title' | 'outlet' | 'published' | 'url'>): Row => ({
  id: a.id,
  title: a.title,
  outlet: a.outlet,
  published: a.published,
  url: a.url,
});

export const quoteRow = (q: ExportQuote): Row => ({
  id: q.id,
  speaker: q.speaker,
  speakerId: q.speakerId,
  date: q.date ?? null,
  text: q.text,
  direct: q.direct,
  articleId: q.articleId,
  start: q.start,
  end: q.end,
});

export const claimRow = (c: ClaimWithText): Row => ({
  id: c.id,
  claimant: c.claimant ?? null,
  stance: c.stance,
  proposition: c.proposition,
  date: c.date,
  sentence: c.text,
  articleId: c.evidence[0]?.articleId ?? null,
  start: c.evidence[0]?.start ?? null,
  end: c.evidence[0]?.end ?? null,
});

export const timelineRow = (e: ChronologyEvent): Row => ({
  id: e.id,
  date: e.date,
  precision: e.datePrecision ?? null,
  type: e.type,
  headline: e.headline,
  source: e.source.join('; '),
  target: e.target.join('; '),
  sentence: e.sentence,
  outlets: e.outlets.join('; '),
  articleId: e.evidence[0]?.articleId ?? null,
  start: e.evidence[0]?.start ?? null,
  end: e.evidence[0]?.end ?? null,
});

/** The row's columns as CSV cells: quoted where needed, text that a spreadsheet would run as a formula neutralized. */
export function csvLine(values: ReadonlyArray<Row[string]>): string {
  return values
    .map((v) => {
      const s = v === null ? '' : String(v);
      const safe = typeof v === 'string' && /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
      return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
    })
    .join(',');
}
