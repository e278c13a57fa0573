import {
  docIndex,
  type DateEvidence,
  type Doc,
  type DocIndex,
  type DocumentDate,
  type LocalDays,
  type Timex,
} from '../model/index.js';
import { addDays, dayDiff, fmtDay, fullDay, parsePartialDay } from './calendar.js';
import { documentDates } from './document-date.js';
import { localDays, storyZone } from './local-day.js';
import { resolveTimexes, timexCandidates, type Candidate } from './timexes.js';

/**
 * Time stage: the article's publication date and anchor (with precision and provenance), then its
 * time expressions resolved against the anchor. Needs the language stage's sentences and tokens.
 *
 * When the anchor is the publisher's day of a story datelined in another zone, the story's local day may
 * be later (see local-day.ts): past weekdays may fall up to that last local day, and when one does, the
 * text has said which local day it was written on — the anchor moves there and everything is resolved
 * against it, "yesterday" and "today" included.
 */
export function annotateTime(doc: Doc): void {
  // Finding the expressions is most of the work and does not depend on the anchor: done once, even when
  // the full dates of the text are needed to date the article first.
  let found: Candidate[] | null = null;
  const candidates = (): Candidate[] => (found ??= timexCandidates(doc.text, doc.sentences));
  const explicitTextDates = (): DateEvidence[] =>
    resolveTimexes(doc.text, docIndex(doc), candidates(), { anchor: null, zone: storyZone(doc.text, doc.url) })
      .filter((t) => t.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t.value))
      .map((t) => ({ value: t.value, precision: 'day', from: 'text', evidence: t.text }));
  const { published, anchor } = documentDates(doc, explicitTextDates);
  doc.published = published;
  const local = resolveLocally(doc.text, docIndex(doc), candidates(), anchor, doc.url);
  doc.localDays = local.localDays;
  doc.anchor = local.anchor;
  doc.timexes = local.timexes;
}

/**
 * Resolve a text's expressions against an anchor that may be its publisher's day (see local-day.ts): past
 * weekdays may fall up to the last local day the dateline allows; when one does, the text has said which
 * local day it was written on, and everything is resolved again against that day.
 */
export function resolveLocally(
  text: string,
  ix: DocIndex,
  candidates: readonly Candidate[],
  anchor: DocumentDate | null,
  url: string | null,
): { timexes: Timex[]; anchor: DocumentDate | null; localDays: LocalDays | null } {
  const local = localDays(text, url, anchor);
  const zone = storyZone(text, url);
  const day = fullDay(anchor ? parsePartialDay(anchor.value) : null);
  const lastLocal = local && day ? fullDay(parsePartialDay(local.to)) : null;
  const lateDays = day && lastLocal ? Math.max(0, dayDiff(lastLocal, day)) : 0;
  let reached = 0;
  const timexes = resolveTimexes(text, ix, candidates, {
    anchor: anchor?.value ?? null,
    lateDays,
    zone,
    onLocalDay: (k) => {
      reached = Math.max(reached, k);
    },
  });
  if (reached === 0 || !anchor || !day) return { timexes, anchor, localDays: local };
  const moved = { ...anchor, value: fmtDay(addDays(day, reached)) };
  return {
    timexes: resolveTimexes(text, ix, candidates, { anchor: moved.value, zone }),
    anchor: moved,
    localDays: local,
  };
}
