import { describe, expect, it } from 'vitest';
import { tokenize } from '../language/tokenize.js';
import { textDoc } from '../language/test-tagger.js';
import { annotateTime } from './annotate.js';
import { factDate } from './fact-date.js';
import { article, dateOf } from './test-article.js';

const REPORTED = { value: '2026-03-11', precision: 'day' };

describe('fact dates', () => {
  it('takes the expression of the sentence, and always carries the reported day', () => {
    const d = dateOf(article('The minister resigned on Monday after a vote.'), 'resigned');
    expect(d).toEqual({
      date: { value: '2026-03-09', precision: 'day' },
      dateFrom: 'sentence',
      range: null,
      reported: REPORTED,
    });
  });
  it('carries a day through up to two past-tense sentences that give no date, until a sentence gives another', () => {
    const doc = article(
      'On Monday, the two leaders took the stage in the port.\n\nThe crowd cheered loudly.\n\nThe senator introduced her guest. ' +
        'In 2019, the port closed. The mayor reopened it.',
    );
    expect(dateOf(doc, 'introduced')).toMatchObject({ date: { value: '2026-03-09' }, dateFrom: 'carried' });
    // The year the sentence before names ends the day's carrying and is carried in its place (issue 19, item 2).
    expect(dateOf(doc, 'reopened')).toMatchObject({ date: { value: '2019', precision: 'year' }, dateFrom: 'carried' });
  });
  it('an expression beyond a reporting verb dates the saying, not what was said', () => {
    const doc = article(
      'The operator on Tuesday said the repair would be delayed until Friday at the earliest, perhaps on Monday.',
    );
    expect(dateOf(doc, 'repair').date?.value).toBe('2026-03-16');
    expect(dateOf(doc, 'said')).toMatchObject({ date: { value: '2026-03-10' }, dateFrom: 'sentence' });
  });
  it('dates a fact in a "when" clause by the time it follows ("the night before, when she warned")', () => {
    const doc = article('Reporters asked about a speech she gave on Sunday, when she warned the vote was late.');
    expect(dateOf(doc, 'warned')).toMatchObject({ date: { value: '2026-03-08' }, dateFrom: 'sentence' });
  });
  it('leaves a fact whose subject an adjective places earlier ("a previous attempt … failed") undated', () => {
    const doc = article('A previous attempt by the engineers to seal the damaged valve with concrete failed.');
    expect(dateOf(doc, 'failed').date).toBeNull();
    const apart = article('The previous owner, a shipping firm based in the north, sold the vessel.');
    expect(dateOf(apart, 'sold').date?.value).toBe('2026-03-11');
  });
  it('leaves a past act an ordinal or superlative noun stands out for undated ("was the first … to sign")', () => {
    const doc = article('The senator was the first member of her party to sign the letter. She spoke to reporters.');
    expect(dateOf(doc, 'sign').date).toBeNull();
    // The news of the day keeps the anchor.
    expect(dateOf(doc, 'spoke').date?.value).toBe('2026-03-11');
    // A plan ("is the first … to sign next week") is not a past record.
    const ahead = article('The senator will be the first to sign it on Friday.');
    expect(dateOf(ahead, 'sign').date?.value).toBe('2026-03-13');
  });
  it('leaves a fact of a "since" clause undated: it names the start of a state, not the news day', () => {
    const doc = article(
      'Since resigning, the former mayor has kept out of sight. Since she left the council, rents rose.',
    );
    expect(dateOf(doc, 'resigning').date).toBeNull();
    expect(dateOf(doc, 'left').date).toBeNull();
    // A "since" clause with its own time takes it, read as past: the latest October before the anchor.
    const own = article('Since revealing in October that she would retire, the coach has won every match.');
    expect(dateOf(own, 'revealing').date).toEqual({ value: '2025-10', precision: 'month' });
  });
  it('reads a verb whose past is its base form as past ("a storm hit the island in June")', () => {
    const doc = article('A storm hit the island in June, cutting power to thousands.');
    expect(dateOf(doc, 'hit').date?.value).toBe('2025-06');
    const ahead = article('Forecasters said the storm could hit the island in April.');
    expect(dateOf(ahead, 'hit').date?.value).toBe('2026-04');
  });
  it('leaves a fact placed in a decade or a century undated: no calendar day, and not the news day', () => {
    const doc = article('The law was changed in the Sixties. The village was founded in the 12th century.');
    expect(dateOf(doc, 'changed').date).toBeNull();
    expect(dateOf(doc, 'founded').date).toBeNull();
  });
  it('reads "used to" and a past perfect with an irregular participle as background', () => {
    const doc = article('The club had won the cup and the coach used to train the juniors. The coach resigned.');
    expect(dateOf(doc, 'won').date).toBeNull();
    expect(dateOf(doc, 'train').date).toBeNull();
    expect(dateOf(doc, 'resigned').date?.value).toBe('2026-03-11');
  });
  it('dates "was used to" (a purpose) and "had to" (an obligation) by the news day: neither places the fact earlier', () => {
    const doc = article(
      'Water cannon were used to clear the square. The ferry firm had to cut 120 crew posts. The mill had cut 40 posts.',
    );
    expect(dateOf(doc, 'clear').date?.value).toBe('2026-03-11');
    expect(dateOf(doc, 'used').date?.value).toBe('2026-03-11');
    expect(dateOf(doc, 'cut 120').date?.value).toBe('2026-03-11');
    // A past perfect still does.
    expect(dateOf(doc, 'cut 40').date).toBeNull();
  });
  it('leaves a participle describing a noun ("in a letter sent to lawmakers") undated, and dates "the 2006 test" by its year', () => {
    const doc = article('In a letter sent to the council, the mayor defended the budget.');
    expect(dateOf(doc, 'sent').date).toBeNull();
    expect(dateOf(doc, 'defended').date?.value).toBe('2026-03-11');
    const bound = article('Since the 2019 test, the agency has launched two more rockets.');
    expect(dateOf(bound, 'test')).toMatchObject({ date: { value: '2019', precision: 'year' }, dateFrom: 'sentence' });
  });
  it('dates news told in the reporting tense with no expression by the article anchor', () => {
    const d = dateOf(article('Rebels have seized the port, officials said.'), 'seized');
    expect(d.date?.value).toBe('2026-03-11');
    expect(d.dateFrom).toBe('anchor');
  });
  it('gives background its own expression, never the article day', () => {
    const doc = article(
      'The dam burst in 2022, flooding the valley. The country apologised for the 2006 test. A previous attempt had failed.',
    );
    expect(dateOf(doc, 'burst').date).toEqual({ value: '2022', precision: 'year' });
    expect(dateOf(doc, 'test').date).toEqual({ value: '2006', precision: 'year' });
    expect(dateOf(doc, 'failed')).toMatchObject({ date: null, dateFrom: null, reported: REPORTED });
  });
  it('gives a fact no date from a year range that premodifies it ("the 1950-53 war ended"): no single year holds it', () => {
    const doc = article(
      'The 1950-53 border war ended in a truce. The 1950-53 conflict left the region divided. The 2014-15 season ended badly.',
    );
    expect(dateOf(doc, 'ended')).toMatchObject({ date: null, dateFrom: null });
    expect(dateOf(doc, 'conflict')).toMatchObject({ date: null, dateFrom: null });
    expect(dateOf(doc, 'season').date).toBeNull();
    // The range is still tagged.
    expect(doc.timexes.map((t) => t.value)).toEqual(['1950', '1950', '2014']);
  });
  it('does not give a verb the expression of a clause a relative pronoun or a wh-word opens after it', () => {
    const doc = article(
      'The minister criticised the levy, which parliament passed in 2019, and praised how it was spent in May.',
    );
    expect(dateOf(doc, 'criticised')).toMatchObject({ date: { value: '2026-03-11' }, dateFrom: 'anchor' });
    expect(dateOf(doc, 'passed').date).toEqual({ value: '2019', precision: 'year' });
    // A noun's relative clause still dates it.
    const noun = article('Officials recalled the blast that shook the port in 2019.');
    expect(dateOf(noun, 'blast').date?.value).toBe('2019');
  });
  it('dates "this week" by the month holding its days up to the anchor', () => {
    const doc = textDoc('t', 'Prices rose sharply this week.', [
      { value: '2026-04-29', precision: 'day', from: 'url', evidence: 'url' },
    ]);
    tokenize(doc);
    annotateTime(doc);
    const start = doc.text.indexOf('rose');
    expect(factDate(doc, { start, end: start + 4 })).toMatchObject({
      date: { value: '2026-04', precision: 'month' },
      range: { start: '2026-04-27', end: '2026-04-29' },
    });
  });
  it('does not date by a bound or by another noun phrase', () => {
    const doc = article('Troops have held the town since 2019. Envoys signed the 2018 accord again.');
    expect(dateOf(doc, 'held').dateFrom).toBe('anchor');
    expect(dateOf(doc, 'signed').date?.value).toBe('2026-03-11');
  });
  it('reads a deictic noun phrase as an adverbial, and a possessive as the date of its noun', () => {
    const doc = article(
      'Talks in October failed, and the envoy spoke at a forum last month. Tuesday’s blast killed four.',
    );
    expect(dateOf(doc, 'spoke').date).toEqual({ value: '2026-02', precision: 'month' });
    expect(dateOf(doc, 'blast').date?.value).toBe('2026-03-10');
  });
  it('gives a week as its days, up to the anchor for the current week', () => {
    const doc = article('The council met twice last week. Prices rose this week.');
    expect(dateOf(doc, 'met').range).toEqual({ start: '2026-03-02', end: '2026-03-08' });
    expect(dateOf(doc, 'rose').range).toEqual({ start: '2026-03-09', end: '2026-03-11' });
  });
  it('carries a day from the sentence before to past-tense news without an expression', () => {
    const doc = article('On Sunday, the senator appeared on a talk show. She defended the bill.');
    expect(dateOf(doc, 'defended')).toMatchObject({ date: { value: '2026-03-08' }, dateFrom: 'carried' });
  });
  it('leaves a future fact without a date undated', () => {
    expect(dateOf(article('The ministers will meet to discuss the plan.'), 'meet').date).toBeNull();
  });
});

describe('narrative time and intervals', () => {
  it('chains "the next day" and "two days later" from the last day the text gave', () => {
    const doc = article(
      'The ferry sank on March 3. Divers reached it the next day. Two days later the owner apologised.',
    );
    expect(dateOf(doc, 'reached').date?.value).toBe('2026-03-04');
    expect(dateOf(doc, 'apologised').date?.value).toBe('2026-03-06');
  });
  it('reads a narrative noun phrase of time as the adverbial of the predicate it follows ("and broke up two days later")', () => {
    const doc = article(
      'The barge ran aground on March 2 and broke up two days later. The crane, idle since the storm, tipped over the same night.',
    );
    expect(dateOf(doc, 'ran')).toMatchObject({ date: { value: '2026-03-02' }, dateFrom: 'sentence' });
    expect(dateOf(doc, 'broke')).toMatchObject({ date: { value: '2026-03-04' }, dateFrom: 'sentence' });
    const when = article(
      'The alarm sounded on March 2, when the old tanker, moored off the cape, ran aground and split two days later.',
    );
    // The "when" clause, an appositive inside it, dates its first predicate; the second has its own adverbial.
    expect(dateOf(when, 'ran').date?.value).toBe('2026-03-02');
    expect(dateOf(when, 'split').date?.value).toBe('2026-03-04');
  });
  it('reads a sentence opening with "Later" as narrative going on, and a "later" inside the clause as background', () => {
    const doc = article(
      'On Sunday, the senator appeared on a talk show. Later, the senator questioned the plan. ' +
        'The mayor, who ran the port, was later convicted of fraud.',
    );
    expect(dateOf(doc, 'questioned')).toMatchObject({ date: { value: '2026-03-08' }, dateFrom: 'carried' });
    expect(dateOf(doc, 'convicted').date).toBeNull();
  });
  it('carries no day to a present perfect ("has praised"): it tells of an indefinite time up to now', () => {
    const doc = article('On Sunday, the senator appeared on a talk show. The governor has also praised the bill.');
    expect(dateOf(doc, 'praised').dateFrom).toBe('anchor');
    const past = article('On Sunday, the senator appeared on a talk show. The governor also praised the bill.');
    expect(dateOf(past, 'praised')).toMatchObject({ date: { value: '2026-03-08' }, dateFrom: 'carried' });
  });
  it('dates a present perfect past the lead by the anchor month only: it is what has happened up to now', () => {
    const doc = article(
      'A strong quake has hit the northern coast, officials said. Rescuers searched the rubble. ' +
        'The region has already suffered three large quakes. The governor has also praised the rescuers.',
    );
    // The lead's present perfect is the day's news.
    expect(dateOf(doc, 'hit')).toMatchObject({ date: { value: '2026-03-11', precision: 'day' }, dateFrom: 'anchor' });
    expect(dateOf(doc, 'searched').date).toEqual({ value: '2026-03-11', precision: 'day' });
    expect(dateOf(doc, 'suffered').date).toEqual({ value: '2026-03', precision: 'month' });
    expect(dateOf(doc, 'praised').date).toEqual({ value: '2026-03', precision: 'month' });
  });
  it('carries neither a day after the anchor nor the bound of a "since" clause to a past fact', () => {
    const later = article('The vote is set for Friday, March 13. The mayor backed the plan.');
    expect(dateOf(later, 'backed').dateFrom).toBe('anchor');
    const since = article('Prices have doubled since the strike began three days ago. The mayor backed the plan.');
    expect(dateOf(since, 'backed').dateFrom).toBe('anchor');
    const told = article('The strike began three days ago. The mayor backed the plan.');
    expect(dateOf(told, 'backed')).toMatchObject({ date: { value: '2026-03-08' }, dateFrom: 'carried' });
  });
  it('counts "the next day" after a named month from a day of that month not known, never from the anchor', () => {
    const doc = article(
      'The navy fired a test missile on Tuesday. Earlier this month, the envoy warned of a response. ' +
        'The next day, the ministry summoned him. Two days later, the talks resumed.',
    );
    expect(dateOf(doc, 'warned').date).toEqual({ value: '2026-03', precision: 'month' });
    expect(dateOf(doc, 'summoned')).toMatchObject({
      date: { value: '2026-03', precision: 'month' },
      dateFrom: 'sentence',
    });
    expect(dateOf(doc, 'resumed').date).toEqual({ value: '2026-03', precision: 'month' });
    // After a day, the chain counts from it.
    const day = article('The envoy warned of a response on March 2. The next day, the ministry summoned him.');
    expect(dateOf(day, 'summoned').date).toEqual({ value: '2026-03-03', precision: 'day' });
  });
  it('gives an interval its start and end, the end never before the start', () => {
    const doc = article('The strike lasted from Monday to Thursday. The hearing will run Tuesday through Thursday.');
    expect(dateOf(doc, 'lasted')).toMatchObject({
      date: { value: '2026-03', precision: 'month' },
      range: { start: '2026-03-02', end: '2026-03-05' },
      dateFrom: 'sentence',
    });
    expect(dateOf(doc, 'run').range).toEqual({ start: '2026-03-17', end: '2026-03-19' });
  });
  it('leaves the past of a relative clause undated: it describes a participant, not the news', () => {
    const doc = article(
      'The senator, who campaigned against the levy, is urging colleagues to vote no. ' +
        'The deal is backed by a mayor who helped draft it. The council met on Monday.',
    );
    expect(dateOf(doc, 'campaigned').date).toBeNull();
    expect(dateOf(doc, 'draft').date).toBeNull();
    expect(dateOf(doc, 'urging')).toMatchObject({ date: { value: '2026-03-11' }, dateFrom: 'anchor' });
    const dated = article('Police arrested a driver who crashed into a shop on Monday.');
    expect(dateOf(dated, 'crashed')).toMatchObject({ date: { value: '2026-03-09' }, dateFrom: 'sentence' });
  });
  it('does not give a present-tense fact the past expression of another verb ("is pushing … made last week")', () => {
    const doc = article('The union is pushing members to reject the offer made by the company last week.');
    expect(dateOf(doc, 'pushing')).toMatchObject({ date: { value: '2026-03-11' }, dateFrom: 'anchor' });
    expect(dateOf(doc, 'made').range).toEqual({ start: '2026-03-02', end: '2026-03-08' });
  });
  it('dates a noun by the date that premodifies it, even inside a bound ("since their Feb. 20 debate")', () => {
    const doc = article('The two have traded barbs since their Feb. 20 debate in the capital.');
    expect(dateOf(doc, 'debate')).toMatchObject({ date: { value: '2026-02-20' }, dateFrom: 'sentence' });
  });
  it('gives an event noun the text recalls no day of the article ("the 2019 war" dates it, "the alleged assault" stays undated)', () => {
    const doc = article(
      'The new advert highlights the alleged assault of a reporter. Rebels recalled the 2019 war. The flood hit the port.',
    );
    expect(dateOf(doc, 'assault').date).toBeNull();
    expect(dateOf(doc, 'war')).toMatchObject({ date: { value: '2019' }, dateFrom: 'sentence' });
    expect(dateOf(doc, 'hit')).toMatchObject({ date: { value: '2026-03-11' }, dateFrom: 'anchor' });
  });
  it('does not let a month named in passing move "the next day" into it ("since March", "a verdict from January")', () => {
    const since = article(
      'On Monday, rebels seized the port, their biggest gain since March. The next day, troops arrived.',
    );
    expect(dateOf(since, 'arrived')).toMatchObject({ date: { value: '2026-03-10', precision: 'day' } });
    const from = article(
      'On Tuesday the court ruled, overturning a verdict from January. The following day the minister resigned.',
    );
    expect(dateOf(from, 'resigned')).toMatchObject({ date: { value: '2026-03-11', precision: 'day' } });
  });
  it('gives a passive or modal perfect past the lead the anchor day, unless an experiential marker or "since"', () => {
    const doc = article(
      'A strong quake hit the northern coast on Wednesday. Rescuers searched the rubble. ' +
        'Officials said the captain would have survived with a vest. The town has never seen such damage. ' +
        'Soldiers have been deployed to the region. Prices have risen since the quake. Medics have already been flown in.',
    );
    expect(dateOf(doc, 'flown').date).toEqual({ value: '2026-03', precision: 'month' });
    expect(dateOf(doc, 'deployed').date).toEqual({ value: '2026-03-11', precision: 'day' });
    expect(dateOf(doc, 'survived').date).toEqual({ value: '2026-03-11', precision: 'day' });
    expect(dateOf(doc, 'seen').date).toEqual({ value: '2026-03', precision: 'month' });
    expect(dateOf(doc, 'risen').date).toEqual({ value: '2026-03', precision: 'month' });
  });
  it('reads an adverbial after a determiner "that" or a capitalized "WHO" as the clause\'s own', () => {
    const town = article('Rebels attacked that town again on Monday.');
    expect(dateOf(town, 'attacked')).toMatchObject({ date: { value: '2026-03-09' }, dateFrom: 'sentence' });
    const who = article('Chile asked the WHO for help on Monday.');
    expect(dateOf(who, 'asked')).toMatchObject({ date: { value: '2026-03-09' }, dateFrom: 'sentence' });
    // A relative "that" still opens another clause.
    const rel = article('The minister criticised the strike that began on Monday.');
    expect(dateOf(rel, 'criticised').dateFrom).toBe('anchor');
    // So does a complementizer "that" before a noun subject and its verb.
    const comp = article('The governor warned that police arrested two men on Monday.');
    expect(dateOf(comp, 'warned').dateFrom).toBe('anchor');
  });
});
