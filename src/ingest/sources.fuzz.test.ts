import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rng } from '../model/random.js';
import { parseFeedEntries } from './feed.js';
import { decodedBody, parseHttpResponse } from './http-message.js';
import { jsonlItem } from './jsonl.js';
import { warcItems } from './sources.js';
import { readWarc } from './warc.js';

/** Seeded mutations: truncation, byte flips, deletions, insertions of markup-significant bytes, duplication. */
function mutate(r: () => number, input: Buffer): Buffer {
  let b = Buffer.from(input);
  const rounds = 1 + Math.floor(r() * 4);
  const specials = Buffer.from('<>&;"\'/\\\r\n\0:{}[]WARC/1.0 Content-Length: 99999999');
  for (let k = 0; k < rounds; k++) {
    const at = Math.floor(r() * (b.length + 1));
    switch (Math.floor(r() * 6)) {
      case 0:
        b = b.subarray(0, at);
        break;
      case 1:
        if (b.length > 0) b[Math.min(at, b.length - 1)] = Math.floor(r() * 256);
        break;
      case 2:
        b = Buffer.concat([b.subarray(0, at), b.subarray(Math.min(b.length, at + Math.floor(r() * 40)))]);
        break;
      case 3: {
        const s = Math.floor(r() * specials.length);
        b = Buffer.concat([b.subarray(0, at), specials.subarray(s, s + 1 + Math.floor(r() * 12)), b.subarray(at)]);
        break;
      }
      case 4:
        b = Buffer.concat([
          b.subarray(0, at),
          b.subarray(Math.floor(r() * b.length), Math.floor(r() * b.length) + 60),
          b.subarray(at),
        ]);
        break;
      default:
        b = Buffer.concat([
          b.subarray(0, at),
          Buffer.from(Array.from({ length: Math.floor(r() * 20) }, () => Math.floor(r() * 256))),
          b.subarray(at),
        ]);
    }
  }
  return b;
}

function warcRecord(i: number): Buffer {
  const html = `<html><head><title>Story ${i}</title></head><body><p>Text of story ${i}.</p></body></html>`;
  const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n${html}`);
  return Buffer.concat([
    Buffer.from(
      `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://n.example/${i}\r\nContent-Length: ${http.length}\r\n\r\n`,
    ),
    http,
    Buffer.from('\r\n\r\n'),
  ]);
}

async function* chunks(b: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

const RSS =
  Buffer.from(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Wire &amp; Co</title><link>https://n.example/</link>
${[1, 2, 3].map((i) => `<item><title>Item ${i}</title><link>/news/${i}</link><guid isPermaLink="false">id-${i}</guid><pubDate>Mon, 0${i} Apr 2024 08:00:00 GMT</pubDate><description><![CDATA[<p>Teaser ${i}</p>]]></description><content:encoded>&lt;p&gt;Body ${i}&lt;/p&gt;</content:encoded></item>`).join('\n')}
</channel></rss>`);
const ATOM =
  Buffer.from(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><link href="https://a.example/"/>
${[1, 2].map((i) => `<entry><id>urn:a:${i}</id><title type="html">Entry &lt;b&gt;${i}&lt;/b&gt;</title><link rel="alternate" href="https://a.example/${i}"/><updated>2024-04-0${i}T08:00:00Z</updated><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry>`).join('\n')}
</feed>`);

describe('ingest fuzzing (seeded)', () => {
  it('survives 2,000 mutated and truncated WARC streams', async () => {
    const r = rng(7);
    const base = Buffer.concat([1, 2, 3, 4].map(warcRecord));
    let records = 0;
    for (let n = 0; n < 2000; n++) {
      const input = mutate(r, base);
      let events = 0;
      for await (const ev of readWarc(chunks(input, 1 + Math.floor(r() * 300)), { maxRecordBytes: 1 << 20 })) {
        events++;
        if (ev.kind === 'record') {
          records++;
          expect(ev.record.block.length).toBe(Number(ev.record.headers.get('content-length')));
          const msg = parseHttpResponse(ev.record.block);
          if (msg) {
            try {
              decodedBody(msg);
            } catch (err) {
              expect(err).toBeInstanceOf(Error);
            }
          }
        }
        expect(events).toBeLessThan(200);
      }
    }
    expect(records).toBeGreaterThan(2000);
  });

  it('survives 300 mutated and truncated .warc.gz files through warcItems', async () => {
    const r = rng(9);
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-fuzz-'));
    const base = Buffer.concat([1, 2, 3].map((i) => gzipSync(warcRecord(i))));
    let pages = 0;
    for (let n = 0; n < 300; n++) {
      const file = join(dir, `f${n % 10}.warc.gz`);
      writeFileSync(file, mutate(r, base));
      for await (const item of warcItems(file)) {
        if (item.kind === 'error') expect(item.error.length).toBeGreaterThan(0);
        else expect(item.kind).toBe('page');
        if (item.kind === 'page') pages++;
      }
    }
    // Most mutations touch one member: the others' records come through (a loop over no pages proves nothing).
    expect(pages).toBeGreaterThan(300);
  });

  it('survives 2,000 mutated RSS and Atom feeds: entries or a clear error', async () => {
    const r = rng(11);
    let parsed = 0;
    let entries = 0;
    for (let n = 0; n < 2000; n++) {
      if (n % 100 === 0) await new Promise((resolve) => setImmediate(resolve));
      const input = mutate(r, n % 2 === 0 ? RSS : ATOM).toString('utf8');
      try {
        const feed = parseFeedEntries(input, 'https://n.example/feed.xml');
        parsed++;
        for (const e of feed.entries) {
          entries++;
          expect(typeof e.key).toBe('string');
          if (e.url) expect(e.url).toMatch(/^https?:\/\//);
        }
      } catch (err) {
        expect((err as Error).message).toMatch(/not an RSS or Atom feed/);
      }
    }
    expect(parsed).toBeGreaterThan(500);
    expect(entries).toBeGreaterThan(parsed);
  });

  it('survives 3,000 mutated JSONL lines: an item or an error item, never a throw', () => {
    const r = rng(13);
    const base = Buffer.from(
      JSON.stringify({
        url: 'https://n.example/1',
        title: 'Title',
        text: 'First paragraph.\n\nSecond one.',
        published: '2024-04-01T08:00:00Z',
      }),
    );
    const html = Buffer.from(
      JSON.stringify({
        url: 'https://n.example/2',
        html: '<html><body><p>Hi</p></body></html>',
        published: 'yesterday',
      }),
    );
    const kinds = new Set<string>();
    for (let n = 0; n < 3000; n++) {
      const item = jsonlItem(mutate(r, n % 2 ? base : html).toString('utf8'), `fuzz:${n}`);
      if (item) kinds.add(item.kind);
      if (item?.kind === 'error') expect(item.error.length).toBeGreaterThan(0);
    }
    expect([...kinds].sort()).toEqual(['article', 'error', 'page']);
  });
});
