import type { EntityMention, Sentence, Span, Token } from './doc.js';

/**
 * Token-level look-ups over a `Doc`, built once per document and shared by every stage (as spaCy keeps
 * `token_by_start`/`token_by_end` and `Doc.char_span` on the document): which tokens a sentence holds,
 * which token starts or ends at a character offset, which tokens a character span covers, which entity
 * mention covers a token, and one lower-case form per token. Stages ask the index; they do not rebuild
 * their own views.
 *
 * The index is cached per document and rebuilt per layer: when a stage replaces `doc.tokens` or
 * `doc.sentences` the token part is rebuilt, when it replaces `doc.entities` (or adds to it) the entity
 * part is. Layers must be replaced, not edited in place, for the cache to notice (every stage does so).
 */

/** How a character span that does not fall on token boundaries maps to tokens (spaCy's `alignment_mode`). */
export type AlignmentMode =
  /** Only a span that starts at a token start and ends at a token end; else no tokens. */
  | 'strict'
  /** The tokens lying wholly inside the span. */
  | 'contract'
  /** The tokens the span touches, even in part. */
  | 'expand';

/** The layers an index is built from: a whole `Doc`, or a bare tokenized text. */
export interface Indexable {
  readonly sentences: readonly Sentence[];
  readonly tokens: readonly Token[];
  readonly entities?: readonly EntityMention[];
}

/**
 * The one folding rule for matching words against word lists: lower case, and the typographic
 * apostrophe ’ read as ' ("Russia’s" and "Russia's", "don’t" and "don't" are the same word).
 */
export function foldWord(text: string): string {
  const lower = text.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}

export class DocIndex {
  readonly tokens: readonly Token[];
  readonly sentences: readonly Sentence[];
  /** Per sentence: its first token; one final entry holds the token count (a sentence s is [s, s+1)). */
  readonly sentenceStart: readonly number[];
  /** Per token: [first token, end token) of its sentence. */
  readonly sentLo: Int32Array;
  readonly sentHi: Int32Array;
  #lower: string[] | null = null;
  #ranges: (readonly [number, number])[] | null = null;
  #entities: readonly EntityMention[] | null = null;
  #entityCount = -1;
  #entityOf: Int32Array | null = null;

  constructor(readonly source: Indexable) {
    this.tokens = source.tokens;
    this.sentences = source.sentences;
    const toks = this.tokens;
    const n = toks.length;
    const count = Math.max(this.sentences.length, n > 0 ? toks[n - 1]!.sentence + 1 : 0);
    const starts = new Array<number>(count + 1);
    this.sentLo = new Int32Array(n);
    this.sentHi = new Int32Array(n);
    let s = 0;
    for (let i = 0; i < n; ) {
      const sentence = toks[i]!.sentence;
      let j = i;
      while (j < n && toks[j]!.sentence === sentence) j++;
      // Sentences without tokens (none come from the tokenizer) get an empty range.
      while (s <= sentence && s < count) starts[s++] = i;
      this.sentLo.fill(i, i, j);
      this.sentHi.fill(j, i, j);
      i = j;
    }
    while (s <= count) starts[s++] = n;
    this.sentenceStart = starts;
  }

  /** [first token, end token) of sentence `s`. */
  sentenceTokens(s: number): [number, number] {
    return [this.sentenceStart[s] ?? this.tokens.length, this.sentenceStart[s + 1] ?? this.tokens.length];
  }

  /** Per sentence: [first token, end token), in sentence order. */
  get sentenceRanges(): readonly (readonly [number, number])[] {
    if (this.#ranges === null) {
      const starts = this.sentenceStart;
      this.#ranges = [];
      for (let s = 0; s + 1 < starts.length; s++) this.#ranges.push([starts[s]!, starts[s + 1]!]);
    }
    return this.#ranges;
  }

  /** Per token: its text lower-cased by `foldWord`. */
  get lower(): readonly string[] {
    this.#lower ??= this.tokens.map((t) => foldWord(t.text));
    return this.#lower;
  }

  /** Per token: index into `entities` of the mention covering it whole, or -1. */
  get entityOf(): Int32Array {
    const ents = this.source.entities ?? [];
    if (this.#entityOf === null || this.#entities !== ents || this.#entityCount !== ents.length) {
      const of = new Int32Array(this.tokens.length).fill(-1);
      ents.forEach((e, k) => {
        const [a, b] = this.tokensIn(e);
        of.fill(k, a, b);
      });
      this.#entityOf = of;
      this.#entities = ents;
      this.#entityCount = ents.length;
    }
    return this.#entityOf;
  }

  /** The entity mention covering token `i`, or null. */
  entityAt(i: number): EntityMention | null {
    const k = this.entityOf[i] ?? -1;
    return k >= 0 ? (this.source.entities?.[k] ?? null) : null;
  }

  /** First token starting at or after `offset` (the token count when none does). */
  tokenAtOrAfter(offset: number): number {
    const toks = this.tokens;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid]!.start < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** First token ending after `offset` (the token count when none does). */
  tokenEndingAfter(offset: number): number {
    const toks = this.tokens;
    let lo = 0;
    let hi = toks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (toks[mid]!.end > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** The token starting exactly at `offset`, or -1 (spaCy's `token_by_start`). */
  tokenByStart(offset: number): number {
    const i = this.tokenAtOrAfter(offset);
    return this.tokens[i]?.start === offset ? i : -1;
  }

  /** The token ending exactly at `offset`, or -1 (spaCy's `token_by_end`). */
  tokenByEnd(offset: number): number {
    const i = this.tokenEndingAfter(offset - 1);
    return this.tokens[i]?.end === offset ? i : -1;
  }

  /** The token whose characters include `offset`, or -1 (between tokens, or past the end). */
  tokenAt(offset: number): number {
    const i = this.tokenEndingAfter(offset);
    const t = this.tokens[i];
    return t && t.start <= offset ? i : -1;
  }

  /** Token range [first, end) of the tokens lying wholly inside a character span. */
  tokensIn(span: Span): [number, number] {
    const a = this.tokenAtOrAfter(span.start);
    let b = a;
    while (b < this.tokens.length && this.tokens[b]!.end <= span.end) b++;
    return [a, b];
  }

  /**
   * Token range [first, end) for the characters [start, end) under an alignment mode; null when `strict`
   * and the span does not fall on token boundaries. `contract` and `expand` may give an empty range.
   */
  charSpan(start: number, end: number, mode: AlignmentMode = 'strict'): [number, number] | null {
    if (mode === 'contract') return this.tokensIn({ start, end });
    if (mode === 'expand') {
      const a = this.tokenEndingAfter(start);
      let b = a;
      while (b < this.tokens.length && this.tokens[b]!.start < end) b++;
      return [a, b];
    }
    const a = this.tokenByStart(start);
    const last = this.tokenByEnd(end);
    return a >= 0 && last >= a ? [a, last + 1] : null;
  }
}

const cache = new WeakMap<Indexable, DocIndex>();

/** The index of a document, built on first use and rebuilt when a layer it reads has been replaced. */
export function docIndex(doc: Indexable): DocIndex {
  const cached = cache.get(doc);
  if (cached && cached.tokens === doc.tokens && cached.sentences === doc.sentences) return cached;
  const built = new DocIndex(doc);
  cache.set(doc, built);
  return built;
}
