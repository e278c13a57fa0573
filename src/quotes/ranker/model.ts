import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Candidate } from './candidates.js';

/**
 * The learned speaker ranker: a linear model over the candidate features of `candidates.ts` (averaged perceptron,
 * trained by `npm run train:speakers` on PolNeAR train), committed as `models/speakers.json`. The highest scoring
 * candidate is the statement's speaker; without the file the rules' choice stands.
 */
export interface SpeakerModelFile {
  version: 1;
  /** Feature → weight (features the training never moved are left out). */
  weights: Record<string, number>;
  provenance: Record<string, unknown>;
}

export class SpeakerModel {
  readonly weights: ReadonlyMap<string, number>;
  constructor(file: SpeakerModelFile | ReadonlyMap<string, number>) {
    this.weights = file instanceof Map ? file : new Map(Object.entries((file as SpeakerModelFile).weights));
  }

  score(feats: readonly string[]): number {
    let s = 0;
    for (const f of feats) s += this.weights.get(f) ?? 0;
    return s;
  }

  /** Index of the best candidate (the first on a tie), -1 when there is none. */
  best(cands: readonly Candidate[]): number {
    let best = -1;
    let top = Number.NEGATIVE_INFINITY;
    cands.forEach((c, k) => {
      const s = this.score(c.feats);
      if (s > top) {
        top = s;
        best = k;
      }
    });
    return best;
  }
}

export const SPEAKER_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/speakers.json');

let cached: SpeakerModel | null | undefined;

/** The committed model, loaded once; null when the file is missing (the quotes stage then keeps the rules' speaker). */
export function speakerModel(): SpeakerModel | null {
  if (cached !== undefined) return cached;
  cached = existsSync(SPEAKER_MODEL_PATH)
    ? new SpeakerModel(JSON.parse(readFileSync(SPEAKER_MODEL_PATH, 'utf8')) as SpeakerModelFile)
    : null;
  return cached;
}
