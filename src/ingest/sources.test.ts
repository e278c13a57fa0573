import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestItem } from '../model/index.js';
import { readSources, sourceKind } from './sources.js';
import { startTestServer, type TestServer } from './test-server.js';

async function collect(it: AsyncIterable<IngestItem>): Promise<IngestItem[]> {
  const out: IngestItem[] = [];
  for await (const x of it) {
    if (x.kind === 'dump') {
      const lines: string[] = [];
      for await (const l of x.lines) lines.push(l);
      out.push({
        ...x,
        lines: (async function* () {
          yield* lines;
        })(),
        warnings: [...x.warnings, `lines:${lines.join('|')}`],
      });
    } else out.push(x);
  }
  return out;
}

const dir = mkdtempSync(join(tmpdir(), 'sitrep-sources-'));
let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer((req, res) => {
    res.writeHead(200, { 'content-type': req.url === '/page' ? 'text/html' : 'image/png' });
    res.end('<html><body><p>Fetched page text.</p></body></html>');
  });
});
afterAll(() => srv.close());

describe('readSources', () => {
  it('tells kinds by name', () => {
    expect(
      ['a.warc.gz', 'b.WARC', 'c.jsonl', 'd.ndjson', 'e.htm', 'f.html', 'g.txt', 'h.md', 'https://x.org/'].map(
        sourceKind,
      ),
    ).toEqual(['warc', 'warc', 'jsonl', 'jsonl', 'html', 'html', 'dump', 'dump', 'url']);
  });

  it('walks a folder recursively, each file by its kind, in name order', async () => {
    const root = join(dir, 'mixed');
    mkdirSync(join(root, 'sub'), { recursive: true });
    writeFileSync(join(root, 'a.txt'), 'First line\r\nSecond line\r\n');
    writeFileSync(
      join(root, 'b.jsonl'),
      '{"title":"T","text":"Body one.","published":"2024-05-06"}\n\n{"html":"<p>x</p>","url":"https://n.example/x"}\n[1]\n',
    );
    writeFileSync(join(root, 'sub', 'c.html'), '<html><body><p>Saved page.</p></body></html>');
    writeFileSync(join(root, 'latin.md'), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
    writeFileSync(join(root, '.hidden.txt'), 'ignored');
    const items = await collect(readSources([root]));
    expect(items.map((i) => i.kind)).toEqual(['dump', 'article', 'page', 'error', 'dump', 'page']);
    expect(items[0]).toMatchObject({ origin: join(root, 'a.txt'), warnings: ['lines:First line\r|Second line\r'] });
    expect(items[1]).toMatchObject({
      kind: 'article',
      article: {
        title: 'T',
        text: 'Body one.',
        published: { value: '2024-05-06', precision: 'day', from: 'metadata' },
        origin: `${join(root, 'b.jsonl')}:1`,
      },
    });
    expect(items[2]).toMatchObject({ kind: 'page', url: 'https://n.example/x', origin: `${join(root, 'b.jsonl')}:3` });
    expect(items[3]).toMatchObject({
      kind: 'error',
      origin: `${join(root, 'b.jsonl')}:4`,
      error: 'each line must be a JSON object',
    });
    expect(items[4]).toMatchObject({ warnings: ['not valid UTF-8: decoded as Windows-1252', 'lines:Café'] });
    expect(items[5]).toMatchObject({ kind: 'page', origin: join(root, 'sub', 'c.html'), url: null });
  });

  it('reads UTF-16 dumps with a BOM', async () => {
    const file = join(dir, 'u16.txt');
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Zürich line\n', 'utf16le')]));
    const [item] = await collect(readSources([file]));
    expect(item).toMatchObject({ kind: 'dump', warnings: ['lines:Zürich line'] });
  });

  it('gives error items for missing, empty and binary inputs', async () => {
    writeFileSync(join(dir, 'empty.html'), '');
    writeFileSync(join(dir, 'bin.txt'), Buffer.from([0, 1, 2, 3, 0, 0]));
    const items = await collect(readSources([join(dir, 'nope.txt'), join(dir, 'empty.html'), join(dir, 'bin.txt')]));
    expect(items.map((i) => (i.kind === 'error' ? i.error : i.kind))).toEqual([
      'no such file or directory',
      'empty file',
      'binary file (not text)',
    ]);
  });

  it('fetches URLs through the guard: refused without allowPrivate, a page with it', async () => {
    const refused = await collect(readSources([`${srv.url}/page`]));
    expect(refused).toEqual([
      { kind: 'error', origin: `${srv.url}/page`, error: expect.stringMatching(/refused.*loopback/) },
    ]);
    const [page] = await collect(readSources([`${srv.url}/page`], { allowPrivate: true }));
    expect(page).toMatchObject({ kind: 'page', url: `${srv.url}/page`, contentType: 'text/html' });
    const [image] = await collect(readSources([`${srv.url}/img`], { allowPrivate: true }));
    expect(image).toMatchObject({ kind: 'error', error: expect.stringMatching(/content type image\/png is not html/) });
  });
});
