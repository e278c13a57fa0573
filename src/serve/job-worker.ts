import { parentPort, workerData } from 'node:worker_threads';
import { openDb } from '../store/index.js';
import { runSourceJob, type JobSettings, type SourceJob } from './source-jobs.js';

/** A Sources job on its own thread and its own connection, so fetching and analysis never hold up the server. */
export interface JobWorkerData {
  path: string;
  job: SourceJob;
  settings: JobSettings;
}

const { path, job, settings } = workerData as JobWorkerData;
const db = openDb(path);
try {
  parentPort!.postMessage(await runSourceJob(db, job, settings));
} finally {
  db.close();
}
