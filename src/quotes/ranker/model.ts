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
  /** How far the best candidate must score above the rules' choice to replace it (chosen by cross-validation). */
  margin: number;
  /** Feature → weight (features the training never moved are left out). */
  weights: Record<string, number>;
  provenance: Record<string, unknown>;
}

export class SpeakerModel {
  readonly weights: ReadonlyMap<string, number>;
  readonly margin: number;
  constructor(file: SpeakerModelFile) {
    this.weights = new Map(Object.entries(file.weights));
    this.margin = file.margin;
  }

  score(feats: readonly string[]): number {
    let s = 0;
    for (const f of feats) s += this.weights.get(f) ?? 0;
    return s;
  }

  /**
   * Index of the best candidate (the first on a tie), -1 when there is none; the rules' choice (the candidate with
   * the feature `rule`) unless the best scores more than the margin above it, and always when the rules' choice is
   * `sure` (read off a construction whose meaning English grammar fixes, `Attribution.sure`).
   */
  best(cands: readonly Candidate[]): number {
    let best = -1;
    let top = Number.NEGATIVE_INFINITY;
    let rule = Number.NEGATIVE_INFINITY;
    let ruleAt = -1;
    cands.forEach((c, k) => {
      const s = this.score(c.feats);
      if (c.rule) {
        rule = s;
        ruleAt = k;
      }
      if (s > top) {
        top = s;
        best = k;
      }
    });
    return ruleAt >= 0 && (top - rule <= this.margin || cands[ruleAt]!.feats.includes('sure')) ? ruleAt : best;
  }
}

export const SPEAKER_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/speakers.json');

/** A model file, or null when there is none at `path`. */
export function loadSpeakerModel(path: string = SPEAKER_MODEL_PATH): SpeakerModel | null {
  return existsSync(path) ? new SpeakerModel(JSON.parse(readFileSync(path, 'utf8')) as SpeakerModelFile) : null;
}

let cached: SpeakerModel | null | undefined;

/** The committed model, loaded once; null when the file is missing (the quotes stage then keeps the rules' speaker). */
export function speakerModel(): SpeakerModel | null {
  if (cached === undefined) cached = loadSpeakerModel();
  return cached;
}
