/**
 * Cheap pre-checks for the time grammar's rules. Each rule's regex is long (lookbehinds, number words,
 * Unicode case folding) and scanning a sentence with it costs about as much whether or not it matches;
 * most sentences hold no time expression of a given kind. A gate is a short literal test that every match
 * of its rule must contain (a month name, a digit, a unit word …): when one of a rule's gates fails on a
 * sentence, the rule cannot match there and is skipped. Gates only ever skip work: they never change what
 * is found (gates.test.ts checks every rule's matches against its gates).
 */
import { UNITS as UNIT_WORDS } from './grammar.js';
import { NUM } from './numbers.js';

const MONTHS = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu;
const WEEKDAYS = /mon|tue|wed|thu|fri|sat|sun/iu;
const DIGIT = /\d/u;
const YEAR = /1[6-9]\d\d|20\d\d/u;
const UNITS = /sec|min|hour|day|week|fortnight|month|quarter|year|decade|centur/iu;
const PARTS = /morning|afternoon|evening|night/iu;
const EVERY = /every|each/iu;
const QUARTER = /quarter/iu;
const YEAR_WORD = /year/iu;
/**
 * A unit word right after a count ("three days", "a 10-year"), as the duration and "ago" rules need it:
 * the unit words alone are in most sentences ("Monday", "today", "this year") and those two rules are
 * the grammar's costliest to scan. The unit comes first so the scan only looks behind at unit words.
 */
const COUNTED_UNIT = new RegExp(`(?:${UNIT_WORDS})(?<=(?:${NUM})(?:\\s+1/2|\\s*½)?(?:\\s+more)?[-\\s]+(?:${UNIT_WORDS}))(?![\\p{L}\\p{N}])`, 'iu');

export const GATES: Readonly<Record<string, readonly RegExp[]>> = {
  'date-mdy': [MONTHS, YEAR],
  'date-dmy': [MONTHS, YEAR],
  'date-iso': [/\d{4}-\d{2}-\d{2}/u],
  'date-iso-week': [/\d{4}-?w\d{2}/iu],
  'date-numeric': [/\d\/\d{1,2}\/\d\d/u],
  'month-year': [MONTHS, YEAR],
  'month-relyear': [MONTHS, YEAR_WORD],
  'week-of': [/week\s+of/iu],
  'weekday-paren-monthday': [WEEKDAYS, /\(/u],
  'weekday-monthday': [WEEKDAYS, MONTHS],
  monthday: [MONTHS, DIGIT],
  daymonth: [MONTHS, DIGIT],
  'monthday-pair': [MONTHS, DIGIT],
  month: [MONTHS],
  decade: [/0['’]?s/iu],
  'decade-short': [/0s/iu],
  'decade-word': [/ties/iu],
  century: [/century/iu],
  year: [YEAR],
  'rel-day': [/today|yesterday|tomorrow|tonight/iu],
  'day-before-yesterday': [/yesterday|tomorrow/iu],
  'this-part': [PARTS],
  weekday: [WEEKDAYS],
  'this-unit': [/this|last|next|past|coming|previous|current|following/iu, /week|month|year|quarter|decade|century/iu],
  'year-ago-period': [/year-/iu],
  'year-quarter': [YEAR, /quarter|period/iu],
  ago: [UNITS, /ago|earlier|later|before|after|now|hence|back|on/iu, COUNTED_UNIT],
  'vague-ago': [/years|months|weeks|days|decades/iu, /ago|earlier|later/iu],
  duration: [UNITS, COUNTED_UNIT],
  'duration-plural': [/years|months|weeks|days|decades|hours|minutes|centuries/iu],
  'duration-half': [/half/iu],
  'set-every': [EVERY],
  'set-weekdays': [/days/iu],
  'set-month': [EVERY, MONTHS],
  'set-adverb': [/daily|weekly|monthly|yearly|hourly|nightly/iu],
  'set-per': [/once|twice|thrice|times/iu],
  'time-ampm': [DIGIT, /[ap]\.?m/iu],
  'time-24h': [/\d:[0-5]\d/u],
  'time-word': [/noon|midnight|midday|yesterday|today|tomorrow/iu],
  'present-ref': [/now|current|present|moment|these/iu],
  'past-ref': [/recently|lately|past/iu],
  'future-ref': [/future|term|later/iu],
  quarter: [QUARTER],
  'quarter-q': [/q[1-4]/iu],
  'quarter-rel': [/quarter|period/iu],
  'the-quarter': [QUARTER],
  'the-year': [YEAR_WORD],
  'earlier-in-the': [/earlier|later/iu],
  'end-of-month': [/month|week/iu],
  'hour-in-the': [DIGIT, /morning|afternoon|evening/iu],
  'year-end': [YEAR_WORD],
  weekend: [/weekend/iu],
  'spelled-year': [/nineteen|thousand/iu],
  half: [/half/iu],
  season: [/spring|summer|fall|autumn|winter/iu],
  holiday: [/christmas|year|thanksgiving|halloween|valentine/iu],
  anaphoric: [/day|morning|afternoon|evening|night|week|month|year/iu],
  'day-before-after': [/day\s+(?:before|after)/iu],
};

/**
 * Most gates are a bare alternation of lower-case words (`/jan|feb|…/iu`). Rather than scan a sentence
 * once per such gate, the words of all of them go into one Aho–Corasick automaton, and a single pass over
 * the sentence finds every word that occurs in it (as a substring, case-insensitively, like the regexes):
 * a word gate passes when one of its words was found. The other gates ("pattern gates") stay regexes,
 * tested only when a rule's word gates have passed. Same answers as testing each gate, a fraction of the work.
 */
const WORD_ALTERNATION = /^[a-z]+(?:\|[a-z]+)*$/;
const isWordGate = (g: RegExp): boolean => WORD_ALTERNATION.test(g.source) && g.flags.includes('i') && g.flags.includes('u');

const ALL_GATES: RegExp[] = [...new Set(Object.values(GATES).flat())];
const WORD_GATES: RegExp[] = ALL_GATES.filter(isWordGate);
const PATTERN_GATES: RegExp[] = ALL_GATES.filter((g) => !isWordGate(g));

/** Word gates as bit sets: bit `i % 32` of element `i >> 5` stands for WORD_GATES[i]. */
const MASK_WORDS = Math.ceil(WORD_GATES.length / 32);

interface WordAutomaton {
  /** `next[state * 26 + letter]`: the state after reading `letter` (a = 0); state 0 is the start. */
  next: Int32Array;
  /** `found[state * MASK_WORDS + k]`: the word gates some word ending at this state satisfies. */
  found: Uint32Array;
  /** Whether a state satisfies any word gate (most do not). */
  finds: Uint8Array;
}

function buildAutomaton(wordGates: readonly RegExp[]): WordAutomaton {
  // The trie of all the words, each end state marked with the gates its word belongs to.
  const goto: number[][] = [new Array<number>(26).fill(-1)];
  const marks: Set<number>[] = [new Set()];
  wordGates.forEach((gate, index) => {
    for (const word of gate.source.split('|')) {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const letter = word.charCodeAt(i) - 97;
        if (goto[state]![letter] === -1) {
          goto[state]![letter] = goto.length;
          goto.push(new Array<number>(26).fill(-1));
          marks.push(new Set());
        }
        state = goto[state]![letter]!;
      }
      marks[state]!.add(index);
    }
  });
  // Breadth first: complete the transitions through the failure links, and let each state also carry
  // the marks of its longest proper suffix that is a state (the words ending inside the current one).
  const states = goto.length;
  const next = new Int32Array(states * 26);
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let letter = 0; letter < 26; letter++) {
    const to = goto[0]![letter]!;
    next[letter] = to === -1 ? 0 : to;
    if (to !== -1) queue.push(to);
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    for (const m of marks[fail[state]!]!) marks[state]!.add(m);
    for (let letter = 0; letter < 26; letter++) {
      const to = goto[state]![letter]!;
      const viaFail = next[fail[state]! * 26 + letter]!;
      if (to === -1) {
        next[state * 26 + letter] = viaFail;
      } else {
        next[state * 26 + letter] = to;
        fail[to] = viaFail;
        queue.push(to);
      }
    }
  }
  const found = new Uint32Array(states * MASK_WORDS);
  const finds = new Uint8Array(states);
  marks.forEach((set, state) => {
    for (const i of set) found[state * MASK_WORDS + (i >> 5)]! |= 1 << (i & 31);
    finds[state] = set.size > 0 ? 1 : 0;
  });
  return { next, found, finds };
}

const AUTOMATON = buildAutomaton(WORD_GATES);

/**
 * The letter (a = 0 … z = 25) a UTF-16 unit case-folds to under the `iu` flags, or -1. Besides ASCII
 * only U+017F (long s) and U+212A (Kelvin sign) fold to a Latin letter.
 */
function letterOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code === 0x17f) return 18;
  if (code === 0x212a) return 10;
  return -1;
}

/** Which word gates pass in `text` (as a bit set): one pass of the automaton. */
function wordGatesIn(text: string): Uint32Array {
  const passed = new Uint32Array(MASK_WORDS);
  const { next, found, finds } = AUTOMATON;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const letter = letterOf(text.charCodeAt(i));
    // All words are letters only: anything else ends every word in progress.
    state = letter < 0 ? 0 : next[state * 26 + letter]!;
    if (finds[state] === 1) for (let k = 0; k < MASK_WORDS; k++) passed[k]! |= found[state * MASK_WORDS + k]!;
  }
  return passed;
}

interface RuleGates {
  /** The rule's word gates, as a bit set like wordGatesIn's. */
  words: Uint32Array;
  /** Indexes of the rule's other gates (into PATTERN_GATES). */
  patterns: number[];
}

function ruleGates(gates: readonly RegExp[]): RuleGates {
  const words = new Uint32Array(MASK_WORDS);
  for (const g of gates) {
    const i = WORD_GATES.indexOf(g);
    if (i >= 0) words[i >> 5]! |= 1 << (i & 31);
  }
  return { words, patterns: gates.filter((g) => PATTERN_GATES.includes(g)).map((g) => PATTERN_GATES.indexOf(g)) };
}

const compiled = new WeakMap<ReadonlyArray<{ name: string }>, Array<RuleGates | undefined>>();

function gatesOf(rules: ReadonlyArray<{ name: string }>): Array<RuleGates | undefined> {
  let list = compiled.get(rules);
  if (!list) {
    list = rules.map((r) => (GATES[r.name] === undefined ? undefined : ruleGates(GATES[r.name]!)));
    compiled.set(rules, list);
  }
  return list;
}

/** Whether all of a rule's gates pass; `patterns` caches the pattern gates already tested (-1: not yet). */
function allPass(gates: RuleGates, words: Uint32Array, patterns: Int8Array, text: string): boolean {
  for (let k = 0; k < MASK_WORDS; k++) if ((gates.words[k]! & ~words[k]!) !== 0) return false;
  for (const p of gates.patterns) {
    if (patterns[p] === -1) patterns[p] = PATTERN_GATES[p]!.test(text) ? 1 : 0;
    if (patterns[p] === 0) return false;
  }
  return true;
}

/**
 * Which rules may match in `text`: for each rule (by position in `rules`), whether all of its gates pass.
 * Each distinct gate is tested at most once.
 */
export function openRules(rules: ReadonlyArray<{ name: string }>, text: string): boolean[] {
  const words = wordGatesIn(text);
  const patterns = new Int8Array(PATTERN_GATES.length).fill(-1);
  // A rule without gates is always tried (gates.test.ts insists every rule has them).
  return gatesOf(rules).map((gates) => gates === undefined || allPass(gates, words, patterns, text));
}
