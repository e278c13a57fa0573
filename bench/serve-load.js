// Load bench of `sitrep serve`: a synthetic store (10,000 articles by default; SERVE_BENCH_ARTICLES=100000 for
// more), served by the built CLI, then concurrent clients (autocannon) on the list endpoints and on search.
// Prints requests/s, p50/p99 latency, errors and the server's RSS before and after each scenario.
// Everything stays on 127.0.0.1; each scenario runs for a bounded time and stops by itself.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { servedStore } from './served-store.js';
import { searchQueries } from './synthetic.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = join(ROOT, 'dist/cli/main.js');
const N = Number(process.env.SERVE_BENCH_ARTICLES ?? 10_000);
const CONNECTIONS = Number(process.env.SERVE_BENCH_CONNECTIONS ?? 200);
const SECONDS = Number(process.env.SERVE_BENCH_SECONDS ?? 15);

function rssMb(pid) {
  const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? Number.NaN);
  return kb / 1024;
}

function serve(db) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, 'serve', '--db', db, '--port', '0'], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (b) => {
      err += b.toString('utf8');
      const port = /http:\/\/[^:]+:(\d+)\//.exec(err)?.[1];
      if (port) resolve({ child, base: `http://127.0.0.1:${port}` });
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
}

const pick = (list) => list[Math.floor(Math.random() * list.length)];
/** A page among the first 100 (browsing depth), within the list. */
const offset = (total) => Math.floor(Math.random() * Math.max(1, Math.min(total, 5000)));

const SCENARIOS = [
  {
    name: 'lists (articles, entities, events, quotes, timeline; random pages among the first 100)',
    path: (t) =>
      pick([
        () => `/api/articles?offset=${offset(t.articles)}&limit=50`,
        () => `/api/entities?offset=${offset(t.entities)}&limit=50`,
        () => `/api/events?offset=${offset(t.events)}&limit=50`,
        () => `/api/quotes?offset=${offset(t.quotes)}&limit=50`,
        () => `/api/timeline?offset=${offset(t.events)}&limit=50`,
      ])(),
  },
  {
    name: 'search (400 distinct queries: repeats are answered from the cache)',
    path: (() => {
      const qs = searchQueries(400, 7, N);
      return () => `/api/search?q=${encodeURIComponent(pick(qs))}&limit=20`;
    })(),
  },
  {
    name: 'search, every query new (no cache), 20 clients',
    connections: 20,
    path: (() => {
      const qs = searchQueries(100_000, 11, N);
      let i = 0;
      return () => `/api/search?q=${encodeURIComponent(qs[i++ % qs.length])}&limit=20`;
    })(),
  },
  {
    name: 'mixed: 80% lists, 20% search (400 queries)',
    path: (t) => (Math.random() < 0.8 ? SCENARIOS[0].path(t) : SCENARIOS[1].path(t)),
  },
];

async function run() {
  const db = servedStore(N);
  const { child, base } = await serve(db);
  try {
    const totals = await (await fetch(`${base}/api/stats`)).json();
    console.log(
      `store: ${totals.articles} articles, ${totals.entities} actors, ${totals.events} events, ${totals.quotes} quotes`,
    );
    for (const s of SCENARIOS) {
      const before = rssMb(child.pid);
      const connections = s.connections ?? CONNECTIONS;
      const result = await autocannon({
        url: base,
        connections,
        duration: SECONDS,
        timeout: 10,
        requests: [
          {
            setupRequest: (req) => ({ ...req, path: s.path(totals) }),
          },
        ],
      });
      const after = rssMb(child.pid);
      const errors = result.errors + result.timeouts + result.non2xx;
      console.log(
        `${s.name}\n  ${connections} clients, ${SECONDS} s: ${result.requests.average.toFixed(0)} req/s, ` +
          `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms, ` +
          `errors ${errors} (${result.errors} errors, ${result.timeouts} timeouts, ${result.non2xx} non-2xx) ` +
          `of ${result.requests.total}; server RSS ${before.toFixed(0)} -> ${after.toFixed(0)} MB`,
      );
    }
  } finally {
    child.kill('SIGTERM');
  }
}

await run();
