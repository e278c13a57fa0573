import { hc, type InferResponseType } from 'hono/client';
import type { QueueApi } from '../queue-routes.js';
import { apiHeaders } from './client.js';
import { el } from './dom.js';

/** The job queue's client, typed by its routes (`queue-routes.ts`), with the store's token like every request. */
const jobsClient = hc<QueueApi>(new URL('/api/jobs', location.origin).href, { headers: apiHeaders });

type JobsAnswer = InferResponseType<typeof jobsClient.index.$get, 200>;
type Job = JobsAnswer['jobs'][number];

function counts(s: NonNullable<JobsAnswer['status']>): string {
  const rate = s.articlesPerSecond === null ? 'no job finished lately' : `${s.articlesPerSecond.toFixed(1)} articles/s`;
  return `queued ${s.queued} · running ${s.running} · done ${s.done} · failed ${s.failed} · ${rate}`;
}

function jobRow(job: Job, refresh: () => void): HTMLTableRowElement {
  const action = el('td', {});
  if (job.state === 'failed') {
    const retry = el('button', { type: 'button', class: 'retry-job' }, 'Retry');
    retry.addEventListener('click', () => {
      retry.disabled = true;
      // A write: JSON with the token, as the guard wants it (the route reads no body).
      const url = jobsClient[':id'].retry.$url({ param: { id: job.id } });
      void fetch(url, {
        method: 'POST',
        headers: { ...apiHeaders, 'Content-Type': 'application/json' },
        body: '{}',
      }).finally(refresh);
    });
    action.append(retry);
  }
  const detail =
    job.state === 'done' && job.outcome
      ? `${job.outcome.added} new, ${job.outcome.skipped} already stored`
      : (job.error ?? '');
  return el(
    'tr',
    { class: `job-row job-${job.state}` },
    el('td', { class: 'job-state' }, job.state),
    el('td', {}, job.label),
    el('td', {}, String(job.attempts)),
    el('td', { class: job.state === 'failed' ? 'warning' : 'meta' }, detail),
    action,
  );
}

/**
 * The job queue's panel of the Sources view: counts, the rate of stored articles, quarantined jobs with a Retry
 * button and the latest others. Nothing when the server has no queue.
 */
export async function queuePanel(): Promise<HTMLElement> {
  const box = el('section', { id: 'job-queue' });
  const draw = async (): Promise<void> => {
    const res = await jobsClient.index.$get();
    if (!res.ok) return;
    const data = await res.json();
    if (!data.configured || !data.status) {
      box.replaceChildren();
      return;
    }
    box.replaceChildren(
      el('h3', {}, 'Job queue'),
      el('p', { class: 'meta', id: 'job-counts' }, counts(data.status)),
      data.jobs.length === 0
        ? el('p', { class: 'empty' }, 'No jobs yet: add some with sitrep enqueue.')
        : el(
            'table',
            { class: 'jobs' },
            el(
              'tr',
              {},
              el('th', {}, 'state'),
              el('th', {}, 'input'),
              el('th', {}, 'attempts'),
              el('th', {}, ''),
              el('th', {}, ''),
            ),
            ...data.jobs.map((j) => jobRow(j, () => void draw())),
          ),
    );
  };
  await draw();
  return box;
}
