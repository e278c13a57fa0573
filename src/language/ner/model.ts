import type { IobLabel, NerTagger } from '../tagger.js';
import { FeatureExtractor, STAGE2_TEMPLATES, type FeatureConfig, type FeatureResources } from './features.js';
import { bilouToIob2 } from './labels.js';
import { decodeDocument } from './perceptron.js';

/** Where a model came from (stored in the model file, printed by the bench). */
export interface Provenance {
  [key: string]: string | number | boolean | null;
}

/**
 * A trained NER model: feature configuration, lexical resources, first-pass weights and optional
 * second-pass (document-level) weights. Implements the language stage's `NerTagger` seam.
 */
export class NerModel implements NerTagger {
  readonly fx: FeatureExtractor;

  constructor(
    readonly cfg: FeatureConfig,
    readonly resources: FeatureResources,
    readonly stage1: Float32Array,
    readonly stage2: Float32Array | null,
    readonly provenance: Provenance = {},
  ) {
    this.fx = new FeatureExtractor(cfg, resources);
    const expected = (1 << cfg.bits) * 17;
    if (stage1.length !== expected || (stage2 && stage2.length !== expected)) throw new Error('weight table size does not match feature config');
  }

  /** Tag the sentences of one document; returns BILOU label ids per token, flat. */
  tagDocumentIds(sentences: readonly (readonly string[])[]): Uint8Array {
    const df = this.fx.extractDocument(sentences);
    const first = new Uint8Array(df.n);
    decodeDocument(this.fx, this.stage1, { df, extra: null, extraK: 0 }, first);
    if (!this.stage2) return first;
    const second = new Uint8Array(df.n);
    const extra = this.fx.stage2Features(df, first);
    decodeDocument(this.fx, this.stage2, { df, extra, extraK: STAGE2_TEMPLATES }, second);
    return second;
  }

  tagSentences(sentences: readonly (readonly string[])[]): IobLabel[][] {
    if (!Array.isArray(sentences)) throw new TypeError('tagSentences expects an array of sentences');
    for (const s of sentences) {
      if (!Array.isArray(s) || s.some((t) => typeof t !== 'string')) throw new TypeError('each sentence must be an array of token strings');
    }
    const ids = this.tagDocumentIds(sentences);
    const out: IobLabel[][] = [];
    let t = 0;
    for (const s of sentences) {
      out.push(bilouToIob2(ids.subarray(t, t + s.length)));
      t += s.length;
    }
    return out;
  }
}
