import { type InferResponseType, parseResponse } from 'hono/client';
import { client } from './client.js';
import { correctionControls } from './corrections.js';
import { clear, el } from './dom.js';
import { evidenceLink } from './evidence-link.js';
import { type Filter, filterBar, readFilter } from './filters.js';

/**
 * The drawing (d3-geo and the world outline): a bundle of its own, fetched only when this view is shown (an
 * address, not a module name: the bundler leaves it apart).
 */
const DRAW_MODULE = '/ui/map-draw.js';
type DrawModule = typeof import('./map-draw.js');
let drawModule: Promise<DrawModule> | null = null;
const loadDraw = (): Promise<DrawModule> => {
  drawModule ??= (import(DRAW_MODULE) as Promise<DrawModule>).catch((err: unknown) => {
    drawModule = null;
    throw err;
  });
  return drawModule;
};

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

/**
 * Where events happened: a world map (d3-geo, Natural Earth projection) with a circle per country, and per city
 * the country gazetteer does not hold, whose area follows its number of events. A circle (or a row of the list beside it) lists the place's events, each with
 * its evidence sentences. Place names the gazetteer cannot place are listed apart.
 */
export async function renderMap(main: HTMLElement): Promise<void> {
  const f = filterOf(location.hash);
  // The geodata loads while the places are asked for; the list of places does not wait for it.
  const draw = loadDraw();
  draw.catch(() => undefined);
  const bar = filterBar('map', f, ['type', 'quad', 'flag', 'from', 'to', 'outlet', 'story']);
  const data = await parseResponse(client.places.$get({ query: queryOf(f) }));
  clear(main);
  main.append(el('h2', {}, 'Map of events'), bar);
  // Holds the map's place until it is drawn (same size: the list below does not move).
  const frame = el('div', { id: 'map-frame', class: 'map-frame' });
  const detail = el('div', { id: 'map-detail', hidden: '' });
  const list = el('ul', { class: 'list', id: 'map-places' });
  // The map once drawn (the frame until then), and the place last opened: marked on the map when it comes.
  let shown: Element = frame;
  let chosen = '';
  const select = (key: string): void => {
    chosen = key;
    for (const c of shown.querySelectorAll('circle.selected')) c.classList.remove('selected');
    shown.querySelector(`circle[data-place="${CSS.escape(key)}"]`)?.classList.add('selected');
  };
  const open = (p: Place): void => {
    select(p.key);
    void renderPlaceEvents(detail, `${placeName(p)} (${p.names.join(', ')})`, { place: p.key }, f);
  };
  for (const p of data.places) {
    const link = el(
      'button',
      { type: 'button', class: 'link', 'data-iso3': p.iso3, 'data-place': p.key },
      placeName(p),
    );
    link.addEventListener('click', () => open(p));
    list.append(el('li', {}, link, ` ${p.events} event(s) · ${p.names.join(', ')}`));
  }
  if (data.places.length === 0)
    main.append(el('p', { class: 'empty' }, 'No event that this filter lets through names a place on the map.'));
  main.append(frame, detail, el('h3', {}, 'Places'), list);
  if (data.unplaced.length > 0) {
    const other = el('ul', { class: 'list', id: 'map-unplaced' });
    for (const u of data.unplaced) {
      const link = el('button', { type: 'button', class: 'link' }, u.location);
      link.addEventListener('click', () => void renderPlaceEvents(detail, u.location, { location: u.location }, f));
      other.append(el('li', {}, link, ` ${u.events} event(s)`));
    }
    main.append(el('h3', {}, 'Places not on the map'), other);
  }
  try {
    const map = drawMap(await draw, data.places, open);
    frame.replaceWith(map);
    shown = map;
    if (chosen) select(chosen);
  } catch {
    frame.replaceChildren(el('p', { class: 'meta' }, 'The map could not be loaded; the list of places is complete.'));
  }
}

type Place = InferResponseType<typeof client.places.$get, 200>['places'][number];

/** A place as the list and the map name it: a country, or a city with its country ("Geneva, Switzerland"). */
const placeName = (p: Place): string => (p.kind === 'city' && p.country ? `${p.name}, ${p.country}` : p.name);

/**
 * A world map (d3-geo, Natural Earth projection) with a circle per country whose area follows its number of
 * events; a circle opens the place's events.
 */
function drawMap(d: DrawModule, places: Place[], open: (p: Place) => void): SVGSVGElement {
  const map = d.svg('svg', {
    id: 'map-svg',
    viewBox: `0 0 ${d.WIDTH} ${d.HEIGHT}`,
    role: 'img',
    'aria-label': 'World map of event places',
  });
  map.append(d.land());
  const most = Math.max(1, ...places.map((p) => p.events));
  for (const p of places) {
    const xy = d.project(p.lng, p.lat);
    if (!xy) continue;
    // Area, not radius, follows the count.
    const r = 3 + 22 * Math.sqrt(p.events / most);
    const dot = d.svg('circle', {
      class: 'place',
      cx: xy[0].toFixed(1),
      cy: xy[1].toFixed(1),
      r: r.toFixed(1),
      'data-iso3': p.iso3,
      'data-place': p.key,
    });
    const title = d.svg('title', {});
    title.textContent = `${placeName(p)}: ${p.events} event(s)`;
    dot.append(title);
    dot.addEventListener('click', () => open(p));
    map.append(dot);
  }
  return map;
}

async function renderPlaceEvents(
  detail: HTMLElement,
  label: string,
  where: { place: string } | { location: string },
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
