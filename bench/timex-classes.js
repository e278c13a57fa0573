// The tune errors of bench/timex.bench.js sorted into the classes the TimeML 1.2.1 guidelines (Saurí et al. 2006,
// §2.2 TIMEX3) and the TempEval-3 task treat as one decision each: a class names what a rule would have to
// decide, so a table of them says which convention (not which sentence) costs the most. Used for the tune part
// only: the check part is read as figures.

const WEEKDAY = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i;
const MONTH =
  /\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b/i;
const VAGUE =
  /\b(?:now|currently|current|recent(?:ly)?|lately|soon|future|past|once|already|then|yet|earlier|time|moment|today|nowadays|presently|formerly)\b/i;
const QUARTERLY = /quarter|fiscal|period|year-ago|year-earlier|\bQ[1-4]\b|\bH[12]\b|\bhalf\b/i;

/** The guideline class of an expression, from its text and (gold or system) value and type. */
function familyOf(text, type, value) {
  if (/_REF$/.test(value) || (type !== 'SET' && VAGUE.test(text) && !/\d/.test(text) && !MONTH.test(text)))
    return 'vague reference (PRESENT_REF/PAST_REF/FUTURE_REF)';
  if (type === 'SET' || /\b(?:every|each|daily|weekly|monthly|annually|yearly|nightly)\b/i.test(text)) return 'set';
  if (/^\d{2,3}X?$/.test(value) || /\d0['’]?s\b|centur|decade/i.test(text)) return 'decade / century';
  if (/-(?:SP|SU|FA|WI)\b/.test(value) || /spring|summer|autumn|fall|winter/i.test(text)) return 'season';
  if (/-(?:Q|H)[\dX]/.test(value) || QUARTERLY.test(text)) return 'quarter / half / fiscal period';
  if (/\b(?:ago|earlier|later|before|after|hence|from now)\b/i.test(text)) return 'offset (ago / earlier / later)';
  if (type === 'DURATION') return 'duration';
  if (/W(?:\d|XX)/.test(value) || /\bweek(?:end)?\b/i.test(text)) return 'week / weekend';
  if (WEEKDAY.test(text)) return 'weekday';
  if (MONTH.test(text)) return 'month / month-day';
  if (type === 'TIME' || /morning|afternoon|evening|night|noon|midnight|a\.m\.|p\.m\./i.test(text))
    return 'time of day / part of day';
  if (/\b(?:this|last|next|past|coming|previous|same|that|the following)\s+(?:year|month)\b/i.test(text))
    return 'this / last / next year or month';
  if (/^\D*\d{4}\D*$/.test(text)) return 'year';
  if (/\b(?:today|yesterday|tomorrow|tonight)\b/i.test(text)) return 'today / yesterday / tomorrow';
  return 'other';
}

/** The class of a value error on a matched expression. */
export function valueErrorClass(g, s) {
  const fam = familyOf(g.text, g.type, g.value);
  if (/_REF$/.test(g.value) !== /_REF$/.test(s.value)) return `value: ${fam}, REF vs calendar value`;
  if (g.type !== s.type) return `value: ${fam}, type ${g.type} read as ${s.type}`;
  if (/X/.test(g.value) !== /X/.test(s.value)) return `value: ${fam}, X (unspecified) vs resolved`;
  if (g.value.startsWith(s.value) || s.value.startsWith(g.value)) return `value: ${fam}, granularity`;
  return `value: ${fam}, other value`;
}

/** The class of an extent difference (an overlapping match whose span is not the gold span). */
export function extentClass(g, s) {
  const longer = s.text.length > g.text.length ? s.text : g.text;
  const shorter = longer === s.text ? g.text : s.text;
  const who = longer === s.text ? 'we include' : 'we leave out';
  const i = longer.indexOf(shorter);
  if (i < 0) return 'extent: crossing spans';
  const extra = `${longer.slice(0, i)} ${longer.slice(i + shorter.length)}`.trim().toLowerCase();
  if (/^(?:the|a|an)$/.test(extra)) return `extent: ${who} the determiner`;
  if (
    /^(?:about|nearly|almost|around|some|roughly|approximately|at least|more than|less than|within|up to|each of)\b/.test(
      extra,
    )
  )
    return `extent: ${who} a quantifier / approximator (mod)`;
  if (/^(?:the\s+)?(?:early|late|mid|earlier|later|more)$/.test(extra))
    return `extent: ${who} a modifier (early / late / earlier)`;
  if (/^(?:ago|earlier|later|before|after)$/.test(extra)) return `extent: ${who} ago / earlier / later`;
  if (/\b(?:or|and|to)\b/.test(extra)) return `extent: ${who} a coordinated or ranged part`;
  if (/^(?:morning|afternoon|evening|night|'s|,)$/.test(extra)) return `extent: ${who} a part of day / clitic`;
  if (/\b(?:of|the)\b/.test(extra)) return `extent: ${who} a determiner / of-phrase`;
  return `extent: ${who} other words`;
}

export const missedClass = (g) => `missed: ${familyOf(g.text, g.type, g.value)}`;
export const spuriousClass = (s) => `spurious: ${familyOf(s.text, s.type, s.value)}`;

/** Counts by class, largest first, as printable rows. */
export function classTable(rows) {
  const counts = new Map();
  for (const k of rows) counts.set(k, (counts.get(k) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}
