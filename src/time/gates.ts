/**
 * Cheap pre-checks for the time grammar's rules. Each rule's regex is long (lookbehinds, number words,
 * Unicode case folding) and scanning a sentence with it costs about as much whether or not it matches;
 * most sentences hold no time expression of a given kind. A gate is a short test that every match of its
 * rule must pass (a month name, a digit, a unit word after a count …): when one of a rule's gates fails on
 * a sentence, the rule cannot match there and is skipped. Gates only ever skip work: they never change
 * what is found (gates.test.ts checks every rule's matches against its gates).
 */
import { MONTH_PREFIXES, WEEKDAY_PREFIXES } from '../model/lexicon/index.js';
import { UNITS as UNIT_WORDS } from './grammar.js';
import { NUM } from './numbers.js';

const MONTHS = new RegExp(MONTH_PREFIXES.join('|'), 'iu');
const WEEKDAYS = new RegExp(WEEKDAY_PREFIXES.join('|'), 'iu');
// Written as words (rather than /\d/u) so that the keyword scan decides it with the other word gates.
const DIGIT = /0|1|2|3|4|5|6|7|8|9/iu;
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
const COUNTED_UNIT = new RegExp(
  `(?:${UNIT_WORDS})(?<=(?:${NUM})(?:\\s+1/2|\\s*½)?(?:\\s+more)?[-\\s]+(?:(?:trading|business|working|school)\\s+)?(?:${UNIT_WORDS}))(?![\\p{L}\\p{N}])`,
  'iu',
);

export const GATES: Readonly<Record<string, readonly RegExp[]>> = {
  'date-mdy': [MONTHS, YEAR],
  'date-dmy': [MONTHS, YEAR],
  'date-iso': [DIGIT, /\d{4}-\d{2}-\d{2}/u],
  'date-iso-week': [DIGIT, /\d{4}-?w\d{2}/iu],
  'date-numeric': [DIGIT, /\d\/\d{1,2}\/\d\d/u],
  'month-year': [MONTHS, YEAR],
  'month-relyear': [MONTHS, YEAR_WORD],
  'week-of': [/week/iu, /week\s+of/iu],
  'weekday-paren-monthday': [WEEKDAYS, /\(/u],
  'weekday-monthday': [WEEKDAYS, MONTHS],
  monthday: [MONTHS, DIGIT],
  daymonth: [MONTHS, DIGIT],
  'monthday-pair': [MONTHS, DIGIT],
  month: [MONTHS],
  decade: [DIGIT, /0['’]?s/iu],
  'decade-short': [/0s/iu],
  'decade-word': [/ties/iu],
  century: [/century/iu],
  year: [DIGIT, YEAR],
  'rel-day': [/today|yesterday|tomorrow|tonight/iu],
  'day-before-yesterday': [/yesterday|tomorrow/iu],
  'this-part': [PARTS],
  'the-part': [/morning|afternoon|evening/iu],
  weekday: [WEEKDAYS],
  'this-unit': [/this|last|next|past|coming|previous|current|following/iu, /week|month|year|quarter|decade|century/iu],
  'year-ago-period': [YEAR_WORD, /year-/iu],
  'year-quarter': [YEAR, /quarter|period/iu],
  ago: [UNITS, /ago|earlier|later|before|after|now|hence|back|on/iu, COUNTED_UNIT],
  'vague-ago': [/years|months|weeks|days|decades/iu, /ago|earlier|later/iu],
  duration: [UNITS, COUNTED_UNIT],
  'duration-range': [
    UNITS,
    /to|or/iu,
    /\s(?:to|or)\s+[\p{L}\p{N}]+[-\s]+(?:sec|min|hour|day|week|fortnight|month|quarter|year|decade|centur)/iu,
  ],
  'duration-long': [UNITS, /-long|hourlong|daylong|weeklong|monthlong|yearlong|decadelong/iu],
  'duration-plural': [/years|months|weeks|days|decades|hours|minutes|centuries|quarters/iu],
  'duration-half': [/half/iu],
  'set-every': [EVERY],
  'set-weekdays': [/days/iu],
  'set-month': [EVERY, MONTHS],
  'set-adverb': [/daily|weekly|monthly|yearly|annually|hourly|nightly/iu],
  'set-per': [/once|twice|thrice|times/iu],
  'time-ampm': [DIGIT, /[ap]\.?m/iu],
  'time-24h': [DIGIT, /\d:[0-5]\d/u],
  'time-word': [/noon|midnight|midday|yesterday|today|tomorrow/iu],
  'present-ref': [/now|current|present|moment|these/iu],
  'past-ref': [/recently|lately|past/iu],
  'future-ref': [/future|term|later/iu],
  quarter: [QUARTER],
  'quarter-q': [/q1|q2|q3|q4/iu],
  'quarter-rel': [/quarter|period/iu],
  'the-quarter': [QUARTER],
  'the-year': [YEAR_WORD],
  'the-week': [/week/iu],
  'earlier-in-the': [/earlier|later/iu],
  'end-of-month': [/month|week/iu, /end|beginning|start|middle/iu],
  'hour-in-the': [DIGIT, /morning|afternoon|evening/iu],
  'year-end': [YEAR_WORD, /end|full/iu],
  weekend: [/weekend/iu],
  'spelled-year': [/nineteen|thousand/iu],
  half: [/half/iu],
  season: [/spring|summer|fall|autumn|winter/iu],
  holiday: [
    /christmas|year|thanksgiving|halloween|valentine|election|labo|memorial|veteran|boxing|easter|good|fourth/iu,
    /christmas|new|thanksgiving|halloween|valentine|day|easter|friday|july/iu,
  ],
  anaphoric: [
    /day|morning|afternoon|evening|night|week|month|year/iu,
    /next|following|previous|same|preceding|prior|that/iu,
  ],
  'day-before-after': [/before|after/iu, /day\s+(?:before|after)/iu],
};

/**
 * Most gates are a bare alternation of lower-case words (`/jan|feb|…/iu`; digits count as letters here).
 * Rather than scan a sentence once per such gate, the words of all of them go into one Aho–Corasick
 * automaton, and a single pass over the sentence finds every word that occurs in it (as a substring,
 * case-insensitively, like the regexes): a word gate passes when one of its words was found. The other
 * gates ("pattern gates") stay regexes, tested only when a rule's word gates have passed. Same answers as
 * testing each gate, a fraction of the work.
 */
const WORD_ALTERNATION = /^[a-z0-9]+(?:\|[a-z0-9]+)*$/;
const isWordGate = (g: RegExp): boolean =>
  WORD_ALTERNATION.test(g.source) && g.flags.includes('i') && g.flags.includes('u');

const ALL_GATES: RegExp[] = [...new Set(Object.values(GATES).flat())];
const WORD_GATES: RegExp[] = ALL_GATES.filter(isWordGate);
const PATTERN_GATES: RegExp[] = ALL_GATES.filter((g) => !isWordGate(g));

/** Word gates as bit sets: bit `i % 32` of element `i >> 5` stands for WORD_GATES[i]. */
const MASK_WORDS = Math.ceil(WORD_GATES.length / 32);

/** The words' alphabet: the letters a–z, then the digits 0–9. */
const SYMBOLS = 36;

/**
 * The symbol (a = 0 … z = 25, 0 = 26 … 9 = 35) a UTF-16 unit stands for once case-folded as under the
 * `iu` flags, or -1. Besides ASCII only U+017F (long s) and U+212A (Kelvin sign) fold to a Latin letter.
 */
function symbolOf(code: number): number {
  if (code >= 97 && code <= 122) return code - 97;
  if (code >= 65 && code <= 90) return code - 65;
  if (code >= 48 && code <= 57) return code - 48 + 26;
  if (code === 0x17f) return 18;
  if (code === 0x212a) return 10;
  return -1;
}

interface WordAutomaton {
  /** `next[state * SYMBOLS + symbol]`: the state after reading `symbol` (see symbolOf); state 0 is the start. */
  next: Int32Array;
  /** `found[state * MASK_WORDS + k]`: the word gates some word ending at this state satisfies. */
  found: Uint32Array;
  /** Whether a state satisfies any word gate (most do not). */
  finds: Uint8Array;
}

function buildAutomaton(wordGates: readonly RegExp[]): WordAutomaton {
  // The trie of all the words, each end state marked with the gates its word belongs to.
  const goto: number[][] = [new Array<number>(SYMBOLS).fill(-1)];
  const marks: Set<number>[] = [new Set()];
  wordGates.forEach((gate, index) => {
    for (const word of gate.source.split('|')) {
      let state = 0;
      for (let i = 0; i < word.length; i++) {
        const symbol = symbolOf(word.charCodeAt(i));
        if (goto[state]![symbol] === -1) {
          goto[state]![symbol] = goto.length;
          goto.push(new Array<number>(SYMBOLS).fill(-1));
          marks.push(new Set());
        }
        state = goto[state]![symbol]!;
      }
      marks[state]!.add(index);
    }
  });
  // Breadth first: complete the transitions through the failure links, and let each state also carry
  // the marks of its longest proper suffix that is a state (the words ending inside the current one).
  const states = goto.length;
  const next = new Int32Array(states * SYMBOLS);
  const fail = new Int32Array(states);
  const queue: number[] = [];
  for (let symbol = 0; symbol < SYMBOLS; symbol++) {
    const to = goto[0]![symbol]!;
    next[symbol] = to === -1 ? 0 : to;
    if (to !== -1) queue.push(to);
  }
  for (let q = 0; q < queue.length; q++) {
    const state = queue[q]!;
    for (const m of marks[fail[state]!]!) marks[state]!.add(m);
    for (let symbol = 0; symbol < SYMBOLS; symbol++) {
      const to = goto[state]![symbol]!;
      const viaFail = next[fail[state]! * SYMBOLS + symbol]!;
      if (to === -1) {
        next[state * SYMBOLS + symbol] = viaFail;
      } else {
        next[state * SYMBOLS + symbol] = to;
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

/** Which word gates pass in `text`, as a bit set in `passed` (overwritten): one pass of the automaton. */
function wordGatesIn(text: string, passed: Uint32Array): void {
  passed.fill(0);
  const { next, found, finds } = AUTOMATON;
  let state = 0;
  for (let i = 0; i < text.length; i++) {
    const symbol = symbolOf(text.charCodeAt(i));
    // Words are letters and digits only: anything else ends every word in progress.
    state = symbol < 0 ? 0 : next[state * SYMBOLS + symbol]!;
    if (finds[state] === 1) for (let k = 0; k < MASK_WORDS; k++) passed[k]! |= found[state * MASK_WORDS + k]!;
  }
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

// Scratch state of openRules, reused from call to call (it is filled anew each time, and nothing keeps it).
const passedWords = new Uint32Array(MASK_WORDS);
const testedPatterns = new Int8Array(PATTERN_GATES.length);

/**
 * Which rules may match in `text`: for each rule (by position in `rules`), whether all of its gates pass.
 * Each distinct gate is tested at most once.
 */
export function openRules(rules: ReadonlyArray<{ name: string }>, text: string): boolean[] {
  wordGatesIn(text, passedWords);
  testedPatterns.fill(-1);
  // A rule without gates is always tried (gates.test.ts insists every rule has them).
  return gatesOf(rules).map((gates) => gates === undefined || allPass(gates, passedWords, testedPatterns, text));
}
