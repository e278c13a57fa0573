import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/ingest/test-server.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');

function sitrep(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const para = (topic: string, n: number): string =>
  `<p>Officials in the city of ${topic} said on Monday that work on the new bridge project had reached stage ${n}, ` +
  `and that traffic would be diverted through the old harbour road for at least three more weeks while crews finish the supports.</p>`;
const page = (title: string, topic: string): string =>
  `<html><head><title>${title}</title><meta property="article:published_time" content="2024-04-0${(topic.length % 9) + 1}T08:00:00Z"></head>` +
  `<body><nav>Menu</nav><article><h1>${title}</h1>${[1, 2, 3].map((n) => para(topic, n)).join('')}</article></body></html>`;

let feedEtag = '"feed-v1"';
let items = ['alpha', 'beta', 'secret'];
let srv: TestServer;

function rss(base: string): string {
  const entry = (name: string): string =>
    `<item><title>${name} story</title><link>${base}/${name === 'secret' ? 'private/' : 'news/'}${name}</link><guid>${name}</guid><pubDate>Mon, 01 Apr 2024 08:00:00 GMT</pubDate><description>Short teaser.</description></item>`;
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Test Wire</title><link>${base}/</link>${items.map(entry).join('')}</channel></rss>`;
}

beforeAll(async () => {
  srv = await startTestServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/robots.txt') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('User-agent: *\nDisallow: /private/\n');
    } else if (path === '/feed.xml') {
      if (req.headers['if-none-match'] === feedEtag) {
        res.writeHead(304);
        res.end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: feedEtag });
      res.end(rss(srv.url));
    } else if (path === '/broken.xml') {
      res.writeHead(500);
      res.end();
    } else if (path.startsWith('/news/')) {
      const name = path.slice(6);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(`${name} story`, name === 'alpha' ? 'Northport' : name === 'beta' ? 'Eastvale' : 'Lakeside'));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});
afterAll(() => srv.close());

describe('sitrep watch', () => {
  it('polls feeds, stores new entries, obeys robots.txt, survives a failing feed, and uses conditional GET on restart', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-watch-'));
    const db = join(dir, 'w.db');
    const common = ['--db', db, '--once', '--allow-private', '--delay', '0', '--retries', '2', '--threads', '0'];

    const refused = await sitrep(['watch', `${srv.url}/feed.xml`, '--db', join(dir, 'r.db'), '--once', '--delay', '0']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused: 127\.0\.0\.1 is a loopback address/);

    const first = await sitrep(['watch', `${srv.url}/broken.xml`, `${srv.url}/feed.xml`, ...common]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/broken\.xml: failed: .*HTTP 500/);
    expect(first.stderr).toMatch(
      /feed\.xml: 3 new entries, 2 stored; 1 problem\(s\): .*private\/secret: .*disallowed by robots\.txt/,
    );
    expect(srv.requests.filter((r) => r.path === '/broken.xml')).toHaveLength(2);

    const d = new Database(db, { readonly: true });
    const titles = d.prepare('SELECT title FROM articles ORDER BY seq').pluck().all();
    expect(titles).toEqual(['alpha story', 'beta story']);
    const feed = d.prepare("SELECT title, etag, failures FROM feeds WHERE url LIKE '%feed.xml'").get();
    expect(feed).toEqual({ title: 'Test Wire', etag: '"feed-v1"', failures: 0 });
    expect(d.prepare("SELECT failures FROM feeds WHERE url LIKE '%broken.xml'").pluck().get()).toBe(1);
    d.close();

    // A restart: the feed answers 304 to the stored validator; nothing is fetched again.
    const pagesBefore = srv.requests.filter((r) => r.path.startsWith('/news/')).length;
    const second = await sitrep(['watch', ...common]);
    expect(second.stderr).toMatch(/feed\.xml: not modified/);
    expect(srv.requests.filter((r) => r.path === '/feed.xml').at(-1)!.headers['if-none-match']).toBe('"feed-v1"');

    // The feed changes: only the new entry is fetched.
    feedEtag = '"feed-v2"';
    items = ['alpha', 'beta', 'secret', 'gamma'];
    const third = await sitrep(['watch', ...common]);
    expect(third.stderr).toMatch(/feed\.xml: 2 new entries, 1 stored/);
    expect(srv.requests.filter((r) => r.path.startsWith('/news/')).length).toBe(pagesBefore + 1);
  });
});
