import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { IngestItem } from '../model/index.js';
import { readWarc } from './warc.js';
import { warcItems } from './sources.js';

/** A WARC response record around an HTTP response, written the way crawlers write them. */
function warcResponse(url: string, html: string, extra = ''): Buffer {
  const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n${extra}\r\n${html}`);
  const head = `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${url}\r\nWARC-Record-ID: <urn:uuid:${url.length}>\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: ${http.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), http, Buffer.from('\r\n\r\n')]);
}

const page = (n: number): string =>
  `<html><head><title>Story ${n}</title></head><body><p>Paragraph of story number ${n} about the harbour.</p></body></html>`;

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('readWarc', () => {
  it('reads records by Content-Length, whatever the chunking', async () => {
    const warc = Buffer.concat([
      warcResponse('https://a.example/1', page(1)),
      warcResponse('https://a.example/2', page(2)),
    ]);
    for (const size of [1, 7, 100, 1 << 16]) {
      const events = await collect(readWarc(chunked(warc, size)));
      expect(events.map((e) => e.kind)).toEqual(['record', 'record']);
      const first = events[0]!;
      if (first.kind !== 'record') throw new Error('expected a record');
      expect(first.record.headers.get('warc-target-uri')).toBe('https://a.example/1');
      expect(first.record.block.toString()).toContain('Story 1');
    }
  });

  it('a body holding "WARC/1.0" lines does not confuse it', async () => {
    const tricky = page(3).replace('</p>', '</p>\r\nWARC/1.0\r\nContent-Length: 5\r\n\r\n');
    const events = await collect(
      readWarc(
        chunked(
          Buffer.concat([warcResponse('https://a.example/3', tricky), warcResponse('https://a.example/4', page(4))]),
          13,
        ),
      ),
    );
    expect(events.map((e) => e.kind)).toEqual(['record', 'record']);
  });

  it('reports a truncated last record and keeps the ones before', async () => {
    const whole = Buffer.concat([
      warcResponse('https://a.example/1', page(1)),
      warcResponse('https://a.example/2', page(2)),
    ]);
    const events = await collect(readWarc(chunked(whole.subarray(0, whole.length - 60), 50)));
    expect(events[0]!.kind).toBe('record');
    expect(events[1]).toMatchObject({ kind: 'problem', message: expect.stringMatching(/truncated record/) });
  });

  it('skips garbage between records and a record without Content-Length, then goes on', async () => {
    const bad = Buffer.from('WARC/1.0\r\nWARC-Type: response\r\n\r\nno length here\r\n\r\n');
    const warc = Buffer.concat([
      Buffer.from('some junk bytes\n'),
      warcResponse('https://a.example/1', page(1)),
      bad,
      warcResponse('https://a.example/2', page(2)),
    ]);
    const events = await collect(readWarc(chunked(warc, 64)));
    expect(events.filter((e) => e.kind === 'record')).toHaveLength(2);
    expect(
      events
        .filter((e) => e.kind === 'problem')
        .map((e) => (e as { message: string }).message)
        .join(' | '),
    ).toMatch(/garbled data.*Content-Length/);
  });
});

describe('warcItems', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-warc-'));

  it('turns HTML responses of a gzipped WARC (one member per record) into pages, skipping the rest', async () => {
    const request = Buffer.from('WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n');
    const png = Buffer.from('HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\nPNG');
    const image = Buffer.concat([
      Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nContent-Length: ${png.length}\r\n\r\n`),
      png,
      Buffer.from('\r\n\r\n'),
    ]);
    const file = join(dir, 'crawl.warc.gz');
    writeFileSync(
      file,
      Buffer.concat(
        [
          request,
          warcResponse('https://a.example/1', page(1)),
          image,
          warcResponse('https://a.example/2', page(2)),
        ].map((b) => gzipSync(b)),
      ),
    );
    const items = await collect(warcItems(file));
    expect(items.map((i) => i.kind)).toEqual(['page', 'page']);
    const p = items[1] as Extract<IngestItem, { kind: 'page' }>;
    expect(p.url).toBe('https://a.example/2');
    expect(Buffer.from(p.html as Uint8Array).toString()).toContain('Story 2');
    expect(p.origin).toMatch(/crawl\.warc\.gz@\d+$/);
  });

  it('reports a truncated gzip stream after the records before it', async () => {
    const whole = gzipSync(
      Buffer.concat([warcResponse('https://a.example/1', page(1)), warcResponse('https://a.example/2', page(2))]),
    );
    const file = join(dir, 'cut.warc.gz');
    writeFileSync(file, whole.subarray(0, whole.length - 20));
    const items = await collect(warcItems(file));
    expect(items[0]!.kind).toBe('page');
    expect(items.some((i) => i.kind === 'error' && /truncated|stream error|unexpected end/i.test(i.error))).toBe(true);
  });

  it('recovers every record around garbage between gzip members', async () => {
    const members = Array.from({ length: 50 }, (_, i) => gzipSync(warcResponse(`https://a.example/${i}`, page(i))));
    const at = members.slice(0, 5).reduce((n, m) => n + m.length, 0);
    const file = join(dir, 'garbage.warc.gz');
    writeFileSync(file, Buffer.concat([...members.slice(0, 5), Buffer.from('GARBAGE'), ...members.slice(5)]));
    const items = await collect(warcItems(file));
    expect(items.filter((i) => i.kind === 'page')).toHaveLength(50);
    const errors = items.filter((i) => i.kind === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ error: expect.stringContaining(`skipped 7 byte(s) at byte ${at}`) });
  });

  it('keeps every record gzip recovers from a cut .warc.gz and names the record the cut falls in', async () => {
    const body = (i: number): string => Array.from({ length: 30 }, (_, k) => page(i * 1000 + k * 37)).join('');
    const records = Array.from({ length: 40 }, (_, i) => warcResponse(`https://a.example/${i}`, body(i)));
    const starts = records.map((_, i) => records.slice(0, i).reduce((n, b) => n + b.length, 0));
    const layouts = { single: [gzipSync(Buffer.concat(records))], perRecord: records.map((b) => gzipSync(b)) };
    for (const [layout, members] of Object.entries(layouts)) {
      const whole = Buffer.concat(members);
      for (const fraction of [0.13, 0.5, 0.71, 0.97]) {
        const length = Math.floor(whole.length * fraction);
        const file = join(dir, `cut-${layout}.warc.gz`);
        writeFileSync(file, whole.subarray(0, length));
        // What gzip decodes of the cut file, member by member.
        let decoded = 0;
        let at = 0;
        for (const m of members) {
          if (at + m.length <= length) decoded += gunzipSync(m).length;
          else if (length - at > 10)
            decoded += gunzipSync(m.subarray(0, length - at), { finishFlush: constants.Z_SYNC_FLUSH }).length;
          at += m.length;
        }
        const complete = records.filter((b, i) => starts[i]! + b.length - 4 <= decoded).length;
        const items = await collect(warcItems(file));
        const label = `${layout} cut at ${fraction}`;
        expect(items.filter((i) => i.kind === 'page').length, label).toBe(complete);
        // One error for the cut (besides 'no HTML responses' when there are none).
        const errors = items.filter(
          (i): i is Extract<IngestItem, { kind: 'error' }> => i.kind === 'error' && i.origin !== file,
        );
        expect(
          errors.map((e) => `${e.origin} ${e.error}`),
          label,
        ).toHaveLength(1);
        const cutRecord = starts[complete]!;
        if (decoded > cutRecord) expect(errors[0]!.origin, label).toBe(`${file}@${cutRecord}`);
        else expect(errors[0]!.error, label).toMatch(/stream error between records/);
        expect(errors[0]!.error, label).toMatch(/gzip member at byte \d+: the file ends/);
      }
    }
  });

  it('decodes chunked and gzip-encoded archived bodies', async () => {
    const body = gzipSync(Buffer.from(page(5)));
    const chunkedBody = Buffer.concat([
      Buffer.from(`${body.length.toString(16)}\r\n`),
      body,
      Buffer.from('\r\n0\r\n\r\n'),
    ]);
    const http = Buffer.concat([
      Buffer.from(
        'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n',
      ),
      chunkedBody,
    ]);
    const rec = Buffer.concat([
      Buffer.from(
        `WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://a.example/5\r\nContent-Length: ${http.length}\r\n\r\n`,
      ),
      http,
      Buffer.from('\r\n\r\n'),
    ]);
    const file = join(dir, 'coded.warc');
    writeFileSync(file, rec);
    const items = await collect(warcItems(file));
    expect(items).toHaveLength(1);
    expect(Buffer.from((items[0] as { html: Uint8Array }).html).toString()).toBe(page(5));
  });

  it('a file with no WARC records at all is an error item', async () => {
    const file = join(dir, 'empty.warc');
    writeFileSync(file, 'hello\n');
    const items = await collect(warcItems(file));
    expect(items.every((i) => i.kind === 'error')).toBe(true);
    expect(items.at(-1)).toMatchObject({ kind: 'error', error: 'no WARC records found' });
  });
});
