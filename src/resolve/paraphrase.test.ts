import { describe, expect, it } from 'vitest';
import { ClaimGrouper } from './claim-grouper.js';
import { groupClaims } from './claims.js';

const said = (id: string, proposition: string) => ({
  id,
  proposition,
  claimantKey: `person:${id}`,
  stance: 'asserts' as const,
  targetKeys: [],
});

describe('paraphrase through WordNet concepts', () => {
  // "ignore" and "disregard" share their most frequent WordNet sense: with a paraphrase weight the two reports meet.
  const claims = [
    said('a', 'Lund ignored the rules'),
    said('b', 'Lund disregarded rules the port authority wrote for winter sailing'),
  ];

  it('links claims that share a synonym only when the paraphrase weight is above zero', () => {
    expect(groupClaims(claims, { paraphrase: 0 })).toEqual([]);
    expect(groupClaims(claims, { paraphrase: 1 }).map((g) => g.claimIds)).toEqual([['a', 'b']]);
  });

  it('does not link words whose concepts differ', () => {
    const apart = [
      said('a', 'Lund ignored the rules'),
      said('b', 'Lund praised rules the port authority wrote for winter sailing'),
    ];
    expect(groupClaims(apart, { paraphrase: 1 })).toEqual([]);
  });

  it('never meets a name through a concept', () => {
    const g = new ClaimGrouper({ paraphrase: 1 });
    g.add('Lund ignored the rules', null, 'asserts', []);
    g.add('Lund met Disregard about rules the port authority wrote for winter sailing', null, 'asserts', []);
    expect(g.finish()).toEqual([]);
  });
});
