import { geoNaturalEarth1, geoPath } from 'd3-geo';
import { parseResponse } from 'hono/client';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';
import { client } from './client.js';
import { correctionControls } from './corrections.js';
import { clear, el } from './dom.js';
import { evidenceLink } from './evidence-link.js';
import { type Filter, filterBar, readFilter } from './filters.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 960;
const HEIGHT = 500;

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** The map's state in the URL: the workbench's facets, `#/map?from=…&to=…&type=…`. */
function filterOf(hash: string): Filter {
  const cut = hash.indexOf('?');
  return readFilter(new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1)));
}

/** A filter as an API query (empty values left out). */
function queryOf(f: Filter, extra: Record<string, string> = {}): Record<string, string> {
  const q: Record<string, string> = { ...extra };
  for (const [k, v] of Object.entries(f)) if (v) q[k] = v;
  return q;
}

/** The world outline, projected once per page (Natural Earth 1:110m from `world-atlas`, bundled: no tile server). */
let outline: string | null = null;
function worldOutline(path: ReturnType<typeof geoPath>): string {
  if (outline !== null) return outline;
  const topo = world as unknown as Topology<{ countries: GeometryCollection }>;
  outline = path(feature(topo, topo.objects.countries)) ?? '';
  return outline;
}

/**
 * Where events happened: a world map (d3-geo, Natural Earth projection) with a circle per country whose area
 * follows its number of events. A circle (or a row of the list beside it) lists the place's events, each with
 * its evidence sentences. Place names the gazetteer cannot place are listed apart.
 */
export async function renderMap(main: HTMLElement): Promise<void> {
  const f = filterOf(location.hash);
  const data = await parseResponse(client.places.$get({ query: queryOf(f) }));
  const bar = await filterBar('map', f, ['type', 'quad', 'flag', 'from', 'to', 'outlet', 'story']);
  clear(main);
  main.append(el('h2', {}, 'Map of events'), bar);
  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const map = svg('svg', {
    id: 'map-svg',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    role: 'img',
    'aria-label': 'World map of event places',
  });
  map.append(svg('path', { class: 'land', d: worldOutline(path) }));
  const detail = el('div', { id: 'map-detail', hidden: '' });
  const most = Math.max(1, ...data.places.map((p) => p.events));
  const list = el('ul', { class: 'list', id: 'map-places' });
  for (const p of data.places) {
    const xy = projection([p.lng, p.lat]);
    if (!xy) continue;
    // Area, not radius, follows the count.
    const r = 3 + 22 * Math.sqrt(p.events / most);
    const dot = svg('circle', {
      class: 'place',
      cx: xy[0].toFixed(1),
      cy: xy[1].toFixed(1),
      r: r.toFixed(1),
      'data-iso3': p.iso3,
    });
    const title = svg('title', {});
    title.textContent = `${p.name}: ${p.events} event(s)`;
    dot.append(title);
    const open = (): void => {
      for (const c of map.querySelectorAll('circle.selected')) c.classList.remove('selected');
      dot.classList.add('selected');
      void renderPlaceEvents(detail, `${p.name} (${p.names.join(', ')})`, { iso3: p.iso3 }, f);
    };
    dot.addEventListener('click', open);
    map.append(dot);
    const link = el('button', { type: 'button', class: 'link', 'data-iso3': p.iso3 }, p.name);
    link.addEventListener('click', open);
    list.append(el('li', {}, link, ` ${p.events} event(s) · ${p.names.join(', ')}`));
  }
  if (data.places.length === 0)
    main.append(el('p', { class: 'empty' }, 'No event that this filter lets through names a place on the map.'));
  main.append(map, detail, el('h3', {}, 'Places'), list);
  if (data.unplaced.length > 0) {
    const other = el('ul', { class: 'list', id: 'map-unplaced' });
    for (const u of data.unplaced) {
      const link = el('button', { type: 'button', class: 'link' }, u.location);
      link.addEventListener('click', () => void renderPlaceEvents(detail, u.location, { location: u.location }, f));
      other.append(el('li', {}, link, ` ${u.events} event(s)`));
    }
    main.append(el('h3', {}, 'Places not on the map'), other);
  }
}

async function renderPlaceEvents(
  detail: HTMLElement,
  label: string,
  where: { iso3: string } | { location: string },
  f: Filter,
): Promise<void> {
  const page = await parseResponse(client.places.events.$get({ query: queryOf(f, { ...where, limit: '100' }) }));
  clear(detail);
  detail.hidden = false;
  detail.append(el('h3', {}, `${label}: ${page.total} event(s)`));
  const list = el('ul', { class: 'list', id: 'map-events' });
  for (const ev of page.items)
    list.append(
      el(
        'li',
        { 'data-event': ev.id },
        el('span', { class: 'badge' }, ev.type),
        ` ${ev.date ?? 'undated'} · ${ev.source.join(', ') || '—'} → ${ev.target.join(', ') || '—'}`,
        ...ev.sentences.map((x) => el('div', { class: 'meta' }, evidenceLink(x))),
        correctionControls('event', ev.id),
      ),
    );
  detail.append(list);
  if (page.total > page.items.length) detail.append(el('p', { class: 'meta' }, `First ${page.items.length} shown.`));
}
