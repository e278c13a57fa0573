import { api, clear, el, pager } from './dom.js';
import type { Entity, Page } from './types.js';

export async function renderEntities(main: HTMLElement, offset = 0): Promise<void> {
  const page = await api<Page<Entity>>(`/api/entities?offset=${offset}&limit=100`);
  clear(main);
  main.append(el('h2', {}, 'Actors'));
  if (page.total === 0) {
    main.append(el('p', { class: 'empty' }, 'No actors yet.'));
    return;
  }
  const rows = page.items.map((e) =>
    el('tr', { 'data-entity': e.id },
      el('td', {}, el('strong', {}, e.name)),
      el('td', {}, e.type),
      el('td', {}, String(e.mentions)),
      el('td', { class: 'aliases' }, e.aliases.join(' · ')),
    ),
  );
  main.append(
    el('table', { id: 'entity-table' },
      el('thead', {}, el('tr', {}, el('th', {}, 'Name'), el('th', {}, 'Type'), el('th', {}, 'Mentions'), el('th', {}, 'Aliases'))),
      el('tbody', {}, ...rows)),
    pager(page.offset, page.limit, page.total, (o) => void renderEntities(main, o)),
  );
}
