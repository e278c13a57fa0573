export {
  aliasFileFor,
  analyzeItems,
  analyzePaths,
  type AnalyzeOptions,
  type AnalyzeProgress,
  type AnalyzeSummary,
} from './run.js';
export { analyzeArticle, STAGES } from './pipeline.js';
export { resolveCorpus } from './resolve-corpus.js';
export {
  timeline,
  timelinePage,
  actorNetwork,
  analyzeActivity,
  type TimelineDay,
  type NetworkEdge,
  type NetworkRange,
} from './views.js';
export {
  pollFeeds,
  watchFeeds,
  nextDueIn,
  parseInterval,
  type WatchOptions,
  type PollRound,
  type FeedPoll,
} from './watch.js';
