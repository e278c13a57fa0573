import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SummitApp, summitApp } from '../../test/summit-app.js';
import { createApp, type ServedApp } from './app.js';

/** The download's own policy: its inline <style>, nothing else (no script, not even same-origin). */
const BRIEF_CSP = "default-src 'none'; style-src 'unsafe-inline'";

let served: SummitApp | undefined;
let app: ServedApp;

beforeAll(async () => {
  served = await summitApp();
  app = served.app;
}, 120_000);

afterAll(() => served?.close());

interface BriefBody {
  since?: string;
  stories: Array<{ id: string; developments: Array<{ sentences: Array<{ cite: number; new?: boolean }> }> }>;
  citations: Array<{ n: number; articleId: string }>;
  articles: Record<string, { outlet: string | null; title: string; published: string | null }>;
}

describe('/api/brief', () => {
  it('answers the brief as JSON, with the cited articles named', async () => {
    const res = await app.request('/api/brief');
    expect(res.status).toBe(200);
    const b = (await res.json()) as BriefBody;
    expect(b.stories).toHaveLength(2);
    expect(b.citations.length).toBeGreaterThan(0);
    for (const c of b.citations) expect(b.articles[c.articleId]?.title).toBeTruthy();
    const one = (await (
      await app.request(`/api/brief?story=${b.stories[0]!.id}&since=2031-05-05`)
    ).json()) as BriefBody;
    expect(one.stories.map((s) => s.id)).toEqual([b.stories[0]!.id]);
    expect(one.since).toBe('2031-05-05');
    expect(one.stories[0]!.developments.flatMap((d) => d.sentences).some((x) => typeof x.new === 'boolean')).toBe(true);
  });

  it('refuses bad parameters and an unknown story', async () => {
    expect((await app.request('/api/brief?from=May')).status).toBe(400);
    expect((await app.request('/api/brief?since=2031-5-5')).status).toBe(400);
    expect((await app.request('/api/brief?from=2031-02-30')).status).toBe(400);
    expect((await app.request('/api/brief?to=2031-13-01')).status).toBe(400);
    expect((await app.request('/api/brief?story=a&query=b')).status).toBe(400);
    expect((await app.request('/api/brief?story=nope')).status).toBe(404);
  });

  it('downloads the same brief as a standalone HTML document', async () => {
    const res = await app.request('/api/brief.html?query=summit');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="sitrep-brief.html"');
    expect(res.headers.get('content-security-policy')).toBe(BRIEF_CSP);
    // Every other secure header is kept, and the rest of the API keeps the app's policy.
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect((await app.request('/api/brief')).headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    // A second asking (perhaps from the response cache) keeps it too.
    expect((await app.request('/api/brief.html?query=summit')).headers.get('content-security-policy')).toBe(BRIEF_CSP);
    const html = await res.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<h2>Citations</h2>');
    expect(html).not.toMatch(/<script/i);
    expect((await app.request('/api/brief.html?to=x')).status).toBe(400);
  });

  it('answers the same through a reader thread, the download keeping its headers', async () => {
    const pooled = createApp(served!.db, { readers: 1 });
    try {
      const direct = await (await app.request('/api/brief?since=2031-05-05')).json();
      expect(await (await pooled.request('/api/brief?since=2031-05-05')).json()).toEqual(direct);
      const res = await pooled.request('/api/brief.html');
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="sitrep-brief.html"');
      expect(res.headers.get('content-type')).toMatch(/^text\/html/);
      expect(res.headers.get('content-security-policy')).toBe(BRIEF_CSP);
    } finally {
      pooled.stopWorkers();
    }
  });
});
