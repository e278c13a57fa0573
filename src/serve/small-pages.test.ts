import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { smallListPage } from './app.js';

/** Whether the request thread answers a GET of `path` itself (true) or hands it to a reader (false). */
const local = async (path: string, method = 'GET'): Promise<boolean> => {
  const app = new Hono().all('*', (c) => c.json(smallListPage(c)));
  return (await (await app.request(path, { method })).json()) as boolean;
};

describe('which pages the request thread answers itself', () => {
  it('small unfiltered pages of the key-paged lists, by offset or cursor', async () => {
    for (const list of ['articles', 'entities', 'events', 'quotes']) {
      expect(await local(`/api/${list}`)).toBe(true);
      expect(await local(`/api/${list}?offset=5000&limit=100`)).toBe(true);
      expect(await local(`/api/${list}?cursor=WyJhcnRpY2xlcyIsbnVsbCwxXQ&limit=50`)).toBe(true);
    }
  });

  it('not deep, long, filtered or exactly counted pages, other routes, nor anything but a GET', async () => {
    for (const path of [
      '/api/articles?offset=5001',
      '/api/events?limit=101',
      '/api/events?offset=1e9',
      '/api/quotes?offset=-1',
      '/api/events?type=MEET',
      '/api/articles?outlet=x',
      '/api/entities?type=PERSON',
      '/api/quotes?count=exact',
      '/api/timeline',
      '/api/claims',
      '/api/search?q=x',
      '/api/articles/some-id',
    ])
      expect(await local(path), path).toBe(false);
    expect(await local('/api/articles', 'POST')).toBe(false);
  });
});
