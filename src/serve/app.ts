import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import { analyzeActivity, actorNetwork, timeline } from '../analyze/index.js';
import {
  actorMentions,
  articleDetail,
  articlePage,
  entityPage,
  eventPage,
  ledger,
  quotePage,
  search,
  type Db,
} from '../store/index.js';
import { INDEX_HTML, STYLES_CSS } from './assets.js';
import { sourcesRoutes, type SourcesOptions } from './sources.js';

/** Read `offset`/`limit` query parameters with sane bounds. */
function paging(c: Context): { offset: number; limit: number } {
  const offset = Math.max(0, Math.floor(Number(c.req.query('offset') ?? 0)) || 0);
  const limit = Math.min(500, Math.max(1, Math.floor(Number(c.req.query('limit') ?? 50)) || 50));
  return { offset, limit };
}

function uiScript(name: string): string | null {
  const candidates = [
    new URL(`./ui/${name}`, import.meta.url),
    new URL(`../../dist/serve/ui/${name}`, import.meta.url),
  ];
  for (const u of candidates) {
    try {
      return readFileSync(fileURLToPath(u), 'utf8');
    } catch {
      // try the next location
    }
  }
  return null;
}

/**
 * The HTTP API (mirrors the export) and the web UI. Article text only ever reaches the page as JSON
 * and is inserted with textContent, never as HTML; a strict CSP forbids inline scripts.
 */
export function createApp(db: Db, options: SourcesOptions = {}): Hono {
  const app = new Hono();

  app.use('*', async (c, next) => {
    await next();
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    c.header(
      'Content-Security-Policy',
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
  });

  app.get('/', (c) => c.html(INDEX_HTML));
  app.get('/styles.css', (c) => c.body(STYLES_CSS, 200, { 'Content-Type': 'text/css; charset=utf-8' }));
  app.get('/ui/:file{[a-z0-9-]+\\.js}', (c) => {
    const js = uiScript(c.req.param('file'));
    return js === null
      ? c.text('not found', 404)
      : c.body(js, 200, { 'Content-Type': 'text/javascript; charset=utf-8' });
  });

  app.get('/api/articles', (c) => {
    const { offset, limit } = paging(c);
    return c.json({ offset, limit, ...articlePage(db, offset, limit) });
  });
  app.get('/api/articles/:id', (c) => {
    const a = articleDetail(db, c.req.param('id'));
    return a ? c.json(a) : c.json({ error: 'no such article' }, 404);
  });
  app.get('/api/entities', (c) => {
    const { offset, limit } = paging(c);
    return c.json({ offset, limit, ...entityPage(db, offset, limit, c.req.query('type') || undefined) });
  });
  app.get('/api/entities/:id', (c) => {
    const { offset, limit } = paging(c);
    const r = actorMentions(db, c.req.param('id'), offset, limit);
    return r ? c.json({ offset, limit, ...r }) : c.json({ error: 'no such actor' }, 404);
  });
  app.get('/api/quotes', (c) => {
    const { offset, limit } = paging(c);
    return c.json({ offset, limit, ...quotePage(db, offset, limit) });
  });
  app.get('/api/events', (c) => {
    const { offset, limit } = paging(c);
    return c.json({ offset, limit, ...eventPage(db, offset, limit, c.req.query('type') || undefined) });
  });
  app.get('/api/search', (c) => {
    const q = c.req.query('q') ?? '';
    const { offset, limit } = paging(c);
    return c.json({ q, offset, limit, ...search(db, q, offset, limit) });
  });
  app.get('/api/ledger', (c) => {
    const { offset, limit } = paging(c);
    return c.json({ offset, limit, ...ledger(db, offset, limit) });
  });
  app.get('/api/timeline', (c) => c.json(timeline(db)));
  app.get('/api/network', (c) => {
    const day = (v: string | undefined): string | null => (v && /^\d{4}(-\d{2}(-\d{2})?)?$/.test(v) ? v : null);
    return c.json(actorNetwork(db, { from: day(c.req.query('from')), to: day(c.req.query('to')) }));
  });
  app.get('/api/stats', (c) => c.json(analyzeActivity(db)));
  sourcesRoutes(app, db, options);

  app.notFound((c) =>
    c.req.path.startsWith('/api/') ? c.json({ error: 'not found' }, 404) : c.text('not found', 404),
  );
  app.onError((err, c) => {
    process.stderr.write(`sitrep serve: ${c.req.method} ${c.req.path}: ${err.message}\n`);
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
