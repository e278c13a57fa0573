import type { IobLabel, NerTagger } from '../tagger.js';
import { FeatureExtractor, stage2TemplateCount, type FeatureConfig, type FeatureResources } from './features.js';
import { NUM_LABELS, bilouToIob2 } from './labels.js';
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

  /**
   * `remap` maps each hashed feature row to its offset in the compact tables `stage1`/`stage2` (or -1);
   * see `NerModel.fromFull` for building a model from full-size trained tables.
   */
  constructor(
    readonly cfg: FeatureConfig,
    readonly resources: FeatureResources,
    readonly remap: Int32Array,
    readonly stage1: Float32Array,
    readonly stage2: Float32Array | null,
    readonly provenance: Provenance = {},
  ) {
    this.fx = new FeatureExtractor(cfg, resources);
    if (remap.length !== 1 << cfg.bits) throw new Error('row map size does not match feature config');
    if (stage2 && stage2.length !== stage1.length) throw new Error('stage weight tables differ in size');
    this.fx.useCompact(remap, stage2 ? [stage1, stage2] : [stage1]);
  }

  /** Build a model from full-size weight tables (rows × labels), keeping only rows with a non-zero weight. */
  static fromFull(
    cfg: FeatureConfig,
    resources: FeatureResources,
    full1: Float32Array,
    full2: Float32Array | null,
    provenance: Provenance = {},
  ): NerModel {
    const rows = 1 << cfg.bits;
    if (full1.length !== rows * NUM_LABELS || (full2 && full2.length !== full1.length))
      throw new Error('weight table size does not match feature config');
    const remap = new Int32Array(rows).fill(-1);
    let used = 0;
    for (let r = 0; r < rows; r++) {
      for (let l = 0; l < NUM_LABELS; l++) {
        if (full1[r * NUM_LABELS + l] !== 0 || (full2 && full2[r * NUM_LABELS + l] !== 0)) {
          remap[r] = used++ * NUM_LABELS;
          break;
        }
      }
    }
    const compact = (full: Float32Array): Float32Array => {
      const out = new Float32Array(used * NUM_LABELS);
      for (let r = 0; r < rows; r++)
        if (remap[r]! >= 0) out.set(full.subarray(r * NUM_LABELS, (r + 1) * NUM_LABELS), remap[r]!);
      return out;
    };
    return new NerModel(cfg, resources, remap, compact(full1), full2 ? compact(full2) : null, provenance);
  }

  /** Tag the sentences of one document; returns BILOU label ids per token, flat. */
  tagDocumentIds(sentences: readonly (readonly string[])[]): Uint8Array {
    const df = this.fx.extractDocument(sentences);
    const first = new Uint8Array(df.n);
    decodeDocument(this.fx, this.stage1, { df, extra: null, extraK: 0, table: 0 }, first);
    if (!this.stage2) return first;
    const second = new Uint8Array(df.n);
    const extra = this.fx.stage2Features(df, first);
    decodeDocument(this.fx, this.stage2, { df, extra, extraK: stage2TemplateCount(this.cfg), table: 1 }, second);
    return second;
  }

  tagSentences(sentences: readonly (readonly string[])[]): IobLabel[][] {
    if (!Array.isArray(sentences)) throw new TypeError('tagSentences expects an array of sentences');
    for (const s of sentences) {
      if (!Array.isArray(s) || s.some((t) => typeof t !== 'string'))
        throw new TypeError('each sentence must be an array of token strings');
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
