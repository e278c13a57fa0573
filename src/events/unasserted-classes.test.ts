import { describe, expect, it } from 'vitest';
import { codeEvents, eventTypes as types, assertedTypes as asserted } from './test-doc.js';

const code = codeEvents;

// Classes of mentions that report no act done, each with a counterpart that must still code as before.
describe('acts that are tried, directed or summed up are not asserted', () => {
  it('"seek to" + a verb is trying, not a request; the act tried is intended', () => {
    expect(types(code('The French government sought to restore the old treaty with Chile.'))).not.toContain('REQUEST');
    const d = code('The French government sought to impose sanctions on Chile.');
    expect(types(d)).not.toContain('REQUEST');
    expect(asserted(d)).toEqual([]);
    expect(d.events.length).toBeGreaterThan(0);
    // Seeking something from a party stays a request.
    expect(types(code('France sought talks with Chile.'))).toEqual(['REQUEST']);
  });
  it('the infinitive of a directive is asked for, not done', () => {
    // With its object, the directive is a REQUEST whose content is the act asked for (as "urged X to …").
    for (const s of ['France told Chile to free the prisoners.', 'France ordered Chile to free the prisoners.']) {
      const d = code(s);
      expect(types(d)).toEqual(['REQUEST']);
      expect(d.events[0]!.attributes.action).toBe('RETREAT');
    }
    // A passive directive with no one asking: the act asked for is coded, unasserted.
    expect(
      code('Chile was ordered to free the prisoners.').events.find((e) => e.type === 'RETREAT')?.hypothetical,
    ).toBe(true);
    // An implicative verb entails its complement: the release happened.
    expect(asserted(code('France forced Chile to free the prisoners.'))).toContain('RETREAT');
    expect(asserted(code('Chile freed the prisoners.'))).toContain('RETREAT');
  });
  it('a count of acts over a period is no single event', () => {
    expect(
      types(code('The Chilean army has carried out about 100 attacks on rebels since the start of the year.')),
    ).toEqual([]);
    expect(types(code('The Chilean army carried out dozens of raids on rebel camps over the past month.'))).toEqual([]);
    // A count without a span, or a span without a count, reports acts.
    expect(types(code('The Chilean army carried out two attacks on rebels on Monday.'))).toEqual(['ASSAULT']);
    expect(types(code('The Chilean army has carried out an attack on rebels since the talks ended.'))).toEqual([
      'ASSAULT',
    ]);
  });
});

describe('capturing a thing seizes no one', () => {
  it('a capture with no person or place taken is no coercion', () => {
    expect(types(code('The French company is capturing oil through a new pipe.'))).toEqual([]);
    // Capturing persons stays COERCE (CAMEO 17).
    expect(types(code('Chilean troops captured two rebels.'))).toEqual(['COERCE']);
  });
});

describe('a directive reaches only its own infinitive', () => {
  it('not an infinitive of continuing, nor the act later done', () => {
    // "went on to" continues the subject's own course: the attack happened.
    const d = code('French troops who were ordered out of Chile went on to attack the Chilean embassy.');
    expect(asserted(d)).toContain('ASSAULT');
    // The withdrawal asked for (the order's content) and the withdrawal done are two records.
    const w = code('France ordered its troops to withdraw, and they withdrew from Chile on Monday.');
    expect(asserted(w)).toEqual(['REQUEST', 'RETREAT']);
    expect(w.events.find((e) => e.type === 'REQUEST')?.attributes.action).toBe('RETREAT');
    // Counterpart: the directive's own infinitive is its content, not a withdrawal done.
    expect(asserted(code('France ordered its troops to withdraw from Chile.'))).toEqual(['REQUEST']);
  });
});

describe('the means of an expected act is expected too', () => {
  it('"expected X to respond by releasing" asserts no release', () => {
    const d = code('Officials expected the Chilean navy to respond by releasing the trawler.');
    expect(d.events.length).toBeGreaterThan(0);
    expect(asserted(d)).toEqual([]);
    // Counterpart: a "by" gerund of an asserted act is asserted ("responded by releasing").
    expect(asserted(code('The Chilean navy responded by releasing the trawler.'))).toContain('RETREAT');
  });
});

describe('an obligation is not an act done', () => {
  it('"must be released" asserts no release', () => {
    const d = code('The navy said the 12 fishermen must be released within two days.');
    expect(d.events.length).toBeGreaterThan(0);
    expect(asserted(d)).toEqual([]);
    // Counterpart: "were released" is a release done.
    expect(asserted(code('The navy said the 12 fishermen were released on Monday.'))).toContain('RETREAT');
  });
});
