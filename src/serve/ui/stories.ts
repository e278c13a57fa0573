import { parseResponse } from 'hono/client';
import { client, type StoryDetail } from './client.js';
import { clear, el, pager, paging } from './dom.js';
import { filterHref } from './filters.js';

type Sentence = StoryDetail['comparison']['conflicts'][number]['sides'][number]['sentence'];

/** A link that opens the article at the cited sentence. */
function citation(label: string, articleId: string, start: number, end: number): HTMLElement {
  return el('a', { href: `#/article/${encodeURIComponent(articleId)}?span=${start}-${end}`, class: 'citation' }, label);
}

/** A sentence quoted as evidence, with its outlet, day and citation. */
function quoted(s: Sentence, says?: string): HTMLElement {
  return el(
    'div',
    { class: 'evidence' },
    says ? el('strong', {}, `${says} `) : null,
    el('q', {}, s.text),
    ' ',
    el('span', { class: 'meta' }, `${s.outlet ?? 'unknown outlet'}${s.published ? ` · ${s.published}` : ''} `),
    citation('open', s.articleId, s.start, s.end),
  );
}

/** The stories, largest first: title, size, dates, outlets. */
export async function renderStories(main: HTMLElement, arg: string, offset = 0): Promise<void> {
  if (arg) return renderStory(main, arg);
  const page = await parseResponse(client.stories.$get({ query: paging(offset, 50) }));
  clear(main);
  main.append(el('h2', {}, 'Stories'));
  if (page.total === 0) {
    main.append(el('p', { class: 'empty' }, 'No stories yet.'));
    return;
  }
  const list = el('ul', { class: 'list', id: 'story-list' });
  for (const s of page.items)
    list.append(
      el(
        'li',
        {},
        el('a', { href: `#/stories/${encodeURIComponent(s.id)}`, class: 'story-link' }, s.title || '(untitled)'),
        el(
          'div',
          { class: 'meta' },
          `${s.articles} article(s) · ${s.from ?? 'undated'}${s.to && s.to !== s.from ? ` – ${s.to}` : ''} · ${s.outlets.join(', ') || 'no outlet'}`,
        ),
      ),
    );
  main.append(
    list,
    pager(page.offset, page.limit, page.total, (o) => void renderStories(main, '', o)),
  );
}

/** The summary paragraph: its text with each "[n]" a link to the cited sentence. */
function summary(s: StoryDetail): HTMLElement {
  const p = el('p', { id: 'story-summary' });
  let at = 0;
  for (const m of s.summary.matchAll(/\[(\d+)\]/g)) {
    const c = s.citations.find((x) => x.n === Number(m[1]));
    if (!c) continue;
    p.append(s.summary.slice(at, m.index), citation(m[0], c.articleId, c.start, c.end));
    at = m.index + m[0].length;
  }
  p.append(s.summary.slice(at));
  return p;
}

/** One story: summary, actors, outlets (who first), what only one outlet carries, claims in conflict. */
async function renderStory(main: HTMLElement, id: string): Promise<void> {
  const s = await parseResponse(client.stories[':id'].$get({ param: { id } }));
  const c = s.comparison;
  clear(main);
  const outlets = el(
    'table',
    { id: 'story-outlets' },
    el('thead', {}, el('tr', {}, el('th', {}, 'Outlet'), el('th', {}, 'First'), el('th', {}, 'Articles'))),
    el(
      'tbody',
      {},
      ...c.outlets.map((o) =>
        el(
          'tr',
          {},
          el('td', {}, o.outlet || 'unknown outlet'),
          el(
            'td',
            {},
            o.first ?? 'undated',
            ' ',
            el('a', { href: `#/article/${encodeURIComponent(o.firstArticleId)}` }, 'first report'),
          ),
          el('td', {}, String(o.articles)),
        ),
      ),
    ),
  );
  const conflicts = el(
    'section',
    { id: 'story-conflicts' },
    el('h3', {}, 'In conflict'),
    c.conflicts.length === 0 ? el('p', { class: 'empty' }, 'No conflicting claims found.') : null,
    ...c.conflicts.map((x) =>
      el(
        'div',
        { class: `conflict conflict-${x.kind}` },
        el('h4', {}, `${x.kind}: ${x.label}`),
        el('div', { class: 'sides' }, ...x.sides.map((side) => quoted(side.sentence, side.says))),
      ),
    ),
  );
  const exclusive = el(
    'section',
    { id: 'story-exclusive' },
    el('h3', {}, 'Only in one outlet'),
    ...c.exclusive.map((o) =>
      el(
        'div',
        { class: 'outlet-facts' },
        el('h4', {}, o.outlet || 'unknown outlet'),
        ...o.facts.map((f) => quoted(f.sentence, `${f.kind}: ${f.label}`)),
      ),
    ),
  );
  main.append(
    el('a', { href: '#/stories' }, '← All stories'),
    el('h2', { id: 'story-title' }, s.title),
    el(
      'div',
      { class: 'meta' },
      `${c.articles} article(s) · ${s.from ?? 'undated'}${s.to && s.to !== s.from ? ` – ${s.to}` : ''} · actors: ${s.actors.join(', ') || 'none'}`,
    ),
    summary(s),
    storyFacets(s.id),
    el('h3', {}, 'Outlets'),
    outlets,
    conflicts,
    exclusive,
  );
}

/** The story as a facet: each view of the workbench narrowed to its articles. */
function storyFacets(id: string): HTMLElement {
  const views: Array<[string, string]> = [
    ['timeline', 'Timeline'],
    ['quotes', 'Quotes'],
    ['claims', 'Claims'],
    ['articles', 'Articles'],
    ['network', 'Network'],
    ['map', 'Map'],
  ];
  return el(
    'nav',
    { class: 'meta', id: 'story-facets' },
    'This story in: ',
    ...views.flatMap(([view, label], i) => [
      i > 0 ? ' · ' : null,
      el('a', { href: filterHref(view, { story: id }), 'data-view': view }, label),
    ]),
  );
}
