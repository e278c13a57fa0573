export {
  planJobs,
  warcRanges,
  jobId,
  describeInput,
  DEFAULT_WARC_RECORDS,
  type JobInput,
  type PlannedJob,
  type SplitOptions,
} from './jobs.js';
export { runJob, runCorpusJob, jobItems, type JobOutcome, type RunJobOptions } from './run-job.js';
export {
  WorkQueue,
  ARTICLE_QUEUE,
  CORPUS_QUEUE,
  QUEUE_SCHEMA,
  JOB_DEFAULTS,
  type JobSettings,
  type QueueOptions,
  type QueueStatus,
  type QueuedJob,
  type JobState,
} from './queue.js';
