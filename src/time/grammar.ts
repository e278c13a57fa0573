import type { TimexType } from '../model/index.js';
import {
  CARDINALS,
  isCapitalized,
  MONTH_ABBREVIATIONS,
  MONTH_NAMES,
  monthNumber,
  ORDINALS,
  TENS,
  WEEKDAY_ABBREVIATIONS,
  WEEKDAY_NAMES,
  weekdayNumber,
} from '../model/lexicon/index.js';
import {
  addDays,
  dayDiff,
  daysInMonth,
  fmtDay,
  fmtMonth,
  fmtWeek,
  fmtYear,
  isValidDay,
  quarterOf,
  weekday,
  type Day,
} from './calendar.js';
import { COUNTRY_HOLIDAYS, type CountryHoliday, type HolidayRule, ZONE_COUNTRIES } from './data/holidays.js';
import {
  AMBIGUOUS_MONTHS,
  NOT_PAST_ED,
  PARTS_OF_DAY,
  PAST_CUES,
  SAME_FORM_PAST,
  SEASONS,
  UNIT_WORDS,
  ZONES,
  type Unit,
} from './data/lexicon.js';
import { NUM, ORD, parseCount, parseOrdinal } from './numbers.js';
import {
  anchorDay,
  dayValue,
  directionOf,
  durationValue,
  relativeUnit,
  resolveMonth,
  resolveMonthDay,
  resolveWeekday,
  shiftedValue,
  unitValue,
  type ResolveContext,
} from './resolve.js';

/**
 * The time grammar: rules that find time expressions in a sentence and say how to resolve each one.
 * A rule's regex finds a candidate; its `build` vetoes it (null) or returns how to compute the TIMEX3
 * value once the tense and the reference dates are known. Extents follow TimeML: prepositions stay
 * out ("on Friday" → "Friday"), determiners and modifiers stay in ("the past three years", "late November").
 */
export interface Resolved {
  type: TimexType;
  value: string;
  /** The day was taken over from the context (a bare clock time or part of the day), not named by the expression. */
  borrowed?: boolean;
}

export interface MatchEnv {
  /** The sentence text. */
  sentence: string;
  /** Text of the sentence before the match. */
  before: string;
  /** Text of the sentence after the match. */
  after: string;
}

export type Resolver = (ctx: ResolveContext) => Resolved | null;

export interface Rule {
  name: string;
  re: RegExp;
  build(g: Record<string, string | undefined>, m: RegExpExecArray, env: MatchEnv): Resolver | null;
}

// ---- building blocks ------------------------------------------------------------------------------
// A word start. The ASCII test comes first because it is cheap and rejects most positions (those inside a
// word), where the Unicode-class lookbehind alone costs most of a rule's scan; it never rejects a position
// the full test accepts (under `iu`, [a-z0-9] is a subset of [\p{L}\p{N}]), so matches are the same.
const B = '(?<![a-z0-9])(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const MONTH_ALT = `${MONTH_NAMES.join('|')}|(?:${MONTH_ABBREVIATIONS.join('|')})(?![\\p{L}])\\.?`;
const M = (g: string): string => `(?<${g}>${MONTH_ALT})(?![\\p{L}])`;
const WD_ALT = `${WEEKDAY_NAMES.join('|')}|(?:${WEEKDAY_ABBREVIATIONS.join('|')})\\.`;
const WD = (g: string): string => `(?<${g}>${WD_ALT})(?![\\p{L}])`;
const DAY = (g: string): string =>
  `(?<${g}>3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?(?![\\p{N}]|[:.]\\d|\\s*(?:%|percent))`;
const YEAR = (g: string): string =>
  `(?<![$£€#\\p{N}.,])(?<${g}>1[6-9]\\d\\d|20\\d\\d)(?![\\p{N}]|,\\d|\\.\\d|\\s*(?:%|percent))`;
const MOD = '(?:(?:early|late|mid)[-\\s]+|the\\s+(?:end|beginning|start|middle)\\s+of\\s+)?';
export const UNITS =
  'seconds?|minutes?|hours?|days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies)';
const APPROX =
  '(?:(?:about|nearly|almost|some|more\\s+than|less\\s+than|fewer\\s+than|at\\s+least|up\\s+to|roughly|around|approximately|another|an\\s+additional|barely)\\s+)';
const PART = '(?:morning|afternoon|evening|night|overnight)';
/**
 * An approximator before a clock time ("about 9 a.m.", "around 7:15 p.m."): part of the expression, as before a
 * duration (TimeML 1.2.1 §2.2.3: a premodifier the value cannot hold goes to mod="APPROX", and stays in the extent).
 */
const CLOCK_APPROX = '(?:(?:about|around|approximately|roughly)\\s+)?';
/**
 * After "the": not a duration used as a modifier ("the two-week visit", "the 14 day deadline"). Such a
 * duration is a premodifier of the noun, and the determiner belongs to that noun phrase, not to the time
 * expression (TimeML tags the temporal expression, not the phrase it modifies); a singular unit after a
 * count above one marks the modifier as surely as a hyphen does.
 */
const NOT_ADJECTIVAL = `(?!${NUM}(?:-(?:${UNITS})|\\s+(?:second|minute|hour|day|week|fortnight|month|quarter|year|decade|century))(?![\\p{L}-]))`;

/**
 * Whether a year is the start of a year range written with a dash ("the 1950-53 war", "in 2010–2015"): the end is a
 * later year within a century, written in two or four digits, and nothing but a word follows (not an ISO date, a
 * phone number or a score). TimeML tags each end of a range as its own expression; only the start is tagged here.
 */
export function yearRangeStart(y: number, after: string): boolean {
  const m = /^\s*[-–]\s*(\d{2}|\d{4})(?![\p{N}]|\s*[-–/:.,]\s*\d)/u.exec(after);
  if (!m) return false;
  const end = m[1]!.length === 2 ? Math.floor(y / 100) * 100 + Number(m[1]) : Number(m[1]);
  return end > y && end - y < 100;
}

const rule = (name: string, source: string, build: Rule['build']): Rule => ({
  name,
  re: new RegExp(source, 'giu'),
  build,
});

/** Number words as the grammar reads them: units, teens, tens. */
const ONE_TO_9 = CARDINALS.slice(0, 9).join('|');
const ONE_TO_10 = CARDINALS.slice(0, 10).join('|');
const TEN_TO_19 = CARDINALS.slice(9).join('|');
const TENS_ALT = TENS.join('|');
const ABBREVIATED_MONTH = new RegExp(`^(?:${MONTH_ABBREVIATIONS.join('|')})\\.?$`, 'i');

// ---- helpers --------------------------------------------------------------------------------------
function unitOf(word: string): Unit {
  return UNIT_WORDS[word.toLowerCase()]!;
}

/** A month name written as a month: capitalized, and a plain-word one ("May", "March") only with a date beside it. */
function monthOk(word: string | undefined, requireCue: boolean, env: MatchEnv | null): boolean {
  if (!word || !isCapitalized(word)) return false;
  if (!requireCue) return true;
  const key = word.toLowerCase().replace(/\.$/, '');
  if (!AMBIGUOUS_MONTHS.has(key)) return true;
  if (!env) return false;
  return /\b(?:in|since|until|till|by|from|through|throughout|during|before|after|of|between|and|or|to|early|late|mid|last|next|this|past)[\s-]+$/i.test(
    env.before,
  );
}

function partCode(part: string | undefined): string {
  return part ? `T${PARTS_OF_DAY[part.toLowerCase()] ?? 'NI'}` : '';
}

const date = (value: string): Resolved => ({ type: 'DATE', value });

/**
 * A day counted from the narrative's focus when that focus is a month ("In March, … The next day"): a day of that
 * month not known (`2026-03-XX`); null when the focus is a day or nothing was named.
 */
/**
 * "A year later", "three months earlier", "a decade on" after a year or month the text has just named ("opened in
 * 2014. A year later, it closed" → 2015): an anaphoric expression is valued from the time it refers back to
 * (TimeML 1.2.1 §2.2.3), not from the article's date. That time must have been named in the expression's sentence
 * or one of the two before, with no day named since (a day is counted from as before). Units finer than the
 * focus's precision are not known ("six months after" a year: `XXXX-XX`); days and weeks are left to the day rules.
 */
function fromCoarseFocus(ctx: ResolveContext, unit: Unit, n: number): Resolved | null {
  const f = ctx.focus;
  if (!f || ctx.sentence === undefined || ctx.sentence - f.sentence > 2) return null;
  if (unit === 'year') return date(fmtYear(f.y + n));
  if (unit === 'month' || unit === 'quarter')
    return date(f.m === null ? 'XXXX-XX' : unitValue({ y: f.y, m: f.m, d: 15 }, unit, n));
  return null;
}

/** Adverbs among the past-tense cues: they mark the past but are no verb a month could place. */
const PAST_ADVERBS = new Set(['ago', 'yesterday', 'earlier', 'last', 'previously', 'recently']);

/**
 * Whether the text before a month ends in a past-tense verb and "in"/"during" ("closed in May", "began during
 * June"): the phrase then places that past event. After a noun ("a cutback in its supply in September") the month
 * may belong to the noun — a plan announced — and the verb says nothing of it; nor does a participle after "be".
 */
function pastVerbLocates(before: string): boolean {
  const m = /(?:^|\s)(?:(\S+)\s+)?([A-Za-z]+)\s+(?:in|during)\s+$/i.exec(before);
  const w = m?.[2]?.toLowerCase();
  if (!w) return false;
  // A participle after "be" may be a prospective passive ("was expected in November", "is scheduled in May").
  if (m![1] && /^(?:was|were|is|are|be|been|being)$/i.test(m![1]) && /ed$/.test(w)) return false;
  if (PAST_CUES.has(w)) return !PAST_ADVERBS.has(w);
  return SAME_FORM_PAST.has(w) || (/[a-z]{2}ed$/.test(w) && !NOT_PAST_ED.has(w));
}

function dayOfFocusMonth(ctx: ResolveContext): Resolved | null {
  return ctx.refCoarse && ctx.refMonth?.m ? date(`${fmtMonth(ctx.refMonth.y, ctx.refMonth.m)}-XX`) : null;
}

function timeOfDay(h: number, mi: number, ap: string | undefined): string | null {
  let hh = h;
  if (ap) {
    const pm = /^p/i.test(ap);
    if (h < 1 || h > 12) return null;
    if (pm && h !== 12) hh = h + 12;
    if (!pm && h === 12) hh = 0;
  }
  if (hh > 23 || mi > 59) return null;
  return `T${String(hh).padStart(2, '0')}:${String(mi).padStart(2, '0')}`;
}

/**
 * The day a clock time or part of the day without a day of its own falls on: the day the text last named, when
 * the text is still telling of it and the clause's tense agrees — within a week of the anchor, not after the
 * anchor in a past clause nor before it in a future one, and named in this sentence or in the one before in
 * the same tense; with no tense (or the present) only a day named in the same sentence. A narrative's
 * "at 10:35 a.m." is on the day it is telling of (TimeML 1.2.1 §2.2.3: a relative expression is valued from
 * the time it refers back to). Else none: the caller falls back on the anchor.
 */
function focusDay(ctx: ResolveContext): Day | null {
  const a = anchorDay(ctx);
  const f = ctx.named;
  if (!a || !f || ctx.sentence === undefined) return null;
  const gap = ctx.sentence - f.sentence;
  if (gap < 0 || gap > 1 || (gap === 1 && f.tense !== ctx.tense)) return null;
  const diff = dayDiff(f.day, a);
  if (Math.abs(diff) > 7) return null;
  if (ctx.tense === 'past') return diff <= 0 ? f.day : null;
  if (ctx.tense === 'future') return diff >= 0 ? f.day : null;
  return gap === 0 ? f.day : null;
}

/** A clock time or part of the day (`T10:00`, `TMO`) with no day written: on the focus day, else the anchor's. */
function bareTime(ctx: ResolveContext, t: string): Resolved {
  return { type: 'TIME', value: dayValue(focusDay(ctx) ?? anchorDay(ctx)) + t, borrowed: true };
}

/** A bracketed aside (a time in another zone) and a day word after a clock time: "(0735 GMT) Friday". */
const BRACKET_THEN_DAY = new RegExp(
  `^\\s*\\([^()]{1,24}\\)\\s*,?\\s*(?:on\\s+)?(${WD_ALT}|today|yesterday|tomorrow|tonight)(?![\\p{L}])`,
  'iu',
);

/** The day word after a clock time's bracketed aside; a weekday counts only capitalized (a lower-case "wed" is a verb). */
function dayAfterBracket(after: string): string | undefined {
  const w = BRACKET_THEN_DAY.exec(after)?.[1];
  return w && (/^\p{Lu}/u.test(w) || /^(?:today|yesterday|tomorrow|tonight)$/.test(w)) ? w : undefined;
}

/** A day word attached to a clock time ("9 a.m. Tuesday", "noon today"). */
function dayOfWord(word: string, ctx: ResolveContext): string {
  const a = anchorDay(ctx);
  const w = word.toLowerCase();
  if (w === 'today' || w === 'tonight') return dayValue(a);
  if (w === 'yesterday') return dayValue(a && addDays(a, -1));
  if (w === 'tomorrow') return dayValue(a && addDays(a, 1));
  return resolveWeekday(weekdayNumber(word), ctx, directionOf(ctx.tense, 'past'));
}

/** The year of a quarter, half or season written without one: the anchor's, moved by tense when that points away. */
function yearByTense(ctx: ResolveContext, period: number, current: number | null, forward = true): number | null {
  const a = ctx.anchor;
  if (!a) return null;
  if (current === null) return a.y;
  if (ctx.tense === 'past' && period > current) return a.y - 1;
  if (forward && ctx.tense === 'future' && period < current) return a.y + 1;
  return a.y;
}

/** Relative expressions after "earlier"/"later" count from the last date the text mentioned, else the anchor. */
function baseDay(ctx: ResolveContext, fromRef: boolean): Day | null {
  return (fromRef ? ctx.ref : null) ?? anchorDay(ctx);
}

/** In a quarterly report, "a year earlier" is the quarter just reported, a year before. */
function yearAgoQuarter(y: number, m: number): string {
  const q = y * 4 + quarterOf(m) - 1 - 1 - 4;
  return `${fmtYear(Math.floor(q / 4))}-Q${(q % 4) + 1}`;
}

/** Nouns of an era after "today's" ("today's world", "today's youth"): the present age, not the day. */
const GENERIC_PRESENT =
  /^['’]s\s+(?:world|youth|society|generation|children|kids|young|teenagers|economy|culture|standards|terms|dollars|prices|technology|families|politics|media)\b/i;

/**
 * An amount just before "annually" ("4,000 pumps", "6%", "2.5 percent a head"), up to three words between and no
 * comma: then "annually" is a rate. A bare four-digit number from 1800 to 2099 is a year, not an amount ("founded in
 * 1990, is held annually", "since 1990 it has run annually"): news style writes amounts of a thousand and over with a
 * thousands separator (AP style), and a year before a frequency dates the start, it does not measure.
 */
const AMOUNT_BEFORE_RATE =
  /(?:(?<![\d,.])(?!(?:1[89]|20)\d\d(?![\d%]|[,.]\d|\s*percent))\d+(?:[,.]\d+)*\p{L}*\s*(?:%|percent)?(?:\s+[\p{L}-]+){0,3}|percent)\s+$/u;

/**
 * The words before a match on its line are a headline (two or more, each capitalized or a short function word:
 * "The Senate Votes", "Markets Fall", "NEW YORK"): capitals there are the headline's style, not a name's.
 */
function headlineBefore(before: string): boolean {
  const line = before.slice(before.lastIndexOf('\n') + 1);
  const words = line.match(/[\p{L}][\p{L}'’.-]*/gu) ?? [];
  const content = words.filter((w) => !/^(?:a|an|the|of|on|in|at|to|for|and|or|by|with|as|from)$/.test(w));
  return content.length >= 2 && content.every((w) => /^\p{Lu}/u.test(w));
}

/**
 * A present perfect earlier in the sentence ("has extended", "have been closed") with no past perfect ("had") before
 * it and no past finite verb after it ("has reopened, and it was closed until March": the bound is the past clause's).
 */
const CONTINUING_PERFECT =
  /^(?!.*\bhad\b).*\b(?:has|have|['’]ve)\s+(?:(?:not|also|already|just)\s+)?(?:been\s+)?\p{Ll}{2,}(?:ed|en)\b(?!.*\b(?:was|were|had|did)\b)(?!.*\b(?:that|which|who|whom|whose|when|where|while|after|before|because|since|as|if)\b)(?!.*\b\p{Ll}{2,}ed\b)/isu;

/**
 * After "the early summer" (the determiner kept): the season heads its own noun phrase — the sentence goes on with
 * punctuation, a function word or nothing. Before a noun ("the early summer heat", "the late autumn rains") the
 * season is a premodifier and "the" belongs to the noun's phrase, as with a duration used as a modifier
 * (`NOT_ADJECTIVAL`): the season alone is tagged.
 */
const SEASON_HEADS =
  '(?!\\s+(?!(?:of|in|on|at|and|or|but|when|as|after|before|until|to|for|with|by|that|which|while|is|was|has|had|will|would)(?![\\p{L}]))\\p{Ll})';

/** A capitalized word before "Memorial Day" that names what is remembered (not a preposition, article or "this"). */
const MEMORIAL_NAMED_BEFORE =
  /(?<![\p{L}'’])(?!(?:On|Since|After|Before|Until|Till|By|For|Over|Through|The|A|This|Last|Next|Every|Each|From|At|And|Or|But|Ahead|Of|Since|During|In)\s+$)\p{Lu}[\p{L}'’-]*\s+$/u;

/** After a holiday's name: a noun it modifies ("parade", "weekend"), not a function word or punctuation. */
const HOLIDAY_MODIFIES_NOUN =
  /^\s+(?!(?:for|of|to|in|on|at|that|which|when|where|and|or|but|is|was|will|as|with|by)(?![\p{L}]))\p{Ll}/u;

const SEASON_OF_MONTH = (m: number): string => (m <= 2 || m === 12 ? 'WI' : m <= 5 ? 'SP' : m <= 8 ? 'SU' : 'FA');
const SEASON_ORDER = ['WI', 'SP', 'SU', 'FA'];

/** Holidays whose own word is a name in any case (Christmas, Thanksgiving, …), unlike "Election Day", "Good Friday". */
const HOLIDAY_NAME_WORDS = /^(?:christmas|new|thanksgiving|halloween|valentine)/i;
/** Weekday and month names, which may follow a holiday's name ("Easter Sunday", "Election Day Tuesday"). */
const WEEKDAY_OR_MONTH =
  'Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December';
/** A capitalized word next that continues a name (not a weekday, a month or "I"). */
const NAME_WORD_NEXT = new RegExp(`^\\s+(?!I(?![\\p{L}\\p{N}])|(?:${WEEKDAY_OR_MONTH})(?![\\p{L}\\p{N}]))\\p{Lu}`, 'u');

// ---- the rules ------------------------------------------------------------------------------------
export const RULES: readonly Rule[] = [
  rule('date-mdy', `${B}(?:${WD('wd')},?\\s+)?${MOD}${M('mon')}\\s*${DAY('d')},?\\s+${YEAR('y')}${E}`, (g) => {
    const mo = monthNumber(g.mon!);
    const y = Number(g.y);
    const d = Number(g.d);
    if (!monthOk(g.mon, false, null) || !isValidDay(y, mo, d)) return null;
    return () => date(fmtDay({ y, m: mo, d }));
  }),
  rule(
    'date-dmy',
    `${B}(?:${WD('wd')},?\\s+)?(?:the\\s+)?${DAY('d')}(?:\\s+of)?\\s+${M('mon')},?\\s+${YEAR('y')}${E}`,
    (g) => {
      const mo = monthNumber(g.mon!);
      const y = Number(g.y);
      const d = Number(g.d);
      if (!monthOk(g.mon, false, null) || !isValidDay(y, mo, d)) return null;
      return () => date(fmtDay({ y, m: mo, d }));
    },
  ),
  rule('date-iso', `${B}(?<y>\\d{4})-(?<mo>\\d{2})-(?<d>\\d{2})(?:T(?<h>\\d{2}):(?<mi>\\d{2}))?${E}`, (g) => {
    const y = Number(g.y);
    const mo = Number(g.mo);
    const d = Number(g.d);
    if (!isValidDay(y, mo, d)) return null;
    const day = fmtDay({ y, m: mo, d });
    if (g.h) {
      const t = timeOfDay(Number(g.h), Number(g.mi), undefined);
      return t ? () => ({ type: 'TIME', value: day + t }) : null;
    }
    return () => date(day);
  }),
  rule('date-iso-week', `${B}(?<y>\\d{4})-?W(?<w>\\d{2})${E}`, (g) => {
    const w = Number(g.w);
    if (w < 1 || w > 53) return null;
    return () => date(`${g.y}-W${g.w}`);
  }),
  rule('date-numeric', `${B}(?<a>\\d{1,2})/(?<b>\\d{1,2})/(?<y>\\d{4}|\\d{2})${E}`, (g) => {
    let y = Number(g.y);
    if (g.y!.length === 2) y += y < 50 ? 2000 : 1900;
    let mo = Number(g.a);
    let d = Number(g.b);
    if (mo > 12 && d <= 12) [mo, d] = [d, mo];
    if (!isValidDay(y, mo, d)) return null;
    return () => date(fmtDay({ y, m: mo, d }));
  }),
  rule('month-year', `${B}${MOD}${M('mon')},?\\s+(?:of\\s+)?${YEAR('y')}${E}`, (g) => {
    if (!monthOk(g.mon, false, null)) return null;
    return () => date(fmtMonth(Number(g.y), monthNumber(g.mon!)));
  }),
  rule(
    'month-relyear',
    `${B}${MOD}(?:(?:the\\s+)?${DAY('dd')}\\s+(?:of\\s+)?)?${M('mon')}(?:\\s*${DAY('d')})?(?:\\s+of)?\\s+(?<rel>last|this|next)\\s+year${E}`,
    (raw) => {
      // The day may come first ("25 June last year", "the 25th of June last year").
      const g: Record<string, string | undefined> = { ...raw, d: raw.d ?? raw.dd };
      if (raw.d && raw.dd) return null;
      if (!monthOk(g.mon, false, null)) return null;
      const mo = monthNumber(g.mon!);
      const shift = g.rel!.toLowerCase() === 'last' ? -1 : g.rel!.toLowerCase() === 'next' ? 1 : 0;
      return (ctx) => {
        if (!ctx.anchor)
          return date(
            g.d ? `XXXX-${String(mo).padStart(2, '0')}-${g.d.padStart(2, '0')}` : `XXXX-${String(mo).padStart(2, '0')}`,
          );
        const y = ctx.anchor.y + shift;
        if (g.d) return isValidDay(y, mo, Number(g.d)) ? date(fmtDay({ y, m: mo, d: Number(g.d) })) : null;
        return date(fmtMonth(y, mo));
      };
    },
  ),
  rule('week-of', `${B}the\\s+week\\s+of\\s+${M('mon')}\\s*${DAY('d')}${E}`, (g) => {
    if (!monthOk(g.mon, false, null)) return null;
    const mo = monthNumber(g.mon!);
    const d = Number(g.d);
    return (ctx) => {
      const v = resolveMonthDay(mo, d, ctx, directionOf(ctx.tense, 'nearest'));
      if (!v || v.startsWith('X')) return date('XXXX-WXX');
      return date(fmtWeek({ y: Number(v.slice(0, 4)), m: mo, d }));
    };
  }),
  rule(
    'weekday-paren-monthday',
    `${B}${WD('wd')}\\s*\\(\\s*(?:${M('mon')}\\s*${DAY('d')}|${DAY('d2')}\\s+${M('mon2')})\\s*\\)`,
    (g) => {
      const mon = g.mon ?? g.mon2;
      if (!monthOk(mon, false, null)) return null;
      const mo = monthNumber(mon!);
      const d = Number(g.d ?? g.d2);
      return (ctx) => {
        const v = resolveMonthDay(mo, d, ctx, 'nearest', weekdayNumber(g.wd!));
        return v ? date(v) : null;
      };
    },
  ),
  rule(
    'weekday-monthday',
    `${B}${WD('wd')},?\\s+(?:${M('mon')}\\s*${DAY('d')}|(?:the\\s+)?${DAY('d2')}(?:\\s+of)?\\s+${M('mon2')})${E}`,
    (g) => {
      const mon = g.mon ?? g.mon2;
      if (!monthOk(mon, false, null)) return null;
      const mo = monthNumber(mon!);
      const d = Number(g.d ?? g.d2);
      return (ctx) => {
        const v = resolveMonthDay(mo, d, ctx, 'nearest', weekdayNumber(g.wd!));
        return v ? date(v) : null;
      };
    },
  ),
  rule('monthday', `${B}${MOD}${M('mon')}\\s*(?:the\\s+)?${DAY('d')}${E}`, (g) => {
    if (!monthOk(g.mon, false, null)) return null;
    const mo = monthNumber(g.mon!);
    const d = Number(g.d);
    if (!isValidDay(2000, mo, d)) return null;
    return (ctx) => {
      const v = resolveMonthDay(mo, d, ctx, directionOf(ctx.reportedTense, 'nearest'));
      return v ? date(v) : null;
    };
  }),
  rule('daymonth', `${B}(?:the\\s+)?${DAY('d')}(?:\\s+of)?\\s+${M('mon')}${E}`, (g, _m, env) => {
    if (!monthOk(g.mon, false, null) || /\d[\s,]*$/.test(env.before)) return null;
    const mo = monthNumber(g.mon!);
    const d = Number(g.d);
    if (!isValidDay(2000, mo, d)) return null;
    return (ctx) => {
      const v = resolveMonthDay(mo, d, ctx, directionOf(ctx.reportedTense, 'nearest'));
      return v ? date(v) : null;
    };
  }),
  rule(
    'monthday-pair',
    `(?<=${B}${M('mon')}\\s*\\d{1,2}(?:st|nd|rd|th)?\\s*(?:and|or|to|through|-|–)\\s*)${DAY('d')}${E}`,
    (g) => {
      if (!monthOk(g.mon, false, null)) return null;
      const mo = monthNumber(g.mon!);
      const d = Number(g.d);
      if (!isValidDay(2000, mo, d)) return null;
      return (ctx) => {
        const v = resolveMonthDay(mo, d, ctx, directionOf(ctx.reportedTense, 'nearest'));
        return v ? date(v) : null;
      };
    },
  ),
  rule('month', `${B}(?:(?<rel>last|next|this|that|past|coming|early|late|mid)[-\\s]+)?${M('mon')}`, (g, _m, env) => {
    if (!monthOk(g.mon, !g.rel, env)) return null;
    if (!g.rel && ABBREVIATED_MONTH.test(g.mon!)) return null;
    const mo = monthNumber(g.mon!);
    const rel = g.rel?.toLowerCase();
    // "has extended the loans through January", "have been closed until March": a present perfect states what
    // holds now, so the end bound of that state lies at or after now — the coming month, though the tense reads as
    // past (a simple past, "the strike lasted until March", or a past perfect keeps its bound in the past).
    const boundOfPerfect =
      !rel && /\b(?:until|till|through)\s+$/i.test(env.before) && CONTINUING_PERFECT.test(env.before);
    const locating = !rel && pastVerbLocates(env.before);
    return (ctx) => {
      if (boundOfPerfect && ctx.tense === 'past') return date(resolveMonth(mo, ctx, 'future'));
      // "that November": the month of the year the text last named (TimeML: an anaphoric expression is
      // valued from the time it refers back to, not from the document date).
      if (rel === 'that' && ctx.refYear !== null) return date(fmtMonth(ctx.refYear, mo));
      // "last February" said in March is not the month just past of the same year ("last month" names that one):
      // it is the February of the year before, as "last March" said in March is.
      const a = ctx.anchor;
      if (rel === 'last' && a && a.m !== null && mo === a.m - 1) return date(fmtMonth(a.y - 1, mo));
      if (rel === 'last' || rel === 'past') return date(resolveMonth(mo, ctx, 'past', 'strict'));
      if (rel === 'next' || rel === 'coming') return date(resolveMonth(mo, ctx, 'future', 'strict'));
      if (rel === 'this') return date(resolveMonth(mo, ctx, 'same-year'));
      const dir = ctx.tense === 'past' ? 'past' : ctx.tense === 'future' ? 'future' : 'nearest';
      // "The plant closed in May": "in"/"during" a month places a past event in it, and a past event lies before
      // the report — the allowance for dates announced in the past tense ("was set for May") does not apply.
      if (locating && dir === 'past') return date(resolveMonth(mo, ctx, 'past', 'located'));
      return date(resolveMonth(mo, ctx, dir));
    };
  }),
  rule(
    'decade',
    `${B}(?:the\\s+)?(?:(?:early|late|mid)[-\\s]+)?(?:(?<c>1[6-9]|20)(?<dd>\\d)0['’]?s|['’](?<d2>\\d)0s)(?![\\p{L}\\p{N}])`,
    (g) => {
      const value = g.c ? `${g.c}${g.dd}` : `19${g.d2}`;
      return () => date(value);
    },
  ),
  rule('decade-short', `${B}the\\s+(?:(?:early|late|mid)[-\\s]+)?(?<d>[2-9])0s${E}`, (g) => () => date(`19${g.d}`)),
  rule(
    'decade-word',
    `${B}the\\s+(?:(?:early|late|mid)[-\\s]+)?(?<w>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)${E}`,
    (g) => {
      const d =
        ['twenties', 'thirties', 'forties', 'fifties', 'sixties', 'seventies', 'eighties', 'nineties'].indexOf(
          g.w!.toLowerCase(),
        ) + 2;
      return () => date(`19${d}`);
    },
  ),
  rule(
    'century',
    `${B}(?:the\\s+)?(?:(?:early|late|mid)[-\\s]+)?(?<n>\\d{1,2}(?:st|nd|rd|th)|${ORDINALS.join('|')}|twenty-first)[-\\s]+century${E}`,
    (g) => {
      const n = parseOrdinal(g.n!);
      if (!n || n < 1 || n > 30) return null;
      return () => date(String(n - 1).padStart(2, '0'));
    },
  ),
  rule(
    'year',
    `${B}(?:(?<pre>(?:early|late|mid|post|pre)[-\\s]+|the\\s+(?:end|beginning|start|middle|rest|remainder)\\s+of\\s+(?:fiscal\\s+)?|fiscal\\s+(?:year\\s+)?|FY\\s*))?${YEAR('y')}${E}`,
    (g, _m, env) => {
      const y = Number(g.y);
      if (/(?:No\.|number|#|\$|€|£|page|p\.)\s*$/i.test(env.before)) return null;
      if (/^\s*(?:-|–)\s*\d/.test(env.after) && !g.pre && !yearRangeStart(y, env.after)) return null;
      const cue =
        /\b(?:in|since|of|by|until|till|from|to|before|after|during|through|between|and|or|early|late|mid|year|the|for)\s+$/i.test(
          env.before,
        );
      if (
        !g.pre &&
        !cue &&
        /^\s+(?!(?:and|or|to|when|as|but|before|after|until|because|while|with|was|were|is|are|has|had|have|will|would)\b)\p{Ll}+s\b/u.test(
          env.after,
        )
      )
        return null;
      if (!g.pre && y < 1800 && !cue) return null;
      return () => date(fmtYear(y));
    },
  ),
  // ---- relative days and parts of days ----
  rule(
    'rel-day',
    `${B}(?:(?:early|late)\\s+)?(?<w>today|yesterday|tomorrow|tonight)(?:\\s+(?<part>${PART}))?${E}`,
    (g, _m, env) => {
      const w = g.w!.toLowerCase();
      // A capitalized "Today" after a capitalized word, inside running text, ends a name ("writes for USA Today.",
      // "USA Today reported", "the Harbour Today programme"): English writes the day "today" in lower case except
      // at the start of a sentence or in a headline's capitals, and proper names are not time expressions (the
      // TIDES standard's non-markable proper names, which TimeML follows). After a headline of capitalized words
      // ("The Senate Votes Today on the Budget", "Markets Fall Today", "NEW YORK Today the market fell") it is the day.
      if (g.w === 'Today' && /(?<![\p{L}'’])\p{Lu}[\p{L}.]*\s+$/u.test(env.before) && !headlineBefore(env.before))
        return null;
      // "today's world", "in today's dollars": "today" meaning the present age, not the day (TIDES and TimeML:
      // PRESENT_REF) — a noun of an era, not of an occasion ("today's vote" is the day's).
      if (w === 'today' && !g.part && GENERIC_PRESENT.test(env.after)) return () => date('PRESENT_REF');
      const shift = w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
      const part = w === 'tonight' ? 'TNI' : partCode(g.part);
      return (ctx) => {
        const a = anchorDay(ctx);
        return { type: part ? 'TIME' : 'DATE', value: dayValue(a && addDays(a, shift)) + part };
      };
    },
  ),
  rule('day-before-yesterday', `${B}(?:the\\s+)?day\\s+(?<ba>before|after)\\s+(?<w>yesterday|tomorrow)${E}`, (g) => {
    const shift = g.w!.toLowerCase() === 'yesterday' ? -2 : 2;
    return (ctx) => {
      const a = anchorDay(ctx);
      return date(dayValue(a && addDays(a, shift)));
    };
  }),
  rule('this-part', `${B}(?<rel>this|last)\\s+(?<part>${PART})${E}`, (g) => {
    const shift = g.rel!.toLowerCase() === 'last' && /^(night|evening)$/i.test(g.part!) ? -1 : 0;
    return (ctx) => {
      const a = anchorDay(ctx);
      return { type: 'TIME', value: dayValue(a && addDays(a, shift)) + partCode(g.part) };
    };
  }),
  // "By mid afternoon", "at mid-morning" are the same parts of the day, narrowed (TimeML 1.2.1 §2.2.3: TAF, with
  // the "mid" kept in the extent as a modifier, like "early"/"late").
  // "in the morning", "during the afternoon": the part of the day the text is telling of (the day in focus, else
  // the anchor's) — general English: a definite part of the day is of the day in focus; TimeML 1.2.1 values it
  // as that day plus the part (TIME, 1998-08-07TMO). Outside the past tense it needs a day named in its own
  // sentence: in the present it is habitual ("most customers come in the morning": no dated time; without a
  // tagger, a clause with no tense cue reads so too), and in the future ("officials will brief reporters in the
  // morning") the text does not say which morning (the anchor's own, for a story filed before dawn, or the
  // next): TimeML values only what the text or its anchor determines, so no day is guessed.
  rule(
    'the-part',
    `(?<=${B}(?:in|during|by|through|throughout|until|at)\\s+)(?:(?<=${B}(?:in|during|by|through|throughout|until)\\s+)the\\s+|mid[-\\s]?)(?<part>morning|afternoon|evening)${E}`,
    (g, _m, env) => {
      if (
        !/^\s*(?:[,.;:)!?]|$|(?:to|and|but|when|as|with|before|after|on|at|from|for|the|a|an|he|she|it|they|we|i|his|her|its|their)\b)/i.test(
          env.after,
        )
      )
        return null;
      return (ctx) => {
        if (ctx.tense !== 'past' && ctx.named?.sentence !== ctx.sentence) return null;
        if (ctx.tense !== 'past' && !focusDay(ctx)) return null;
        return bareTime(ctx, partCode(g.part));
      };
    },
  ),
  rule(
    'weekday',
    `${B}(?:the\\s+(?<ana>previous|preceding|following|next)\\s+|(?<rel>this\\s+past|this\\s+coming|last|next|this|past|coming|early|late)\\s+)?${WD('wd')}(?:\\s+(?<part>${PART}))?`,
    (g) => {
      // Weekday names are proper nouns, written with a capital: a lower-case "wed" or "sun" is another word.
      if (!isCapitalized(g.wd!)) return null;
      const wd = weekdayNumber(g.wd!);
      const rel = g.rel?.toLowerCase().replace(/^this\s+(past|coming)$/, '$1');
      const ana = g.ana?.toLowerCase();
      const part = partCode(g.part);
      return (ctx) => {
        let v: string;
        // "the previous Friday", "the following Monday": counted from the last day the text mentioned.
        if (ana) {
          const base = ctx.ref ?? anchorDay(ctx);
          const back = ana === 'previous' || ana === 'preceding';
          const shift = base ? (back ? -((weekday(base) - wd + 7) % 7 || 7) : (wd - weekday(base) + 7) % 7 || 7) : 0;
          v = dayValue(base && addDays(base, shift));
        } else if (rel === 'last' || rel === 'past') v = resolveWeekday(wd, ctx, 'past', true);
        else if (rel === 'next' || rel === 'coming') v = resolveWeekday(wd, ctx, 'future', true);
        else v = resolveWeekday(wd, ctx, directionOf(ctx.tense === 'present' ? 'future' : ctx.tense, 'past'));
        return { type: part ? 'TIME' : 'DATE', value: v + part };
      };
    },
  ),
  // ---- this/last/next <unit> ----
  rule(
    'this-unit',
    `${B}(?:(?<mod>early|late|earlier|later)\\s+)?(?:(?<the>the)\\s+)?(?<rel>this|last|next|past|coming|previous|current|following)\\s+(?<unit>week|weekend|month|year|quarter|decade|century)${E}`,
    (g, _m, env) => {
      const rel = g.rel!.toLowerCase();
      // A capitalized unit is a title (the programme This Week).
      if (/^\p{Lu}\p{Ll}/u.test(g.unit!)) return null;
      if (rel === 'following' || (rel === 'next' && g.the)) return null; // anaphoric: see "anaphoric"
      // "the previous month" refers back to the month the text named ("in March … the previous month"): anaphoric.
      if (g.the && !g.mod && rel === 'previous' && g.unit!.toLowerCase() === 'month') return null;
      if (/^\s*(?:or\s+(?:so|two)|and\s+a\s+half)\b/i.test(env.after)) return null;
      const unitWord = g.unit!.toLowerCase();
      const n =
        rel === 'last' || rel === 'past' || rel === 'previous' ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
      if (unitWord === 'weekend') {
        return (ctx) => {
          const a = anchorDay(ctx);
          return date(a ? `${unitValue(a, 'week', n)}-WE` : 'XXXX-WXX-WE');
        };
      }
      const unit = unitOf(unitWord);
      // "the past decade" is a stretch of time, not the previous calendar decade.
      if (g.the && n === -1 && (unit === 'decade' || unit === 'century'))
        return () => ({ type: 'DURATION', value: durationValue(1, unit) });
      return (ctx) => date(relativeUnit(unit, n, ctx));
    },
  ),
  rule(
    'year-ago-period',
    `${B}(?:the\\s+)?(?:comparable\\s+|corresponding\\s+)?(?:year-ago|year-earlier|year-before|prior-year|previous-year)(?:\\s+(?:(?<q>${ORD})\\s+)?(?<unit>quarter|period))?${E}`,
    (g) => {
      const unit = g.unit?.toLowerCase();
      const q = g.q ? parseOrdinal(g.q) : null;
      return (ctx) => {
        const a = ctx.anchor;
        if (!a) return date('XXXX');
        if (q) return date(`${fmtYear(a.y - 1)}-Q${q}`);
        if ((unit || ctx.quarterly) && a.m !== null) return date(yearAgoQuarter(a.y, a.m));
        return date(fmtYear(a.y - 1));
      };
    },
  ),
  rule(
    'year-quarter',
    `${B}the\\s+(?<y>(?:1[6-9]|20)\\d\\d)\\s+(?:(?<q>${ORD})\\s+)?(?:fiscal\\s+)?(?<unit>quarter|period)${E}`,
    (g) => {
      const q = g.q ? parseOrdinal(g.q) : null;
      return (ctx) => {
        if (q) return date(`${g.y}-Q${q}`);
        const a = ctx.anchor;
        if (!a || a.m === null) return date(`${g.y}-QX`);
        const prev = a.y * 4 + quarterOf(a.m) - 1 - 1;
        return date(`${g.y}-Q${(prev % 4) + 1}`);
      };
    },
  ),
  rule(
    'ago',
    `${B}${APPROX}?(?<n>${NUM})[-\\s]+(?<unit>${UNITS})(?:\\s+or\\s+so)?\\s+(?<dir>ago|earlier|later|before|after|from\\s+now|hence|back|on)${E}`,
    (g, _m, env) => {
      const unit = unitOf(g.unit!);
      const dir = g.dir!.toLowerCase().replace(/\s+/g, ' ');
      // "two years after the war" is a duration before a bound; only "two years after," ends the expression.
      if ((dir === 'before' || dir === 'after' || dir === 'on') && !/^\s*[,.;:)]|^\s*$/.test(env.after)) return null;
      const count = parseCount(g.n!);
      const back = dir === 'ago' || dir === 'earlier' || dir === 'before' || dir === 'back';
      const fromRef = dir !== 'ago' && dir !== 'from now' && dir !== 'hence' && dir !== 'back';
      return (ctx) => {
        if (count === null) return date(back ? 'PAST_REF' : 'FUTURE_REF');
        const sign = back ? -1 : 1;
        if (unit === 'year' && count === 1 && back && ctx.quarterly && ctx.anchor?.m)
          return date(yearAgoQuarter(ctx.anchor.y, ctx.anchor.m));
        if (unit === 'decade' || unit === 'century') {
          const years = count * (unit === 'decade' ? 10 : 100);
          const focused = fromRef ? fromCoarseFocus(ctx, 'year', sign * years) : null;
          if (focused) return focused;
          return date(shiftedValue(baseDay(ctx, fromRef), 'year', sign * years, ctx.anchor?.y ?? null));
        }
        if (!Number.isInteger(count)) return date(back ? 'PAST_REF' : 'FUTURE_REF');
        const focused = fromRef ? fromCoarseFocus(ctx, unit, sign * count) : null;
        if (focused) return focused;
        // "Two days later" after "earlier this month": a day of that month (or the next), not known.
        const inMonth = fromRef && unit === 'day' ? dayOfFocusMonth(ctx) : null;
        if (inMonth) return inMonth;
        const base = baseDay(ctx, fromRef);
        if (unit === 'hour' || unit === 'minute' || unit === 'second') return { type: 'TIME', value: dayValue(base) };
        return date(shiftedValue(base, unit, sign * count, ctx.anchor?.y ?? null));
      };
    },
  ),
  rule('vague-ago', `${B}(?<unit>years|months|weeks|days|decades)\\s+(?<dir>ago|earlier|later)${E}`, (g) => {
    const back = g.dir!.toLowerCase() !== 'later';
    return () => date(back ? 'PAST_REF' : 'FUTURE_REF');
  }),
  // ---- durations ----
  rule(
    'duration',
    `${B}(?:the\\s+(?<rel>past|last|next|first|coming|previous|following|final|initial|remaining|latest|entire|whole|full|same)\\s+|the\\s+${NOT_ADJECTIVAL}|(?<rel2>past|next|first|coming|previous|following|final|initial|remaining|entire|whole|full)\\s+)?${APPROX}?(?<n>${NUM})(?<half>\\s+1/2|\\s*½)?(?:\\s+more)?(?:-|\\s+)(?<kind>(?:trading|business|working|school)\\s+)?(?<unit>${UNITS})(?<old>\\s+old)?(?:\\s+or\\s+so)?${E}`,
    (g, m, env) => {
      const unit = unitOf(g.unit!);
      // "eight trading days", "five business days": days of a kind are still counted in days (TIDES: P5D).
      if (g.kind && unit !== 'day') return null;
      // "will one day lead", "hopes he one day returns": "one day" between a subject or modal and its verb is the
      // adverb "someday" (an unspecified time), not a stretch of one day. A closed-class word next (a determiner,
      // preposition or conjunction) is no verb: "cut to one day a week", "limited to one day per month" count days.
      if (
        /^one\s+day$/i.test(m[0]) &&
        /\b(?:will|would|could|might|may|can|shall|should|must|to|i|we|you|he|she|they|it)\s+$/i.test(env.before) &&
        /^\s+\p{Ll}+/u.test(env.after) &&
        !/^\s+(?:of|in|at|on|after|before|later|earlier|ago|and|or|to|for|from|longer|more|less|a|an|the|this|that|these|those|each|every|per|because|since|until|than|with|without|by|as|when|while|if|but)\b/i.test(
          env.after,
        )
      )
        return null;
      const n = g.n!.toLowerCase();
      if ((n === 'a' || n === 'an') && (unit === 'second' || unit === 'quarter')) return null;
      if (/^-(?:old|long)\b/i.test(env.after)) return null;
      // An age ("62 years old") is neither a date nor a stretch of time anything happened in.
      if (g.old) return null;
      // A capitalized unit mid-sentence is a title ("60 Minutes").
      if (isCapitalized(g.unit!) && env.before.trim() !== '') return null;
      // A rate ("$2 million a year", "24 hours a day") is not a duration.
      if ((n === 'a' || n === 'an') && /(?:\d[\d,.]*\s*(?:%|[\p{L}]+)?|percent|cents?|dollars?)\s+$/u.test(env.before))
        return null;
      if (/^\d{4}$/.test(n)) return null;
      // "three-quarters of its grain" is a fraction (a count hyphened to a plural "quarters"), not a duration.
      if (/-quarters\b/i.test(m[0])) return null;
      const whole = parseCount(n);
      if (whole !== null && whole > 10000) return null;
      const count = whole !== null && g.half ? whole + 0.5 : whole;
      return () => ({ type: 'DURATION', value: durationValue(count, unit) });
    },
  ),
  // A range of counts ("two to three weeks", "three or four days"): TimeML tags each end as its own expression, and
  // the first end, a bare count, takes the unit written once after the second ("two" → P2W; "three weeks" is the
  // duration rule's). A pair that is no range ("a vote of 10 to 2 days after") is not read.
  rule(
    'duration-range',
    `${B}(?<n>\\d+|${CARDINALS.join('|')})(?=\\s+(?:to|or)\\s+(?<n2>\\d+|${CARDINALS.join('|')})[-\\s]+(?<unit>${UNITS})${E}(?!\\s+olds?\\b|-(?:olds?|long)\\b|\\s+(?:ago|earlier|later|hence|back|from\\s+now)\\b))`,
    (g) => {
      const low = parseCount(g.n!);
      const high = parseCount(g.n2!);
      if (low === null || high === null || high <= low) return null;
      const unit = unitOf(g.unit!);
      return () => ({ type: 'DURATION', value: durationValue(low, unit) });
    },
  ),
  // "a week-long visit", "a two-month-long strike", "a decades-long feud": an adjectival duration (TimeML
  // tags durations used as modifiers, "-long" included; a plural unit without a count is an unknown number).
  // AP style writes the one-unit forms closed: "a weeklong visit", "an hourlong show", "the yearlong inquiry".
  rule(
    'duration-long',
    `${B}(?:(?:(?<n>${NUM})-)?(?<unit>${UNITS})-long|(?<unit1>hour|day|week|month|year|decade)long)${E}`,
    (raw) => {
      const g: Record<string, string | undefined> = { ...raw, unit: raw.unit ?? raw.unit1 };
      const unit = unitOf(g.unit!);
      const plural = /s$/i.test(g.unit!) || /ies$/i.test(g.unit!);
      const count = g.n ? parseCount(g.n.toLowerCase()) : plural ? null : 1;
      if (g.n && count === null) return null;
      return () => ({ type: 'DURATION', value: durationValue(count, unit) });
    },
  ),
  rule(
    'duration-plural',
    `${B}(?:(?<pre>recent|several|many|future|the\\s+past\\s+few|the\\s+last\\s+few|the\\s+next\\s+few|the\\s+coming|coming|the\\s+past|past|the\\s+early(?=\\s+years(?!\\s+of\\b))|the(?=\\s+\\p{L}+\\s+ahead)|(?<=${B}over\\s+)the)\\s+)?(?<unit>years(?!\\s+\\d)|months|weeks|days|decades|hours|minutes|centuries|quarters)(?:(?<=(?<!\\p{L})the\\s+\\p{L}+)(?<ahead>\\s+ahead))?${E}`,
    (g, _m, env) => {
      const pre = g.pre?.toLowerCase().replace(/\s+/g, ' ');
      // "the weeks ahead", "over the years", "in the early years": stretches of unknown length, like "recent
      // weeks" (TimeML 1.2.1 §2.2.3, value: an unspecified count is X).
      // "ahead" is taken only after a bare "the" (the lookbehind): "the coming weeks ahead" is "the coming weeks".
      // "quarters" without a word of time before it is lodgings or parts of a town ("lived in quarters", "from
      // several quarters"): a time only after a modifier of time ("recent quarters", "the coming quarters").
      if (
        /^quarters$/i.test(g.unit!) &&
        !(
          g.ahead ||
          (pre &&
            /^(?:recent|future|coming|the coming|past|the past|the past few|the last few|the next few)$/.test(pre))
        )
      )
        return null;
      if (pre === 'the' || pre === 'the early')
        return () => ({ type: 'DURATION', value: durationValue(null, unitOf(g.unit!)) });
      // "future quarters": a time after now, not a stretch (TimeML 1.2.1 §2.2.3: FUTURE_REF).
      if (pre === 'future') return () => date('FUTURE_REF');
      if (!g.pre && !/\b(?:for|over|within|after|in|spent|took|lasted)\s+$/i.test(env.before)) return null;
      if (!g.pre && /^\s+(?:ago|earlier|later|of\s+(?:the|a|his|her|its|their))\b/i.test(env.after)) return null;
      if (!g.pre && /^\s+old\b/i.test(env.after)) return null;
      // "in past years", "the last few months" point at a vague past; "recent weeks", "the coming
      // months" are annotated as spans of unknown length (TBAQ: PXW, PXM).
      if (pre && /^(?:past|the past few|the last few)$/.test(pre)) return () => date('PAST_REF');
      return () => ({ type: 'DURATION', value: durationValue(null, unitOf(g.unit!)) });
    },
  ),
  rule(
    'duration-half',
    `${B}(?:half\\s+an?\\s+(?<u1>hour|day|year|month)|an?\\s+(?<u2>minute|hour|day|week|year|month)\\s+and\\s+a\\s+half|(?<n>${NUM})\\s+and\\s+a\\s+half\\s+(?<u3>minutes|hours|days|years|months|weeks))${E}`,
    (g) => {
      const unit = unitOf((g.u1 ?? g.u2 ?? g.u3)!);
      const base = g.u1 ? 0 : g.u2 ? 1 : parseCount(g.n!);
      if (base === null) return null;
      const count = base + 0.5;
      if (unit === 'hour' && g.u1) return () => ({ type: 'DURATION', value: 'PT30M' });
      return () => ({ type: 'DURATION', value: durationValue(count, unit) });
    },
  ),
  // ---- sets ----
  rule(
    'set-every',
    `${B}(?:every|each)\\s+(?:(?<other>other)\\s+)?(?:(?<n>${NUM})\\s+)?(?:(?<unit>${UNITS})|${WD('wd')}|(?<part>${PART}))${E}`,
    (g) => {
      if (g.wd) return () => ({ type: 'SET', value: `XXXX-WXX-${weekdayNumber(g.wd!)}` });
      if (g.part) return () => ({ type: 'SET', value: `XXXX-XX-XX${partCode(g.part)}` });
      const unit = unitOf(g.unit!);
      const count = g.other ? 2 : g.n ? parseCount(g.n) : 1;
      return () => ({ type: 'SET', value: durationValue(count, unit) });
    },
  ),
  rule('set-weekdays', `${B}(?<wd>${WEEKDAY_NAMES.map((d) => `${d}s`).join('|')})${E}`, (g) => {
    const wd = weekdayNumber(g.wd!.slice(0, -1));
    return () => ({ type: 'SET', value: `XXXX-WXX-${wd}` });
  }),
  rule('set-month', `${B}(?:every|each)\\s+${M('mon')}${E}`, (g) => {
    if (!monthOk(g.mon, false, null)) return null;
    return () => ({ type: 'SET', value: `XXXX-${String(monthNumber(g.mon!)).padStart(2, '0')}` });
  }),
  rule(
    'set-adverb',
    `${B}(?<adv>daily|weekly|monthly|yearly|annually|semi-?annually|hourly|nightly|biweekly|fortnightly|bimonthly)${E}`,
    (g, _m, env) => {
      if (isCapitalized(g.adv!)) return null;
      // A newspaper ("the party daily Red Harbour", "the state daily Norvessa Courier") is a noun, not a frequency (TimeML
      // 1.2.1 §2.2.1: only temporal uses of a time word are tagged): a name follows it, and a proper noun or a
      // word for who publishes it comes before ("the daily ministry briefing", "the network's daily Harbour Hour
      // show" stay SETs).
      if (
        /^daily$/i.test(g.adv!) &&
        /^\s+\p{Lu}/u.test(env.after) &&
        !/^\s+(?:I|A)\b/.test(env.after) &&
        (/\b(?:state|party|official|government|newspaper|national|independent|financial|business)\s+$/i.test(
          env.before,
        ) ||
          /(?<![\p{L}'’])\p{Lu}\p{L}*\s+$/u.test(env.before))
      )
        return null;
      // A rate ("4,000 pumps annually", "6% annually") measures an amount per year; it does not say
      // when anything recurs, as "$2 million a year" is no duration (the "duration" rule).
      if (/^(?:annually|semi-?annually)$/i.test(g.adv!) && AMOUNT_BEFORE_RATE.test(env.before)) return null;
      const values: Record<string, string> = {
        daily: 'P1D',
        weekly: 'P1W',
        monthly: 'P1M',
        yearly: 'P1Y',
        annually: 'P1Y',
        quarterly: 'P3M',
        hourly: 'PT1H',
        nightly: 'P1D',
        biweekly: 'P2W',
        fortnightly: 'P2W',
        semiannually: 'P6M',
        'semi-annually': 'P6M',
        bimonthly: 'P2M',
      };
      const value = values[g.adv!.toLowerCase()]!;
      return () => ({ type: 'SET', value });
    },
  ),
  rule(
    'set-per',
    `${B}(?<times>once|twice|thrice|(?:${NUM})\\s+times)\\s+(?<per>a|an|per)\\s+(?<unit>second|minute|hour|day|week|month|quarter|year)${E}`,
    (g) => {
      return () => ({ type: 'SET', value: durationValue(1, unitOf(g.unit!)) });
    },
  ),
  // ---- clock times ----
  rule(
    'time-ampm',
    `${B}${CLOCK_APPROX}(?<h>\\d{1,2})(?:[:.](?<mi>[0-5]\\d))?\\s*(?<ap>a\\.m\\.?|p\\.m\\.?|am|pm)(?![\\p{L}])(?:\\s+(?<zone>${ZONES})(?![\\p{L}]))?(?:,?\\s+(?:on\\s+)?(?:(?<dw>${WD_ALT}|today|yesterday|tomorrow|tonight)(?![\\p{L}])|${M('mon')}\\s*${DAY('d')}(?![\\p{L}])))?`,
    (g, _m, env) => {
      const t = timeOfDay(Number(g.h), Number(g.mi ?? 0), g.ap);
      if (!t) return null;
      if (g.mon && !monthOk(g.mon, false, null)) return null;
      // A bracketed conversion between the time and its day ("at 10:35 a.m. (0735 GMT) Friday") leaves the day the
      // time's own: the brackets restate the time, the day word after them still names its day.
      const dw = g.dw ?? (g.mon ? undefined : dayAfterBracket(env.after));
      return (ctx) => {
        if (!g.mon && !dw) return bareTime(ctx, t);
        if (!g.dw && dw) {
          const day = dayOfWord(dw, ctx);
          return day ? { type: 'TIME', value: day + t } : null;
        }
        const day = g.mon
          ? resolveMonthDay(monthNumber(g.mon), Number(g.d), ctx, directionOf(ctx.tense, 'nearest'))
          : dayOfWord(g.dw!, ctx);
        return day ? { type: 'TIME', value: day + t } : null;
      };
    },
  ),
  rule(
    'time-24h',
    `${B}${CLOCK_APPROX}(?<h>[01]?\\d|2[0-3]):(?<mi>[0-5]\\d)(?:\\s+(?<zone>${ZONES})(?![\\p{L}]))?(?![\\p{N}:])`,
    (g, _m, env) => {
      if (/\d\s*[-–]\s*$/.test(env.before)) return null;
      const t = timeOfDay(Number(g.h), Number(g.mi), undefined);
      if (!t) return null;
      return (ctx) => bareTime(ctx, t);
    },
  ),
  rule(
    'time-word',
    `${B}(?:(?:mid-?)?(?<part>morning|afternoon|evening)\\s+(?=yesterday|today|tomorrow))?(?<w>noon|midnight|midday|(?<=(?:morning|afternoon|evening)\\s+)(?:yesterday|today|tomorrow))(?:\\s+(?<zone>${ZONES})(?![\\p{L}]))?(?:\\s+(?:on\\s+)?(?<dw>${WD_ALT}|today|yesterday|tomorrow)(?![\\p{L}]))?${E}`,
    (g) => {
      const w = g.w!.toLowerCase();
      if (g.part) return (ctx) => ({ type: 'TIME', value: dayOfWord(w, ctx) + partCode(g.part) });
      if (!/^(?:noon|midnight|midday)$/.test(w)) return null;
      const t = w === 'midnight' ? 'T24:00' : 'T12:00';
      return (ctx) => (g.dw ? { type: 'TIME', value: dayOfWord(g.dw, ctx) + t } : bareTime(ctx, t));
    },
  ),
  // ---- vague references ----
  rule(
    'present-ref',
    `${B}(?:now|currently|nowadays|presently|at\\s+present|right\\s+now|at\\s+the\\s+moment|these\\s+days|current)${E}`,
    (_g, m, env) => {
      if (
        /^current$/i.test(m[0]) &&
        /^\s+(?:account|accounts|affairs|events|law|laws|system|rules?|regime|government|president|leader|leadership|crisis|prime|chief|head|members?|owner|holder|champion|price|prices|level|levels|rate|rates|status|situation|policy|state|version|form|season|climate|trend|administration|chairman)\b/i.test(
          env.after,
        )
      )
        return null;
      return () => date('PRESENT_REF');
    },
  ),
  rule('past-ref', `${B}(?:recently|lately|the\\s+past)${E}`, (_g, m, env) => {
    if (
      /^the\s+past$/i.test(m[0]) &&
      new RegExp(
        `^\\s+(?:${NUM}|week|month|year|decade|century|spring|summer|fall|autumn|winter)(?![\\p{L}])`,
        'iu',
      ).test(env.after)
    )
      return null;
    return () => date('PAST_REF');
  }),
  rule(
    'future-ref',
    `${B}(?:the\\s+(?:near\\s+|distant\\s+)?future|the\\s+(?:near|short)\\s+term|a\\s+later\\s+date)${E}`,
    () => () => date('FUTURE_REF'),
  ),
  // ---- quarters, halves, seasons, holidays ----
  rule(
    'quarter',
    `${B}(?:(?:the(?!\\s+(?:fiscal\\s+)?${ORD}-quarter)|(?<this>this|last|next)\\s+year['’]s|(?<yp>(?:1[6-9]|20)\\d\\d)['’]s)\\s+)?(?:fiscal\\s+)?(?<q>${ORD})(?:\\s+fiscal)?[-\\s]+quarter(?:\\s+(?:of\\s+)?(?:fiscal\\s+)?${YEAR('y')})?${E}`,
    (g) => {
      const q = parseOrdinal(g.q!)!;
      const rel = g.this?.toLowerCase();
      return (ctx) => {
        let y: number | null = g.y ? Number(g.y) : g.yp ? Number(g.yp) : null;
        if (y === null && rel && ctx.anchor) y = ctx.anchor.y + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0);
        // Results of a quarter are reported after it ends: "will report third-quarter results" is this year's.
        if (y === null) y = yearByTense(ctx, q, ctx.anchor?.m ? quarterOf(ctx.anchor.m) : null, false);
        return date(`${y === null ? 'XXXX' : fmtYear(y)}-Q${q}`);
      };
    },
  ),
  rule(
    'quarter-q',
    `${B}(?:Q(?<q>[1-4])(?:\\s+${YEAR('y')}|\\s*['’](?<yy>\\d\\d))?|${YEAR('y2')}\\s*-?Q(?<q2>[1-4]))${E}`,
    (g) => {
      const q = Number(g.q ?? g.q2);
      return (ctx) => {
        const y =
          (g.y ?? g.y2)
            ? Number(g.y ?? g.y2)
            : g.yy
              ? 2000 + Number(g.yy)
              : yearByTense(ctx, q, ctx.anchor?.m ? quarterOf(ctx.anchor.m) : null, false);
        return date(`${y === null ? 'XXXX' : fmtYear(y)}-Q${q}`);
      };
    },
  ),
  rule(
    'quarter-rel',
    `${B}(?:the\\s+)?(?<rel>latest|most\\s+recent|previous|recent|current|this|year-ago|year-earlier)\\s+(?:fiscal\\s+)?(?:quarter|period)${E}`,
    (g, m) => {
      if (/period$/i.test(m[0]) && !/^(?:the\s+)?(?:latest|most\s+recent|year-ago|year-earlier)/i.test(m[0]))
        return null;
      const rel = g.rel!.toLowerCase();
      const n = rel === 'current' || rel === 'this' ? 0 : rel.startsWith('year-') ? -5 : -1;
      return (ctx) => date(relativeUnit('quarter', n, ctx));
    },
  ),
  // In a company report "the quarter" is the one just reported: the last one before the article.
  rule('the-quarter', `${B}the\\s+(?:fiscal\\s+)?quarter${E}`, (_g, _m, env) => {
    const ended = new RegExp(`^\\s+(?:ended|ending)\\s+${M('mon')}\\s*${DAY('d')}`, 'iu').exec(env.after);
    if (ended?.groups) {
      const mo = monthNumber(ended.groups.mon!);
      return (ctx) => {
        const a = ctx.anchor;
        if (!a || a.m === null) return date('XXXX-QX');
        const y = mo > a.m + 2 ? a.y - 1 : a.y;
        return date(`${fmtYear(y)}-Q${quarterOf(mo)}`);
      };
    }
    // "a quarter to nine" is a clock time, but "rose 3% in the quarter to $1.2 billion" is the period: an
    // amount after "to" is the figure the period reached.
    if (/^\s+to\s+(?:[$€£\d]|about\b|nearly\b)/i.test(env.after))
      return (ctx) => date(relativeUnit('quarter', -1, ctx));
    if (/^\s+(?:of|ended|ending|to|before|after|century|mile|point|final)\b|^-/i.test(env.after)) return null;
    return (ctx) => date(relativeUnit('quarter', -1, ctx));
  }),
  // "for the year ended March 31" is a twelve-month period; "for the year" in a report is the current one.
  rule('the-year', `${B}the\\s+(?:(?<fiscal>fiscal|full|calendar)\\s+)?year${E}`, (g, _m, env) => {
    if (/^\s+(?:ended|ending)\b/i.test(env.after)) return () => ({ type: 'DURATION', value: 'P1Y' });
    // "a high for the year of $41": an amount after "of" is the figure, the year is the period.
    if (
      !/^\s*[,.;:)]|^\s*$/.test(env.after) &&
      !/^\s+(?:to\s+date|so\s+far)\b/i.test(env.after) &&
      !/^\s+of\s+[$€£\d]/.test(env.after)
    )
      return null;
    if (!g.fiscal && !/\b(?:for|of|in|during|through|throughout)\s+$/i.test(env.before)) return null;
    return (ctx) => date(relativeUnit('year', 0, ctx));
  }),
  // "For the week, the harbour index fell 2%", "the week's busiest session": a definite "the week" read as
  // a period of its own (after "for", "during", "of", or possessive) is the week the text is telling of —
  // the anchor's (TimeML 1.2.1 §2.2.1: a definite NP headed by a calendar unit that picks out one period
  // is tagged and valued; "the week of March 6" and "the week before" are other rules').
  rule('the-week', `${B}the\\s+week(?=['’]s\\b|\\s*[,.;:)]|\\s*$)`, (_g, _m, env) => {
    if (!/['’]s\b/.test(env.after.slice(0, 2)) && !/\b(?:for|during|through|throughout)\s+$/i.test(env.before))
      return null;
    return (ctx) => date(relativeUnit('week', 0, ctx));
  }),
  rule('earlier-in-the', `${B}(?<pre>earlier|later)\\s+in\\s+the\\s+(?<unit>year|month|week)${E}`, (g) => {
    const unit = unitOf(g.unit!);
    return (ctx) => date(relativeUnit(unit, 0, ctx));
  }),
  rule(
    'end-of-month',
    `${B}(?:the\\s+)?(?:end|beginning|start|middle)\\s+of\\s+the\\s+(?<unit>month|week)${E}`,
    (g) => {
      const unit = unitOf(g.unit!);
      return (ctx) => date(relativeUnit(unit, 0, ctx));
    },
  ),
  rule(
    'hour-in-the',
    `${B}(?<h>\\d{1,2})(?::(?<mi>[0-5]\\d))?\\s+(?:o['’]clock\\s+)?in\\s+the\\s+(?<part>morning|afternoon|evening)${E}`,
    (g) => {
      const t = timeOfDay(Number(g.h), Number(g.mi ?? 0), g.part!.toLowerCase() === 'morning' ? 'am' : 'pm');
      if (!t) return null;
      return (ctx) => bareTime(ctx, t);
    },
  ),
  rule(
    'year-end',
    `${B}(?:year[-\\s]end|year['’]s\\s+end|the\\s+end\\s+of\\s+the\\s+year|the\\s+full\\s+year)${E}`,
    () => (ctx) => date(relativeUnit('year', 0, ctx)),
  ),
  rule('weekend', `${B}the\\s+weekend${E}`, () => (ctx) => {
    const a = anchorDay(ctx);
    if (!a) return date('XXXX-WXX-WE');
    // The weekend just past unless the verb looks ahead; on a weekend day it is this one.
    const wd = weekday(a);
    const n = wd >= 6 ? 0 : ctx.tense === 'future' || ctx.tense === 'present' ? 0 : -1;
    return date(`${unitValue(a, 'week', n)}-WE`);
  }),
  rule(
    'spelled-year',
    `${B}(?:the\\s+year\\s+)?(?:nineteen(?:\\s+hundred(?:\\s+and)?)?\\s+(?<t>(?:${TENS_ALT})(?:[-\\s](?:${ONE_TO_9}))?|${TEN_TO_19})|(?<k>two\\s+thousand)(?:\\s+(?:and\\s+)?(?<u>${ONE_TO_10}))?)${E}`,
    (g, m) => {
      if (g.k && !g.u && !/^the\s+year/i.test(m[0])) return null;
      const y = g.t ? 1900 + (parseCount(g.t) ?? 0) : 2000 + (g.u ? (parseCount(g.u) ?? 0) : 0);
      return () => date(fmtYear(y));
    },
  ),
  rule(
    'half',
    `${B}(?:the\\s+)?(?<h>first|second|last|latter)\\s+half(?:\\s+of\\s+(?:(?:fiscal\\s+(?:year\\s+)?)?${YEAR('y')}|(?<rel>the|this|next|last)\\s+year))?${E}`,
    (g, _m, env) => {
      if (!g.y && !g.rel && /^\s+of\b/i.test(env.after)) return null;
      const h = g.h!.toLowerCase() === 'first' ? 1 : 2;
      const rel = g.rel?.toLowerCase();
      return (ctx) => {
        let y: number | null = g.y ? Number(g.y) : null;
        if (y === null && ctx.anchor) y = ctx.anchor.y + (rel === 'last' ? -1 : rel === 'next' ? 1 : 0);
        if (y !== null && !g.y && !rel && ctx.anchor?.m) y = yearByTense(ctx, h, ctx.anchor.m <= 6 ? 1 : 2);
        return date(`${y === null ? 'XXXX' : fmtYear(y)}-H${h}`);
      };
    },
  ),
  rule(
    'season',
    `${B}(?:(?:the\\s+(?=(?:early|late|mid)[-\\s]+(?:spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?\\d{4})?(?![\\p{L}\\p{N}-])${SEASON_HEADS}))?(?<rel>this\\s+past|this|that|last|next|past|coming|early|late|mid)[-\\s]+)?(?:the\\s+)?(?<s>spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?${YEAR('y')})?${E}`,
    (g) => {
      if (!g.rel && !g.y) return null;
      const code = SEASONS[g.s!.toLowerCase()]!;
      const rel = g.rel?.toLowerCase().replace(/^this\s+past$/, 'past');
      return (ctx) => {
        if (g.y) return date(`${g.y}-${code}`);
        if (rel === 'that' && ctx.refYear !== null) return date(`${fmtYear(ctx.refYear)}-${code}`);
        const a = ctx.anchor;
        if (!a) return date(`XXXX-${code}`);
        const idx = SEASON_ORDER.indexOf(code);
        const cur = a.m === null ? null : SEASON_ORDER.indexOf(SEASON_OF_MONTH(a.m));
        let y = a.y;
        if (cur !== null) {
          if (rel === 'this') y = a.y;
          else if (rel === 'last' || rel === 'past') y = idx >= cur ? a.y - 1 : a.y;
          else if (rel === 'next' || rel === 'coming') y = idx <= cur ? a.y + 1 : a.y;
          else {
            const yy = yearByTense(ctx, idx, cur);
            if (yy !== null) y = yy;
          }
        }
        return date(`${fmtYear(y)}-${code}`);
      };
    },
  ),
  rule(
    'holiday',
    `${B}(?:(?<rel>last|next|this)\\s+)?(?<hd>christmas(?:\\s+(?:day|eve))?|new\\s+year['’]s(?:\\s+(?:day|eve))?|thanksgiving(?:\\s+day)?|halloween|valentine['’]s\\s+day|(?:election|labou?r|memorial|veterans['’]?|boxing)\\s+day|easter(?:\\s+(?:sunday|monday|day))?|good\\s+friday|(?:the\\s+)?fourth\\s+of\\s+july)(?:\\s+${YEAR('y')})?${E}`,
    (g, _m, env) => {
      const hd = g.hd!.toLowerCase().replace(/\s+/g, ' ').replace('’', "'");
      // The holidays named by common words ("election day", "labor day", "good friday") are names only when
      // written as names, each word capitalized: "on election day" in lower case is any election's day.
      if (
        !HOLIDAY_NAME_WORDS.test(g.hd!) &&
        !g.hd!.split(/\s+/).every((w) => w === 'of' || w === 'the' || isCapitalized(w))
      )
        return null;
      // A common-word holiday or Easter inside a longer proper name is no date ("Easter Island", "the Good Friday
      // Agreement", "the Boxing Day Test", "said Jane Easter"): a capitalized word joined on either side in running
      // text (not a headline's capitals; a weekday, month or "I" next is still the day's). "Orthodox Easter" is
      // reckoned by the Julian calendar, another date than the Gregorian computus gives.
      if (!HOLIDAY_NAME_WORDS.test(g.hd!) && !headlineBefore(env.before)) {
        if (NAME_WORD_NEXT.test(env.after)) return null;
        if (/(?<![\p{L}'’])\p{Lu}\p{Ll}[\p{L}.]*\s+$/u.test(env.before) && /\p{L}[^\p{L}]+\p{L}+\s+$/u.test(env.before))
          return null;
      }
      if (/(?:Orthodox|Coptic|Julian)\s+$/iu.test(env.before)) return null;
      const rel = g.rel?.toLowerCase();
      const kind = countryHolidayOf(hd);
      // "Holocaust Memorial Day", "Genocide Memorial Day": a day of remembrance named by what it remembers is
      // another day than the national Memorial Day, even first in the sentence (where the capitals are no headline's).
      if (kind === 'memorial' && !rel && MEMORIAL_NAMED_BEFORE.test(env.before)) return null;
      // "a Memorial Day for the flood's victims", "an Election Day of its own": with an indefinite article and no
      // noun after it for the name to modify (as in "a Labour Day parade"), the words are the common noun — a day of
      // remembrance, of labour, of an election — not the country's holiday.
      if (kind && !rel && /(?<![\p{L}])(?:a|an)\s+$/iu.test(env.before) && !HOLIDAY_MODIFIES_NOUN.test(env.after))
        return null;
      return (ctx) => {
        // Memorial Day, Labour Day and Election Day fall on other days in other countries: the story's country
        // decides, and with none known the holiday is tagged but not valued — except "Labor Day" in the US
        // spelling, which with no dateline says the US (Australia spells the day "Labour").
        const kept = kind ? countryHolidayRule(kind, ctx.zone ?? null, hd.startsWith('labor day')) : null;
        // The year written with it ("Memorial Day 2019") is known even when the day is not.
        if (kind && !kept) return date(g.y ? `${fmtYear(Number(g.y))}-XX-XX` : 'XXXX-XX-XX');
        const dayIn = (y: number): Day => {
          if (hd.startsWith('christmas eve')) return { y, m: 12, d: 24 };
          if (hd.startsWith('christmas')) return { y, m: 12, d: 25 };
          if (hd.startsWith("new year's eve")) return { y, m: 12, d: 31 };
          if (hd.startsWith('new year')) return { y, m: 1, d: 1 };
          if (hd.startsWith('halloween')) return { y, m: 10, d: 31 };
          if (hd.startsWith('valentine')) return { y, m: 2, d: 14 };
          if (hd.includes('fourth of july')) return { y, m: 7, d: 4 };
          if (hd.startsWith('veterans')) return { y, m: 11, d: 11 };
          if (hd.startsWith('boxing')) return { y, m: 12, d: 26 };
          if (hd.startsWith('easter') || hd.startsWith('good')) {
            const e = easterSunday(y);
            return addDays(e, hd.startsWith('good') ? -2 : hd.endsWith('monday') ? 1 : 0);
          }
          if (kept) return holidayDay(kept, y);
          const nov1 = weekday({ y, m: 11, d: 1 });
          return { y, m: 11, d: 1 + ((4 - nov1 + 7) % 7) + 21 };
        };
        if (g.y) return date(fmtDay(dayIn(Number(g.y))));
        const a = ctx.anchor;
        if (!a) return date('XXXX-XX-XX');
        const dir = rel === 'last' ? 'past' : rel === 'next' ? 'future' : directionOf(ctx.tense, 'nearest');
        const d = dayIn(a.y);
        const v = resolveMonthDay(d.m, d.d, ctx, dir);
        const y = v ? Number(v.slice(0, 4)) : a.y;
        return date(fmtDay(dayIn(Number.isNaN(y) ? a.y : y)));
      };
    },
  ),
  // ---- anaphoric: counted from the last date the text mentioned ----
  rule(
    'anaphoric',
    `${B}(?:(?<pre>earlier|later)\\s+)?(?:the\\s+(?<rel>next|following|previous|same|preceding|prior)|(?<that>that))\\s+(?<unit>day|morning|afternoon|evening|night|week|month|year)${E}`,
    (g) => {
      const rel = g.rel?.toLowerCase() ?? 'same';
      const unitWord = g.unit!.toLowerCase();
      const n =
        rel === 'next' || rel === 'following'
          ? 1
          : rel === 'previous' || rel === 'preceding' || rel === 'prior'
            ? -1
            : 0;
      return (ctx) => {
        // "The following month" after "in March": from the last month named, which a named day also sets.
        // After only a year (or quarter) was named, the month is that year's, not known: "in 1998 … the
        // following month" is 1998-XX, never counted from the article date.
        if (unitWord === 'month' && ctx.refMonth) {
          const { y, m } = ctx.refMonth;
          return date(m === null ? `${fmtYear(y)}-XX` : unitValue({ y, m, d: 1 }, 'month', n));
        }
        // After a month was named ("earlier this month … the next day"), the day counts from a day of it not known.
        const inMonth = unitWord === 'day' || unitWord in PARTS_OF_DAY ? dayOfFocusMonth(ctx) : null;
        if (inMonth) return inMonth;
        const base = ctx.ref ?? anchorDay(ctx);
        if (!base && unitWord === 'year' && ctx.refYear !== null) return date(fmtYear(ctx.refYear + n));
        if (!base) return date('XXXX-XX-XX');
        if (unitWord in PARTS_OF_DAY) return { type: 'TIME', value: fmtDay(addDays(base, n)) + partCode(unitWord) };
        if (unitWord === 'year' && ctx.refYear !== null) return date(fmtYear(ctx.refYear + n));
        return date(unitValue(base, unitOf(unitWord), n));
      };
    },
  ),
  rule('day-before-after', `${B}the\\s+day\\s+(?<ba>before|after)(?!\\s+(?:yesterday|tomorrow))${E}`, (g, _m, env) => {
    if (!/^\s*[,.;:)]|^\s*$/.test(env.after)) return null;
    const n = g.ba!.toLowerCase() === 'before' ? -1 : 1;
    return (ctx) => {
      const inMonth = dayOfFocusMonth(ctx);
      if (inMonth) return inMonth;
      const base = ctx.ref ?? anchorDay(ctx);
      return date(dayValue(base && addDays(base, n)));
    };
  }),
];

/** Which country-dependent holiday a holiday name is, if it is one. */
function countryHolidayOf(hd: string): CountryHoliday | null {
  if (hd.startsWith('memorial')) return 'memorial';
  if (hd.startsWith('labo')) return 'labour';
  if (hd.startsWith('election')) return 'election';
  return null;
}

/**
 * The rule of a country-dependent holiday in the zone a story was written in: by the zone where it differs inside
 * a country (Australia's states), else by the zone's country; with no zone, the US rule only when `usSpelling`.
 */
function countryHolidayRule(kind: CountryHoliday, zone: string | null, usSpelling: boolean): HolidayRule | null {
  const rules = COUNTRY_HOLIDAYS[kind];
  if (!zone) return usSpelling ? (rules.US ?? null) : null;
  const country = ZONE_COUNTRIES[zone];
  return rules[zone] ?? (country ? rules[country] : undefined) ?? null;
}

/** The day a holiday rule gives in a year. */
function holidayDay(r: HolidayRule, y: number): Day {
  if ('day' in r) return { y, m: r.month, d: r.day };
  const first = 1 + ((r.weekday - weekday({ y, m: r.month, d: 1 }) + 7) % 7);
  let d = first + 7 * (r.nth - 1);
  if (r.nth < 0) {
    const last = daysInMonth(y, r.month);
    d = last - ((weekday({ y, m: r.month, d: last }) - r.weekday + 7) % 7);
  }
  return addDays({ y, m: r.month, d }, r.plus ?? 0);
}

/** Easter Sunday of a Gregorian year (the anonymous Gregorian computus). */
export function easterSunday(y: number): Day {
  const a = y % 19;
  const b = Math.floor(y / 100);
  const c = y % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** How specific a value is, for ranking overlapping candidates of equal length. */
export function precisionOf(value: string): 'day' | 'month' | 'year' | null {
  if (/^\d{4}-\d{2}-\d{2}/.test(value)) return 'day';
  if (/^\d{4}-\d{2}$/.test(value)) return 'month';
  if (/^\d{4}$/.test(value)) return 'year';
  return null;
}

export { weekday };
