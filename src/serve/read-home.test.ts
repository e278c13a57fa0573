import { describe, expect, it } from 'vitest';
import { HOME_LOOKAHEAD, homeOf, takeFor } from './read-pool.js';

const task = (url: string) => ({ url, home: homeOf(url) });

describe("readers' homes", () => {
  it('give every page of a route one home, whatever its query', () => {
    const h = homeOf('/api/timeline?offset=0&limit=50');
    expect(homeOf('/api/timeline?offset=4950&limit=50')).toBe(h);
    expect(homeOf('/api/timeline?cursor=abc&limit=50')).toBe(h);
    expect(homeOf('/api/timeline')).toBe(h);
  });

  it('spread the lists over two readers (not all on one)', () => {
    const lists = ['articles', 'entities', 'events', 'quotes', 'timeline'].map((l) => homeOf(`/api/${l}`) % 2);
    expect(new Set(lists).size).toBe(2);
  });

  it('let a reader take the oldest request of its own routes, and the oldest of all when none is near', () => {
    const a = '/api/articles?offset=1';
    const b = [...'abcdefghij'].map((c) => `/api/x${c}`).find((u) => homeOf(u) % 2 !== homeOf(a) % 2)!;
    const mine = homeOf(a) % 2;
    const line = [task(`${b}?1`), task(`${b}?2`), task(a), task(`${a}0`)];
    expect(takeFor(line, mine, 2).url).toBe(a);
    expect(line.map((t) => t.url)).toEqual([`${b}?1`, `${b}?2`, `${a}0`]);
    expect(takeFor(line, 1 - mine, 2).url).toBe(`${b}?1`);
    expect(takeFor(line, mine, 2).url).toBe(`${a}0`);
    // Nothing of its own in line: the oldest, so that no reader waits idle while a request waits.
    expect(takeFor(line, mine, 2).url).toBe(`${b}?2`);
    expect(line).toEqual([]);
  });

  it('look only so far down the line', () => {
    const a = '/api/articles';
    const b = [...'abcdefghij'].map((c) => `/api/x${c}`).find((u) => homeOf(u) % 2 !== homeOf(a) % 2)!;
    const line = [...Array.from({ length: HOME_LOOKAHEAD }, (_, i) => task(`${b}?${i}`)), task(a)];
    expect(takeFor(line, homeOf(a) % 2, 2).url).toBe(`${b}?0`);
    // One reader: every request is its own.
    expect(takeFor(line, 0, 1).url).toBe(`${b}?1`);
  });
});

describe("a search's home", () => {
  it('is its query’s on a route kept per query, so that searches spread over the readers', () => {
    const search = (path: string) => path === '/api/search';
    const homes = new Set(Array.from({ length: 16 }, (_, i) => homeOf(`/api/search?q=word${i}&limit=20`, search) % 2));
    expect(homes.size).toBe(2);
    expect(homeOf('/api/search?q=word1&limit=20', search)).toBe(homeOf('/api/search?q=word1&limit=20', search));
    // Elsewhere the path alone.
    expect(homeOf('/api/articles?offset=5', search)).toBe(homeOf('/api/articles?offset=900', search));
  });
});
