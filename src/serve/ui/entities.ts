import { parseResponse } from 'hono/client';
import { client } from './client.js';
import { correctionControls } from './corrections.js';
import { clear, dateLabel, el, pager, paging } from './dom.js';

const TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC'] as const;

/** The actor list: canonical name, type, code, roles, mentions and every alias; filter by type. */
export async function renderEntities(main: HTMLElement, type = '', offset = 0): Promise<void> {
  const page = await parseResponse(
    client.entities.$get({ query: { ...paging(offset, 100), ...(type ? { type } : {}) } }),
  );
  clear(main);
  const filter = el(
    'select',
    { id: 'entity-type', 'aria-label': 'Actor type' },
    el('option', { value: '' }, 'All types'),
    ...TYPES.map((t) => el('option', { value: t }, t)),
  );
  filter.value = type;
  filter.addEventListener('change', () => {
    location.hash = filter.value ? `#/entities/${filter.value}` : '#/entities';
  });
  main.append(el('h2', {}, 'Actors'), el('p', { class: 'meta' }, 'Type ', filter));
  if (page.total === 0) {
    main.append(el('p', { class: 'empty' }, 'No actors yet.'));
    return;
  }
  const rows = page.items.map((e) =>
    el(
      'tr',
      { 'data-entity': e.id },
      el('td', {}, el('a', { href: `#/actor/${e.id}` }, el('strong', {}, e.name))),
      el('td', {}, e.type),
      el('td', {}, e.code ?? ''),
      el('td', {}, (e.roles ?? []).join(', ')),
      el('td', {}, String(e.mentions)),
      el('td', { class: 'aliases' }, e.aliases.join(' · ')),
    ),
  );
  main.append(
    el(
      'table',
      { id: 'entity-table' },
      el(
        'thead',
        {},
        el('tr', {}, ...['Name', 'Type', 'Code', 'Roles', 'Mentions', 'Aliases'].map((h) => el('th', {}, h))),
      ),
      el('tbody', {}, ...rows),
    ),
    pager(page.offset, page.limit, page.total, (o) => void renderEntities(main, type, o)),
  );
}

/** One actor: its names and where the corpus mentions it, each mention in its sentence's context. */
export async function renderActor(main: HTMLElement, id: string, offset = 0): Promise<void> {
  const page = await parseResponse(client.entities[':id'].$get({ param: { id }, query: paging(offset, 50) }));
  const e = page.entity;
  clear(main);
  main.append(
    el('p', {}, el('a', { href: '#/entities' }, '← Actors')),
    el('h2', { id: 'actor-name' }, e.name),
    el(
      'p',
      { class: 'meta' },
      [e.type, e.code, `${e.mentions} mentions in ${page.total} article(s)`].filter(Boolean).join(' · '),
    ),
    el(
      'p',
      { class: 'aliases', id: 'actor-aliases' },
      `Also written: ${e.aliases.filter((a) => a !== e.name).join(' · ') || '—'}`,
    ),
    el('p', { id: 'actor-corrections' }, correctionControls('actor', e.id)),
  );
  if ((e.roles ?? []).length > 0) main.append(el('p', { class: 'meta' }, `Roles: ${(e.roles ?? []).join(', ')}`));
  const list = el('ol', { id: 'actor-articles', class: 'results' });
  for (const a of page.items) {
    const snippets = a.snippets.map((s) =>
      el(
        'blockquote',
        { class: 'snippet' },
        s.before.replace(/^\S*\s/, '… '),
        el('mark', {}, s.text),
        s.after.replace(/\s\S*$/, ' …'),
      ),
    );
    list.append(
      el(
        'li',
        {},
        el('a', { href: `#/article/${a.id}` }, a.title),
        el(
          'span',
          { class: 'meta' },
          ` ${a.outlet ?? 'unknown outlet'} · ${dateLabel(a.published)} · ${a.mentions} mention(s)`,
        ),
        ...snippets,
      ),
    );
  }
  main.append(
    list,
    pager(page.offset, page.limit, page.total, (o) => void renderActor(main, id, o)),
  );
}
