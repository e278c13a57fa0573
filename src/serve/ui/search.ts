import { parseResponse } from 'hono/client';
import { client } from './client.js';
import { clear, el, pager, paging } from './dom.js';

/** bm25 snippets mark hits with [ and ]; render them as <mark> via text nodes. */
function snippetNodes(snippet: string): Node[] {
  const out: Node[] = [];
  const re = /\[([^\]]*)\]/g;
  let at = 0;
  for (let m = re.exec(snippet); m; m = re.exec(snippet)) {
    if (m.index > at) out.push(document.createTextNode(snippet.slice(at, m.index)));
    out.push(el('mark', {}, m[1] ?? ''));
    at = m.index + m[0].length;
  }
  if (at < snippet.length) out.push(document.createTextNode(snippet.slice(at)));
  return out;
}

export async function renderSearch(main: HTMLElement, q: string, offset = 0): Promise<void> {
  const page = await parseResponse(client.search.$get({ query: { q, ...paging(offset, 20) } }));
  clear(main);
  main.append(el('h2', {}, `Search: ${q}`));
  if (page.total === 0) {
    main.append(el('p', { class: 'empty', id: 'search-empty' }, 'No articles match.'));
    return;
  }
  const list = el('ul', { class: 'list', id: 'search-results' });
  for (const h of page.items) {
    const snippet = el('div', { class: 'meta' });
    snippet.append(...snippetNodes(h.snippet));
    list.append(
      el(
        'li',
        {},
        el('a', { href: `#/article/${encodeURIComponent(h.id)}` }, h.title),
        el(
          'div',
          { class: 'meta' },
          `${h.outlet ?? 'unknown outlet'} · ${h.published ?? 'undated'} · score ${h.score.toPrecision(3)}`,
        ),
        snippet,
      ),
    );
  }
  main.append(
    list,
    pager(page.offset, page.limit, page.total, (o) => void renderSearch(main, q, o)),
  );
}
