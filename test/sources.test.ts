import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../src/ingest/test-server.js';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');
const tmp = (): string => mkdtempSync(join(tmpdir(), 'sitrep-src-'));

/** The CLI run asynchronously, so a server in this process can answer it. */
function sitrepAsync(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const STORY = [
  'Northport dock workers ended their nine-day strike on Tuesday after the harbour authority agreed to a new contract.',
  'Union leader Mara Velde said the agreement raised wages by six percent over two years and limited night shifts for older workers.',
  'The harbour director, Ansel Brook, said container traffic would return to normal by the weekend.',
  'Several shipping lines had already diverted cargo to southern ports during the stoppage, and business groups warned that the losses would take months to recover.',
];
const page = (title: string, paras: string[]): string =>
  `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${paras.map((p) => `<p>${p}</p>`).join('')}</article><footer>© Example News</footer></body></html>`;

function warcRecord(url: string, html: string): Buffer {
  const http = Buffer.from(`HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n${html}`);
  return Buffer.concat([
    Buffer.from(`WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: ${url}\r\nContent-Length: ${http.length}\r\n\r\n`),
    http,
    Buffer.from('\r\n\r\n'),
  ]);
}

interface ExportArticle {
  id: string;
  title: string;
  url: string | null;
  text: string;
  duplicateOf?: string | null;
  similarity?: number | null;
}

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer((req, res) => {
    if (req.url === '/story') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page('Fetched strike story', STORY));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
});
afterAll(() => srv.close());

describe('sitrep analyze: sources', () => {
  it('reads HTML files, JSONL and a gzipped WARC in one run; links near-duplicates and skips exact ones', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'story.html'), page('Dock strike ends', STORY));
    const jsonl = [
      JSON.stringify({
        url: 'https://wire.example/strike',
        title: 'Dock strike ends (wire copy)',
        text: [...STORY, 'Reporting by the wire desk.'].join('\n\n'),
        published: '2024-03-05',
      }),
      '{"broken": ',
      JSON.stringify({
        title: 'Floods',
        text: 'Heavy rain flooded the river valley on Sunday. Hundreds of families left their homes and shelters opened in three schools.',
      }),
    ].join('\n');
    writeFileSync(join(dir, 'feed.jsonl'), jsonl);
    const warc = [
      warcRecord('https://mirror.example/1', page('Dock strike ends', STORY)),
      warcRecord(
        'https://other.example/2',
        page('Budget talks', [
          'Ministers met in Brussels on Friday to discuss the budget for next year, and agreed to meet again in March.',
        ]),
      ),
    ];
    writeFileSync(join(dir, 'crawl.warc.gz'), Buffer.concat(warc.map((b) => gzipSync(b))));
    const r = await sitrepAsync(['analyze', dir, '--db', join(dir, 's.db'), '--json', '-']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/feed\.jsonl:2: invalid JSON/);
    expect(r.stderr).toMatch(/1 exact duplicate/);
    const out = JSON.parse(r.stdout) as { articles: ExportArticle[] };
    const titles = out.articles.map((a) => a.title);
    expect(titles).toContain('Budget talks');
    expect(titles).toContain('Floods');
    const original = out.articles.find((a) => a.text.includes('Mara Velde') && !a.duplicateOf)!;
    const copy = out.articles.find((a) => a.url === 'https://wire.example/strike')!;
    expect(copy.duplicateOf).toBe(original.id);
    expect(copy.similarity).toBeGreaterThan(0.7);
    expect(out.articles.filter((a) => a.text.includes('Mara Velde'))).toHaveLength(2);
  });

  it('fetches a URL only with --allow-private when the server is local', async () => {
    const dir = tmp();
    const refused = await sitrepAsync(['analyze', `${srv.url}/story`, '--db', join(dir, 'u.db')]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/refused: 127\.0\.0\.1 is a loopback address \(use --allow-private to allow\)/);
    const ok = await sitrepAsync([
      'analyze',
      `${srv.url}/story`,
      '--db',
      join(dir, 'u.db'),
      '--allow-private',
      '--json',
      '-',
    ]);
    expect(ok.code, ok.stderr).toBe(0);
    const out = JSON.parse(ok.stdout) as { articles: ExportArticle[] };
    expect(out.articles).toHaveLength(1);
    expect(out.articles[0]!.url).toBe(`${srv.url}/story`);
    expect(out.articles[0]!.text).toContain('Mara Velde');
  });
});
