export {
  ActorTally,
  resolveActors,
  summarizeDoc,
  entityId,
  type ArticleActors,
  type KeyStats,
  type ResolvedActor,
  type ResolvedActors,
} from './actors.js';
export {
  loadAliasFile,
  parseAliasFile,
  emptyAliasFile,
  AliasFileError,
  isActorKey,
  type AliasFile,
  type AliasMerge,
} from './aliases.js';
export { groupClaims, claimGroupId, contentWords, stem, type GroupableClaim, type ClaimGroup } from './claims.js';
export { ClaimGrouper, type ClaimCluster } from './claim-grouper.js';
export { minhash, shingles, signature, similarity, textHash, words, SIGNATURE_SIZE } from './minhash.js';
export { type IndexedSignature, LshIndex, type LshOptions, type NearDuplicate } from './lsh.js';
export { Deduplicator, type DedupVerdict, type Fingerprint, type KnownArticle, type StoredCandidate } from './dedup.js';
export {
  mergeEvents,
  exportEvent,
  EventMerger,
  eventMergeKey,
  mayMeet,
  compatibleDates,
  type MergeKey,
  type EventActorRef,
  type EventMentionCore,
  type EventMentionRecord,
  type MergedEvent,
} from './events.js';
export { EventMentionTable, type StoredMention } from './event-table.js';
export { namedWeekday, storyFeatures, termCounts, type StoryFeatures, type StorySource } from './story-features.js';
export {
  StoryClusterer,
  clusterStories,
  DEFAULT_STORY_OPTIONS,
  usesFacts,
  loneConflictWith,
  storyVectors,
  storyKeys,
  pairScore,
  storyScore,
  rangePenalty,
  hashOf,
  type Story,
  type StoryOptions,
  type StoryVectors,
} from './stories.js';
export { SparseVector, DocumentFrequencies, weigh, topKeys } from './sparse.js';
export {
  aliasFileWithCorrections,
  correctionsAliasFile,
  aliasFileCorrections,
  applyEventCorrections,
  type CorrectionActors,
} from './corrections.js';
