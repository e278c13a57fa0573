import type { Sentence, Timex, Token } from '../model/index.js';
import { parsePartialDay, type Day, type PartialDay } from './calendar.js';
import { precisionOf, RULES, type Resolver } from './grammar.js';
import { tenseAt } from './tense.js';

/**
 * Find and normalize the time expressions of a text, sentence by sentence: every rule proposes
 * candidates, the longest non-overlapping ones win (earlier rules break ties), then each is resolved in
 * text order against the anchor, its sentence's tense and the last day the text mentioned.
 */
interface Candidate {
  start: number;
  end: number;
  rank: number;
  resolver: Resolver;
}

function candidatesIn(text: string, sentence: Sentence): Candidate[] {
  const s = text.slice(sentence.start, sentence.end);
  const out: Candidate[] = [];
  RULES.forEach((rule, rank) => {
    rule.re.lastIndex = 0;
    for (const m of s.matchAll(rule.re)) {
      if (m[0].length === 0) continue;
      let end = m.index + m[0].length;
      // Trailing spaces or a trailing abbreviation period that ends the sentence stay out of the extent.
      while (end > m.index && /\s/.test(s[end - 1]!)) end--;
      const resolver = rule.build(m.groups ?? {}, m, { sentence: s, before: s.slice(0, m.index), after: s.slice(end) });
      if (resolver) out.push({ start: sentence.start + m.index, end: sentence.start + end, rank, resolver });
    }
  });
  return out;
}

function selectLongest(cands: Candidate[]): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const chosen: Candidate[] = [];
  for (const c of sorted) if (!chosen.some((k) => c.start < k.end && k.start < c.end)) chosen.push(c);
  return chosen.sort((a, b) => a.start - b.start);
}

function tokenRange(tokens: readonly Token[], start: number, end: number): [number, number] {
  let from = tokens.findIndex((t) => t.end > start);
  if (from < 0) from = tokens.length;
  let to = from;
  while (to < tokens.length && tokens[to]!.start < end) to++;
  return [from, to];
}

export interface TimexOptions {
  /** The anchor date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or with a time), or null when the article carries none. */
  anchor: string | PartialDay | null;
}

export function findTimexes(text: string, sentences: readonly Sentence[], tokens: readonly Token[], options: TimexOptions): Timex[] {
  const anchor = typeof options.anchor === 'string' ? parsePartialDay(options.anchor) : options.anchor;
  const bySentence = new Map<number, Token[]>();
  for (const t of tokens) {
    let list = bySentence.get(t.sentence);
    if (!list) bySentence.set(t.sentence, (list = []));
    list.push(t);
  }
  const out: Timex[] = [];
  let ref: Day | null = null;
  sentences.forEach((sentence, i) => {
    const sentTokens = bySentence.get(i) ?? [];
    for (const c of selectLongest(candidatesIn(text, sentence))) {
      const [from, to] = tokenRange(sentTokens, c.start, c.end);
      const tense = tenseAt(sentTokens, from, to);
      const r = c.resolver({ anchor, tense, ref });
      if (!r) continue;
      const precision = r.type === 'DATE' || r.type === 'TIME' ? precisionOf(r.value) : null;
      out.push({ start: c.start, end: c.end, text: text.slice(c.start, c.end), type: r.type, value: r.value, precision });
      const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(r.value);
      if (day) ref = { y: Number(day[1]), m: Number(day[2]), d: Number(day[3]) };
    }
  });
  return out;
}
