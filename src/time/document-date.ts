import type { DateEvidence, Doc, DocumentDate } from '../model/index.js';
import { datelineEvidence } from './dateline.js';

/**
 * When the article was published, and what date its relative expressions count from.
 *
 * `published`, most trusted first: the URL's date; page metadata that says "published"; a dated photo
 * caption or the story's dateline; a full date written in the text (the latest one: an article is not
 * older than what it reports); and only when nothing else dates it, an "updated" stamp (the article
 * existed by then, and stamps are the date the page carries); and last, the date of a dated article this
 * one is a near-duplicate of (`from: "story"`, see story-date.ts). A coarse date (a month-only URL) is
 * refined by a caption or dateline day inside it. Nothing else: no date is ever guessed.
 *
 * `anchor` is the latest day-precise date among those the article itself carries (URL, metadata of
 * either kind, captions, dateline), because an updated article's "yesterday" counts from its update;
 * it falls back to `published` when only a coarser date is known.
 */
export interface DocumentDates {
  published: DocumentDate | null;
  anchor: DocumentDate | null;
}

const toDate = (e: DateEvidence): DocumentDate => ({ value: e.value, precision: e.precision, from: e.from });

/** The latest of several evidences (ties keep the first). */
function latest(list: readonly DateEvidence[]): DateEvidence | null {
  let best: DateEvidence | null = null;
  for (const e of list) if (!best || e.value > best.value) best = e;
  return best;
}

function within(fine: DateEvidence, coarse: DateEvidence): boolean {
  return fine.value.startsWith(coarse.value);
}

/**
 * @param explicitTextDates full dates (day, month and year written) found in the body, as evidence
 *   from 'text' — computed by the caller, which owns the time grammar.
 */
export function documentDates(doc: Doc, explicitTextDates: () => DateEvidence[]): DocumentDates {
  const ev = doc.dateEvidence;
  const url = ev.filter((e) => e.from === 'url');
  const metaPublished = ev.filter((e) => e.from === 'metadata' && e.kind !== 'updated');
  const metaUpdated = ev.filter((e) => e.from === 'metadata' && e.kind === 'updated');
  const captions = ev.filter((e) => e.from === 'caption');
  const story = ev.filter((e) => e.from === 'story');
  const yearHint =
    latest([...url, ...metaPublished, ...metaUpdated, ...captions])?.value ?? doc.published?.value ?? null;
  const dateline = datelineEvidence(doc.text, yearHint);
  const dayClues = [...captions, ...(dateline ? [dateline] : [])];

  let published: DocumentDate | null = doc.published;
  if (!published) {
    const tiers: Array<() => DateEvidence[]> = [
      () => url,
      () => metaPublished,
      () => dayClues,
      explicitTextDates,
      () => metaUpdated,
      () => story,
    ];
    for (const tier of tiers) {
      const chosen = latest(tier());
      if (!chosen) continue;
      let pick = chosen;
      if (chosen.precision !== 'day') {
        const finer = latest(dayClues.filter((c) => c.precision === 'day' && within(c, chosen)));
        if (finer) pick = finer;
      }
      published = toDate(pick);
      break;
    }
  }

  const carried = [...url, ...metaPublished, ...metaUpdated, ...dayClues].filter((e) => e.precision === 'day');
  const newest = latest(carried);
  let anchor: DocumentDate | null = published;
  if (newest && (published?.precision !== 'day' || newest.value > published.value)) {
    anchor =
      published && !newest.value.startsWith(published.value) && newest.value < published.value
        ? published
        : toDate(newest);
  }
  return { published, anchor };
}
