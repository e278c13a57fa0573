import { tokenizeText } from '../language/index.js';
import { docIndex, type Timex } from '../model/index.js';
import { resolveLocally } from './annotate.js';
import { storyZone } from './local-day.js';
import { resolveTimexes, timexCandidates } from './timexes.js';

/**
 * Time expressions of a bare text (no Doc, no language layer yet), resolved against `dct`. A day-precise
 * dct is read as its publisher's day: a dateline in another zone allows the local days it implies
 * (see local-day.ts). A dct with a time of day, or none, is used as it is.
 */
export function timexesOfText(text: string, dct: string | null): Timex[] {
  const { sentences, tokens } = tokenizeText(text);
  const candidates = timexCandidates(text, sentences);
  const ix = docIndex({ sentences, tokens });
  if (dct !== null && /^\d{4}-\d{2}-\d{2}$/.test(dct)) {
    const anchor = { value: dct, precision: 'day' as const, from: 'metadata' as const };
    return resolveLocally(text, ix, candidates, anchor, null).timexes;
  }
  return resolveTimexes(text, ix, candidates, { anchor: dct, zone: storyZone(text, null) });
}
