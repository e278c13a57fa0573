/** Words of the time grammar: month and weekday names, number words, units, tense cues. */

export const MONTH_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['january', 1], ['jan', 1], ['february', 2], ['feb', 2], ['march', 3], ['mar', 3], ['april', 4], ['apr', 4],
  ['may', 5], ['june', 6], ['jun', 6], ['july', 7], ['jul', 7], ['august', 8], ['aug', 8], ['september', 9],
  ['sept', 9], ['sep', 9], ['october', 10], ['oct', 10], ['november', 11], ['nov', 11], ['december', 12], ['dec', 12],
];

/** Month names that are also ordinary words ("may", "march") need a date-like neighbour to count. */
export const AMBIGUOUS_MONTHS = new Set(['may', 'march', 'mar', 'jan', 'jun', 'jul', 'sep', 'dec', 'oct', 'nov', 'aug', 'apr', 'feb']);

export const WEEKDAY_NAMES: ReadonlyArray<readonly [string, number]> = [
  ['monday', 1], ['mon', 1], ['tuesday', 2], ['tues', 2], ['tue', 2], ['wednesday', 3], ['wed', 3],
  ['thursday', 4], ['thurs', 4], ['thu', 4], ['friday', 5], ['fri', 5], ['saturday', 6], ['sat', 6], ['sunday', 7], ['sun', 7],
];

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
  hundred: 100, dozen: 12, couple: 2, 'a couple of': 2, 'couple of': 2, 'a dozen': 12, 'half a': 0.5,
};

/** Vague quantities: the count is unknown ("several years" → PXY). */
export const VAGUE_NUMBERS = new Set(['several', 'a few', 'few', 'many', 'some', 'dozens of', 'hundreds of', 'a number of']);

export const ORDINALS: Readonly<Record<string, number>> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10,
  eleventh: 11, twelfth: 12, thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17,
  eighteenth: 18, nineteenth: 19, twentieth: 20, 'twenty-first': 21, last: -1,
};

export type Unit = 'second' | 'minute' | 'hour' | 'day' | 'week' | 'month' | 'quarter' | 'year' | 'decade' | 'century';

export const UNIT_WORDS: Readonly<Record<string, Unit>> = {
  second: 'second', seconds: 'second', sec: 'second', secs: 'second',
  minute: 'minute', minutes: 'minute', min: 'minute', mins: 'minute',
  hour: 'hour', hours: 'hour', hr: 'hour', hrs: 'hour',
  day: 'day', days: 'day', week: 'week', weeks: 'week', fortnight: 'week', fortnights: 'week',
  month: 'month', months: 'month', quarter: 'quarter', quarters: 'quarter',
  year: 'year', years: 'year', yr: 'year', yrs: 'year', decade: 'decade', decades: 'decade',
  century: 'century', centuries: 'century',
};

export const SEASONS: Readonly<Record<string, string>> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

export const PARTS_OF_DAY: Readonly<Record<string, string>> = {
  morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', overnight: 'NI',
};

/** Time zone words written after a clock time (kept in the extent; the value stays local time). */
export const ZONES =
  'local time|local|GMT|UTC|BST|CET|CEST|EET|EEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|IST|JST|KST|AEST|AEDT|Moscow time|Beijing time';

/** Tense cues read from the sentence around a time expression. */
export const FUTURE_CUES = new Set([
  'will', "'ll", '’ll', 'shall', 'wo', 'would', 'expected', 'scheduled', 'due', 'planned', 'plans', 'plan', 'planning',
  'intends', 'intend', 'upcoming', 'going', 'slated', 'poised', 'might', 'should', 'must',
]);

export const PRESENT_CUES = new Set(['is', 'are', 'am', 'says', 'say', 'does', 'do', 'remains', 'remain', 'seems', 'appears']);

export const PAST_CUES = new Set([
  'was', 'were', 'had', 'did', 'said', 'told', 'went', 'came', 'took', 'made', 'saw', 'met', 'gave', 'got', 'left',
  'held', 'began', 'fell', 'rose', 'won', 'lost', 'sent', 'spent', 'found', 'thought', 'brought', 'bought', 'sold',
  'paid', 'led', 'kept', 'struck', 'stood', 'fought', 'flew', 'ran', 'wrote', 'spoke', 'broke', 'chose', 'drove',
  'ate', 'knew', 'grew', 'threw', 'drew', 'became', 'felt', 'heard', 'meant', 'sought', 'taught', 'caught', 'shot',
  'slid', 'swore', 'tore', 'wore', 'woke', 'froze', 'hid', 'bit', 'forgot', 'forgave', 'sank', 'sang', 'swam',
  'ago', 'yesterday', 'earlier', 'last', 'previously', 'recently', 'dealt', 'lent', 'built', 'bent', 'fled',
  'withdrew', 'overthrew', 'undertook', 'arose', 'rode', 'shook', 'understood', 'upheld', 'withheld', 'wound',
]);

/** Words ending in -ed that are not past tense verbs. */
export const NOT_PAST_ED = new Set([
  'need', 'feed', 'speed', 'seed', 'bed', 'red', 'shed', 'hundred', 'exceed', 'proceed', 'succeed', 'indeed',
  'naked', 'wicked', 'sacred', 'sled', 'embed', 'breed', 'greed', 'weed', 'deed', 'heed', 'reed', 'steed', 'creed',
  'expected', 'scheduled', 'planned', 'proposed', 'based', 'related', 'limited', 'armed', 'advanced', 'detailed',
  'alleged', 'so-called', 'united', 'interested', 'concerned', 'supposed', 'unexpected', 'unprecedented',
  'sophisticated', 'qualified', 'experienced', 'talented', 'varied', 'rugged', 'learned', 'beloved', 'aged',
]);
