import cytoscape from 'cytoscape';
import fcose from 'cytoscape-fcose';
// WebCola's overlap removal alone (its rectangle module), not the whole constraint layout.
import { Rectangle, removeOverlaps } from 'webcola/dist/src/rectangle';
import type { NetworkAnswer } from './client.js';
import type { Edge } from './network.js';

/**
 * The network view's graph: Cytoscape.js with the fCoSE layout and WebCola's overlap removal. A chunk of its own
 * (`/ui/network-graph.js`, imported by network.ts when the view is shown), so that no other view loads the graph
 * libraries. It imports no module the UI bundle has (each bundle carries its own copy).
 */
cytoscape.use(fcose);

/**
 * Cytoscape.js puts a one-rule <style> in the page unless an element with this id exists; the strict CSP
 * (style-src 'self') would refuse it, so the rule (`position: relative`) is in styles.css and a marker stands in.
 */
const CYTOSCAPE_STYLESHEET_ID = '__________cytoscape_stylesheet';
function markCytoscapeStyles(): void {
  if (!document.getElementById(CYTOSCAPE_STYLESHEET_ID))
    document.head.append(
      Object.assign(document.createElement('meta'), {
        id: CYTOSCAPE_STYLESHEET_ID,
        name: 'cytoscape-styles',
        content: 'styles.css',
      }),
    );
}

export function drawGraph(container: HTMLElement, net: NetworkAnswer, showEdge: (e: Edge) => void): void {
  const edgeById = new Map<string, Edge>();
  const elements: cytoscape.ElementDefinition[] = [];
  for (const n of net.nodes)
    elements.push({ data: { id: `n:${n.id}`, actor: n.id, label: n.name, size: 14 + 4 * Math.log2(1 + n.mentions) } });
  net.edges.forEach((e, i) => {
    const id = `e${i}`;
    edgeById.set(id, e);
    elements.push({
      data: {
        id,
        source: `n:${e.source}`,
        target: `n:${e.target}`,
        width: Math.min(8, 1 + Math.log2(1 + e.events)),
        color: e.conflictualEvents > e.cooperativeEvents ? '#c33' : '#2a7',
      },
    });
  });
  markCytoscapeStyles();
  const cy = cytoscape({
    container,
    elements,
    style: [
      {
        selector: 'node',
        style: {
          label: 'data(label)',
          width: 'data(size)',
          height: 'data(size)',
          'background-color': '#0b5cad',
          'font-size': 11,
          'text-valign': 'bottom',
          'text-margin-y': 3,
          'text-background-color': '#ffffff',
          'text-background-opacity': 0.8,
          'text-background-padding': '1px',
        },
      },
      {
        selector: 'edge',
        style: {
          width: 'data(width)',
          'line-color': 'data(color)',
          'target-arrow-color': 'data(color)',
          'target-arrow-shape': 'triangle',
          'curve-style': 'bezier',
          opacity: 0.75,
        },
      },
      { selector: ':selected', style: { 'overlay-color': '#0b5cad', 'overlay-opacity': 0.2 } },
    ],
    layout: { name: 'preset' },
  });
  const layout = cy.layout({
    name: 'fcose',
    // Labels count as part of a node's size, so the layout mostly keeps them apart; separateLabels makes sure.
    nodeDimensionsIncludeLabels: true,
    randomize: true,
    animate: false,
    nodeRepulsion: () => 12000,
    idealEdgeLength: () => 90,
    packComponents: true,
  } as cytoscape.LayoutOptions);
  layout.one('layoutstop', () => separateLabels(cy));
  layout.run();
  cy.on('tap', 'node', (evt) => {
    location.hash = `#/actor/${encodeURIComponent(String(evt.target.data('actor')))}`;
  });
  cy.on('tap', 'edge', (evt) => {
    const e = edgeById.get(String(evt.target.id()));
    if (e) showEdge(e);
  });
}

/** Room kept between two actors' boxes (node and label), in model units. */
const LABEL_GAP = 2;

/**
 * A force-directed layout keeps actors apart on average, not always: a long label can still lie across a neighbour.
 * Each node's box, label included, is moved the least distance that leaves no two boxes overlapping (WebCola's
 * removeOverlaps, a quadratic program solved in x then y), and the graph is fitted to the canvas again.
 */
function separateLabels(cy: cytoscape.Core): void {
  const nodes = cy.nodes();
  const boxes = nodes.map((n) => n.boundingBox({ includeLabels: true, includeOverlays: false }));
  const rects = boxes.map((b) => new Rectangle(b.x1 - LABEL_GAP, b.x2 + LABEL_GAP, b.y1 - LABEL_GAP, b.y2 + LABEL_GAP));
  const before = rects.map((r) => ({ x: r.cx(), y: r.cy() }));
  removeOverlaps(rects);
  cy.batch(() => {
    nodes.forEach((n, i) => {
      const dx = rects[i]!.cx() - before[i]!.x;
      const dy = rects[i]!.cy() - before[i]!.y;
      if (dx !== 0 || dy !== 0) n.shift({ x: dx, y: dy });
    });
  });
  cy.fit(undefined, 30);
}
