import { describe, expect, it } from 'vitest';
import { claimConflicts } from './story-compare.js';

/** A claim as the comparison sees it: an article, a proposition and its content words. */
const claim = (articleId: string, proposition: string) => ({
  articleId,
  proposition,
  stems: new Set(proposition.toLowerCase().split(' ')),
  sentence: { articleId },
});

describe('claim conflicts', () => {
  it('puts an assertion in one conflict, even when a later denial also matches another proposition', () => {
    const missiles = claim('a1', 'ardania supplied missiles to belmark');
    const drones = claim('a2', 'ardania sold drones to corvel');
    const denyMissiles = claim('d1', 'ardania supplied missiles to belmark');
    const denyDrones = claim('d2', 'ardania sold drones to corvel');
    // Over a third of its words are in each proposition (as many in each: the first one takes it).
    const denyBoth = claim('d3', 'ardania supplied missiles sold drones');
    const entries = claimConflicts([denyMissiles, denyDrones, denyBoth], [missiles, drones]);
    const ids = entries.map((e) => ({
      asserts: e.asserts.map((x) => x.articleId),
      denies: e.denies.map((x) => x.articleId),
    }));
    expect(ids).toEqual([
      { asserts: ['a1'], denies: ['d1', 'd3'] },
      { asserts: ['a2'], denies: ['d2'] },
    ]);
  });

  it('gathers every denial of one proposition in one conflict', () => {
    const a = claim('a1', 'ardania supplied missiles to belmark');
    const b = claim('a2', 'ardania supplied missiles to belmark army');
    const entries = claimConflicts(
      [claim('d1', 'ardania supplied missiles to belmark'), claim('d2', 'ardania supplied any missiles to belmark')],
      [a, b],
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]!.asserts).toEqual([a, b]);
    expect(entries[0]!.denies.map((x) => x.articleId)).toEqual(['d1', 'd2']);
  });
});
