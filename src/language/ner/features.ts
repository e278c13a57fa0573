import { hashString, mix, extendPhrase, PHRASE_SEED } from './hash.js';
import { normalizeWord, wordCase, wordShape } from './shape.js';
import { GAZ_PREFIX, pathPrefix, type Gazetteer, type WordClusters } from './resources.js';
import { NUM_LABELS, labelType } from './labels.js';

/**
 * Feature extraction. Every feature is a hashed (template, value) pair mapped to a weight row;
 * `DocFeatures.feats` holds, for each token, the row offsets of its label-independent features, computed
 * once per document. Label-history features are added during decoding (see `historyFeatures`).
 */

export interface FeatureConfig {
  /** log2 of the number of weight rows. */
  bits: number;
  /** Number of gazetteer lists in use (0 = no gazetteer features). */
  gazetteerLists: number;
  /** Whether word-cluster features are used. */
  clusters: boolean;
  /**
   * Context aggregation (Ratinov & Roth 2009): a capitalized word also gets the neighbouring words of its other
   * occurrences within this many tokens in the document (0 or absent = off).
   */
  aggregate?: number;
  /**
   * Extended prediction history in the second pass: the share of each first-pass type the same word got
   * elsewhere in the document, and the label of its nearest earlier occurrence.
   */
  history?: boolean;
  /**
   * Word-class prefixes (6 and all bits) of the words two to the left and right too, as Illinois NER uses
   * cluster features over a ±2 window (Ratinov & Roth 2009); needs `clusters`.
   */
  clusters2?: boolean;
  /**
   * Gazetteer match codes conjoined with the casing of the token (lower, capitalized, all capitals): a match of a
   * capitalized token is then a different feature from a case-insensitive match of a lower-case word ("may",
   * "bill", "will" are in the name lists), as Illinois NER keeps its case-sensitive and case-insensitive
   * matches apart (Ratinov & Roth 2009). Changes feature values only, not the number of rows per token.
   */
  gazCase?: boolean;
  /**
   * Gazetteer lists pooled by the entity type they suggest (person, place, organization, other: see
   * `GAZ_TYPE_OF_LIST`), each type matched longest-first over the union of its lists as one more list with its
   * BILU position, plus the types' positions of the previous and next token paired with the token's own (six more
   * rows per token). Lists whose type is mixed (GMB's `gpe`: countries and nationality adjectives) are in none.
   */
  gazTypes?: boolean;
  /**
   * Character n-grams (3 and 4 letters) of the lower-cased word with its boundaries marked, each a hashed row,
   * for words of at least 5 characters with a letter: `all` for every such word, `rare` only for those without a
   * word class (seen fewer than 3 times in the unlabelled text), so the n-gram weights learn from the words
   * that look like unseen ones. Word-only rows: pre-summed per word at tagging time.
   */
  charGrams?: 'all' | 'rare';
  /** Names of templates (keys of `T` in features.ts) left out: feature ablations in cross-validation. */
  drop?: string[];
}

export interface FeatureResources {
  gazetteer: Gazetteer | null;
  clusters: WordClusters | null;
}

/** Per-token information that depends only on the word string (cached). */
interface WordInfo {
  w: number;
  lw: number;
  shape: number;
  /** The word itself (its affixes are hashed when its rows are made). */
  word: string;
  initialUpper: boolean;
  allUpper: boolean;
  hasLetter: boolean;
  lenBucket: number;
  norm: string;
  cluster: number;
  /** Cached rows of the features that depend on the word alone (null until first needed). */
  own: Int32Array | null;
  /** Cached history rows per previous-label state (see `historyRows`). */
  hist: Int32Array | null;
  /** Cached rows of the features this word gives its neighbours (see `contextRows`). */
  ctx: Int32Array | null;
  /**
   * Inference mode: the pre-summed word-only scores of each weight table, then the word's history-weight
   * bounds (see `ownSums`). Cached; the word-only rows themselves are then not kept.
   */
  sums: Float32Array | null;
}

// Template ids. Changing their order or meaning changes every feature id: bump MODEL_FORMAT then.
const T = {
  bias: 1,
  w: 2,
  lw: 3,
  lwm1: 4,
  lwp1: 5,
  lwm2: 6,
  lwp2: 7,
  sh: 8,
  shm1: 9,
  shp1: 10,
  shm1sh: 11,
  shshp1: 12,
  shTri: 13,
  prefix: 14,
  suffix: 15,
  bigL: 16,
  bigR: 17,
  initSh: 18,
  headSh: 19,
  headLw: 20,
  doc: 21,
  len: 22,
  wm1: 23,
  wp1: 24,
  initLw: 25,
  charGram: 26,
  gaz: 40,
  gazAny: 41,
  gazNext: 42,
  gazPrev: 43,
  gazType: 44,
  gazTypePrev: 45,
  gazTypeNext: 46,
  cl: 60,
  clm1: 61,
  clp1: 62,
  clm2: 63,
  clp2: 64,
  s1: 80,
  s1m1: 81,
  s1p1: 82,
  docType: 83,
  docTypeSh: 84,
  docTypeLw: 85,
  p1: 100,
  p1lw: 102,
  p1sh: 103,
  aggm1: 110,
  aggp1: 111,
  histFrac: 120,
  histPrev: 121,
} as const;

/** Slots of a word's context rows (`FeatureExtractor.contextRows`). */
const CTX = {
  lwm1: 0,
  lwp1: 1,
  lwm2: 2,
  lwp2: 3,
  shm1: 4,
  shp1: 5,
  wm1: 6,
  wp1: 7,
  clm1a: 8,
  clm1b: 9,
  clp1a: 10,
  clp1b: 11,
  clm2a: 12,
  clm2b: 13,
  clp2a: 14,
  clp2b: 15,
  count: 16,
} as const;

const AFFIX_LENGTHS = [1, 2, 3, 4, 5];
/** Rows that depend on the word alone: w, lw, shape, affixes, length × shape. */
const OWN_TEMPLATES = 4 + AFFIX_LENGTHS.length * 2;
/** Rows of character n-grams per word (`FeatureConfig.charGrams`); a word with more n-grams keeps the first ones. */
const CHAR_SLOTS = 24;
/** Shortest word given character n-grams (shorter ones are covered by the prefixes and suffixes). */
const CHAR_MIN_LENGTH = 5;
const BOS = hashString('<s>');
const EOS = hashString('</s>');
const BOS_SH = hashString('<s>', 7);
const EOS_SH = hashString('</s>', 7);

export const BASE_TEMPLATES = 33; // see extractDocument (checked there)
/** Rows of aggregated contexts per token (`FeatureConfig.aggregate`). */
const AGG_SLOTS = 6;
const STAGE2_BASE = 6;
/** Stage-2 rows of the extended prediction history: one per class (O and the 4 types), then the nearest one. */
const HISTORY_SLOTS = 6;

/** Entity type suggested by each gazetteer list (`FeatureConfig.gazTypes`); lists not named here are in none. */
export const GAZ_TYPE_OF_LIST: Readonly<Record<string, number>> = {
  'first-name': 0,
  'person-name': 0,
  'gmb-per': 0,
  'phoenix-person': 0,
  country: 1,
  capital: 1,
  'city-large': 1,
  city: 1,
  region: 1,
  'gmb-geo': 1,
  company: 2,
  organization: 2,
  'gmb-org': 2,
  'phoenix-org': 2,
  demonym: 3,
  language: 3,
  'gmb-eve': 3,
  'gmb-art': 3,
};
const GAZ_TYPES = 4;
/** Rows of the pooled gazetteer types per token: one per type, then previous and next token. */
const GAZ_TYPE_ROWS = GAZ_TYPES + 2;

export function stage2TemplateCount(cfg: FeatureConfig): number {
  return STAGE2_BASE + (cfg.history ? HISTORY_SLOTS : 0);
}
/** Label-dependent rows per (token, previous label): see `historyRows`. */
export const HISTORY_TEMPLATES = 2;

export function staticTemplateCount(cfg: FeatureConfig): number {
  return (
    BASE_TEMPLATES +
    (cfg.gazetteerLists > 0 ? cfg.gazetteerLists + 3 : 0) +
    (cfg.gazetteerLists > 0 && cfg.gazTypes ? GAZ_TYPE_ROWS : 0) +
    (cfg.clusters ? 8 : 0) +
    (cfg.clusters && cfg.clusters2 ? 4 : 0) +
    (cfg.aggregate ? AGG_SLOTS : 0) +
    (cfg.charGrams ? CHAR_SLOTS : 0)
  );
}

export interface DocFeatures {
  /** Number of tokens. */
  n: number;
  /** Label-independent feature rows per token. */
  k: number;
  /** n × k row offsets into the weight tables (-1 = feature without weights). */
  feats: Int32Array;
  /** Per-token values used by history features. */
  lw: Uint32Array;
  shape: Uint32Array;
  /** Sentence boundaries: sentence s covers tokens [bounds[s], bounds[s+1]). */
  bounds: Int32Array;
  /** Per-token normalized word and whether it is capitalized (for document-level features). */
  norm: string[];
  capital: Uint8Array;
  /** Per token: history rows for each previous-label state (shared per word). */
  hist: Int32Array[];
  /**
   * Inference only: per token (shared per word), the pre-summed scores of the word-only features for each
   * weight table (table t at [t × NUM_LABELS, (t + 1) × NUM_LABELS)); those features are then absent from
   * `feats`. After them, from `boundsAt`: per table t, at [2t] a bound ≥ every weight of the word's first
   * history rows and at [2t + 1] the same for its second ones, both ≥ 0, so Viterbi can skip previous labels
   * that cannot win without reading their rows (see `historyBounds`).
   */
  ownSums: Float32Array[] | null;
  /** Where the history-weight bounds start in each `ownSums` array (-1 without them). */
  boundsAt: number;
}

/** Words per generation of the feature extractor's word cache. */
const WORD_CACHE = 50_000;

export class FeatureExtractor {
  readonly mask: number;
  /**
   * Per-word information, in two generations: when the young map fills, it becomes the old one and the
   * previous old one is dropped; a word found in the old map moves back to the young one. Frequent words
   * stay cached, and memory stays bounded (~1 KB per word, at most 2 × WORD_CACHE words) however many
   * distinct words a long run meets.
   */
  private young = new Map<string, WordInfo>();
  private old = new Map<string, WordInfo>();
  /** Context rows of the sentence boundaries (see `edgeRows`). */
  private bosRows: Int32Array | null = null;
  private eosRows: Int32Array | null = null;

  constructor(
    readonly cfg: FeatureConfig,
    readonly res: FeatureResources,
  ) {
    this.mask = (1 << cfg.bits) - 1;
    for (const name of cfg.drop ?? []) {
      const id = (T as Record<string, number>)[name];
      if (id === undefined) throw new Error(`unknown feature template "${name}"`);
      this.dropped[id] = 1;
    }
    this.ownCount = OWN_TEMPLATES + (cfg.clusters ? 4 : 0) + (cfg.charGrams ? CHAR_SLOTS : 0);
    if (cfg.gazetteerLists > 0 && !res.gazetteer) throw new Error('feature config needs a gazetteer');
    if (cfg.gazetteerLists > 0 && res.gazetteer) {
      const lists = res.gazetteer.lists.slice(0, cfg.gazetteerLists);
      this.listGroups = Int32Array.from(lists, (_, g) => 1 << g);
      if (cfg.gazTypes) {
        const types = new Int32Array(GAZ_TYPES);
        lists.forEach((name, g) => {
          const t = GAZ_TYPE_OF_LIST[name];
          if (t !== undefined) types[t]! |= 1 << g;
        });
        this.typeGroups = types;
      }
    }
    if (cfg.clusters && !res.clusters) throw new Error('feature config needs word clusters');
  }

  /**
   * Compact row map of a trained model: hashed row → offset in the compact weight tables, or -1 when no
   * table has a weight there (the feature is then skipped). Null while training (offsets = row × labels).
   */
  private remap: Int32Array | null = null;
  private tables: Float32Array[] | null = null;
  /** Per weight table, each row's largest weight (indexed by row offset / NUM_LABELS). */
  private rowMax: Float32Array[] | null = null;
  private readonly ownCount: number;
  /** Bit masks of the gazetteer lists matched as one: each list alone, and (with `gazTypes`) each type's lists. */
  private listGroups = new Int32Array(0);
  private typeGroups: Int32Array | null = null;
  /** Per template id: 1 when the template is dropped (its rows are -1). */
  private readonly dropped = new Uint8Array(128);

  /**
   * Inference mode: a compact row map and the model's weight tables, so word-only features can be
   * pre-summed per word (clears the per-word cache).
   */
  useCompact(remap: Int32Array, tables: Float32Array[]): void {
    this.remap = remap;
    this.tables = tables;
    this.rowMax = tables.map(rowMaxima);
    this.young = new Map();
    this.old = new Map();
    this.bosRows = null;
    this.eosRows = null;
  }

  private ownSums(inf: WordInfo): Float32Array {
    if (inf.sums) return inf.sums;
    // Each word's rows are summed once, so they are made here and not cached (memory: ~40,000 words a worker).
    const rows = this.makeOwnRows(inf);
    const tables = this.tables!;
    const sums = new Float32Array(tables.length * (NUM_LABELS + HISTORY_TEMPLATES));
    tables.forEach((w, t) => {
      for (const r of rows) if (r >= 0) for (let l = 0; l < NUM_LABELS; l++) sums[t * NUM_LABELS + l]! += w[r + l]!;
    });
    this.historyBounds(inf, sums, tables.length * NUM_LABELS);
    return (inf.sums = sums);
  }

  /**
   * Write at `out[at + 2t]` the largest weight in any of the word's first history rows of table t, and at
   * `[at + 2t + 1]` the same for its second rows, each at least 0 (a missing row adds nothing). They are
   * float32 values (row maxima or 0), so stored exactly. Added to a path score in the order Viterbi adds the
   * real weights, they bound every history score from above: floating-point addition is monotone.
   */
  private historyBounds(inf: WordInfo, out: Float32Array, at: number): void {
    const rows = this.histRows(inf);
    this.rowMax!.forEach((mx, t) => {
      for (let j = 0; j < rows.length; j++) {
        const r = rows[j]!;
        const slot = at + t * HISTORY_TEMPLATES + (j % HISTORY_TEMPLATES);
        if (r >= 0) out[slot] = Math.max(out[slot]!, mx[r / NUM_LABELS]!);
      }
    });
  }

  private ownRows(inf: WordInfo): Int32Array {
    return (inf.own ??= this.makeOwnRows(inf));
  }

  private makeOwnRows(inf: WordInfo): Int32Array {
    const word = inf.word;
    const own = new Int32Array(this.ownCount);
    let o = 0;
    own[o++] = this.row(T.w, inf.w);
    own[o++] = this.row(T.lw, inf.lw);
    own[o++] = this.row(T.sh, inf.shape);
    AFFIX_LENGTHS.forEach((n, i) => {
      own[o++] = this.row2(T.prefix, i, word.length >= n ? hashString(word.slice(0, n), 11) : 0);
      own[o++] = this.row2(T.suffix, i, word.length >= n ? hashString(word.slice(word.length - n), 13) : 0);
    });
    own[o++] = this.row2(T.len, inf.lenBucket, inf.shape);
    if (this.cfg.clusters) {
      const c = inf.cluster;
      own[o++] = this.row2(T.cl, 4, pathPrefix(c, 4));
      own[o++] = this.row2(T.cl, 6, pathPrefix(c, 6));
      own[o++] = this.row2(T.cl, 10, pathPrefix(c, 10));
      own[o++] = this.row2(T.cl, 20, c);
    }
    if (this.cfg.charGrams) {
      const end = o + CHAR_SLOTS;
      const on = inf.hasLetter && word.length >= CHAR_MIN_LENGTH && (this.cfg.charGrams === 'all' || inf.cluster === 0);
      if (on)
        for (const g of charNgrams(inf.norm))
          if (o < end) own[o++] = this.row2(T.charGram, g.length, hashString(g, 17));
      while (o < end) own[o++] = -1;
    }
    return own;
  }

  private histRows(inf: WordInfo): Int32Array {
    if (inf.hist) return inf.hist;
    const h = new Int32Array((NUM_LABELS + 1) * HISTORY_TEMPLATES);
    for (let ps = 0; ps <= NUM_LABELS; ps++) {
      h[ps * HISTORY_TEMPLATES] = this.row2(T.p1lw, ps, inf.lw);
      h[ps * HISTORY_TEMPLATES + 1] = this.row2(T.p1sh, ps, inf.shape);
    }
    return (inf.hist = h);
  }

  /**
   * Rows of the features a word gives the tokens around it (as their previous, next, second previous or
   * second next word: its lower-cased form, shape, form and word clusters), cached per word. Indexes: `CTX`.
   */
  private contextRows(inf: WordInfo): Int32Array {
    return (inf.ctx ??= this.contextRowsOf(inf.lw, inf.shape, inf.w, inf.cluster));
  }

  /** The context rows of a missing neighbour: before the sentence start (`<s>`) or after its end (`</s>`). */
  private edgeRows(before: boolean): Int32Array {
    if (before) return (this.bosRows ??= this.contextRowsOf(BOS, BOS_SH, BOS, 1));
    return (this.eosRows ??= this.contextRowsOf(EOS, EOS_SH, EOS, 2));
  }

  private contextRowsOf(lw: number, shape: number, w: number, cluster: number): Int32Array {
    const c = new Int32Array(CTX.count);
    c[CTX.lwm1] = this.row(T.lwm1, lw);
    c[CTX.lwp1] = this.row(T.lwp1, lw);
    c[CTX.lwm2] = this.row(T.lwm2, lw);
    c[CTX.lwp2] = this.row(T.lwp2, lw);
    c[CTX.shm1] = this.row(T.shm1, shape);
    c[CTX.shp1] = this.row(T.shp1, shape);
    c[CTX.wm1] = this.row(T.wm1, w);
    c[CTX.wp1] = this.row(T.wp1, w);
    if (this.cfg.clusters) {
      c[CTX.clm1a] = this.row2(T.clm1, 6, pathPrefix(cluster, 6));
      c[CTX.clm1b] = this.row2(T.clm1, 20, cluster);
      c[CTX.clp1a] = this.row2(T.clp1, 6, pathPrefix(cluster, 6));
      c[CTX.clp1b] = this.row2(T.clp1, 20, cluster);
      if (this.cfg.clusters2) {
        c[CTX.clm2a] = this.row2(T.clm2, 6, pathPrefix(cluster, 6));
        c[CTX.clm2b] = this.row2(T.clm2, 20, cluster);
        c[CTX.clp2a] = this.row2(T.clp2, 6, pathPrefix(cluster, 6));
        c[CTX.clp2b] = this.row2(T.clp2, 20, cluster);
      }
    }
    return c;
  }

  /** Row offset of a feature (-1 = no weights). */
  row(template: number, value: number): number {
    if (this.dropped[template]) return -1;
    const r = mix(Math.imul(template, 0x27d4eb2f) ^ 0x165667b1, value) & this.mask;
    return this.remap ? this.remap[r]! : r * NUM_LABELS;
  }

  row2(template: number, a: number, b: number): number {
    if (this.dropped[template]) return -1;
    const r = mix(mix(Math.imul(template, 0x27d4eb2f) ^ 0x165667b1, a), b) & this.mask;
    return this.remap ? this.remap[r]! : r * NUM_LABELS;
  }

  private info(word: string): WordInfo {
    let inf = this.young.get(word);
    if (inf) return inf;
    inf = this.old.get(word);
    if (inf) return this.remember(word, inf);
    const norm = normalizeWord(word);
    const c = wordCase(word);
    inf = {
      w: hashString(word),
      lw: hashString(norm, 1),
      shape: hashString(wordShape(word), 7),
      word,
      initialUpper: c.initialUpper,
      allUpper: c.allUpper,
      hasLetter: c.hasLetter,
      lenBucket: word.length <= 3 ? word.length : word.length <= 6 ? 4 : word.length <= 10 ? 5 : 6,
      norm,
      cluster: this.res.clusters?.paths.get(hashString(word)) ?? this.res.clusters?.paths.get(hashString(norm, 1)) ?? 0,
      own: null,
      hist: null,
      ctx: null,
      sums: null,
    };
    return this.remember(word, inf);
  }

  private remember(word: string, inf: WordInfo): WordInfo {
    if (this.young.size >= WORD_CACHE) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(word, inf);
    return inf;
  }

  /** Label-independent features of one document. */
  extractDocument(sentences: readonly (readonly string[])[]): DocFeatures {
    let n = 0;
    for (const s of sentences) n += s.length;
    const k = this.tables ? staticTemplateCount(this.cfg) - this.ownCount : staticTemplateCount(this.cfg);
    const ownSums: Float32Array[] | null = this.tables ? new Array(n) : null;
    const feats = new Int32Array(n * k);
    const lw = new Uint32Array(n);
    const shape = new Uint32Array(n);
    const bounds = new Int32Array(sentences.length + 1);
    const infos: WordInfo[] = new Array(n);
    const headline = new Uint8Array(n);
    const initial = new Uint8Array(n);
    const norm: string[] = new Array(n);
    const capital = new Uint8Array(n);
    const hist: Int32Array[] = new Array(n);
    let t = 0;
    for (let s = 0; s < sentences.length; s++) {
      bounds[s] = t;
      const sent = sentences[s]!;
      let letters = 0;
      let caps = 0;
      for (let i = 0; i < sent.length; i++) {
        const inf = this.info(sent[i]!);
        infos[t + i] = inf;
        if (inf.hasLetter) {
          letters++;
          if (inf.allUpper) caps++;
        }
      }
      const head = letters >= 2 && caps === letters ? 1 : 0;
      for (let i = 0; i < sent.length; i++) {
        headline[t + i] = head;
        initial[t + i] = i === 0 ? 1 : 0;
      }
      t += sent.length;
    }
    bounds[sentences.length] = t;

    // Document-level casing evidence: is the word seen lower-case elsewhere, or capitalized in the middle
    // of an ordinary (non-headline) sentence?
    const seenLower = new Set<string>();
    const seenMidCap = new Set<string>();
    for (let i = 0; i < n; i++) {
      const inf = infos[i]!;
      norm[i] = inf.norm;
      capital[i] = inf.initialUpper ? 1 : 0;
      if (!inf.hasLetter) continue;
      if (!inf.initialUpper) seenLower.add(inf.norm);
      else if (!initial[i] && !headline[i] && !inf.allUpper) seenMidCap.add(inf.norm);
    }

    const agg = this.cfg.aggregate ? this.aggregateContexts(infos, bounds, this.cfg.aggregate) : null;
    const gaz = this.cfg.gazetteerLists > 0 ? this.gazetteerCodes(sentences, n) : null;
    const typeCodes = gaz && this.typeGroups ? this.gazetteerCodes(sentences, n, this.typeGroups) : null;
    /** Per token, the pooled types' codes as one number (base 5). */
    let typeVec: Int32Array | null = null;
    if (typeCodes) {
      typeVec = new Int32Array(n);
      for (let i = 0; i < n; i++)
        for (let t = GAZ_TYPES - 1; t >= 0; t--) typeVec[i] = typeVec[i]! * 5 + typeCodes[i * GAZ_TYPES + t]!;
    }
    const L = this.cfg.gazetteerLists;
    const gazCase = this.cfg.gazCase === true;
    let gazAny: Int32Array | null = null;
    if (gaz) {
      gazAny = new Int32Array(n);
      for (let i = 0; i < n; i++) for (let g = 0; g < L; g++) if (gaz[i * L + g]) gazAny[i]! |= 1 << g;
    }

    for (let s = 0; s < sentences.length; s++) {
      const from = bounds[s]!;
      const to = bounds[s + 1]!;
      for (let i = from; i < to; i++) {
        const inf = infos[i]!;
        const pm1 = i - 1 >= from ? infos[i - 1]! : null;
        const pm2 = i - 2 >= from ? infos[i - 2]! : null;
        const pp1 = i + 1 < to ? infos[i + 1]! : null;
        const pp2 = i + 2 < to ? infos[i + 2]! : null;
        const lwm1 = pm1 ? pm1.lw : BOS;
        const lwp1 = pp1 ? pp1.lw : EOS;
        const shm1 = pm1 ? pm1.shape : BOS_SH;
        const shp1 = pp1 ? pp1.shape : EOS_SH;
        const cm1 = pm1 ? this.contextRows(pm1) : this.edgeRows(true);
        const cm2 = pm2 ? this.contextRows(pm2) : this.edgeRows(true);
        const cp1 = pp1 ? this.contextRows(pp1) : this.edgeRows(false);
        const cp2 = pp2 ? this.contextRows(pp2) : this.edgeRows(false);
        lw[i] = inf.lw;
        shape[i] = inf.shape;
        const docFlag = inf.hasLetter ? (seenLower.has(inf.norm) ? 1 : 0) | (seenMidCap.has(inf.norm) ? 2 : 0) : 4;
        let o = i * k;
        feats[o++] = this.row(T.bias, 0);
        if (ownSums) ownSums[i] = this.ownSums(inf);
        else {
          feats.set(this.ownRows(inf), o);
          o += this.ownCount;
        }
        hist[i] = this.histRows(inf);
        feats[o++] = cm1[CTX.lwm1]!;
        feats[o++] = cp1[CTX.lwp1]!;
        feats[o++] = cm2[CTX.lwm2]!;
        feats[o++] = cp2[CTX.lwp2]!;
        feats[o++] = cm1[CTX.shm1]!;
        feats[o++] = cp1[CTX.shp1]!;
        feats[o++] = this.row2(T.shm1sh, shm1, inf.shape);
        feats[o++] = this.row2(T.shshp1, inf.shape, shp1);
        feats[o++] = this.row2(T.shTri, mix(shm1, inf.shape), shp1);
        feats[o++] = this.row2(T.bigL, lwm1, inf.lw);
        feats[o++] = this.row2(T.bigR, inf.lw, lwp1);
        feats[o++] = this.row2(T.initSh, initial[i]!, inf.shape);
        feats[o++] = this.row2(T.headSh, headline[i]!, inf.shape);
        feats[o++] = this.row2(T.headLw, headline[i]!, inf.lw);
        feats[o++] = this.row2(T.doc, docFlag * 2 + (initial[i]! | headline[i]!), inf.shape);
        feats[o++] = cm1[CTX.wm1]!;
        feats[o++] = cp1[CTX.wp1]!;
        feats[o++] = this.row2(T.initLw, initial[i]!, inf.lw);
        if (gaz) {
          const any = gazAny![i]!;
          const caseClass = inf.allUpper ? 2 : inf.initialUpper ? 1 : 0;
          for (let g = 0; g < L; g++) {
            const code = gaz[i * L + g]!;
            feats[o++] = code ? this.row2(T.gaz, g, gazCase ? code * 4 + caseClass : code) : -1;
          }
          feats[o++] = this.row2(T.gazAny, any, inf.initialUpper ? 1 : 0);
          feats[o++] = this.row2(T.gazPrev, i - 1 >= from ? gazAny![i - 1]! : 0, any);
          feats[o++] = this.row2(T.gazNext, i + 1 < to ? gazAny![i + 1]! : 0, any);
          if (typeCodes) {
            for (let t = 0; t < GAZ_TYPES; t++) {
              const code = typeCodes[i * GAZ_TYPES + t]!;
              feats[o++] = code ? this.row2(T.gazType, t, code) : -1;
            }
            const v = typeVec![i]!;
            const prev = i - 1 >= from ? typeVec![i - 1]! : -1;
            const next = i + 1 < to ? typeVec![i + 1]! : -1;
            feats[o++] = v || prev > 0 ? this.row2(T.gazTypePrev, prev, v) : -1;
            feats[o++] = v || next > 0 ? this.row2(T.gazTypeNext, v, next) : -1;
          }
        }
        if (this.cfg.clusters) {
          feats[o++] = cm1[CTX.clm1a]!;
          feats[o++] = cm1[CTX.clm1b]!;
          feats[o++] = cp1[CTX.clp1a]!;
          feats[o++] = cp1[CTX.clp1b]!;
          if (this.cfg.clusters2) {
            feats[o++] = cm2[CTX.clm2a]!;
            feats[o++] = cm2[CTX.clm2b]!;
            feats[o++] = cp2[CTX.clp2a]!;
            feats[o++] = cp2[CTX.clp2b]!;
          }
        }
        if (agg) {
          feats.set(agg.subarray(i * AGG_SLOTS, (i + 1) * AGG_SLOTS), o);
          o += AGG_SLOTS;
        }
        if (o !== (i + 1) * k) throw new Error(`feature template count mismatch (${o - i * k} vs ${k})`);
      }
    }
    return {
      n,
      k,
      feats,
      lw,
      shape,
      bounds,
      norm,
      capital,
      hist,
      ownSums,
      boundsAt: this.tables ? this.tables.length * NUM_LABELS : -1,
    };
  }

  /**
   * Context aggregation rows (`AGG_SLOTS` per token, -1 when unused): for a capitalized word, the lower-cased
   * words just before and after its other occurrences (case-folded) within `window` tokens, nearest first,
   * each distinct (side, word) once.
   */
  private aggregateContexts(infos: readonly WordInfo[], bounds: Int32Array, window: number): Int32Array {
    const n = infos.length;
    const out = new Int32Array(n * AGG_SLOTS).fill(-1);
    const sentFrom = new Int32Array(n);
    const sentTo = new Int32Array(n);
    for (let s = 0; s + 1 < bounds.length; s++)
      for (let i = bounds[s]!; i < bounds[s + 1]!; i++) {
        sentFrom[i] = bounds[s]!;
        sentTo[i] = bounds[s + 1]!;
      }
    const where = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      const inf = infos[i]!;
      if (!inf.initialUpper) continue;
      const at = where.get(inf.norm);
      if (at) at.push(i);
      else where.set(inf.norm, [i]);
    }
    const seen = new Int32Array(AGG_SLOTS);
    for (const at of where.values()) {
      if (at.length < 2) continue;
      for (let a = 0; a < at.length; a++) {
        const i = at[a]!;
        let used = 0;
        // Walk outwards from occurrence a: the nearer of the next unvisited occurrences on either side first.
        let lo = a - 1;
        let hi = a + 1;
        while (used < AGG_SLOTS) {
          const dl = lo >= 0 ? i - at[lo]! : Infinity;
          const dh = hi < at.length ? at[hi]! - i : Infinity;
          const d = Math.min(dl, dh);
          if (d > window) break;
          const j = dl <= dh ? at[lo--]! : at[hi++]!;
          for (let side = 0; side < 2 && used < AGG_SLOTS; side++) {
            const k = side === 0 ? j - 1 : j + 1;
            const inside = side === 0 ? k >= sentFrom[j]! : k < sentTo[j]!;
            const lw = inside ? infos[k]!.lw : side === 0 ? BOS : EOS;
            const r = this.row(side === 0 ? T.aggm1 : T.aggp1, lw);
            if (r < 0) continue;
            let dup = false;
            for (let u = 0; u < used; u++) if (seen[u] === r) dup = true;
            if (dup) continue;
            seen[used] = r;
            out[i * AGG_SLOTS + used++] = r;
          }
        }
      }
    }
    return out;
  }

  /**
   * Gazetteer match codes per token and group of lists (by default each list alone; a group is a bit mask of
   * lists): 0 none, 1 B, 2 I, 3 L, 4 U, from a longest-match scan of each group over the lower-cased tokens of
   * each sentence.
   */
  gazetteerCodes(
    sentences: readonly (readonly string[])[],
    n: number,
    groups: Int32Array = this.listGroups,
  ): Uint8Array {
    const gz = this.res.gazetteer!;
    const L = groups.length;
    const codes = new Uint8Array(n * L);
    const coveredUntil = new Int32Array(L);
    const masks = new Int32Array(gz.maxLen);
    let base = 0;
    for (const sent of sentences) {
      coveredUntil.fill(0);
      const hashes = sent.map((w) => this.info(w).lw);
      for (let i = 0; i < sent.length; i++) {
        let h = PHRASE_SEED;
        let any = 0;
        const maxLen = Math.min(gz.maxLen, sent.length - i);
        let longest = 0;
        for (let len = 1; len <= maxLen; len++) {
          h = extendPhrase(h, hashes[i + len - 1]!);
          const e = gz.entries.get(h);
          if (e === undefined) break;
          const m = e & ~GAZ_PREFIX;
          masks[len - 1] = m;
          any |= m;
          longest = len;
          if (!(e & GAZ_PREFIX)) break;
        }
        if (!any) continue;
        for (let g = 0; g < L; g++) {
          const group = groups[g]!;
          if (coveredUntil[g]! > i || !(any & group)) continue;
          let best = 0;
          for (let len = longest; len >= 1; len--) {
            if (masks[len - 1]! & group) {
              best = len;
              break;
            }
          }
          if (best === 1) codes[(base + i) * L + g] = 4;
          else {
            codes[(base + i) * L + g] = 1;
            for (let j = i + 1; j < i + best - 1; j++) codes[(base + j) * L + g] = 2;
            codes[(base + i + best - 1) * L + g] = 3;
          }
          coveredUntil[g] = i + best;
        }
      }
      base += sent.length;
    }
    return codes;
  }

  /**
   * Stage-2 (document-level) features from a first-pass labelling of the whole document: the first-pass
   * label of the token and its neighbours, and the entity type the same capitalized word most often got
   * elsewhere in the document.
   */
  stage2Features(df: DocFeatures, first: Uint8Array): Int32Array {
    const n = df.n;
    const K = stage2TemplateCount(this.cfg);
    const history = this.cfg.history === true;
    const out = new Int32Array(n * K);
    /** Per capitalized word: the index of its latest occurrence so far (left-to-right scan). */
    const lastAt = new Map<string, number>();
    const counts = new Map<string, Int32Array>();
    for (let i = 0; i < n; i++) {
      if (!df.capital[i]) continue;
      let c = counts.get(df.norm[i]!);
      if (!c) counts.set(df.norm[i]!, (c = new Int32Array(5)));
      c[labelType(first[i]!) + 1]!++;
    }
    for (let s = 0; s + 1 < df.bounds.length; s++) {
      const from = df.bounds[s]!;
      const to = df.bounds[s + 1]!;
      for (let i = from; i < to; i++) {
        let docType = 0;
        const c = df.capital[i] ? counts.get(df.norm[i]!) : undefined;
        if (c) {
          // Other occurrences only.
          const own = labelType(first[i]!) + 1;
          let best = -1;
          let bestCount = 0;
          let total = 0;
          for (let t = 0; t < 5; t++) {
            const v = c[t]! - (t === own ? 1 : 0);
            total += v;
            if (v > bestCount) {
              bestCount = v;
              best = t;
            }
          }
          if (best >= 0) docType = 1 + best * 3 + (bestCount === total ? 2 : bestCount * 2 > total ? 1 : 0);
        }
        let o = i * K;
        out[o++] = this.row(T.s1, first[i]!);
        out[o++] = this.row2(T.s1m1, i > from ? first[i - 1]! : 99, first[i]!);
        out[o++] = this.row2(T.s1p1, i + 1 < to ? first[i + 1]! : 99, first[i]!);
        out[o++] = this.row(T.docType, docType);
        out[o++] = this.row2(T.docTypeSh, docType, df.shape[i]!);
        out[o++] = this.row2(T.docTypeLw, docType, df.lw[i]!);
        if (history) {
          const own = labelType(first[i]!) + 1;
          let total = 0;
          if (c) for (let t = 0; t < 5; t++) total += c[t]! - (t === own ? 1 : 0);
          for (let t = 0; t < 5; t++) {
            const v = c ? c[t]! - (t === own ? 1 : 0) : 0;
            // Share of the other occurrences in quarters (0 = none, 1..4 = up to a quarter … all).
            out[o++] = v > 0 ? this.row2(T.histFrac, t, Math.ceil((4 * v) / total)) : -1;
          }
          const prev = df.capital[i] ? lastAt.get(df.norm[i]!) : undefined;
          out[o++] = prev === undefined ? -1 : this.row(T.histPrev, first[prev]!);
          if (df.capital[i]) lastAt.set(df.norm[i]!, i);
        }
      }
    }
    return out;
  }

  /**
   * Rows of the label-transition features for token i when the previous label is `prev` (-1 = sentence
   * start): previous label × current word, previous label × current shape. The plain transition row
   * (previous label alone) is `transitionRow`.
   */
  historyRows(df: DocFeatures, i: number, prev: number, out: Int32Array, at: number): void {
    const h = df.hist[i]!;
    const o = (prev + 1) * HISTORY_TEMPLATES;
    out[at] = h[o]!;
    out[at + 1] = h[o + 1]!;
  }

  /**
   * Slots [from, to) of the gazetteer rows among each token's static rows (in the layout of this extractor's
   * mode); [0, 0] without a gazetteer.
   */
  gazetteerSlots(): [number, number] {
    if (this.cfg.gazetteerLists <= 0) return [0, 0];
    const from = BASE_TEMPLATES - OWN_TEMPLATES + (this.tables ? 0 : this.ownCount);
    return [from, from + this.cfg.gazetteerLists + 3 + (this.cfg.gazTypes ? GAZ_TYPE_ROWS : 0)];
  }

  /**
   * Slots, among each token's static rows in the training layout, of the features that name the token's own word:
   * its form and lower-cased form, the word pairs with its neighbours, and its lower-cased form at a sentence start
   * or in a headline (see `TrainOptions.wordDropout`).
   */
  wordIdentitySlots(): number[] {
    if (this.tables) throw new Error('word identity slots exist in the training layout only');
    const after = 1 + this.ownCount;
    return [1, 2, after + 9, after + 10, after + 13, after + 17];
  }

  transitionRow(prev: number): number {
    return this.row(T.p1, prev + 1);
  }
}

/** Distinct 3- and 4-letter n-grams of `^word$` (trigrams first, left to right). */
export function charNgrams(word: string): string[] {
  const s = `^${word}$`;
  const out = new Set<string>();
  for (const n of [3, 4]) for (let i = 0; i + n <= s.length; i++) out.add(s.slice(i, i + n));
  return [...out];
}

/** Each row's largest weight in a compact table of NUM_LABELS-wide rows. */
function rowMaxima(w: Float32Array): Float32Array {
  const out = new Float32Array(w.length / NUM_LABELS);
  for (let r = 0; r < out.length; r++) {
    let m = -Infinity;
    for (let l = 0; l < NUM_LABELS; l++) m = Math.max(m, w[r * NUM_LABELS + l]!);
    out[r] = m;
  }
  return out;
}
