/**
 * Label sets. The model predicts BILOU labels internally (Begin, Inside, Last, Unit, Outside —
 * Ratinov & Roth 2009 found this encoding better than IOB for NER) and reports IOB2.
 */

export const ENTITY_TYPES = ['PER', 'LOC', 'ORG', 'MISC'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

/** Index 0 is `O`; then for each type: B, I, L, U. */
export const BILOU_LABELS: readonly string[] = [
  'O',
  ...ENTITY_TYPES.flatMap((t) => ['B', 'I', 'L', 'U'].map((p) => `${p}-${t}`)),
];
export const NUM_LABELS = BILOU_LABELS.length;

const PREFIX = ['O', 'B', 'I', 'L', 'U'] as const;

/** 0 = O, 1 = B, 2 = I, 3 = L, 4 = U. */
export function labelPrefix(label: number): number {
  return label === 0 ? 0 : ((label - 1) % 4) + 1;
}

/** Entity type index (0..3) of a non-O label; -1 for O. */
export function labelType(label: number): number {
  return label === 0 ? -1 : Math.floor((label - 1) / 4);
}

function make(prefix: number, type: number): number {
  return 1 + type * 4 + (prefix - 1);
}

/** Whether `label` may follow `prev` (-1 = sentence start) in a BILOU sequence. */
export function allowedAfter(prev: number, label: number): boolean {
  const pp = prev < 0 ? 0 : labelPrefix(prev);
  const lp = labelPrefix(label);
  const open = pp === 1 || pp === 2; // B or I: an entity is open
  if (open) return (lp === 2 || lp === 3) && labelType(label) === labelType(prev);
  return lp === 0 || lp === 1 || lp === 4;
}

/** Whether `label` may end a sentence. */
export function allowedAtEnd(label: number): boolean {
  const p = labelPrefix(label);
  return p !== 1 && p !== 2;
}

/** Parse a CoNLL IOB1/IOB2 tag sequence into BILOU label ids. Unknown types throw. */
export function iobToBilou(tags: readonly string[]): number[] {
  const spans = iobSpans(tags);
  const out = new Array<number>(tags.length).fill(0);
  for (const s of spans) {
    const type = ENTITY_TYPES.indexOf(s.type as EntityType);
    if (type < 0) throw new Error(`unknown entity type "${s.type}"`);
    if (s.end - s.start === 1) out[s.start] = make(4, type);
    else {
      out[s.start] = make(1, type);
      for (let i = s.start + 1; i < s.end - 1; i++) out[i] = make(2, type);
      out[s.end - 1] = make(3, type);
    }
  }
  return out;
}

/** BILOU label ids → IOB2 strings. */
export function bilouToIob2(labels: ArrayLike<number>): string[] {
  const out: string[] = [];
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    if (l === 0) out.push('O');
    else {
      const p = labelPrefix(l);
      const type = ENTITY_TYPES[labelType(l)]!;
      // I/L continue an entity only after a label of the same type that leaves it open (B or I).
      const prev = i > 0 ? labels[i - 1]! : 0;
      const continues =
        (p === 2 || p === 3) &&
        prev !== 0 &&
        labelType(prev) === labelType(l) &&
        (labelPrefix(prev) === 1 || labelPrefix(prev) === 2);
      out.push(`${continues ? 'I' : 'B'}-${type}`);
    }
  }
  return out;
}

export interface TagSpan {
  start: number;
  end: number;
  type: string;
}

/**
 * Entity spans of an IOB tag sequence, conlleval-style: an `I-X` after `O` or after another type
 * starts a new entity (so IOB1 input works too); `B-X` always starts one.
 */
export function iobSpans(tags: readonly string[]): TagSpan[] {
  const spans: TagSpan[] = [];
  let cur: TagSpan | null = null;
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i]!;
    if (tag === 'O' || tag === '') {
      if (cur) spans.push(cur);
      cur = null;
      continue;
    }
    const m = /^([BIELSU])-(.+)$/.exec(tag);
    if (!m) throw new Error(`bad IOB tag "${tag}"`);
    const [, p, type] = m as unknown as [string, string, string];
    if (p === 'B' || p === 'S' || p === 'U' || !cur || cur.type !== type) {
      if (cur) spans.push(cur);
      cur = { start: i, end: i + 1, type };
    } else cur.end = i + 1;
    if (p === 'E' || p === 'L' || p === 'S' || p === 'U') {
      spans.push(cur);
      cur = null;
    }
  }
  if (cur) spans.push(cur);
  return spans;
}

export { PREFIX as BILOU_PREFIXES };
