/**
 * Cheap pre-checks for the time grammar's rules. Each rule's regex is long (lookbehinds, number words,
 * Unicode case folding) and scanning a sentence with it costs about as much whether or not it matches;
 * most sentences hold no time expression of a given kind. A gate is a short literal test that every match
 * of its rule must contain (a month name, a digit, a unit word …): when one of a rule's gates fails on a
 * sentence, the rule cannot match there and is skipped. Gates only ever skip work: they never change what
 * is found (gates.test.ts checks every rule's matches against its gates).
 */

const MONTHS = /jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec/iu;
const WEEKDAYS = /mon|tue|wed|thu|fri|sat|sun/iu;
const DIGIT = /\d/u;
const YEAR = /1[6-9]\d\d|20\d\d/u;
const UNITS = /sec|min|hour|day|week|fortnight|month|quarter|year|decade|centur/iu;
const PARTS = /morning|afternoon|evening|night/iu;
const EVERY = /every|each/iu;
const QUARTER = /quarter/iu;
const YEAR_WORD = /year/iu;

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
  ago: [UNITS, /ago|earlier|later|before|after|now|hence|back|on/iu],
  'vague-ago': [/years|months|weeks|days|decades/iu, /ago|earlier|later/iu],
  duration: [UNITS],
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
 * Which rules may match in `text`: for each rule (by position in `rules`), whether all of its gates pass.
 * Each distinct gate is tested once.
 */
export function openRules(rules: ReadonlyArray<{ name: string }>, text: string): boolean[] {
  const tested = new Map<RegExp, boolean>();
  const pass = (g: RegExp): boolean => {
    let ok = tested.get(g);
    if (ok === undefined) tested.set(g, (ok = g.test(text)));
    return ok;
  };
  return rules.map((r) => {
    const gates = GATES[r.name];
    // A rule without gates is always tried (gates.test.ts insists every rule has them).
    return gates === undefined || gates.every(pass);
  });
}
