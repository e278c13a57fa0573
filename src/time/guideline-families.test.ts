import { describe, expect, it } from 'vitest';
import { timexesOfText } from './text.js';

/** [text, type, value] of every expression found in `text`, resolved against `dct`. */
function tx(text: string, dct: string | null): Array<[string, string, string]> {
  const found = timexesOfText(text, dct);
  for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
  return found.map((t) => [t.text, t.type, t.value]);
}

// Families of expressions the TimeML 1.2.1 guidelines tag (or say not to), each with invented sentences.
describe('TimeML families', () => {
  it('"annually" is a yearly SET; after an amount it is a rate, not a time', () => {
    expect(tx('The fair is held in the valley annually.', '2024-05-02')).toEqual([['annually', 'SET', 'P1Y']]);
    expect(tx('The plant makes about 4,000 pumps annually.', '2024-05-02')).toEqual([]);
    expect(tx('Sales should grow 6% annually.', '2024-05-02')).toEqual([]);
  });
  it('a newspaper called a "daily" is not a frequency; "daily" as an adverb is', () => {
    expect(tx('The state daily Norvessa Courier printed the letter.', '2024-05-02')).toEqual([]);
    expect(tx('The ferries sail daily.', '2024-05-02')).toEqual([['daily', 'SET', 'P1D']]);
    expect(tx('He spoke at the daily ministry briefing.', '2024-05-02')).toEqual([['daily', 'SET', 'P1D']]);
    expect(tx('The ruling party daily Red Harbour ran the letter.', '2024-05-02')).toEqual([]);
    expect(tx("She joined the network's daily Harbour Hour show.", '2024-05-02')).toEqual([['daily', 'SET', 'P1D']]);
  });
  it('a hyphened fraction is not a duration', () => {
    expect(tx('The island imports about three-quarters of its grain.', '2024-05-02')).toEqual([]);
    expect(tx('The audit took three quarters.', '2024-05-02')).toEqual([['three quarters', 'DURATION', 'P3Q']]);
  });
  it('"for the week" and "the week\'s" are the week the story tells of; other "the week" phrases are not', () => {
    expect(tx('For the week, the harbour index fell 2%.', '2024-05-02')).toEqual([['the week', 'DATE', '2024-W18']]);
    expect(tx("It was the week's busiest session.", '2024-05-02')).toEqual([['the week', 'DATE', '2024-W18']]);
    expect(tx('The week began badly for the ferry line.', '2024-05-02')).toEqual([]);
    expect(tx('Which day of the week suits you?', '2024-05-02')).toEqual([]);
  });
  it('"the quarter to $N" and "the year of $N" are periods with a figure after them', () => {
    expect(tx('Revenue rose 3% in the quarter to $1.2 billion.', '2024-05-02')).toEqual([
      ['the quarter', 'DATE', '2024-Q1'],
    ]);
    expect(tx('The shares hit a high for the year of $41 in March.', '2024-05-02')[0]).toEqual([
      'the year',
      'DATE',
      '2024',
    ]);
  });
  it('unknown stretches: "over the years", "the early years", "the weeks ahead"; "future quarters" is FUTURE_REF', () => {
    expect(tx('Over the years the town grew.', '2024-05-02')).toEqual([['the years', 'DURATION', 'PXY']]);
    expect(tx('Few lives are saved in the early years.', '2024-05-02')).toEqual([
      ['the early years', 'DURATION', 'PXY'],
    ]);
    expect(tx('In the early days of the strike, the port closed.', '2024-05-02')).toEqual([]);
    expect(tx('The mill makes a profit of $7bn annually.', '2024-05-02')).toEqual([]);
    expect(tx('Funds may sell bonds in the weeks ahead.', '2024-05-02')).toEqual([
      ['the weeks ahead', 'DURATION', 'PXW'],
    ]);
    expect(tx('The credits cut taxes in future quarters.', '2024-05-02')).toEqual([
      ['future quarters', 'DATE', 'FUTURE_REF'],
    ]);
    expect(tx('It bodes ill for coming quarters.', '2024-05-02')).toEqual([['coming quarters', 'DURATION', 'PXQ']]);
  });
  it('"by mid afternoon" is the afternoon of the day in focus, "mid" kept in the extent', () => {
    expect(tx('By mid afternoon, the ferry had docked.', '2024-05-02')).toEqual([
      ['mid afternoon', 'TIME', '2024-05-02TAF'],
    ]);
    expect(tx('They met at the morning session.', '2024-05-02')).toEqual([]);
  });
  it('"Today" ending a name is not a date; "today\'s world" is the present age', () => {
    expect(tx('She writes for USA Today.', '2024-05-02')).toEqual([]);
    expect(tx('Today, the mayor spoke.', '2024-05-02')).toEqual([['Today', 'DATE', '2024-05-02']]);
    expect(tx("The cost in today's dollars is higher.", '2024-05-02')).toEqual([['today', 'DATE', 'PRESENT_REF']]);
    expect(tx("Today's vote was close.", '2024-05-02')).toEqual([['Today', 'DATE', '2024-05-02']]);
  });
  it('"ahead" only after a bare "the": "the coming weeks ahead" is "the coming weeks"', () => {
    expect(tx('Prices will rise in the coming weeks ahead.', '2024-05-02')).toEqual([
      ['the coming weeks', 'DURATION', 'PXW'],
    ]);
    expect(tx('Prices will rise in the weeks ahead.', '2024-05-02')).toEqual([['the weeks ahead', 'DURATION', 'PXW']]);
  });
  it('"quarters" without a count is a time only after a modifier of time', () => {
    expect(tx('The officers lived in quarters near the base.', '2024-05-02')).toEqual([]);
    expect(tx('Profits fell in recent quarters.', '2024-05-02')).toEqual([['recent quarters', 'DURATION', 'PXQ']]);
  });
  it('a year before "annually" is no amount: "annually" stays a yearly SET', () => {
    expect(tx('The fair, founded in 1990, is held annually.', '2024-05-02')).toEqual([
      ['1990', 'DATE', '1990'],
      ['annually', 'SET', 'P1Y'],
    ]);
    expect(tx('Since 1990 it has run annually.', '2024-05-02')).toEqual([
      ['1990', 'DATE', '1990'],
      ['annually', 'SET', 'P1Y'],
    ]);
    expect(tx('Output reached 12,000 tonnes, and the mill is inspected annually.', '2024-05-02')).toEqual([
      ['annually', 'SET', 'P1Y'],
    ]);
  });
  it('"Today" in a headline is the day; after a capitalized word in running text it ends a name', () => {
    expect(tx('The Senate Votes Today on the Budget', '2024-05-02')).toEqual([['Today', 'DATE', '2024-05-02']]);
    expect(tx('Markets Fall Today', '2024-05-02')).toEqual([['Today', 'DATE', '2024-05-02']]);
    expect(tx('NEW YORK Today the market fell.', '2024-05-02')).toEqual([['Today', 'DATE', '2024-05-02']]);
    expect(tx('She writes for USA Today.', '2024-05-02')).toEqual([]);
    expect(tx('He hosts the Coast Radio Today programme.', '2024-05-02')).toEqual([]);
    expect(tx('USA Today reported the vote on Monday.', '2024-05-02')).toEqual([['Monday', 'DATE', '2024-04-29']]);
  });
  it('holidays are dates (TIDES: named holidays are markable, valued by their calendar rule)', () => {
    // The Tuesday after the first Monday of November (a US dateline); the first Monday of September.
    expect(tx('DENVER (Wire) — The campaign in Dorrance County runs until Election Day.', '2026-10-20')).toEqual([
      ['Election Day', 'DATE', '2026-11-03'],
    ]);
    expect(tx('The bridge will reopen after Labor Day.', '2026-08-12')).toEqual([['Labor Day', 'DATE', '2026-09-07']]);
    // Easter by the Gregorian computus, Good Friday two days before.
    expect(tx('The shrine will be closed on Good Friday.', '2027-02-10')).toEqual([
      ['Good Friday', 'DATE', '2027-03-26'],
    ]);
    expect(tx('The parade is held on the Fourth of July.', '2026-06-01')).toEqual([
      ['the Fourth of July', 'DATE', '2026-07-04'],
    ]);
    // Counterparts: in lower case "election day" is any election's day, and Christmas stays as it was.
    expect(tx('On election day the roads of Merrow were quiet.', '2026-10-20')).toEqual([]);
    expect(tx('The market opens before Christmas.', '2026-10-20')).toEqual([['Christmas', 'DATE', '2026-12-25']]);
  });
  it('a range of counts tags each end; the first end takes the unit written after the second', () => {
    expect(tx('Repairs to the Tarrow bridge will take two to three weeks.', '2026-05-04')).toEqual([
      ['two', 'DURATION', 'P2W'],
      ['three weeks', 'DURATION', 'P3W'],
    ]);
    expect(tx('The crossing to Merrow takes 3 or 4 days.', '2026-05-04')).toEqual([
      ['3', 'DURATION', 'P3D'],
      ['4 days', 'DURATION', 'P4D'],
    ]);
    // Counterparts: a pair that is no range, and ages, stay as they were.
    expect(tx('The council vote was 10 to 2 days after the flood.', '2026-05-04')).toEqual([
      ['2 days', 'DURATION', 'P2D'],
    ]);
    expect(tx('The pupils, 12 to 14 years old, sang in Corvel.', '2026-05-04')).toEqual([]);
  });
  it('an approximator before a clock time is in its extent; a determiner before "early summer" too', () => {
    expect(tx('The Merrow ferry left at around 7:15 p.m. on Friday.', '2026-05-04')).toEqual([
      ['around 7:15 p.m. on Friday', 'TIME', '2026-05-01T19:15'],
    ]);
    expect(tx('The Merrow ferry left at about 14:30.', '2026-05-04')).toEqual([
      ['about 14:30', 'TIME', '2026-05-04T14:30'],
    ]);
    expect(tx('Crops in Tarrow failed in the early summer of 2024.', '2026-05-04')).toEqual([
      ['the early summer of 2024', 'DATE', '2024-SU'],
    ]);
    // Counterparts: a plain clock time, and "the summer" with no modifier (no season without a year or modifier).
    expect(tx('The Merrow ferry left at 7 p.m.', '2026-05-04')).toEqual([['7 p.m.', 'TIME', '2026-05-04T19:00']]);
    expect(tx('Crops in Tarrow failed in the summer.', '2026-05-04')).toEqual([]);
  });
  it('a month bounding a present perfect ("has extended … through January") is the coming one', () => {
    expect(tx('Lenders in Tarrow have extended the credit lines through January.', '2026-10-30')).toEqual([
      ['January', 'DATE', '2027-01'],
    ]);
    expect(tx('The Merrow museum has been closed until March.', '2026-10-30')).toEqual([['March', 'DATE', '2027-03']]);
    // Counterparts: a simple past or a past perfect keeps its bound in the past, and so does a past clause after the perfect.
    expect(tx('The Merrow strike lasted until March.', '2026-10-30')).toEqual([['March', 'DATE', '2026-03']]);
    expect(tx('The union had extended the Merrow strike until March.', '2026-10-30')).toEqual([
      ['March', 'DATE', '2026-03'],
    ]);
    expect(tx('The port has reopened, and it was closed until March.', '2026-10-30')).toEqual([
      ['March', 'DATE', '2026-03'],
    ]);
  });
  it('Memorial Day, Labour Day and Election Day are valued by the country of the dateline, else left unvalued', () => {
    // The US: the last Monday of May; South Korea: June 6.
    expect(tx('CHICAGO (Wire) — The lake in Tarrow Park opens on Memorial Day.', '2026-04-10')).toEqual([
      ['Memorial Day', 'DATE', '2026-05-25'],
    ]);
    expect(tx('SEOUL (Wire) — Veterans of Corvel will gather on Memorial Day.', '2026-04-10')).toEqual([
      ['Memorial Day', 'DATE', '2026-06-06'],
    ]);
    // Labour Day: the fourth Monday of October in New Zealand, the first Monday of September in Canada, May 1 in
    // Kenya, the first Monday of March in Western Australia.
    expect(tx('WELLINGTON (Wire) — The Merrow ferry will not sail on Labour Day.', '2026-09-01')).toEqual([
      ['Labour Day', 'DATE', '2026-10-26'],
    ]);
    expect(tx('TORONTO (Wire) — The Merrow ferry will not sail on Labour Day.', '2026-08-01')).toEqual([
      ['Labour Day', 'DATE', '2026-09-07'],
    ]);
    expect(tx('NAIROBI, Kenya (Wire) — Unions in Tarrow will march on Labour Day.', '2026-04-20')).toEqual([
      ['Labour Day', 'DATE', '2026-05-01'],
    ]);
    expect(tx('PERTH (Wire) — The Merrow ferry will not sail on Labour Day.', '2026-01-20')).toEqual([
      ['Labour Day', 'DATE', '2026-03-02'],
    ]);
    // No dateline, or a country that keeps no such holiday: tagged, not valued.
    expect(tx('The lake opens on Memorial Day.', '2026-04-10')).toEqual([['Memorial Day', 'DATE', 'XXXX-XX-XX']]);
    expect(tx('The Merrow ferry will not sail on Labour Day.', '2026-04-10')).toEqual([
      ['Labour Day', 'DATE', 'XXXX-XX-XX'],
    ]);
    expect(tx('LONDON (Wire) — Veterans of Corvel will gather on Memorial Day.', '2026-04-10')).toEqual([
      ['Memorial Day', 'DATE', 'XXXX-XX-XX'],
    ]);
    expect(tx('SEOUL (Wire) — Voters in Corvel count down to Election Day.', '2026-04-10')).toEqual([
      ['Election Day', 'DATE', 'XXXX-XX-XX'],
    ]);
    expect(tx('Voters in Dorrance County count down to Election Day.', '2026-10-20')).toEqual([
      ['Election Day', 'DATE', 'XXXX-XX-XX'],
    ]);
    // Counterparts: the US spelling "Labor Day" with no dateline keeps the US rule; a Philippine dateline gives May 1.
    expect(tx('The Tarrow pool closes after Labor Day.', '2026-08-12')).toEqual([['Labor Day', 'DATE', '2026-09-07']]);
    expect(tx('MANILA (Wire) — Unions in Tarrow will march on Labor Day.', '2026-04-20')).toEqual([
      ['Labor Day', 'DATE', '2026-05-01'],
    ]);
    // In lower case "memorial day" is any day of remembrance.
    expect(tx('CHICAGO (Wire) — The town held a memorial day for the miners.', '2026-04-10')).toEqual([]);
  });
  it('a holiday inside a longer proper name, or the Orthodox Easter, is not valued by the calendar rule', () => {
    expect(tx('Tourists from Merrow flew to Easter Island.', '2026-05-02')).toEqual([]);
    expect(tx('The Boxing Day Test in Tarrow sold out.', '2026-05-02')).toEqual([]);
    expect(tx('An Easter Parade float was built in Corvel.', '2026-05-02')).toEqual([]);
    expect(tx('Families in Corvel marked Orthodox Easter.', '2026-05-02')).toEqual([]);
    expect(tx("Corvel's Orthodox Easter service drew crowds.", '2026-05-02')).toEqual([]);
    // Counterparts: a weekday next or a lower-case noun is still the holiday.
    expect(tx('The choir of Merrow sang on Easter Sunday.', '2026-05-02')).toEqual([
      ['Easter Sunday', 'DATE', '2026-04-05'],
    ]);
    expect(tx('The Easter Day service in Merrow was short.', '2026-05-02')).toEqual([
      ['Easter Day', 'DATE', '2026-04-05'],
    ]);
    expect(tx('The Fourth of July parade in Tarrow was rained off.', '2026-07-10')).toEqual([
      ['The Fourth of July', 'DATE', '2026-07-04'],
    ]);
  });
  it('a duration premodifying a noun, written closed ("weeklong", "hourlong"), is a duration as "week-long" is', () => {
    expect(tx('The weeklong fair in Tarrow opened.', '2026-05-02')).toEqual([['weeklong', 'DURATION', 'P1W']]);
    expect(tx('The pair taped an hourlong interview.', '2026-05-02')).toEqual([['hourlong', 'DURATION', 'PT1H']]);
    expect(tx('A yearlong inquiry closed.', '2026-05-02')).toEqual([['yearlong', 'DURATION', 'P1Y']]);
    // Counterparts: the hyphened form as before; other words in "-long" are no time.
    expect(tx('The week-long fair in Tarrow opened.', '2026-05-02')).toEqual([['week-long', 'DURATION', 'P1W']]);
    expect(tx('The oblong hall was lifelong home to the club.', '2026-05-02')).toEqual([]);
  });
  it('a count of days of a kind ("trading days", "business days") is a duration in days', () => {
    expect(tx('The lender has five business days to answer.', '2026-05-02')).toEqual([
      ['five business days', 'DURATION', 'P5D'],
    ]);
    expect(tx('Eight trading days later the index in Corvel recovered.', '2026-05-02')[0]).toEqual([
      'Eight trading days',
      'DURATION',
      'P8D',
    ]);
    // Counterpart: only days: "three school weeks" is not read as a count of days.
    expect(tx('Three school weeks passed.', '2026-05-02')).toEqual([]);
  });
  it('"one day" between a subject or modal and its verb is "someday", not a duration', () => {
    expect(tx('She could one day lead the Tarrow council.', '2026-05-02')).toEqual([]);
    expect(tx('He hopes he one day returns to Corvel.', '2026-05-02')).toEqual([]);
    // Counterparts: a stretch of one day.
    expect(tx('The strike lasted one day.', '2026-05-02')).toEqual([['one day', 'DURATION', 'P1D']]);
    expect(tx('The fair will run one day longer.', '2026-05-02')).toEqual([['one day', 'DURATION', 'P1D']]);
    // "to" is also a preposition: a determiner or preposition next is no verb, and the day is counted.
    expect(tx('The Tarrow market was cut to one day a week.', '2026-05-02')[0]).toEqual(['one day', 'DURATION', 'P1D']);
    expect(tx('Visits to Corvel are limited to one day per month.', '2026-05-02')).toEqual([
      ['one day', 'DURATION', 'P1D'],
    ]);
    expect(tx('The Merrow fair was reduced to one day because of rain.', '2026-05-02')).toEqual([
      ['one day', 'DURATION', 'P1D'],
    ]);
    expect(tx('She wants to one day own a farm in Corvel.', '2026-05-02')).toEqual([]);
  });
  it('"the years" before a year is not a stretch of unknown length', () => {
    const found = tx('Over the years 2010 to 2015, the port grew.', '2024-05-02');
    expect(found.some(([text]) => text === 'the years')).toBe(false);
  });
});

// Review of the country-holiday, count-range, extent and present-perfect rules: near misses each rule must leave alone.
describe('near misses of the holiday, range, season and perfect rules', () => {
  it('a remembrance day named by what it remembers is not the national Memorial Day, first in the sentence too', () => {
    expect(tx('The Famine Memorial Day vigil filled the Corvel square.', '2026-01-10')).toEqual([]);
    expect(tx('CHICAGO (Wire) — The Famine Memorial Day vigil filled the square.', '2026-01-10')).toEqual([]);
    // Counterparts: a preposition or article before it, the holiday still.
    expect(tx('CHICAGO (Wire) — On Memorial Day the Tarrow pool opens.', '2026-04-10')).toEqual([
      ['Memorial Day', 'DATE', '2026-05-25'],
    ]);
    expect(tx('CHICAGO (Wire) — The Memorial Day parade crossed Tarrow.', '2026-04-10')).toEqual([
      ['Memorial Day', 'DATE', '2026-05-25'],
    ]);
  });
  it('"a Memorial Day for …" is the common noun, a day of remembrance; "a Memorial Day parade" is the holiday', () => {
    expect(tx('CHICAGO (Wire) — Corvel held a Memorial Day for the flood victims.', '2026-04-10')).toEqual([]);
    expect(tx('OTTAWA (Wire) — The Tarrow union called a Labour Day of its own.', '2026-04-10')).toEqual([]);
    // Counterpart: the name modifying a noun after it.
    expect(tx('CHICAGO (Wire) — Corvel held a Memorial Day parade.', '2026-04-10')).toEqual([
      ['Memorial Day', 'DATE', '2026-05-25'],
    ]);
  });
  it('a country-dependent holiday with its year written keeps the year when the country is unknown', () => {
    expect(tx('Crowds lined the Tarrow road on Memorial Day 2019.', '2026-04-10')).toEqual([
      ['Memorial Day 2019', 'DATE', '2019-XX-XX'],
    ]);
    // Counterpart: without a year nothing of the date is known.
    expect(tx('Crowds lined the Tarrow road on Memorial Day.', '2026-04-10')).toEqual([
      ['Memorial Day', 'DATE', 'XXXX-XX-XX'],
    ]);
  });
  it('a range before "ago"/"later" is not read as a bare duration; nor an age noun', () => {
    expect(tx('The Corvel dam cracked two to three weeks ago.', '2026-05-04')).toEqual([
      ['three weeks ago', 'DATE', '2026-W16'],
    ]);
    expect(tx('Four or five days later the Merrow road reopened.', '2026-05-04')[0]?.[0]).toBe('five days later');
    expect(tx('The Tarrow school takes 10 to 12 year olds.', '2026-05-04').map(([t]) => t)).not.toContain('10');
    // Counterpart: a range of stretches still tags both ends.
    expect(tx('The Corvel dam repairs took two to three weeks.', '2026-05-04')).toEqual([
      ['two', 'DURATION', 'P2W'],
      ['three weeks', 'DURATION', 'P3W'],
    ]);
  });
  it('before a noun a modified season is a premodifier: "the" stays with the noun', () => {
    expect(tx('The late autumn rains flooded Corvel.', '2026-05-04')).toEqual([['late autumn', 'DATE', '2025-FA']]);
    expect(tx('Farmers rested in the early summer heat.', '2026-05-04')).toEqual([['early summer', 'DATE', '2025-SU']]);
    // Counterpart: the season heading its own phrase keeps "the".
    expect(tx('Farmers rested in the early summer.', '2026-05-04')).toEqual([['the early summer', 'DATE', '2025-SU']]);
  });
  it('a month bound inside a relative clause or participle after the perfect keeps the tense of that clause', () => {
    expect(tx('The regulator has fined lenders that ignored the caps until January.', '2026-10-30')).toEqual([
      ['January', 'DATE', '2026-01'],
    ]);
    expect(tx('Auditors have questioned loans signed until January.', '2026-10-30')).toEqual([
      ['January', 'DATE', '2026-01'],
    ]);
    // Counterpart: the perfect's own bound is the coming month.
    expect(tx('The regulator has extended the caps until January.', '2026-10-30')).toEqual([
      ['January', 'DATE', '2027-01'],
    ]);
  });
});
