import { parseResponse } from 'hono/client';
import { answer, client } from './client.js';
import { clear, el, pager, paging } from './dom.js';

/** A search's narrowing, kept in the URL after the query: `#/search/<q>?outlet=…&from=…&to=…`. */
interface SearchState {
  q: string;
  outlet?: string;
  from?: string;
  to?: string;
}

/** The search's state from the location: the query is encoded, so the first `?` starts the narrowing. */
export function searchState(hash: string): SearchState {
  const body = hash.replace(/^#\/search\/?/, '');
  const cut = body.indexOf('?');
  const q = decodeURIComponent(cut < 0 ? body : body.slice(0, cut));
  const params = new URLSearchParams(cut < 0 ? '' : body.slice(cut + 1));
  const state: SearchState = { q };
  for (const k of ['outlet', 'from', 'to'] as const) {
    const v = params.get(k);
    if (v !== null) state[k] = v;
  }
  return state;
}

export function searchHash(s: SearchState): string {
  const params = new URLSearchParams();
  for (const k of ['outlet', 'from', 'to'] as const) if (s[k] !== undefined) params.set(k, s[k]);
  const tail = params.toString();
  return `#/search/${encodeURIComponent(s.q)}${tail ? `?${tail}` : ''}`;
}

const HELP = 'Words are all required and match their inflections; "a phrase", prefix*, OR and -word also work.';

/**
 * Search results ordered by relevance (the order is the ranking; no score is shown), each with a passage whose
 * matched words are marked, and facets (outlets, days) that narrow the search; the narrowing is in the URL.
 */
export async function renderSearch(main: HTMLElement, _arg: string, offset = 0): Promise<void> {
  const state = searchState(location.hash);
  const query = {
    q: state.q,
    ...paging(offset, 20),
    ...(state.outlet !== undefined ? { outlet: state.outlet } : {}),
    ...(state.from ? { from: state.from } : {}),
    ...(state.to ? { to: state.to } : {}),
  };
  const res = await client.search.$get({ query });
  clear(main);
  main.append(el('h2', {}, `Search: ${state.q}`), el('p', { class: 'meta' }, HELP));
  if (res.status === 400 || res.status === 503) {
    const body = (await answer(res)) as { error?: string };
    main.append(el('p', { class: 'warning', id: 'search-error' }, body.error ?? 'The search could not run.'));
    return;
  }
  const page = await parseResponse(res);
  if (state.outlet !== undefined || state.from || state.to) {
    const narrowed = [
      state.outlet !== undefined ? `outlet ${state.outlet || 'unknown'}` : '',
      state.from || state.to ? `${state.from ?? '…'} – ${state.to ?? '…'}` : '',
    ].filter(Boolean);
    main.append(
      el(
        'p',
        { class: 'meta', id: 'search-narrowed' },
        `Narrowed to ${narrowed.join(', ')} · `,
        el('a', { href: searchHash({ q: state.q }) }, 'all results'),
      ),
    );
  }
  if (page.total === 0) {
    main.append(el('p', { class: 'empty', id: 'search-empty' }, 'No articles match.'));
    return;
  }
  const outlets = el(
    'ul',
    { class: 'facet', id: 'facet-outlets' },
    ...page.facets.outlets.map((o) =>
      el(
        'li',
        {},
        el('a', { href: searchHash({ ...state, outlet: o.value ?? '' }) }, o.value ?? 'unknown outlet'),
        ` ${o.count}`,
      ),
    ),
  );
  const dates = el(
    'ul',
    { class: 'facet', id: 'facet-dates' },
    ...page.facets.dates.map((d) =>
      el(
        'li',
        {},
        d.value
          ? el('a', { href: searchHash({ ...state, from: d.value, to: d.value }) }, d.value)
          : el('span', {}, 'undated'),
        ` ${d.count}`,
      ),
    ),
  );
  const list = el('ol', { class: 'list', id: 'search-results', start: String(page.offset + 1) });
  for (const h of page.items) {
    const passage = el('div', { class: 'meta snippet' });
    for (const part of h.excerpt)
      passage.append(part.mark ? el('mark', {}, part.text) : document.createTextNode(part.text));
    list.append(
      el(
        'li',
        {},
        el('a', { href: `#/article/${encodeURIComponent(h.id)}` }, h.title),
        el('div', { class: 'meta' }, `${h.outlet ?? 'unknown outlet'} · ${h.published ?? 'undated'}`),
        passage,
      ),
    );
  }
  main.append(
    el(
      'div',
      { class: 'search-layout' },
      el(
        'aside',
        { class: 'facets' },
        el(
          'h3',
          {},
          page.ranked < page.total
            ? `${page.total} articles, the newest ${page.ranked} ranked`
            : `${page.total} articles`,
        ),
        el('h4', {}, 'Outlet'),
        outlets,
        el('h4', {}, 'Published'),
        dates,
      ),
      el(
        'section',
        {},
        list,
        // Pages reach as far as the hits ranked.
        pager(page.offset, page.limit, page.ranked, (o) => void renderSearch(main, _arg, o)),
      ),
    ),
  );
}
