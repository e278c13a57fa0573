import { describe, expect, it } from 'vitest';
import type { Doc } from '../model/index.js';
import { codeEvents } from './test-doc.js';

const states: [string, string][] = [
  ['Ardavia', 'LOC'],
  ['Belmar', 'LOC'],
  ['Corvin', 'LOC'],
];
const code = (text: string) => codeEvents(text, states);
const flags = (doc: Doc) =>
  doc.events.map((e) => `${e.type}${e.mode ? `/${e.mode}` : ''}${e.hypothetical ? ' HYP' : ''} [${e.trigger.text}]`);
const asserted = (doc: Doc) => doc.events.filter((e) => !e.mode && !e.negated && !e.hypothetical);

describe('acts that are planned, offered, asked for or talked about are not asserted', () => {
  it('the gerund a discussion is about is a topic, not an act', () => {
    const doc = code('Ardavia would discuss supplying weapons to Belmar at the meeting.');
    expect(asserted(doc).map((e) => e.type)).not.toContain('AID');
    expect(doc.events.find((e) => e.type === 'AID')?.mode).toBe('possible');
    const talked = code('Ardavia talked about imposing sanctions on Belmar.');
    expect(asserted(talked).map((e) => e.type)).not.toContain('SANCTION');
  });
  it('a suggested or proposed act is an intention', () => {
    const doc = code('Ardavia proposed sending aid to Belmar.');
    expect(asserted(doc)).toEqual([]);
    expect(doc.events[0]?.mode).toBe('intent');
  });
  it('the act an invitation, a plan or a call is for has not happened', () => {
    const invited = code('Ardavia accepted an invitation to visit Belmar later this year.');
    expect(flags(invited).some((f) => f.startsWith('CONSULT [visit]'))).toBe(false);
    const planned = code('Ardavia announced a plan to deploy troops to Belmar.');
    expect(asserted(planned).map((e) => e.type)).not.toContain('MOBILIZE');
  });
  it('offering, pledging or vowing is a commitment to act later', () => {
    const offered = code('Ardavia offered to mediate between Belmar and Corvin.');
    expect(offered.events.map((e) => [e.type, e.mode])).toEqual([['AGREE', 'intent']]);
    const pledged = code('Ardavia pledged to send food to Belmar.');
    expect(asserted(pledged)).toEqual([]);
  });
  it('a vow to do harm is a threat', () => {
    const doc = code('Ardavia vowed to attack Belmar.');
    expect(doc.events.map((e) => [e.type, e.mode])).toEqual([['THREATEN', 'intent']]);
  });
  it('preparing, wanting and being scheduled to act are intentions', () => {
    expect(asserted(code('Ardavia is preparing to invade Belmar.'))).toEqual([]);
    expect(asserted(code('Ardavia is scheduled to meet Belmar on Friday.'))).toEqual([]);
    expect(asserted(code('Ardavia wants to attack Belmar.'))).toEqual([]);
  });
  it('an act that was done stays asserted', () => {
    expect(asserted(code('Ardavia sent food to Belmar.')).map((e) => e.type)).toEqual(['AID']);
    expect(asserted(code('Ardavia agreed to hold talks with Belmar.')).map((e) => e.type)).toEqual(['AGREE']);
  });
  it('a rumour or an unconfirmed report is not vouched for', () => {
    const doc = code('Rumours say Ardavia executed the envoy of Belmar years ago.');
    expect(doc.events.length).toBeGreaterThan(0);
    expect(asserted(doc)).toEqual([]);
    expect(asserted(code('Ardavia attacked Belmar, according to unconfirmed reports.'))).toEqual([]);
    expect(asserted(code('Ardavia attacked Belmar, officials said.')).length).toBe(1);
  });
  it('a rumour that an act is about or done to does not make the act hearsay', () => {
    // The rumour is what the men spread, the object of the act, not the source it is told from.
    const spread = code('Police detained four men for spreading rumours about the flood.');
    expect(spread.events.map((e) => e.type)).toContain('COERCE');
    expect(spread.events.filter((e) => e.mode === 'possible' || e.hypothetical)).toEqual([]);
    // Speculation that was dismissed frames neither the dismissal nor what the speaker then says happened.
    const dismissed = code('Ardavia dismissed speculation about a coup and said its troops attacked the rebel camp.');
    expect(dismissed.events.map((e) => e.type)).toEqual(['REJECT', 'ASSAULT']);
    expect(asserted(dismissed)).toHaveLength(2);
  });
  it('hearsay that heads the frame of the act is not vouched for', () => {
    expect(asserted(code('Unconfirmed reports said Ardavia attacked Belmar.'))).toEqual([]);
    const rumoured = code('Ardavia is rumoured to have attacked Belmar.');
    expect(rumoured.events.length).toBeGreaterThan(0);
    expect(asserted(rumoured)).toEqual([]);
  });
  it('giving an abstract thing is speech, not aid', () => {
    expect(code('Ardavia provides an example of how Belmar could grow.').events.map((e) => e.type)).not.toContain(
      'AID',
    );
    expect(code('Ardavia gave Belmar a chance to reply.').events.map((e) => e.type)).not.toContain('AID');
    expect(code('Ardavia gave Belmar food and medicine.').events.map((e) => e.type)).toContain('AID');
  });
});
