import { describe, expect, it } from 'vitest';
import { codeEvents, eventTypes as types, assertedTypes as asserted } from './test-doc.js';

const code = codeEvents;

describe('not events', () => {
  it('giving words is speech, not aid', () => {
    expect(types(code('Norway provided insight into the talks to Chile.'))).not.toContain('AID');
    expect(types(code('Norway provided food to Chile.'))).toContain('AID');
  });
  it('a denial of a charge is no rejection', () => {
    expect(types(code('Ruritania denied any wrongdoing.', [['Ruritania', 'GPE']]))).toEqual([]);
  });
  it('a state in a noun phrase is no act', () => {
    expect(asserted(code('Oil firms may not trade with a country under sanction by France.'))).not.toContain(
      'SANCTION',
    );
    expect(types(code('A new Iran sanctions bill lacks support.'))).toEqual([]);
  });
  it('a disaster kills, no one attacks', () => {
    expect(types(code('An earthquake in Peru killed 40 villagers.'))).not.toContain('ASSAULT');
    expect(types(code('A bomb explosion in Peru killed Ivo Brandt.', [['Ivo Brandt', 'PER']]))).toContain('ASSAULT');
  });
  it('a campaign rally is no protest; a rally against a government is', () => {
    expect(
      types(code('Supporters of Senator Vance held a rally in Ohio for his campaign.', [['Vance', 'PERSON']])),
    ).not.toContain('PROTEST');
    expect(types(code('Students in Chile held a rally against the government.'))).toContain('PROTEST');
  });
  it('a sports result is no assault', () => {
    expect(types(code('Spain beat Italy in the cup final after a late goal.'))).not.toContain('ASSAULT');
  });
  it('an act on a condition is flagged, not asserted', () => {
    const doc = code('France will impose sanctions on Ruritania if the army crosses the border.', [
      ['Ruritania', 'GPE'],
    ]);
    expect(doc.events.length).toBeGreaterThan(0);
    expect(asserted(doc)).toEqual([]);
    expect(doc.events.every((e) => e.hypothetical)).toBe(true);
  });
  it('a condition inside a later clause does not flag the act before it', () => {
    const doc = code(
      'Supporters of Ivo Brandt marched through Santiago on Monday, raising questions about whether the party will split if they leave.',
      [['Ivo Brandt', 'PER']],
    );
    const march = doc.events.filter((e) => e.type === 'PROTEST');
    expect(march).toHaveLength(1);
    expect(march[0]!.hypothetical).toBe(false);
  });
  it('a news agency that reports an act is not its target', () => {
    const doc = code('North Korea fired two missiles on Sunday, the Yonhap news agency reported.', [['Yonhap', 'ORG']]);
    for (const e of doc.events) expect([...e.source, ...e.target].map((a) => a.name)).not.toContain('Yonhap');
  });
  it('a possibility, an embedded question or a planned act is flagged, not asserted', () => {
    const considering = code('France is considering airdrops of food to Chile.');
    expect(considering.events.map((e) => [e.type, e.mode])).toEqual([['AID', 'possible']]);
    expect(asserted(considering)).toEqual([]);
    const expected = code('France is expected to send troops to Chile.');
    expect(expected.events.length).toBeGreaterThan(0);
    expect(asserted(expected)).toEqual([]);
    const whether = code('France has not said whether it will send aid to Chile.');
    expect(whether.events.length).toBeGreaterThan(0);
    expect(asserted(whether)).toEqual([]);
    const planned = code('Chilean students announced a possible strike against the government.');
    expect(planned.events.length).toBeGreaterThan(0);
    expect(asserted(planned)).toEqual([]);
    // An act weighed as the subject of a modal judgement has no actor who commits to it: no event (before, a flagged
    // possibility).
    const weighed = code('The admiral said bombing Chile would be a mistake.');
    expect(weighed.events).toEqual([]);
    // The same acts, reported as done, stand.
    expect(asserted(code('France sent food to Chile.'))).toEqual(['AID']);
    expect(asserted(code('The admiral said bombing Chile was a mistake.'))).toEqual(['ASSAULT']);
  });
  it('a planned meeting still needs two parties', () => {
    expect(types(code('Senator Vance will be hosting the awards this year.', [['Vance', 'PERSON']]))).toEqual([]);
  });
  it('a standing embargo is a state, not an act', () => {
    expect(types(code('The longstanding embargo by France against Chile hurts trade.'))).toEqual([]);
    expect(types(code('The embargo by France against Chile hurts trade.'))).toEqual(['SANCTION']);
    expect(asserted(code('Firms may not trade with a state under French sanction or embargo.'))).toEqual([]);
  });
  it('the complement of a modal verb is not asserted; of an implicative one it is', () => {
    // The complement of a hypothetical verb is that verb's content, which no actor commits to: no event (before,
    // a flagged one).
    const would = code('The bill would empower the French minister to deny a lease to Chile.');
    expect(would.events).toEqual([]);
    const said = code('France said it would force Chile to withdraw its troops.');
    expect(said.events.map((e) => [e.type, e.mode, e.attributes.action])).toEqual([['AGREE', 'intent', 'RETREAT']]);
    expect(asserted(code('France forced Chile to withdraw its troops.'))).toEqual(['RETREAT']);
  });
  it('a quoted epithet names someone, it reports no act', () => {
    expect(types(code('He will be known as "the man who killed the French envoy".'))).toEqual([]);
    expect(types(code('He will be known as the man who killed the French envoy.'))).toEqual(['ASSAULT']);
  });
});
