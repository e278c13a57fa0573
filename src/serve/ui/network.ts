import { parseResponse } from 'hono/client';
import { client } from './client.js';
import { clear, el } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/**
 * Who acts on whom: actors on a circle, edges green (cooperative) or red (conflictual), plus the edge table;
 * two date fields narrow it to a period, so the network can be followed over time.
 */
export async function renderNetwork(
  main: HTMLElement,
  range: { from: string; to: string } = { from: '', to: '' },
): Promise<void> {
  const query = { ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) };
  const net = await parseResponse(client.network.$get({ query }));
  clear(main);
  main.append(el('h2', {}, 'Actor network'));
  const from = el('input', {
    type: 'date',
    id: 'network-from',
    value: range.from || (net.span.first ?? '').slice(0, 10),
    'aria-label': 'From',
  });
  const to = el('input', {
    type: 'date',
    id: 'network-to',
    value: range.to || (net.span.last ?? '').slice(0, 10),
    'aria-label': 'To',
  });
  const apply = (): void => void renderNetwork(main, { from: from.value, to: to.value });
  from.addEventListener('change', apply);
  to.addEventListener('change', apply);
  main.append(el('p', { class: 'meta', id: 'network-range' }, 'From ', from, ' to ', to));
  if (net.edges.length === 0) {
    main.append(el('p', { class: 'empty' }, 'No events between actors in this period.'));
    return;
  }
  const nodes = net.nodes.slice(0, 40);
  const ids = new Set(nodes.map((n) => n.id));
  const size = 560;
  const r = size / 2 - 90;
  const pos = new Map(
    nodes.map((n, i) => {
      const a = (2 * Math.PI * i) / nodes.length - Math.PI / 2;
      return [n.id, { x: size / 2 + r * Math.cos(a), y: size / 2 + r * Math.sin(a) }];
    }),
  );
  const graph = svg('svg', {
    width: size,
    height: size,
    viewBox: `0 0 ${size} ${size}`,
    id: 'network-graph',
    role: 'img',
  });
  for (const e of net.edges) {
    if (!ids.has(e.source) || !ids.has(e.target)) continue;
    const a = pos.get(e.source)!;
    const b = pos.get(e.target)!;
    const line = svg('line', {
      x1: a.x,
      y1: a.y,
      x2: b.x,
      y2: b.y,
      stroke: e.conflictual > e.cooperative ? '#c33' : '#2a7',
      'stroke-width': Math.min(6, 1 + Math.log2(1 + e.cooperative + e.conflictual)),
      'stroke-opacity': 0.7,
    });
    const title = svg('title', {});
    title.textContent = `${e.cooperative} cooperative, ${e.conflictual} conflictual`;
    line.append(title);
    graph.append(line);
  }
  for (const n of nodes) {
    const p = pos.get(n.id)!;
    graph.append(svg('circle', { cx: p.x, cy: p.y, r: 5 + Math.min(10, Math.log2(1 + n.mentions)), fill: '#0b5cad' }));
    const label = svg('text', { x: p.x, y: p.y - 12, 'text-anchor': 'middle', 'font-size': 11 });
    label.textContent = n.name;
    graph.append(label);
  }
  const names = new Map(net.nodes.map((n) => [n.id, n.name]));
  const rows = net.edges.map((e) =>
    el(
      'tr',
      {},
      el('td', {}, names.get(e.source) ?? e.source),
      el('td', {}, names.get(e.target) ?? e.target),
      el('td', {}, String(e.cooperative)),
      el('td', {}, String(e.conflictual)),
      el(
        'td',
        {},
        Object.entries(e.types)
          .map(([t, n]) => `${t} ${n}`)
          .join(', '),
      ),
      el('td', {}, e.first && e.last ? (e.first === e.last ? e.first : `${e.first} – ${e.last}`) : ''),
    ),
  );
  main.append(
    graph,
    el(
      'table',
      { id: 'network-edges' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          ...['Source', 'Target', 'Cooperative', 'Conflictual', 'Event types', 'When'].map((h) => el('th', {}, h)),
        ),
      ),
      el('tbody', {}, ...rows),
    ),
  );
}
