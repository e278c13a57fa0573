import { parseResponse } from 'hono/client';
import { client, type NetworkAnswer } from './client.js';
import { correctionControls } from './corrections.js';
import { clear, el } from './dom.js';
import { evidenceLink } from './evidence-link.js';
import { type Filter, filterBar, filterHref, readFilter } from './filters.js';

/**
 * The view's state, kept in the URL: `#/network?from=…&to=…&min=…` and the workbench's facets (type, kind, flag,
 * outlet, story, actor), which narrow the events the graph counts.
 */
interface NetworkState {
  from: string;
  to: string;
  min: number;
  filter: Filter;
}

function stateOf(hash: string): NetworkState {
  const cut = hash.indexOf('?');
  const p = new URLSearchParams(cut < 0 ? '' : hash.slice(cut + 1));
  const filter = readFilter(p);
  return { from: filter.from ?? '', to: filter.to ?? '', min: Number(p.get('min') ?? '0') || 0, filter };
}

function hashOf(s: NetworkState): string {
  return filterHref(
    'network',
    { ...s.filter, from: s.from || undefined, to: s.to || undefined },
    s.min > 0 ? { min: String(s.min) } : {},
  );
}

/** The API query for a state: its facets and period, and `extra`. */
function queryOf(s: NetworkState, extra: Record<string, string> = {}): Record<string, string> {
  const q: Record<string, string> = { ...extra };
  for (const [k, v] of Object.entries({ ...s.filter, from: s.from, to: s.to })) if (v) q[k] = v;
  return q;
}

const DAY = 86_400_000;
/** A date of any precision as a day: its first day, or (`end`) its last. "2026-03" → 2026-03-01 / 2026-03-31. */
export function asDay(date: string | null, end = false): string {
  if (!date) return '';
  const [y, m, d] = date.slice(0, 10).split('-');
  if (!y) return '';
  if (d) return `${y}-${m}-${d}`;
  if (m) return end ? new Date(Date.UTC(Number(y), Number(m), 0)).toISOString().slice(0, 10) : `${y}-${m}-01`;
  return end ? `${y}-12-31` : `${y}-01-01`;
}
const dayNumber = (day: string): number => Math.round(Date.parse(`${day}T00:00:00Z`) / DAY);
const dayOf = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10);

export type Edge = NetworkAnswer['edges'][number];

/**
 * The graph's drawing (Cytoscape.js, fCoSE, WebCola): a bundle of its own, fetched only when this view is shown, so
 * that no other view loads the graph libraries (an address, not a module name: the bundler leaves it apart).
 */
const GRAPH_MODULE = '/ui/network-graph.js';
type GraphModule = typeof import('./network-graph.js');
let graphModule: Promise<GraphModule> | null = null;
const loadGraph = (): Promise<GraphModule> => {
  graphModule ??= (import(GRAPH_MODULE) as Promise<GraphModule>).catch((err: unknown) => {
    graphModule = null;
    throw err;
  });
  return graphModule;
};

/**
 * Who acts on whom, drawn by Cytoscape.js with the fCoSE layout (node sizes include their labels, so labels do
 * not overlap): green edges cooperative, red conflictual. A node opens its actor's page; an edge (on the graph or
 * in the table) lists its events, each with its evidence sentence. A time slider and a minimum of mentions
 * narrow the graph; both live in the URL.
 */
export async function renderNetwork(main: HTMLElement): Promise<void> {
  const state = stateOf(location.hash);
  // The graph library loads while the network is asked for; the controls and the edge table do not wait for it.
  const graph = loadGraph();
  graph.catch(() => undefined);
  const bar = filterBar(
    'network',
    state.filter,
    ['type', 'quad', 'flag', 'outlet', 'story'],
    undefined,
    state.min > 0 ? { min: String(state.min) } : {},
  );
  const net = await parseResponse(
    client.network.$get({ query: queryOf(state, state.min > 0 ? { min: String(state.min) } : {}) }),
  );
  clear(main);
  main.append(el('h2', {}, 'Actor network'), bar);
  const first = asDay(net.span.first);
  const last = asDay(net.span.last, true);
  const go = (s: NetworkState): void => {
    const h = hashOf(s);
    if (location.hash !== h) location.hash = h;
  };
  const from = el('input', { type: 'date', id: 'network-from', value: state.from || first, 'aria-label': 'From' });
  const to = el('input', { type: 'date', id: 'network-to', value: state.to || last, 'aria-label': 'To' });
  for (const input of [from, to]) {
    if (first) input.min = first;
    if (last) input.max = last;
  }
  const apply = (): void =>
    go({ ...state, from: from.value === first ? '' : from.value, to: to.value === last ? '' : to.value });
  from.addEventListener('change', apply);
  to.addEventListener('change', apply);
  const controls = el('div', { class: 'controls', id: 'network-range' }, 'From ', from, ' to ', to);
  if (first && last) {
    // The slider: two handles over the corpus's days, moving the date fields; released, they apply.
    const lo = dayNumber(first);
    const hi = dayNumber(last);
    const slider = (id: string, value: string, label: string): HTMLInputElement => {
      const s = el('input', { type: 'range', id, min: String(lo), max: String(hi), step: '1', 'aria-label': label });
      s.value = String(dayNumber(value));
      return s;
    };
    const sFrom = slider('network-slider-from', from.value, 'Start of period');
    const sTo = slider('network-slider-to', to.value, 'End of period');
    sFrom.addEventListener('input', () => {
      if (Number(sFrom.value) > Number(sTo.value)) sFrom.value = sTo.value;
      from.value = dayOf(Number(sFrom.value));
    });
    sTo.addEventListener('input', () => {
      if (Number(sTo.value) < Number(sFrom.value)) sTo.value = sFrom.value;
      to.value = dayOf(Number(sTo.value));
    });
    sFrom.addEventListener('change', apply);
    sTo.addEventListener('change', apply);
    controls.append(el('span', { class: 'slider' }, sFrom, sTo));
  }
  const min = el('input', {
    type: 'number',
    id: 'network-min',
    min: '0',
    value: String(state.min),
    'aria-label': 'Minimum mentions',
  });
  min.addEventListener('change', () => go({ ...state, min: Math.max(0, Number(min.value) || 0) }));
  controls.append(el('label', {}, 'Actors with at least ', min, ' mentions'));
  main.append(controls);
  if (net.edges.length === 0) {
    main.append(el('p', { class: 'empty' }, 'No events between actors in this period.'));
    return;
  }
  const detail = el('div', { id: 'network-detail', hidden: '' });
  const canvas = el('div', { id: 'network-canvas', role: 'img', 'aria-label': 'Actor network graph' });
  main.append(
    el(
      'p',
      { class: 'meta' },
      `${net.nodes.length} actors, ${net.edges.length} of ${net.totalEdges} edges (strongest first). Click an actor to open it, an edge to list its events.`,
    ),
    canvas,
    detail,
  );
  const names = new Map(net.nodes.map((n) => [n.id, n.name]));
  const showEdge = (e: Edge): void => void renderEdgeEvents(detail, e, names, state);
  main.append(edgeTable(net.edges, names, showEdge));
  try {
    const { drawGraph } = await graph;
    // Not when another view has been opened meanwhile.
    if (canvas.isConnected) drawGraph(canvas, net, showEdge);
  } catch {
    canvas.replaceChildren(el('p', { class: 'meta' }, 'The graph could not be loaded; the table below is complete.'));
  }
}

function edgeTable(edges: Edge[], names: Map<string, string>, showEdge: (e: Edge) => void): HTMLElement {
  const rows = edges.map((e) => {
    const open = el('button', { type: 'button', class: 'link' }, `${e.events} events`);
    open.addEventListener('click', () => showEdge(e));
    return el(
      'tr',
      {},
      el('td', {}, el('a', { href: `#/actor/${encodeURIComponent(e.source)}` }, names.get(e.source) ?? e.source)),
      el('td', {}, el('a', { href: `#/actor/${encodeURIComponent(e.target)}` }, names.get(e.target) ?? e.target)),
      // Events, each once, so the two columns sum to the counts listed under the types.
      el('td', {}, String(e.cooperativeEvents)),
      el('td', {}, String(e.conflictualEvents)),
      el(
        'td',
        {},
        Object.entries(e.types)
          .map(([t, n]) => `${t} ${n}`)
          .join(', '),
      ),
      el('td', {}, e.first && e.last ? (e.first === e.last ? e.first : `${e.first} – ${e.last}`) : ''),
      el('td', {}, open),
    );
  });
  return el(
    'table',
    { id: 'network-edges' },
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        ...['Source', 'Target', 'Cooperative', 'Conflictual', 'Event types', 'When', 'Events'].map((h) =>
          el('th', {}, h),
        ),
      ),
    ),
    el('tbody', {}, ...rows),
  );
}

/** The events behind one edge, each with its evidence sentences (links that open them highlighted). */
async function renderEdgeEvents(
  detail: HTMLElement,
  edge: Edge,
  names: Map<string, string>,
  state: NetworkState,
): Promise<void> {
  const page = await parseResponse(
    client.network.events.$get({
      query: queryOf(state, { source: edge.source, target: edge.target, limit: '100' }),
    }),
  );
  clear(detail);
  detail.hidden = false;
  detail.append(
    el(
      'h3',
      {},
      `${names.get(edge.source) ?? edge.source} → ${names.get(edge.target) ?? edge.target}: ${page.total} events`,
    ),
  );
  const list = el('ul', { class: 'list', id: 'network-edge-events' });
  for (const ev of page.items) {
    list.append(
      el(
        'li',
        { 'data-event': ev.id },
        el('span', { class: 'badge' }, ev.type),
        ` ${ev.date ?? 'undated'} · ${ev.source.join(', ')} → ${ev.target.join(', ')}`,
        el('div', { class: 'meta' }, ...ev.sentences.map((x) => el('div', {}, evidenceLink(x)))),
        correctionControls('event', ev.id),
      ),
    );
  }
  detail.append(list);
  if (page.total > page.items.length) detail.append(el('p', { class: 'meta' }, `First ${page.items.length} shown.`));
}
