export { ActorTally, resolveActors, summarizeDoc, entityId, type ArticleActors, type KeyStats, type ResolvedActor, type ResolvedActors } from './actors.js';
export { loadAliasFile, parseAliasFile, emptyAliasFile, AliasFileError, isActorKey, type AliasFile, type AliasMerge } from './aliases.js';
export { groupClaims, contentWords, stem, type GroupableClaim, type ClaimGroup } from './claims.js';
