import { describe, expect, it } from 'vitest';
import { timexesOfText } from './text.js';

/** [text, type, value] of every expression found in `text`, resolved against `dct`. */
function tx(text: string, dct: string | null): Array<[string, string, string]> {
  const found = timexesOfText(text, dct);
  for (const t of found) expect(text.slice(t.start, t.end)).toBe(t.text);
  return found.map((t) => [t.text, t.type, t.value]);
}

const value = (text: string, dct: string | null, phrase: string): string | undefined =>
  tx(text, dct).find(([t]) => t === phrase)?.[2];

describe('tense and aspect', () => {
  it('a weekday in the past tense is the latest such day up to the article date, the same day included', () => {
    expect(tx('The minister toured the port on Friday.', '2023-09-18')).toEqual([['Friday', 'DATE', '2023-09-15']]);
    expect(tx('The minister toured the port on Friday.', '2023-09-15')).toEqual([['Friday', 'DATE', '2023-09-15']]);
    expect(value('On Friday the minister toured the port.', '2023-09-20', 'Friday')).toBe('2023-09-15');
  });
  it('a weekday in the future points forward', () => {
    expect(value('A decision is expected on Monday.', '2023-09-15', 'Monday')).toBe('2023-09-18');
    expect(value('She will travel to Geneva on Thursday, officials said.', '2023-09-15', 'Thursday')).toBe(
      '2023-09-21',
    );
    expect(value('He will be freed on Tuesday.', '2023-09-15', 'Tuesday')).toBe('2023-09-19');
  });
  it('"next week" and "last week" are ISO weeks around the article date', () => {
    expect(value('The envoy will travel next week.', '2023-09-15', 'next week')).toBe('2023-W38');
    expect(value('The envoy travelled last week.', '2023-09-15', 'last week')).toBe('2023-W36');
  });
  it('a weekday deadline is the coming one; what was planned lies ahead', () => {
    expect(value('The agency has given the family until Tuesday to answer.', '2000-04-03', 'Tuesday')).toBe(
      '2000-04-04',
    );
    expect(value('Some 32 states had filed reports by Wednesday.', '1990-08-16', 'Wednesday')).toBe('1990-08-15');
    expect(value('Protesters planned a march on Saturday.', '2000-01-07', 'Saturday')).toBe('2000-01-08');
  });
  it('"could" + a bare verb and an infinitival passive look ahead; "could have" and a past-perfect "until" look back', () => {
    expect(value('Forecasters said the storm could reach the coast on Saturday.', '2023-09-14', 'Saturday')).toBe(
      '2023-09-16',
    );
    expect(value('The board met, with the budget to be voted on Thursday.', '2023-09-12', 'Thursday')).toBe(
      '2023-09-14',
    );
    expect(value('The storm could have reached the coast on Saturday.', '2023-09-14', 'Saturday')).toBe('2023-09-09');
    expect(value('Residents had to be evacuated on Monday.', '2023-09-14', 'Monday')).toBe('2023-09-11');
    expect(value('Until Thursday, the police had not named him.', '2023-09-15', 'Thursday')).toBe('2023-09-14');
  });
  it('a month without a year is read by tense', () => {
    expect(value('The talks collapsed in July.', '2023-03-10', 'July')).toBe('2022-07');
    expect(value('The talks will resume in July.', '2023-10-10', 'July')).toBe('2024-07');
    // Dates announced in the past tense may lie just ahead: up to two months after the article stay in its year.
    expect(value('The company said the dividend was set for Dec. 15.', '2023-10-30', 'Dec. 15')).toBe('2023-12-15');
    expect(value('The talks will resume in July.', '2023-03-10', 'July')).toBe('2023-07');
  });
});

describe('calendar expressions', () => {
  it('"Tuesday (Jan 17)" is one expression; the year is the one nearest the article date where the weekday matches', () => {
    expect(tx('The vote took place on Tuesday (Jan 17).', '2023-01-20')).toEqual([
      ['Tuesday (Jan 17)', 'DATE', '2023-01-17'],
    ]);
    expect(tx('The vote will take place on Tuesday (Jan 17).', '2022-12-30')).toEqual([
      ['Tuesday (Jan 17)', 'DATE', '2023-01-17'],
    ]);
    expect(value('Voting began Tuesday, Jan. 17, across the country.', '2023-01-18', 'Tuesday, Jan. 17')).toBe(
      '2023-01-17',
    );
  });
  it('full dates, month-years, ISO dates and numeric dates', () => {
    expect(tx('It opened on March 9, 2021 and closed 12 May 2022.', '2023-01-01')).toEqual([
      ['March 9, 2021', 'DATE', '2021-03-09'],
      ['12 May 2022', 'DATE', '2022-05-12'],
    ]);
    expect(value('Filed in June 2019.', '2023-01-01', 'June 2019')).toBe('2019-06');
    expect(value('Recorded 2023-09-13 at the port.', null, '2023-09-13')).toBe('2023-09-13');
  });
  it('relative months, weeks and years', () => {
    const dct = '2023-09-15';
    expect(value('Prices rose last month.', dct, 'last month')).toBe('2023-08');
    expect(value('Prices rose earlier this week.', dct, 'earlier this week')).toBe('2023-W37');
    expect(value('Prices rose this month.', dct, 'this month')).toBe('2023-09');
    expect(value('Prices rose last year.', dct, 'last year')).toBe('2022');
    expect(value('He arrived yesterday.', dct, 'yesterday')).toBe('2023-09-14');
    expect(value('It happened three days ago.', dct, 'three days ago')).toBe('2023-09-12');
  });
  it('decades, years after "since", weeks and quarters', () => {
    expect(tx('Trade grew in the 1990s.', '2023-09-15')).toEqual([['the 1990s', 'DATE', '199']]);
    expect(tx('The ban has held since 2011.', '2023-09-15')).toEqual([['2011', 'DATE', '2011']]);
    expect(value('Output fell in 2023-W11.', '2023-09-15', '2023-W11')).toBe('2023-W11');
    expect(value('Output fell in the third quarter of 2023.', '2023-12-15', 'the third quarter of 2023')).toBe(
      '2023-Q3',
    );
    expect(value('Third-quarter profit fell.', '2023-10-20', 'Third-quarter')).toBe('2023-Q3');
  });
  it('the year is written with X when it cannot be known', () => {
    expect(value('The ship left on March 9.', null, 'March 9')).toBe('XXXX-03-09');
    expect(value('The ship left on Friday.', null, 'Friday')).toBe('XXXX-WXX-5');
  });
});

describe('not dates', () => {
  it('ages and anniversaries are not dates', () => {
    expect(tx('The admiral, 58, is 62 years old.', '2023-09-15')).toEqual([]);
    expect(tx('They marked the 60th anniversary of the treaty.', '2023-09-15')).toEqual([]);
    expect(tx('A 62-year-old man was hurt.', '2023-09-15')).toEqual([]);
  });
  it('"may" and "march" as words are not months', () => {
    expect(tx('Protesters may march to the parliament.', '2023-09-15')).toEqual([]);
    expect(tx('The ceasefire may hold.', '2023-09-15')).toEqual([]);
  });
});

describe('durations, sets, times and vague references', () => {
  it('durations', () => {
    expect(value('After two years of war, talks began.', '2023-09-15', 'two years')).toBe('P2Y');
    expect(value('Growth was weak over the past three years.', '2023-09-15', 'the past three years')).toBe('P3Y');
    expect(value('The strike lasted 48 hours.', '2023-09-15', '48 hours')).toBe('PT48H');
    expect(tx('Fuel would last about 10 days.', '2023-09-15')).toEqual([['about 10 days', 'DURATION', 'P10D']]);
  });
  it('quarters are counted in quarters (Q), not months', () => {
    expect(value('The mill ran at a loss for two quarters.', '2023-09-15', 'two quarters')).toBe('P2Q');
    expect(value('Margins have shrunk for several quarters.', '2023-09-15', 'several quarters')).toBe('PXQ');
    expect(tx('The board reviews the figures every quarter.', '2023-09-15')).toEqual([['every quarter', 'SET', 'P1Q']]);
  });
  it('rates are not durations; the year of a report is', () => {
    expect(tx('The plant earns $2 million a year.', '2023-09-15')).toEqual([]);
    expect(value('Net income rose for the year ended March 31.', '2023-09-15', 'the year')).toBe('P1Y');
    expect(value('Sales rose 5% in the quarter ended Sept. 30.', '2023-10-20', 'the quarter')).toBe('2023-Q3');
    expect(value('The summit is on April 24 and 25.', '2023-02-10', '25')).toBe('2023-04-25');
  });
  it('sets', () => {
    expect(tx('Inspectors visit every two weeks.', '2023-09-15')).toEqual([['every two weeks', 'SET', 'P2W']]);
    expect(value('The council meets weekly.', '2023-09-15', 'weekly')).toBe('P1W');
  });
  it('clock times with zones', () => {
    expect(tx('The blast came at 7:45 am local time.', '2023-09-15')).toEqual([
      ['7:45 am local time', 'TIME', '2023-09-15T07:45'],
    ]);
    expect(value('Polls will close at 10 p.m. on Tuesday.', '2023-09-18', '10 p.m. on Tuesday')).toBe(
      '2023-09-19T22:00',
    );
  });
  it('a clock time without a day falls on the day the text last named, when that is within a week', () => {
    const story =
      'The ferry sank on Thursday off the cape. The alarm was raised at 6:20 a.m. and divers arrived at 14:05.';
    expect(value(story, '2023-09-16', '6:20 a.m.')).toBe('2023-09-14T06:20');
    expect(value(story, '2023-09-16', '14:05')).toBe('2023-09-14T14:05');
    // A day long past is not the day a clock time of today's news falls on.
    const old = 'The bridge opened on June 3, 2019. Traffic was halted at 9:15 a.m. after a crash.';
    expect(value(old, '2023-09-16', '9:15 a.m.')).toBe('2023-09-16T09:15');
    expect(value('The vote closed at 8 p.m.', '2023-09-16', '8 p.m.')).toBe('2023-09-16T20:00');
  });
  it('a clock time takes the named day only when its tense agrees and the day was named in or just before its sentence', () => {
    // A day named two sentences back, in the past, is not the day of a future hearing.
    const court =
      'Police said on Monday they had arrested two men. The men were held overnight. Both will appear in court at 10 a.m.';
    expect(value(court, '2023-09-16', 'Monday')).toBe('2023-09-11');
    expect(value(court, '2023-09-16', '10 a.m.')).toBe('2023-09-16T10:00');
    // A past act is not put on a day ahead of the article.
    const plant = 'The plant reopens on Sept. 21. Workers gathered outside the gates at 7 a.m.';
    expect(value(plant, '2023-09-16', '7 a.m.')).toBe('2023-09-16T07:00');
    // A day named in another tense in the sentence before is not the day a past clause tells of.
    const summit = 'The summit ends on Friday. Shares closed down 2% at 4 p.m.';
    expect(value(summit, '2023-09-13', '4 p.m.')).toBe('2023-09-13T16:00');
    // A future clause keeps a day ahead named in the same tense just before.
    const visit = 'The envoy will land on Tuesday. She will meet the mayor at 3 p.m.';
    expect(value(visit, '2023-09-16', '3 p.m.')).toBe('2023-09-19T15:00');
  });
  it('present, past and future references', () => {
    expect(value('The port is now closed.', '2023-09-15', 'now')).toBe('PRESENT_REF');
    expect(value('Ships have recently left.', '2023-09-15', 'recently')).toBe('PAST_REF');
    expect(value('More may come in the future.', '2023-09-15', 'the future')).toBe('FUTURE_REF');
  });
});

describe('extents of modifiers and determiners', () => {
  it("a duration or quarter modifying a noun leaves the noun's determiner out", () => {
    expect(tx('The ministers ended the three-day summit.', '2023-09-15')).toEqual([['three-day', 'DURATION', 'P3D']]);
    expect(tx('Officials cut the two week deadline short.', '2023-09-15')).toEqual([['two week', 'DURATION', 'P2W']]);
    expect(tx('The firm posted the third-quarter loss.', '2023-11-02').map(([t]) => t)).toEqual(['third-quarter']);
    expect(tx('The talks lasted the two weeks.', '2023-09-15').map(([t]) => t)).toEqual(['the two weeks']);
    expect(tx('Sales fell in the third quarter.', '2023-11-02').map(([t]) => t)).toEqual(['the third quarter']);
  });
  it('"or so" after a duration and "this past" before a season or weekday belong to the expression', () => {
    expect(tx('Prices will stay high for the next three weeks or so.', '2023-09-15')).toEqual([
      ['the next three weeks or so', 'DURATION', 'P3W'],
    ]);
    expect(tx('Flooding hit the valley this past spring.', '2023-09-15')).toEqual([
      ['this past spring', 'DATE', '2023-SP'],
    ]);
    expect(value('The mayor spoke this past Sunday.', '2023-09-15', 'this past Sunday')).toBe('2023-09-10');
    expect(value('The vote is due this coming Sunday.', '2023-09-15', 'this coming Sunday')).toBe('2023-09-17');
  });
  it('"the previous Friday", "the following Monday" count from the last day the text mentioned', () => {
    const before = 'The bank failed on Oct. 13, 1989. Regulators had warned it the previous Friday.';
    expect(value(before, '1989-10-30', 'the previous Friday')).toBe('1989-10-06');
    const after = 'The bank failed on Oct. 13, 1989. Regulators met the following Monday.';
    expect(value(after, '1989-10-30', 'the following Monday')).toBe('1989-10-16');
  });
  it('"in the morning", "by the evening" are parts of the day in focus; a part of the day before a noun is not', () => {
    const story = 'The ferry sank on Thursday. Divers arrived in the morning, and by the evening the hull was found.';
    expect(value(story, '2023-09-16', 'the morning')).toBe('2023-09-14TMO');
    expect(value(story, '2023-09-16', 'the evening')).toBe('2023-09-14TEV');
    expect(tx('Shares fell in the morning session.', '2023-09-16')).toEqual([]);
  });
  it('"in the morning" in the present is habitual, and in the future needs a day named in its sentence', () => {
    expect(tx('Most customers come in the morning.', '2023-09-16')).toEqual([]);
    expect(tx('He takes his pills in the morning and at night.', '2023-09-16')).toEqual([]);
    expect(tx('Officials will brief reporters in the morning.', '2023-09-16')).toEqual([]);
    expect(value('The envoy will land on Tuesday in the morning.', '2023-09-16', 'the morning')).toBe('2023-09-19TMO');
    expect(value('Rescuers reached the village in the afternoon.', '2023-09-16', 'the afternoon')).toBe(
      '2023-09-16TAF',
    );
  });
  it('"the following month" and "that month" count from the last month the text named, not the article date', () => {
    const story =
      'The mill closed a line in March. The following month it shut a plant; it also sold a depot that month.';
    expect(value(story, '1989-10-27', 'The following month')).toBe('1989-04');
    expect(value(story, '1989-10-27', 'that month')).toBe('1989-04');
    expect(value('Exports rose. The previous month they fell.', '1989-10-27', 'The previous month')).toBe('1989-09');
  });
  it('"the following month" after only a year or quarter is a month of that year, not one counted from the article', () => {
    const accord = 'The accord was signed in 1998. The following month the rebels left.';
    expect(value(accord, '2023-09-16', 'The following month')).toBe('1998-XX');
    expect(
      value(
        'Sales peaked in the third quarter of 2019. They fell the previous month.',
        '2023-09-16',
        'the previous month',
      ),
    ).toBe('2019-XX');
    // A month named after the year is counted from again.
    expect(
      value(
        'The war ended in 1998. The accord was signed in March 1999. The following month the rebels left.',
        '2023-09-16',
        'The following month',
      ),
    ).toBe('1999-04');
    // With nothing named before, "that month" is the article's month.
    expect(value('The rebels left that month.', '2023-09-16', 'that month')).toBe('2023-09');
  });
  it('"the last half of" a year is its second half; "the past" before a count is no vague past', () => {
    expect(tx('Output rose in the last half of 2022.', '2023-09-15')).toEqual([
      ['the last half of 2022', 'DATE', '2022-H2'],
    ]);
    expect(tx('Riots broke out in the past three summers.', '2023-09-15').some(([, , v]) => v === 'PAST_REF')).toBe(
      false,
    );
  });
  it('"the first half" and "the second half" of a year are its halves (H1, H2), not the whole year', () => {
    expect(tx('Exports to Velmora fell in the first half of 2022.', '2023-09-15')).toEqual([
      ['the first half of 2022', 'DATE', '2022-H1'],
    ]);
    expect(tx('The mill plans a second line in the second half of fiscal 2024.', '2023-09-15')).toEqual([
      ['the second half of fiscal 2024', 'DATE', '2024-H2'],
    ]);
    // Counterpart: other parts of a year keep the year's value.
    expect(tx('The mill closed at the end of 2022.', '2023-09-15')).toEqual([['the end of 2022', 'DATE', '2022']]);
  });
  it('a participle before its noun is no tense: "a hastily planned trip" does not move Friday ahead', () => {
    expect(value('On Friday, she cancelled a hastily planned trip.', '2023-09-20', 'Friday')).toBe('2023-09-15');
    expect(value('The trip was hastily planned for Friday.', '2023-09-20', 'Friday')).toBe('2023-09-22');
  });
});

describe('adjectival durations', () => {
  it('"week-long", "two-month-long" and "decades-long" are durations, "-long" included', () => {
    expect(tx('She began a week-long visit.', '2023-09-15')).toEqual([['week-long', 'DURATION', 'P1W']]);
    expect(tx('A two-month-long strike ended.', '2023-09-15')).toEqual([['two-month-long', 'DURATION', 'P2M']]);
    expect(tx('The decades-long feud ended.', '2023-09-15')).toEqual([['decades-long', 'DURATION', 'PXDE']]);
    expect(tx('A mile-long queue formed.', '2023-09-15')).toEqual([]);
  });
});

describe('anaphoric months and seasons, weekday names', () => {
  it('"that November", "that spring" take the year the text last named, not the article year', () => {
    expect(value('The strike began in 1984. It ended that November.', '2024-10-02', 'that November')).toBe('1984-11');
    expect(value('He moved to Lyon in 2009, and that spring he opened a shop.', '2024-10-02', 'that spring')).toBe(
      '2009-SP',
    );
  });
  it('a weekday name is capitalized: a lower-case "wed" or "sun" is another word', () => {
    expect(tx('The couple wed. The sun rose.', '2024-10-02')).toEqual([]);
    expect(value('They met on Wed. to sign it.', '2024-10-02', 'Wed.')).toBe('2024-10-02');
  });
});

describe('year ranges', () => {
  it('tags the start of a dashed year range ("the 1950-53 war"), not a date, a phone number or a falling pair', () => {
    expect(tx('The 1950-53 border war ended in a truce.', '2026-03-11')).toEqual([['1950', 'DATE', '1950']]);
    expect(tx('She was mayor in 2010–2015.', '2026-03-11')).toEqual([
      ['2010', 'DATE', '2010'],
      ['2015', 'DATE', '2015'],
    ]);
    expect(tx('Call 1800-555-0100 today.', '2026-03-11').map(([t]) => t)).toEqual(['today']);
    expect(tx('The rally began on 2010-11-05.', '2026-03-11')).toEqual([['2010-11-05', 'DATE', '2010-11-05']]);
    expect(tx('The teams drew 1999-18 at home.', '2026-03-11')).toEqual([]);
  });
});

describe('narrative focus', () => {
  it('values "the next day", "two days later", "the day after" after a named month as a day of it not known', () => {
    const text =
      'Rebels took the port in May. The next day, troops arrived. Two days later they left. The day after, it rained.';
    expect(tx(text, '2026-08-20')).toEqual([
      ['May', 'DATE', '2026-05'],
      ['The next day', 'DATE', '2026-05-XX'],
      ['Two days later', 'DATE', '2026-05-XX'],
      ['The day after', 'DATE', '2026-05-XX'],
    ]);
    expect(value('Rebels took the port on May 4. The next day, troops arrived.', '2026-08-20', 'The next day')).toBe(
      '2026-05-05',
    );
  });
  it('a month named only as a bound or inside a noun phrase does not move the focus ("since March", "a verdict from January")', () => {
    const since = 'On Monday, rebels seized the port, their biggest gain since March. The next day, troops arrived.';
    expect(value(since, '2026-03-11', 'The next day')).toBe('2026-03-10');
    const from =
      'On Tuesday the court ruled, overturning a verdict from January. The following day the minister resigned.';
    expect(value(from, '2026-03-11', 'The following day')).toBe('2026-03-11');
    // An adverbial month does, until a later day is named.
    expect(
      value('In January, the court ruled. The next day, the minister resigned.', '2026-03-11', 'The next day'),
    ).toBe('2026-01-XX');
    expect(
      value(
        'In January, the court ruled. On Monday it met again. The next day, he resigned.',
        '2026-03-11',
        'The next day',
      ),
    ).toBe('2026-03-10');
  });
});
