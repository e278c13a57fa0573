import { CARDINAL_VALUES, monthNumber, startsLowerCase, STOP_WORDS } from '../model/lexicon/index.js';
import type { EventMention } from '../model/index.js';
import { termCounts } from '../resolve/index.js';
import {
  storyFactRows,
  storyMemberSeqs,
  storyOutlets,
  type Db,
  type StoryFactRows,
  type StoryOutlet,
} from '../store/index.js';

/**
 * The outlet comparison of a story: which outlets reported it and when first; the facts (events, claims, counted
 * numbers) one outlet carries and no other does; and the claims in conflict — one article asserts what another
 * denies, an event reported as happening and as not happening, or two different numbers for the same counted
 * thing — side by side, each with its sentence (article id and span).
 */

/** A sentence behind a fact: the article, its outlet and the sentence's span and text. */
export interface FactSentence {
  articleId: string;
  outlet: string | null;
  published: string | null;
  start: number;
  end: number;
  text: string;
}

export interface Fact {
  kind: 'event' | 'claim' | 'number';
  label: string;
  sentence: FactSentence;
}

export interface Conflict {
  kind: 'claim' | 'event' | 'number';
  label: string;
  /**
   * Each side: what it says (a stance, "happened"/"did not happen", a number) and its sentence. A claim conflict
   * lists the assertions first, then every denial of the same proposition (one side per article each); its sides
   * carry the claim's `stance` too.
   */
  sides: Array<{ says: string; stance?: string; sentence: FactSentence }>;
}

export interface StoryComparison {
  storyId: string;
  articles: number;
  /** Articles read for the facts and conflicts (all of a story up to `COMPARED`, else its first and last). */
  compared: number;
  outlets: StoryOutlet[];
  /** Per outlet, the facts only its articles carry (when the story has two outlets or more). */
  exclusive: Array<{ outlet: string; facts: Fact[] }>;
  conflicts: Conflict[];
}

/** Articles a comparison reads, at most: the first and last halves of a larger story. */
const COMPARED = 200;
/** Facts listed per outlet, and conflicts listed, at most. */
const FACTS_PER_OUTLET = 20;
const CONFLICTS = 30;
/** Sides of one claim conflict listed, at most, for each position (asserting, denying). */
const SIDES = 8;

/**
 * Counted things are plural nouns; these plurals do not end in "s" (general English), and these units of
 * distance, weight and time say how far, how much or how long, not how many of the story's things.
 */
const IRREGULAR_PLURALS = new Set(['people', 'personnel', 'children', 'men', 'women', 'police', 'aircraft', 'staff']);
const NOT_COUNTED = new Set([
  'miles',
  'kilometres',
  'kilometers',
  'metres',
  'meters',
  'feet',
  'tonnes',
  'tons',
  'kilograms',
  'pounds',
  'days',
  'weeks',
  'months',
  'years',
  'hours',
  'minutes',
  'seconds',
  'times',
  'percent',
  'decades',
  'centuries',
]);

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N},.'’-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** The number a token stands for ("40", "1,200", "three"), or null; a year-like 4-digit number is not a count. */
function countOf(token: string): number | null {
  const w = token.toLowerCase();
  if (w in CARDINAL_VALUES) return CARDINAL_VALUES[w]!;
  if (!/^\d{1,3}(,\d{3})+$|^\d+$/.test(w)) return null;
  const n = Number(w.replace(/,/g, ''));
  return /^\d{4}$/.test(w) && n >= 1900 && n <= 2100 ? null : n;
}

/**
 * "40 missiles", "three ballistic missiles": the counted thing (its words after the number, stemmed: "ballistic
 * missiles" and "cruise missiles" are different things) and the number.
 */
export function countedNumbers(
  sentence: string,
): Array<{ noun: string; words: string; value: number; phrase: string }> {
  const tokens = [...sentence.matchAll(TOKEN)].map((m) => ({ text: m[0], index: m.index }));
  const out: Array<{ noun: string; words: string; value: number; phrase: string }> = [];
  tokens.forEach((t, i) => {
    const value = countOf(t.text);
    // A day of a month ("May 4") is a date, not a count.
    if (value === null || (i > 0 && monthNumber(tokens[i - 1]!.text) > 0)) return;
    // The noun within the next three words, before any function word ("40 of the …" counts nothing here).
    for (let j = i + 1; j <= i + 3 && j < tokens.length; j++) {
      const w = tokens[j]!.text.toLowerCase();
      if (STOP_WORDS.has(w) || countOf(w) !== null) return;
      if (NOT_COUNTED.has(w)) return;
      // The counted thing is a common noun: a capitalized word is a name ("Tomas"), not a plural.
      if (!startsLowerCase(tokens[j]!.text)) continue;
      if (IRREGULAR_PLURALS.has(w) || (w.length > 3 && w.endsWith('s') && !w.endsWith('ss'))) {
        const words = tokens.slice(i + 1, j + 1).map((x) => x.text.toLowerCase());
        const noun = words.map((x) => [...termCounts(x).keys()][0] ?? x).join(' ');
        out.push({
          noun,
          words: words.join(' '),
          value,
          phrase: sentence.slice(t.index, tokens[j]!.index + tokens[j]!.text.length),
        });
        return;
      }
    }
  });
  return out;
}

type Article = StoryFactRows['articles'][number];

/** The sentence of `article` holding `offset` (the span itself when the article has no sentences). */
function sentenceAt(a: Article, start: number, end: number): FactSentence {
  const s = a.sentences.find(([x, y]) => x <= start && start < y) ?? [start, end];
  return {
    articleId: a.id,
    outlet: a.outlet,
    published: a.published,
    start: s[0],
    end: s[1],
    text: a.text.slice(s[0], s[1]),
  };
}

const DENIES = new Set(['denies']);
const ASSERTS = new Set(['asserts', 'accuses']);

/** Stemmed content words of a proposition, without negation (a denial and an assertion share them). */
function stems(text: string): Set<string> {
  return new Set([...termCounts(text).keys()].filter((w) => !['not', 'no', 'never', "n't"].includes(w)));
}

function jaccard(a: Set<string>, b: Set<string>): number {
  let inter = 0;
  for (const x of a) if (b.has(x)) inter++;
  const union = a.size + b.size - inter;
  return union > 0 ? inter / union : 0;
}

/**
 * Two propositions are about the same thing when at least a third of their content words are shared (claim groups
 * alone are too wide for this: they gather claims about one actor or topic, not one proposition).
 */
const SAME_PROPOSITION = 1 / 3;
/** Two sentences give numbers for the same thing when they share at least this share of their content words. */
const SAME_SENTENCE = 0.2;

export function compareStory(db: Db, storyId: string): StoryComparison | null {
  const all = storyOutlets(db, storyId);
  if (all.articles === 0) return null;
  const seqs = storyMemberSeqs(db, storyId);
  const read =
    seqs.length <= COMPARED ? seqs : [...seqs.slice(0, COMPARED / 2), ...seqs.slice(seqs.length - COMPARED / 2)];
  const rows = storyFactRows(db, read);
  const bySeq = new Map(rows.articles.map((a) => [a.seq, a]));
  const outletOf = (a: Article): string => a.outlet ?? '';

  // Every fact with the outlets carrying it: key → facts.
  const facts = new Map<string, Fact[]>();
  const add = (key: string, fact: Fact): void => {
    let list = facts.get(key);
    if (!list) facts.set(key, (list = []));
    list.push(fact);
  };
  const conflicts: Conflict[] = [];

  // Events: type and actors; one mention saying it happened and another that it did not is a conflict.
  const eventSides = new Map<string, { label: string; yes: FactSentence[]; no: FactSentence[] }>();
  for (const e of rows.events) {
    if (e.hypothetical) continue;
    const a = bySeq.get(e.seq)!;
    const m = JSON.parse(e.data) as EventMention;
    const names = (xs: EventMention['source']): string => [...new Set(xs.map((x) => x.name))].sort().join(', ');
    const label = `${e.type}: ${names(m.source) || '?'} → ${names(m.target) || '?'}`;
    const sentence = sentenceAt(a, m.evidence.start, m.evidence.end);
    const key = `e:${label.toLowerCase()}`;
    if (!e.negated) add(key, { kind: 'event', label, sentence });
    let side = eventSides.get(key);
    if (!side) eventSides.set(key, (side = { label, yes: [], no: [] }));
    (e.negated ? side.no : side.yes).push(sentence);
  }
  for (const { label, yes, no } of eventSides.values()) {
    const pair = firstApart(yes, no);
    if (pair)
      conflicts.push({
        kind: 'event',
        label,
        sides: [
          { says: 'happened', sentence: pair[0] },
          { says: 'did not happen', sentence: pair[1] },
        ],
      });
  }

  // Claims: by claim group (else claimant and proposition); an assertion and a denial of one proposition conflict.
  const claims = rows.claims.map((c) => {
    const a = bySeq.get(c.seq)!;
    const label = `${c.claimant ?? 'unattributed'} ${c.stance} ${c.proposition}`;
    const sentence = sentenceAt(a, c.start, c.end);
    add(c.group ? `g:${c.group}` : `c:${label.toLowerCase()}`, { kind: 'claim', label, sentence });
    return { ...c, sentence, stems: stems(c.proposition) };
  });
  const denials = claims.filter((c) => DENIES.has(c.stance));
  const assertions = claims.filter((c) => ASSERTS.has(c.stance));
  // One conflict per proposition: every assertion a denial answers (another article's, sharing a third of its
  // content words) with every denial answering any of them, side by side — so an accusation denied in four reports
  // is one conflict of five sides, not four conflicts repeating the accusation.
  const byProposition = claimConflicts(denials, assertions).map((x) => ({
    label: x.label,
    asserts: onePerArticle(x.asserts),
    denies: onePerArticle(x.denies),
  }));
  for (const { label, asserts, denies } of byProposition)
    conflicts.push({
      kind: 'claim',
      label,
      sides: [
        ...asserts.slice(0, SIDES).map((x) => ({
          says: `${x.claimant ?? 'unattributed'} ${x.stance}`,
          stance: x.stance,
          sentence: x.sentence,
        })),
        ...denies
          .slice(0, SIDES)
          .map((x) => ({ says: `${x.claimant ?? 'unattributed'} denies`, stance: x.stance, sentence: x.sentence })),
      ],
    });

  // Numbers: the same counted thing given different numbers by different outlets, in sentences about the same thing.
  const numbers = new Map<
    string,
    Array<{ value: number; words: string; sentence: FactSentence; stems: Set<string> }>
  >();
  for (const a of rows.articles)
    for (const [s, e] of a.sentences) {
      for (const n of countedNumbers(a.text.slice(s, e))) {
        const sentence = sentenceAt(a, s, e);
        add(`n:${n.noun}:${n.value}`, { kind: 'number', label: n.phrase, sentence });
        let list = numbers.get(n.noun);
        if (!list) numbers.set(n.noun, (list = []));
        list.push({ value: n.value, words: n.words, sentence, stems: stems(sentence.text) });
      }
    }
  for (const list of numbers.values()) {
    const pair = list.flatMap((x, i) =>
      list
        .slice(i + 1)
        .filter(
          (y) =>
            y.value !== x.value &&
            (y.sentence.outlet ?? '') !== (x.sentence.outlet ?? '') &&
            jaccard(x.stems, y.stems) >= SAME_SENTENCE,
        )
        .map((y) => [x, y] as const),
    )[0];
    if (!pair) continue;
    conflicts.push({
      kind: 'number',
      label: pair[0].words,
      sides: pair.map((x) => ({ says: String(x.value), sentence: x.sentence })),
    });
  }

  // Exclusive facts: carried by one outlet only, when there are others to compare with.
  const outlets = new Set(rows.articles.map(outletOf));
  const exclusive = new Map<string, Fact[]>();
  if (outlets.size > 1)
    for (const list of facts.values()) {
      const carriers = new Set(list.map((f) => f.sentence.outlet ?? ''));
      if (carriers.size !== 1) continue;
      const outlet = [...carriers][0]!;
      let mine = exclusive.get(outlet);
      if (!mine) exclusive.set(outlet, (mine = []));
      if (mine.length < FACTS_PER_OUTLET) mine.push(list[0]!);
    }
  const order = { claim: 0, event: 1, number: 2 };
  return {
    storyId,
    articles: all.articles,
    compared: rows.articles.length,
    outlets: all.outlets,
    exclusive: [...exclusive].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([outlet, f]) => ({ outlet, facts: f })),
    conflicts: conflicts
      .sort((a, b) => order[a.kind] - order[b.kind] || b.sides.length - a.sides.length)
      .slice(0, CONFLICTS),
  };
}

/**
 * Assertions and the denials answering them, one entry per proposition: a denial answers every other article's
 * assertion sharing a third of its content words, and joins the entry of the one it shares most with. An assertion
 * is in one entry only, so a denial that also matches another proposition's assertion (already in an entry of its
 * own) does not repeat it, nor fold the two propositions into one.
 */
export function claimConflicts<T extends { proposition: string; stems: Set<string>; sentence: { articleId: string } }>(
  denials: readonly T[],
  assertions: readonly T[],
): Array<{ label: string; asserts: T[]; denies: T[] }> {
  const entries: Array<{ label: string; asserts: T[]; denies: T[] }> = [];
  const entryOf = new Map<T, (typeof entries)[number]>();
  for (const d of denials) {
    const matches = assertions
      .filter((x) => x.sentence.articleId !== d.sentence.articleId)
      .map((x) => ({ x, j: jaccard(x.stems, d.stems) }))
      .filter(({ j }) => j >= SAME_PROPOSITION)
      .sort((a, b) => b.j - a.j)
      .map(({ x }) => x);
    if (matches.length === 0) continue;
    let entry = entryOf.get(matches[0]!);
    if (!entry) entries.push((entry = { label: matches[0]!.proposition, asserts: [], denies: [] }));
    for (const m of matches)
      if (!entryOf.has(m)) {
        entryOf.set(m, entry);
        entry.asserts.push(m);
      }
    entry.denies.push(d);
  }
  // An entry's assertions in the order the story gave them.
  for (const e of entries) e.asserts.sort((a, b) => assertions.indexOf(a) - assertions.indexOf(b));
  return entries;
}

/** The first claim of each article, in the order given. */
function onePerArticle<T extends { sentence: FactSentence }>(xs: T[]): T[] {
  const seen = new Set<string>();
  return xs.filter((x) => !seen.has(x.sentence.articleId) && !!seen.add(x.sentence.articleId));
}

/** One sentence from each list, from two different articles (preferring two outlets), or null. */
function firstApart(a: FactSentence[], b: FactSentence[]): [FactSentence, FactSentence] | null {
  let fallback: [FactSentence, FactSentence] | null = null;
  for (const x of a)
    for (const y of b) {
      if (x.articleId === y.articleId) continue;
      if ((x.outlet ?? '') !== (y.outlet ?? '')) return [x, y];
      fallback ??= [x, y];
    }
  return fallback;
}
