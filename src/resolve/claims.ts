import { createHash } from 'node:crypto';
import type { ClaimStance } from '../model/index.js';
import { ClaimGrouper, type ClaimGrouperOptions } from './claim-grouper.js';

export { contentWords, stem } from './claim-words.js';

/** A claim as the grouper reads it (actor keys already resolved to entities). */
export interface GroupableClaim {
  id: string;
  proposition: string;
  claimantKey: string | null;
  stance: ClaimStance;
  targetKeys: string[];
}

export interface ClaimGroup {
  id: string;
  proposition: string;
  claimIds: string[];
}

/** A group's stable id: from its member claims' ids, whatever their order. */
export function claimGroupId(claimIds: readonly string[]): string {
  return `clg_${createHash('sha1')
    .update([...claimIds].sort().join('\n'))
    .digest('hex')
    .slice(0, 12)}`;
}

/** Group claims held in memory (see ClaimGrouper; the corpus resolver streams them from the store instead). */
export function groupClaims(claims: readonly GroupableClaim[], options: ClaimGrouperOptions = {}): ClaimGroup[] {
  const grouper = new ClaimGrouper(options);
  for (const c of claims) grouper.add(c.proposition, c.claimantKey, c.stance, c.targetKeys);
  return grouper.finish().map(({ seed, members }) => {
    const ids = members.map((i) => claims[i]!.id);
    return { id: claimGroupId(ids), proposition: claims[seed]!.proposition, claimIds: ids };
  });
}
