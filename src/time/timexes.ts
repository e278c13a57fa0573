import { docIndex, type DocIndex, type Sentence, type Timex, type Token } from '../model/index.js';
import { WEEKDAY_NAMES } from '../model/lexicon/index.js';
import { parsePartialDay, type Day, type PartialDay } from './calendar.js';
import { openRules } from './gates.js';
import { orderIntervals } from './intervals.js';
import { precisionOf, RULES, type Resolver } from './grammar.js';
import { SentenceTenses, type Tense } from './tense.js';

/**
 * Find and normalize the time expressions of a text, sentence by sentence: every rule proposes
 * candidates, the longest non-overlapping ones win (earlier rules break ties), then each is resolved in
 * text order against the anchor, its sentence's tense and the last day the text mentioned.
 */
export interface Candidate {
  start: number;
  end: number;
  rank: number;
  resolver: Resolver;
  sentence: number;
}

/**
 * Candidates starting in sentence `index`. A sentence the splitter ended after "a.m."/"p.m." is read on
 * into the next one, so "at 9 a.m. Tuesday" stays one expression.
 */
function candidatesIn(text: string, sentences: readonly Sentence[], index: number): Candidate[] {
  const sentence = sentences[index]!;
  const next = sentences[index + 1];
  const runOn =
    next !== undefined && endsWithMeridiem(text, sentence) && /^[ \t]+$/.test(text.slice(sentence.end, next.start));
  const limit = runOn ? next.end : sentence.end;
  const s = text.slice(sentence.start, limit);
  const own = sentence.end - sentence.start;
  const out: Candidate[] = [];
  const open = openRules(RULES, s);
  RULES.forEach((rule, rank) => {
    if (!open[rank]) return;
    const re = rule.re;
    re.lastIndex = 0;
    for (let m = re.exec(s); m !== null; m = re.exec(s)) {
      if (m[0].length === 0) {
        re.lastIndex = m.index + (s.codePointAt(m.index)! > 0xffff ? 2 : 1);
        continue;
      }
      let end = m.index + m[0].length;
      // Trailing spaces or a trailing abbreviation period that ends the sentence stay out of the extent.
      while (end > m.index && /\s/.test(s[end - 1]!)) end--;
      if (m.index >= own) continue;
      // Rules read only the nearby context; a bounded window keeps runaway sentences linear.
      const before = s.slice(Math.max(0, m.index - CONTEXT), m.index);
      const resolver = rule.build(m.groups ?? {}, m, { sentence: s, before, after: s.slice(end, end + CONTEXT) });
      if (resolver)
        out.push({ start: sentence.start + m.index, end: sentence.start + end, rank, resolver, sentence: index });
    }
  });
  return out;
}

/** Whether a sentence ends in "a.m."/"p.m." (its last character is tested first: a regex would scan it all). */
function endsWithMeridiem(text: string, sentence: Sentence): boolean {
  return text.charCodeAt(sentence.end - 1) === 0x2e && /\b[ap]\.m\.$/i.test(text.slice(sentence.start, sentence.end));
}

function selectLongest(cands: Candidate[], textLength: number): Candidate[] {
  const sorted = [...cands].sort((a, b) => b.end - b.start - (a.end - a.start) || a.rank - b.rank || a.start - b.start);
  const covered = new Uint8Array(textLength);
  const chosen: Candidate[] = [];
  for (const c of sorted) {
    let free = true;
    for (let k = c.start; k < c.end && free; k++) if (covered[k]) free = false;
    if (!free) continue;
    covered.fill(1, c.start, c.end);
    chosen.push(c);
  }
  return chosen.sort((a, b) => a.start - b.start);
}

/** Tokens [from, to) of sentence [lo, hi) that a candidate touches, counted from the sentence's first token. */
function sentenceTokenRange(ix: DocIndex, lo: number, hi: number, c: Candidate): [number, number] {
  const [a, b] = ix.charSpan(c.start, c.end, 'expand')!;
  const from = Math.min(Math.max(a, lo), hi);
  return [from - lo, Math.min(Math.max(b, from), hi) - lo];
}

/** Words before a month that make it an adverbial of its clause: a placing preposition, or the clause's start. */
const ADVERBIAL_MONTH_BEFORE = /(?:\b(?:in|during|throughout|of)\s+(?:the\s+)?|^\s*|[,;:—]\s*)$/i;
/** A month expression that is an adverbial by itself ("earlier this month", "last month", "the following month"). */
const DEICTIC_MONTH =
  /^(?:this|last|next|past|coming|earlier|later|that|the\s+(?:next|following|previous|same|preceding|prior))\b/i;

/**
 * Whether a month expression sets the narrative's focus: as an adverbial of its clause ("In March, …", "rebels took
 * the port in May", "earlier this month"), not as a bound ("since March", "until May") or after a noun ("a verdict
 * from January"), whose month is not when the clause's events happen.
 */
function focusMonth(text: string, sentenceStart: number, c: Candidate): boolean {
  if (DEICTIC_MONTH.test(text.slice(c.start, c.end))) return true;
  return ADVERBIAL_MONTH_BEFORE.test(text.slice(Math.max(sentenceStart, c.start - 30), c.start));
}

/** Characters of context on each side that rules may look at. */
const CONTEXT = 200;

const WEEKDAY = new RegExp(`\\b(?:${WEEKDAY_NAMES.join('|')})\\b`, 'i');

/** Words of a quarterly earnings report, in the sentence or the two before it. */
const QUARTERLY = /\b(?:quarter|quarterly|three months ended)\b/i;
/** What every QUARTERLY match contains: when the text lacks it, no sentence of it needs testing. */
const QUARTERLY_WORDS = /quarter|three months ended/i;

export interface TimexOptions {
  /** The anchor date (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`, or with a time), or null when the article carries none. */
  anchor: string | PartialDay | null;
  /** Days the story's local day may lie after the anchor, and who is told when a weekday falls there (see ResolveContext). */
  lateDays?: number;
  onLocalDay?: (days: number) => void;
  /** The IANA zone the story was written in, when known (holidays whose day depends on the country). */
  zone?: string | null;
}

/**
 * The expressions of a text before resolution: every rule's candidates, the longest non-overlapping ones
 * in text order. They do not depend on the anchor, so one text's can be resolved against several.
 */
export function timexCandidates(text: string, sentences: readonly Sentence[]): Candidate[] {
  return selectLongest(
    sentences.flatMap((_, i) => candidatesIn(text, sentences, i)),
    text.length,
  );
}

export function findTimexes(
  text: string,
  sentences: readonly Sentence[],
  tokens: readonly Token[],
  options: TimexOptions,
): Timex[] {
  return resolveTimexes(text, docIndex({ sentences, tokens }), timexCandidates(text, sentences), options);
}

/** Resolve a text's candidates (from timexCandidates) in text order against the anchor. */
export function resolveTimexes(text: string, ix: DocIndex, all: readonly Candidate[], options: TimexOptions): Timex[] {
  const sentences = ix.sentences;
  const anchor = typeof options.anchor === 'string' ? parsePartialDay(options.anchor) : options.anchor;
  const out: Timex[] = [];
  let ref: Day | null = null;
  let refYear: number | null = null;
  let refMonth: { y: number; m: number | null } | null = null;
  let named: { day: Day; sentence: number; tense: Tense } | null = null;
  let refCoarse = false;
  let focus: { y: number; m: number | null; sentence: number } | null = null;
  const quarterlyText = QUARTERLY_WORDS.test(text);
  let at = 0;
  sentences.forEach((sentence, i) => {
    const mine: Candidate[] = [];
    while (at < all.length && all[at]!.sentence === i) mine.push(all[at++]!);
    // Most sentences hold no expression: nothing below is needed for them.
    if (mine.length === 0) return;
    const [lo, hi] = ix.sentenceTokens(i);
    const tenses = new SentenceTenses(ix, i);
    const quarterly = quarterlyText && QUARTERLY.test(text.slice(sentences[Math.max(0, i - 2)]!.start, sentence.end));
    for (const c of mine) {
      const [from, to] = sentenceTokenRange(ix, lo, hi, c);
      // A possessive ("Wednesday's ruling") names a known occasion: the verb around it says nothing of its date.
      const possessive = /^['’]s\b/.test(text.slice(c.end, c.end + 3));
      // A weekday deadline ("until 9 a.m. Tuesday", "by Friday") is the coming one, whatever the verb's
      // tense — except in the past perfect ("had filed reports by Wednesday", "Until Thursday, they had not").
      const deadline =
        /\b(?:until|till|by)\s+$/i.test(text.slice(Math.max(0, c.start - 8), c.start)) &&
        WEEKDAY.test(text.slice(c.start, c.end)) &&
        !/\bhad\b/i.test(
          text.slice(Math.max(sentence.start, c.start - CONTEXT), Math.min(sentence.end, c.end + CONTEXT)),
        );
      const tense = possessive ? null : deadline ? 'future' : tenses.at(from, to);
      const reportedTense = possessive ? null : tenses.at(from, to, true);
      const r = c.resolver({
        anchor,
        tense,
        reportedTense,
        ref,
        refYear,
        refMonth,
        refCoarse,
        focus,
        sentence: i,
        named,
        quarterly,
        lateDays: options.lateDays ?? 0,
        onLocalDay: options.onLocalDay,
        zone: options.zone ?? null,
      });
      if (!r) continue;
      const precision = r.type === 'DATE' || r.type === 'TIME' ? precisionOf(r.value) : null;
      out.push({
        start: c.start,
        end: c.end,
        text: text.slice(c.start, c.end),
        type: r.type,
        value: r.value,
        precision,
      });
      const day = /^(\d{4})-(\d{2})-(\d{2})/.exec(r.value);
      if (day) ref = { y: Number(day[1]), m: Number(day[2]), d: Number(day[3]) };
      // A month moves the narrative's focus only as an adverbial of its clause ("In March, …", "earlier this
      // month"); a bound ("since March") or a noun's modifier ("a verdict from January") leaves it where it was.
      const passing = /^\d{4}-\d{2}$/.test(r.value) && !focusMonth(text, sentence.start, c);
      if ((r.type === 'DATE' || r.type === 'TIME') && !passing)
        refCoarse = day ? false : /^\d{4}-\d{2}$/.test(r.value) || refCoarse;
      if (day && !r.borrowed) named = { day: ref!, sentence: i, tense };
      if (day) focus = null;
      else if (r.type === 'DATE') {
        const coarse = /^(\d{4})(?:-(\d{2})|-(?:Q\d|H\d|SP|SU|FA|WI))?$/.exec(r.value);
        if (coarse) focus = { y: Number(coarse[1]), m: coarse[2] ? Number(coarse[2]) : null, sentence: i };
      }
      const year = /^(\d{4})(?:$|-(?:\d|Q|H|W|SP|SU|FA|WI))/.exec(r.value);
      if (year && (r.type === 'DATE' || r.type === 'TIME')) refYear = Number(year[1]);
      const month = /^(\d{4})-(\d{2})(?:$|-)/.exec(r.value);
      if (month && (r.type === 'DATE' || r.type === 'TIME')) {
        if (!passing) refMonth = { y: Number(month[1]), m: Number(month[2]) };
      }
      // A year, half, quarter or season named alone: a later "the following month" is of that year, month unknown.
      else if (r.type === 'DATE' && /^\d{4}(?:$|-(?:Q|H|SP|SU|FA|WI))/.test(r.value))
        refMonth = { y: Number(r.value.slice(0, 4)), m: null };
    }
  });
  orderIntervals(text, out, anchor);
  return out;
}
