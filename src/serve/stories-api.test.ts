import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SummitApp, summitApp } from '../../test/summit-app.js';
import type { ServedApp } from './app.js';

let served: SummitApp | undefined;
let app: ServedApp;

beforeAll(async () => {
  served = await summitApp();
  app = served.app;
}, 120_000);

afterAll(() => served?.close());

async function json(path: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await app.request(path);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('/api/stories', () => {
  it('pages the stories, largest first', async () => {
    const { status, body } = await json('/api/stories?offset=0&limit=1');
    expect(status).toBe(200);
    expect(body.total).toBe(2);
    const items = body.items as Array<{ title: string; articles: number; outlets: string[] }>;
    expect(items).toHaveLength(1);
    expect(items[0]!.articles).toBe(3);
    expect(items[0]!.title).toMatch(/Corvel/);
    const second = await json('/api/stories?offset=1&limit=1');
    expect((second.body.items as Array<{ articles: number }>)[0]!.articles).toBe(2);
    expect((await json('/api/stories?offset=-1')).status).toBe(400);
  });

  it('gives one story with its summary and outlet comparison, or 404', async () => {
    const list = (await json('/api/stories')).body.items as Array<{ id: string }>;
    const { status, body } = await json(`/api/stories/${list[0]!.id}`);
    expect(status).toBe(200);
    expect(body.summary).toMatch(/\[1\]/);
    const comparison = body.comparison as {
      outlets: Array<{ outlet: string }>;
      conflicts: Array<{
        kind: string;
        sides: Array<{ says: string; stance?: string; sentence: { articleId: string } }>;
      }>;
    };
    expect(comparison.outlets.map((o) => o.outlet)).toEqual(['Harbourline', 'River Post', 'East Gazette']);
    // Both outlets' assertions of the delivery and the denial, side by side in one conflict.
    expect(comparison.conflicts.find((c) => c.kind === 'claim')?.sides.map((s) => s.stance)).toEqual([
      'asserts',
      'asserts',
      'denies',
    ]);
    expect((await json('/api/stories/nope')).status).toBe(404);
  });
});
