import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestItem } from '../model/index.js';
import { jobId, planJobs, warcRanges, type PlannedJob } from './jobs.js';
import { jobItems } from './run-job.js';

function warcResponse(url: string, title: string): Buffer {
  const html = `<html><head><title>${title}</title></head><body><p>The body of ${title}, a made-up page.</p></body></html>`;
  const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`);
  const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${url}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('warcRanges', () => {
  it('cuts record offsets into ranges of N records that cover the file end to end', () => {
    expect(warcRanges([0, 10, 25, 40, 52], 70, 2)).toEqual([
      { start: 0, end: 25, records: 2 },
      { start: 25, end: 52, records: 2 },
      { start: 52, end: 70, records: 1 },
    ]);
    expect(warcRanges([0, 10], 30, 5)).toEqual([{ start: 0, end: 30, records: 2 }]);
    expect(warcRanges([], 0, 5)).toEqual([]);
  });
});

describe('planJobs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-plan-'));
  mkdirSync(join(dir, 'in', 'sub'), { recursive: true });
  writeFileSync(join(dir, 'in', 'a.txt'), 'First made-up dump.\n\nIts only paragraph.\n');
  writeFileSync(join(dir, 'in', 'sub', 'b.txt'), 'Second made-up dump.\n\nAnother paragraph.\n');
  // The same bytes as a.txt under another name: the same content key.
  writeFileSync(join(dir, 'copy-of-a.txt'), readFileSync(join(dir, 'in', 'a.txt')));
  const records = Array.from({ length: 5 }, (_, i) => warcResponse(`https://a.example/${i}`, `Page ${i}`));
  writeFileSync(join(dir, 'crawl.warc'), Buffer.concat(records));

  it('makes one job per file of a folder, walked as analyze walks it, keyed by content', async () => {
    const jobs = await collect(planJobs([join(dir, 'in'), join(dir, 'copy-of-a.txt')]));
    expect(jobs.map((j) => j.input)).toEqual([
      { kind: 'file', path: join(dir, 'in', 'a.txt') },
      { kind: 'file', path: join(dir, 'in', 'sub', 'b.txt') },
      { kind: 'file', path: join(dir, 'copy-of-a.txt') },
    ]);
    expect(jobs[2]!.key).toBe(jobs[0]!.key);
    expect(jobs[1]!.key).not.toBe(jobs[0]!.key);
    expect(jobId(jobs[0]!.key)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  it('cuts a plain WARC into ranges of N records whose pages together are the whole crawl, each once', async () => {
    const jobs: PlannedJob[] = await collect(planJobs([join(dir, 'crawl.warc')], { warcRecords: 2 }));
    expect(jobs.map((j) => (j.input.kind === 'warc' ? j.input.records : 0))).toEqual([2, 2, 1]);
    const pages: IngestItem[] = [];
    for (const j of jobs) pages.push(...(await collect(jobItems(j.input))));
    expect(pages.map((p) => (p.kind === 'page' ? p.url : p.kind))).toEqual(
      Array.from({ length: 5 }, (_, i) => `https://a.example/${i}`),
    );
    // Origins name offsets in the file, as when the whole crawl is read.
    const whole = await collect(jobItems({ kind: 'file', path: join(dir, 'crawl.warc') }));
    const origin = (p: IngestItem): string => (p.kind === 'article' ? p.article.origin : p.origin);
    expect(pages.map(origin)).toEqual(whole.map(origin));
    expect(pages.map(origin)[1]).toMatch(/crawl\.warc@[1-9]\d*$/);
    expect(new Set(jobs.map((j) => j.key)).size).toBe(3);
  });

  it('keeps a WARC of fewer records than N as one file job', async () => {
    const [job, ...rest] = await collect(planJobs([join(dir, 'crawl.warc')], { warcRecords: 10 }));
    expect(rest).toEqual([]);
    expect(job!.input).toEqual({ kind: 'file', path: join(dir, 'crawl.warc') });
  });

  it('makes a URL a page fetch, or a feed poll when told, keyed by the URL', async () => {
    const [page] = await collect(planJobs(['https://news.example/story']));
    const [feed] = await collect(planJobs(['https://news.example/feed.xml'], { feeds: true }));
    expect(page!.input).toEqual({ kind: 'page', url: 'https://news.example/story' });
    expect(feed!.input).toEqual({ kind: 'feed', url: 'https://news.example/feed.xml' });
    const [again] = await collect(planJobs(['https://news.example/story']));
    expect(again!.key).toBe(page!.key);
  });

  it('names a missing input', async () => {
    await expect(collect(planJobs([join(dir, 'nothing-here')]))).rejects.toThrow(/ENOENT/);
  });
});
