import { parseResponse } from 'hono/client';
import { type ActorProfile, client } from './client.js';
import { correctionControls } from './corrections.js';
import { clear, dateLabel, el, pager, paging } from './dom.js';
import { evidenceHref, evidenceLink } from './evidence.js';
import { filterHref } from './filters.js';

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
    pager(page.offset, page.limit, page.total, (o) => void renderEntities(main, type, o), {
      capped: page.totalCapped,
      shown: page.items.length,
      more: page.next !== null,
    }),
  );
}

const SVG = 'http://www.w3.org/2000/svg';

/** Mentions over time as a small bar chart (SVG built node by node): by day over a short span, else by month. */
function sparkline(days: ActorProfile['mentionsByDay']): Element {
  const dated = days.filter((d) => d.day.length >= 7);
  if (dated.length === 0) return el('span', { class: 'meta' }, 'no dated mentions');
  const dayMs = 86_400_000;
  const toTime = (d: string): number => Date.parse(d.length === 7 ? `${d}-01` : d);
  const first = toTime(dated[0]!.day);
  const last = toTime(dated.at(-1)!.day);
  const byMonth = (last - first) / dayMs > 120;
  const bins = new Map<string, number>();
  for (const d of dated) {
    const key = byMonth ? d.day.slice(0, 7) : d.day;
    bins.set(key, (bins.get(key) ?? 0) + d.mentions);
  }
  // Every day (or month) of the span gets a bar, empty ones too, so gaps show as gaps.
  const keys: string[] = [];
  for (let t = first; t <= last && keys.length < 400; ) {
    const iso = new Date(t).toISOString();
    keys.push(byMonth ? iso.slice(0, 7) : iso.slice(0, 10));
    if (byMonth) {
      const d = new Date(t);
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    } else t += dayMs;
  }
  const max = Math.max(...bins.values());
  const w = 6;
  const h = 40;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('id', 'actor-sparkline');
  svg.setAttribute('width', String(keys.length * w));
  svg.setAttribute('height', String(h));
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', `Mentions by ${byMonth ? 'month' : 'day'}, ${keys[0]} to ${keys.at(-1)}`);
  keys.forEach((k, i) => {
    const n = bins.get(k) ?? 0;
    const bar = document.createElementNS(SVG, 'rect');
    const bh = n === 0 ? 1 : Math.max(2, Math.round((n / max) * h));
    bar.setAttribute('x', String(i * w));
    bar.setAttribute('y', String(h - bh));
    bar.setAttribute('width', String(w - 1));
    bar.setAttribute('height', String(bh));
    bar.setAttribute('class', n === 0 ? 'none' : 'some');
    const title = document.createElementNS(SVG, 'title');
    title.textContent = `${k}: ${n} mention(s)`;
    bar.append(title);
    svg.append(bar);
  });
  return el('figure', { class: 'sparkline' }, svg, el('figcaption', { class: 'meta' }, `${keys[0]} – ${keys.at(-1)}`));
}

type ProfileEvent = ActorProfile['asSource']['items'][number];

function eventItem(e: ProfileEvent): HTMLElement {
  return el(
    'li',
    { 'data-event': e.id },
    el('span', { class: 'badge' }, e.type),
    `${e.source.join(', ') || '?'} → ${e.target.join(', ') || '—'}`,
    ` · ${dateLabel(e.date, e.datePrecision)} `,
    evidenceLink(e.evidence[0]),
  );
}

/**
 * A titled list with "n of total" and, past the page, a link to the full filtered list (`capped`: the total is a
 * floor, the list's count having stopped at its cap).
 */
function section(
  id: string,
  title: string,
  total: number,
  items: HTMLElement[],
  more?: string,
  capped = false,
): HTMLElement {
  const n = `${total}${capped ? '+' : ''}`;
  return el(
    'section',
    { class: 'profile-section', id },
    el('h3', {}, `${title} (${n})`),
    items.length > 0 ? el('ul', { class: 'list' }, ...items) : el('p', { class: 'empty' }, 'None.'),
    more && total > items.length ? el('a', { href: more }, `All ${n} →`) : null,
  );
}

/**
 * One actor: its names, type, role and code, how often it was mentioned over time, its events as source and as
 * target, its quotes, the claims it made and denied, the actors it shares events with, and where it is mentioned.
 * Every item opens its sentence in the reader.
 */
export async function renderActor(main: HTMLElement, id: string, offset = 0): Promise<void> {
  const [page, profile] = await Promise.all([
    parseResponse(client.entities[':id'].$get({ param: { id }, query: paging(offset, 50) })),
    parseResponse(client.entities[':id'].profile.$get({ param: { id } })),
  ]);
  const e = page.entity;
  clear(main);
  main.append(
    el('p', {}, el('a', { href: '#/entities' }, '← Actors')),
    el('h2', { id: 'actor-name' }, e.name),
    el(
      'p',
      { class: 'meta', id: 'actor-facts' },
      [e.type, e.code, `${e.mentions} mentions in ${page.total} article(s)`].filter(Boolean).join(' · '),
    ),
    el(
      'p',
      { class: 'aliases', id: 'actor-aliases' },
      `Also written: ${e.aliases.filter((a) => a !== e.name).join(' · ') || '—'}`,
    ),
    el('p', { id: 'actor-corrections' }, correctionControls('actor', e.id)),
  );
  if ((e.roles ?? []).length > 0)
    main.append(el('p', { class: 'meta', id: 'actor-roles' }, `Roles: ${(e.roles ?? []).join(', ')}`));
  main.append(
    sparkline(profile.mentionsByDay),
    el(
      'p',
      { class: 'meta' },
      'See this actor in: ',
      el('a', { href: filterHref('timeline', { actor: id }, { name: e.name }) }, 'timeline'),
      ' · ',
      el('a', { href: filterHref('quotes', { actor: id }, { name: e.name }) }, 'quotes'),
      ' · ',
      el('a', { href: filterHref('claims', { actor: id }, { name: e.name }) }, 'claims'),
      ' · ',
      el('a', { href: filterHref('articles', { actor: id }, { name: e.name }) }, 'articles'),
    ),
  );
  const claimItem = (c: ActorProfile['claims']['items'][number]): HTMLElement =>
    el(
      'li',
      { 'data-claim': c.id },
      el('span', { class: `badge stance-${c.stance}` }, c.stance),
      c.proposition,
      ` · ${dateLabel(c.date, c.datePrecision)} `,
      evidenceLink(c.evidence[0], 'evidence', c.text),
    );
  const grid = el(
    'div',
    { class: 'profile' },
    section(
      'actor-as-source',
      'Did',
      profile.asSource.total,
      profile.asSource.items.map(eventItem),
      filterHref('timeline', { actor: id }, { name: e.name }),
    ),
    section('actor-as-target', 'Done to it', profile.asTarget.total, profile.asTarget.items.map(eventItem)),
    section(
      'actor-quotes',
      'Said',
      profile.quotes.total,
      profile.quotes.items.map((q) =>
        el(
          'li',
          { 'data-quote': q.id },
          /^["“‘']/.test(q.text) ? q.text : `“${q.text}”`,
          q.addressee ? ` (to ${q.addressee.text})` : '',
          ` · ${dateLabel(q.date ?? null, q.datePrecision)} `,
          evidenceLink(q),
        ),
      ),
      filterHref('quotes', { actor: id }, { name: e.name }),
      profile.quotes.totalCapped,
    ),
    section(
      'actor-claims',
      'Claimed',
      profile.claims.total,
      profile.claims.items.map(claimItem),
      filterHref('claims', { actor: id }, { name: e.name }),
    ),
    section(
      'actor-denials',
      'Denied',
      profile.denials.total,
      profile.denials.items.map(claimItem),
      filterHref('claims', { actor: id, stance: 'denies' }, { name: e.name }),
    ),
    section(
      'actor-co',
      'Acts most with',
      profile.coActors.length,
      profile.coActors.map((o) =>
        el(
          'li',
          {},
          el('a', { href: `#/actor/${encodeURIComponent(o.id)}` }, o.name),
          ` · ${o.type} · ${o.events} shared event(s) · `,
          el('a', { href: filterHref('timeline', { actor: `${id},${o.id}` }), class: 'meta' }, 'their events'),
        ),
      ),
    ),
  );
  main.append(grid, el('h3', {}, `Mentioned in (${page.total})`));
  const list = el('ol', { id: 'actor-articles', class: 'results' });
  for (const a of page.items) {
    const snippets = a.snippets.map((s) =>
      el(
        'blockquote',
        { class: 'snippet' },
        s.before.replace(/^\S*\s/, '… '),
        el(
          'a',
          { href: evidenceHref({ articleId: a.id, start: s.start, end: s.end }), class: 'mention' },
          el('mark', {}, s.text),
        ),
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
