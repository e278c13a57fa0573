import { describe, expect, it } from 'vitest';
import { taggedDoc } from '../language/test-tagger.js';
import type { Doc } from '../model/index.js';
import { annotateTime } from '../time/annotate.js';
import { annotateEvents } from './annotate.js';
import { assertedTypes as asserted, codeEvents as code, eventTypes as types } from './test-doc.js';

// Invented sentences. The first expectation of each case fails on the coder before this change; the counterparts
// pass before and after.

describe('the factuality of the event clause', () => {
  it('"have/be yet to" + a verb, and "has not yet" + a participle, say the act has not happened', () => {
    const d = code('Chile has yet to withdraw its troops from Peru.');
    expect(asserted(d)).toEqual([]);
    expect(d.events.map((e) => [e.type, e.negated])).toEqual([['RETREAT', true]]);
    expect(asserted(code('Chile is yet to withdraw its troops from Peru.'))).toEqual([]);
    expect(asserted(code('Chile has not yet withdrawn its troops from Peru.'))).toEqual([]);
    // Done, with or without an adverb in the verb group.
    expect(asserted(code('Chile has already withdrawn its troops from Peru.'))).toEqual(['RETREAT']);
    expect(asserted(code('Chile withdrew its troops from Peru.'))).toEqual(['RETREAT']);
  });
  it('an epistemic predicate over a that-clause makes its act a possibility', () => {
    for (const s of [
      'It is possible that Chile supplied weapons to Peru.',
      'It is not clear that Chile supplied weapons to Peru.',
      'It appears that Chile supplied weapons to Peru.',
      'The report raised the possibility that Chile supplied weapons to Peru.',
    ]) {
      const d = code(s);
      expect(asserted(d)).toEqual([]);
      expect(d.events.map((e) => [e.type, e.mode, e.hypothetical])).toEqual([['AID', 'possible', true]]);
    }
    // A factive or reporting frame asserts.
    expect(asserted(code('It is clear that Chile supplied weapons to Peru.'))).toEqual(['AID']);
    expect(asserted(code('France said that Chile supplied weapons to Peru.'))).toEqual(['AID']);
  });
  it('accepting an invitation commits to the act invited to, which is still to come', () => {
    for (const s of [
      'The Chilean president accepted an invitation to visit Peru.',
      "The Chilean president accepted Peru's invitation to visit Lima.",
    ]) {
      const d = code(s);
      expect(asserted(d)).toEqual([]);
      expect(d.events.find((e) => e.type === 'AGREE')?.mode).toBe('intent');
    }
    // Agreeing to act stays the agreement itself.
    expect(asserted(code('Chile agreed to release the sailors.'))).toEqual(['AGREE']);
  });
  it('an event noun that a verb of violating or complying presupposes is a regime in force, no act', () => {
    for (const s of [
      'Any arms deal would violate UN sanctions.',
      'Chile evaded UN sanctions on oil.',
      'Peru complied with the sanctions.',
      'The shipment was in violation of the embargo.',
    ])
      expect(types(code(s, [['UN', 'ORG']]))).toEqual([]);
    // Imposing them is the act.
    expect(types(code('The United States imposed sanctions on Iran.'))).toEqual(['SANCTION']);
  });
});

describe('giving a thing said is speech, whatever the word', () => {
  it('a noun derived from a verb of communication or judging after a giving verb is no aid or commitment', () => {
    for (const s of [
      'The Chilean envoy offered an assessment of the plan.',
      'The Chilean minister gave a description of the plan to Peru.',
      'Chile provided confirmation of the plan to Peru.',
    ])
      expect(types(code(s))).toEqual([]);
    // Material things given stay aid.
    expect(types(code('Chile provided weapons to Peru.'))).toEqual(['AID']);
    expect(types(code('Chile provided assistance to Peru.'))).toEqual(['AID']);
    expect(types(code('Chile provided equipment to Peru.'))).toEqual(['AID']);
  });
});

/** An invented article published on Thursday 2023-09-14, its time and events annotated. */
function dated(text: string): Doc {
  const doc = taggedDoc('t', text, []);
  doc.dateEvidence.push({ value: '2023-09-14', precision: 'day', from: 'url', evidence: 'url' });
  annotateTime(doc);
  annotateEvents(doc);
  return doc;
}

describe('an act told with a past time that has no calendar value is not dated to the article', () => {
  it('"years ago", "in the past" leave the act undated', () => {
    for (const s of [
      'Chile supplied weapons to Peru years ago.',
      'In the past, Chile supplied weapons to Peru.',
      'Chile supplied weapons to Peru in the past.',
    ]) {
      const e = dated(s).events.find((x) => x.type === 'AID');
      expect(e?.date).toBeNull();
    }
    // A recent span, a day named, or nothing at all: dated as before.
    expect(dated('Chile supplied weapons to Peru in the past few days.').events[0]?.date?.value).toBe('2023-09-14');
    expect(dated('Chile supplied weapons to Peru on Monday.').events[0]?.date?.value).toBe('2023-09-11');
    expect(dated('Chile supplied weapons to Peru.').events[0]?.date?.value).toBe('2023-09-14');
  });
});

describe('opinions, stances and remembered events are no acts', () => {
  it('agreeing that something is so is an opinion; agreeing on a course of action stays AGREE', () => {
    expect(types(code('The Chilean minister agrees that Peru has not done enough.'))).toEqual([]);
    expect(asserted(code('Chile agreed that the talks with Peru should resume.'))).toEqual(['AGREE']);
    expect(asserted(code('Chile agreed to release the sailors.'))).toEqual(['AGREE']);
  });
  it('a verb of attitude in the simple present with no party as its object is a standing position', () => {
    expect(types(code('Chile supports the plan.'))).toEqual([]);
    expect(types(code('The Chilean minister opposes higher taxes.'))).toEqual([]);
    // With a party as its object, or told as an occurrence in the past, it stays.
    expect(types(code("France supports Chile's bid for a seat."))).toEqual(['SUPPORT']);
    expect(types(code('Chile opposed the resolution on Monday.'))).toEqual(['REJECT']);
  });
  it('an event noun that is the object of a verb of mentioning or remembering is a topic, no act', () => {
    expect(types(code('The senator brought up the Lima bombing.', [['Lima', 'LOC']]))).toEqual([]);
    expect(types(code('Chile marked the anniversary of the attack on Peru.'))).toEqual([]);
    // Reported as news, the attack stays.
    expect(types(code('Chile condemned the attack on Peru.'))).toContain('ACCUSE');
    expect(types(code('Rebels attacked Peru.'))).toEqual(['ASSAULT']);
  });
});
