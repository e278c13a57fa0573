export {
  aliasFileFor,
  analyzeItems,
  analyzeInto,
  analyzePaths,
  resolveStore,
  type AnalyzeOptions,
  type AnalyzeProgress,
  type AnalyzeSummary,
} from './run.js';
export { analyzeArticle } from './pipeline.js';
export {
  ArticleCorrectionError,
  applyArticleCorrection,
  correctionArticles,
  dependentCorrections,
  isArticleCorrection,
  joinCorrection,
  joinId,
  joinRaw,
  keepArticleCorrections,
  replacedArticleIds,
  splitCorrection,
  splitIds,
  splitOffsets,
  splitRaws,
  undoArticleCorrection,
  type ArticleCorrection,
} from './article-corrections.js';
export { runStages, STAGES, stagesFor, type PipelineEnv, type PipelineStage } from './stages.js';
export { resolveCorpus } from './resolve-corpus.js';
export { eventHeadline } from './headline.js';
export { eventPlaces, type Place } from './places.js';
export {
  timeline,
  timelineEntries,
  timelinePage,
  timelinePageJson,
  actorNetwork,
  analyzeActivity,
  type TimelineDay,
  type ChronologyDay,
  type ChronologyEvent,
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
export {
  chronology,
  prepareCollection,
  DEFAULT_CHRONOLOGY,
  type PreparedCollection,
  type ChronologyArticle,
  type ChronologyOptions,
  type Citation,
  type TimelineEntry,
} from './chronology.js';
export {
  placeStories,
  pendingStoryArticles,
  forgetStoryArticles,
  redescribeStories,
  updateStories,
  updateStoriesOn,
  type PendingStoryArticle,
  type StoryUpdate,
} from './stories-update.js';
export {
  compareStory,
  countedNumbers,
  type StoryComparison,
  type Conflict,
  type Fact,
  type FactSentence,
} from './story-compare.js';
export { brief, briefMarkdown, type Brief, type BriefOptions, type BriefStory } from './brief.js';
