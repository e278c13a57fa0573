import { tokenizeText } from '../language/index.js';
import type { Timex } from '../model/index.js';
import { findTimexes } from './timexes.js';

/** Time expressions of a bare text (no Doc, no language layer yet), resolved against `dct`. */
export function timexesOfText(text: string, dct: string | null): Timex[] {
  const { sentences, tokens } = tokenizeText(text);
  return findTimexes(text, sentences, tokens, { anchor: dct });
}
