import { describe, expect, it } from 'vitest';
import type { Doc } from '../model/index.js';
import { codeEvents } from './test-doc.js';

const sides = (doc: Doc) =>
  doc.events.map(
    (e) => `${e.type} ${e.source.map((a) => a.name).join('+')} → ${e.target.map((a) => a.name).join('+')}`,
  );

describe('every side names an actor', () => {
  it('an unresolved pronoun alone on one side is left out', () => {
    const doc = codeEvents('They attacked Anna Berg on Monday.', [['Anna Berg', 'PER']]);
    const e = doc.events.find((x) => x.type === 'ASSAULT');
    expect(e?.source).toEqual([]);
    expect(e?.target.map((a) => a.name)).toEqual(['Anna Berg']);
  });
  it('an agent noun with no state stays as an agent-only actor, as PETRARCH codes ---GOV', () => {
    const doc = codeEvents('Officials arrested Anna Berg on Monday.', [['Anna Berg', 'PER']]);
    const e = doc.events.find((x) => x.type === 'COERCE');
    expect(e?.source.map((a) => [a.name, a.code, a.actorKey])).toEqual([['Officials', 'GOV', null]]);
    expect(e?.attributes.unnamedSource).toBeUndefined();
  });
  it('an event with no actor on either side is not coded', () => {
    expect(codeEvents('They attacked them on Monday.').events).toEqual([]);
  });
  it('a definite description refers back to the name it was introduced with', () => {
    const doc = codeEvents('President Anna Berg arrived on Monday. The president criticized Chile.', [
      ['Anna Berg', 'PER'],
    ]);
    expect(sides(doc)).toContain('ACCUSE Anna Berg → Chile');
  });
  it('a description with no earlier name of that kind stays an agent, not guessed', () => {
    const doc = codeEvents('The president criticized Chile.');
    expect(doc.events.map((e) => e.source.map((a) => [a.code, a.actorKey]))).toEqual([[['GOV', null]]]);
  });
  it("a place phrase inside the subject names the group's country", () => {
    const doc = codeEvents('Opposition parties in Chile have organized a strike against the government.');
    const e = doc.events.find((x) => x.type === 'PROTEST');
    expect(e?.source[0]?.code).toBe('CHLOPP');
    expect(e?.source[0]?.actorKey).toBe('country:CHL');
  });
  it('after the verb a place phrase is where it happened, not whose the group is', () => {
    const doc = codeEvents('Anna Berg praised students in Chile.', [['Anna Berg', 'PER']]);
    expect(doc.events.flatMap((e) => e.target.map((a) => a.actorKey))).not.toContain('country:CHL');
  });
});
