import type { ExportClaimGroup, ExportEntity } from '../model/index.js';
import {
  ActorTally,
  ClaimGrouper,
  claimGroupId,
  resolveActors,
  type AliasFile,
  type KeyStats,
} from '../resolve/index.js';
import { actorArticleCounts, actorSurfaces, claimLoader, claimsForGrouping, type Db } from '../store/index.js';

/**
 * The corpus's actors, and claim groups across articles, resolved from the store. Neither needs the event
 * mentions, so `resolveCorpus` runs them on a worker thread (its own read-only connection) while it reads those.
 */

export interface ResolvedEntities {
  entities: ExportEntity[];
  /** actor key → entity id */
  actorKeys: Map<string, string>;
}

function bump(map: Map<string, number>, key: string, n: number): void {
  map.set(key, (map.get(key) ?? 0) + n);
}

/** The resolver's tally, built from store aggregates (never every mention in memory). */
function tallyFromStore(db: Db): ActorTally {
  const tally = new ActorTally();
  const articles = actorArticleCounts(db);
  for (const row of actorSurfaces(db)) {
    let s: KeyStats | undefined = tally.stats.get(row.actorKey);
    if (!s) {
      s = {
        key: row.actorKey,
        mentions: 0,
        articles: articles.get(row.actorKey) ?? 1,
        types: new Map(),
        surfaces: new Map(),
        canonicals: new Map(),
        roles: new Map(),
        affiliations: new Map(),
      };
      tally.stats.set(row.actorKey, s);
    }
    s.mentions += row.count;
    s.types.set(row.type, (s.types.get(row.type) ?? 0) + row.count);
    if (row.canonical) bump(s.canonicals, row.canonical, row.count);
    // A capital standing for its state or a demonym counts for the actor but is not one of its names.
    if (!row.metonym && row.type !== 'NORP') bump(s.surfaces, row.text, row.count);
    if (row.role && row.type === 'PERSON') bump(s.roles, row.role, row.count);
    if (row.affiliation && row.affiliation !== row.actorKey) bump(s.affiliations, row.affiliation, row.count);
  }
  return tally;
}

export function resolveEntities(db: Db, aliases: AliasFile): ResolvedEntities {
  const resolved = resolveActors(tallyFromStore(db), aliases);
  const entities: ExportEntity[] = resolved.actors.map((a) => ({
    id: a.id,
    name: a.name,
    type: a.type,
    aliases: a.aliases,
    mentions: a.mentions,
    code: a.code || null,
    roles: a.roles,
  }));
  const actorKeys = new Map<string, string>();
  for (const [key, actor] of resolved.byKey) actorKeys.set(key, actor.id);
  return { entities, actorKeys };
}

/**
 * Claims about the same proposition across articles, with actor keys read as the resolved entities. Claims
 * stream from the store into the packed grouper; only the grouped ones are read back, for their ids.
 */
export function resolveClaimGroups(db: Db, actorKeys: ReadonlyMap<string, string>): ExportClaimGroup[] {
  const entityOf = (key: string): string => actorKeys.get(key) ?? key;
  const grouper = new ClaimGrouper();
  const refs: number[] = [];
  for (const c of claimsForGrouping(db)) {
    grouper.add(c.proposition, c.claimantKey ? entityOf(c.claimantKey) : null, c.stance, c.targetKeys.map(entityOf));
    refs.push(c.ref);
  }
  const load = claimLoader(db);
  return grouper.finish().map(({ seed, members }) => {
    const claims = members.map((i) => load(refs[i]!));
    const ids = claims.map((c) => c.id);
    return { id: claimGroupId(ids), proposition: claims[members.indexOf(seed)]!.proposition, claimIds: ids };
  });
}
