import { Hono } from 'hono';
import { validator } from 'hono/validator';
import { timelineEntries } from '../analyze/index.js';
import { articlePage, claimPage, datedEventPage, type Db, type Facets, quotePage } from '../store/index.js';
import { type FacetQuery, parseFacets } from './facets.js';
import { articleRow, claimRow, csvLine, quoteRow, type Row, timelineRow } from './list-rows.js';

/** The most rows one export writes; the `X-Total-Rows` header says how many the filter selects. */
export const EXPORT_MAX_ROWS = 200_000;
/** Rows read from the store per step: one step runs between two writes to the client. */
const STEP = 500;

const LISTS = ['articles', 'timeline', 'quotes', 'claims'] as const;
type List = (typeof LISTS)[number];

/** A list's total for the facets and its rows, read a page at a time. */
function listOf(db: Db, list: List, f: Facets, step: number): { total: number; rows: Iterator<Row> } {
  // The header says how many rows the filter selects: counted exactly (a list page stops counting at its cap).
  const exact = Number.POSITIVE_INFINITY;
  // Each step starts after the last one's key (keyset paging): a step costs the same wherever it is in the list.
  function* paged<T>(
    page: (cursor: string | undefined) => { total: number; items: T[]; next: string | null },
    row: (t: T) => Row,
  ): Generator<Row> {
    for (let cursor: string | undefined; ; ) {
      const p = page(cursor);
      for (const item of p.items) yield row(item);
      if (p.next === null) return;
      cursor = p.next;
    }
  }
  switch (list) {
    case 'articles':
      return {
        total: articlePage(db, 0, 1, f, undefined, exact).total,
        rows: paged((c) => articlePage(db, 0, step, f, c), articleRow),
      };
    case 'quotes':
      return {
        total: quotePage(db, 0, 1, f, undefined, exact).total,
        rows: paged((c) => quotePage(db, 0, step, f, c), quoteRow),
      };
    case 'claims':
      return {
        total: claimPage(db, 0, 1, f, undefined, exact).total,
        rows: paged((c) => claimPage(db, 0, step, f, c), claimRow),
      };
    case 'timeline': {
      const first = datedEventPage(db, 0, 1, f, undefined, exact);
      const rows = (function* () {
        for (const e of timelineEntries(db, f, step)) yield timelineRow(e);
      })();
      return { total: first.total + first.undated, rows };
    }
  }
}

/**
 * The whole filtered list as a download: `GET /api/export/:list?format=csv|json&<facets>`, for the articles,
 * timeline, quotes and claims lists, with the columns the page export in the browser writes (`list-rows.ts`).
 * The body is streamed as the client reads it, `STEP` rows at a time, so a large list neither blocks the
 * server nor sits in its memory; CSV cells are neutralized against formula injection. Each step starts
 * after the last row of the one before (keyset paging), so rows written while an export runs neither repeat nor
 * hide a row already due.
 */
export function listExportRoutes(db: Db, step = STEP) {
  // The query's parameters, for the typed client (each is checked below, with a message for a bad one).
  const query = validator('query', (q) => q as FacetQuery & { format?: string });
  return new Hono().get('/:list', query, (c) => {
    const list = c.req.param('list');
    if (!(LISTS as readonly string[]).includes(list))
      return c.json({ error: `the lists exported whole are ${LISTS.join(', ')}` }, 404);
    const format = c.req.query('format') ?? 'csv';
    if (format !== 'csv' && format !== 'json') return c.json({ error: 'format must be csv or json' }, 400);
    const f = parseFacets(c.req.query() as FacetQuery);
    if ('error' in f) return c.json({ error: f.error }, 400);
    const { total, rows } = listOf(db, list as List, f, step);
    const encoder = new TextEncoder();
    let written = 0;
    let columns: string[] | null = null;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const parts: string[] = [];
        for (let i = 0; i < step && written < EXPORT_MAX_ROWS; i++) {
          const next = rows.next();
          if (next.done) break;
          const row = next.value;
          if (format === 'json') parts.push(`${written === 0 ? '[\n' : ',\n'}${JSON.stringify(row)}`);
          else {
            if (!columns) parts.push(`${csvLine((columns = Object.keys(row)))}\r\n`);
            parts.push(`${csvLine(columns.map((k) => row[k] ?? null))}\r\n`);
          }
          written++;
        }
        if (parts.length === 0) {
          if (format === 'json') controller.enqueue(encoder.encode(written === 0 ? '[]\n' : '\n]\n'));
          controller.close();
          return;
        }
        controller.enqueue(encoder.encode(parts.join('')));
      },
    });
    return c.body(body, 200, {
      'Content-Type': format === 'csv' ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="sitrep-${list}.${format}"`,
      'X-Total-Rows': String(total),
      'X-Exported-Rows': String(Math.min(total, EXPORT_MAX_ROWS)),
    });
  });
}
