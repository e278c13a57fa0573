import { renderArticle, renderArticleList } from './articles.js';
import { parseResponse } from 'hono/client';
import { client } from './client.js';
import { el } from './dom.js';
import { renderActor, renderEntities } from './entities.js';
import { renderLedger } from './ledger.js';
import { renderCorrections } from './corrections.js';
import { renderMap } from './map.js';
import { renderNetwork } from './network.js';
import { renderClaims, renderQuotes } from './quotes.js';
import { renderSearch } from './search.js';
import { renderSources } from './sources.js';
import { renderStories } from './stories.js';
import { renderBriefs } from './briefs.js';
import { renderTimeline } from './timeline.js';

/**
 * The view registry: each view is a hash route with a nav label. Later features add one line here
 * (and their own module with its own browser test).
 */
interface View {
  route: string;
  label: string | null;
  /** `arg` is the path after the route's name; `params` the address's query (`#/route/arg?key=value`). */
  render: (main: HTMLElement, arg: string, params: URLSearchParams) => Promise<void>;
}

const VIEWS: View[] = [
  { route: 'articles', label: 'Articles', render: (m, _, p) => renderArticleList(m, p) },
  { route: 'article', label: null, render: (m, id, p) => renderArticle(m, id, p) },
  { route: 'entities', label: 'Actors', render: (m, type) => renderEntities(m, type) },
  { route: 'actor', label: null, render: (m, id) => renderActor(m, id) },
  { route: 'stories', label: 'Stories', render: (m, id) => renderStories(m, id) },
  { route: 'briefs', label: 'Brief', render: (m, _, p) => renderBriefs(m, p) },
  { route: 'timeline', label: 'Timeline', render: (m, _, p) => renderTimeline(m, p) },
  { route: 'quotes', label: 'Quotes', render: (m, _, p) => renderQuotes(m, p) },
  { route: 'network', label: 'Network', render: (m) => renderNetwork(m) },
  { route: 'map', label: 'Map', render: (m) => renderMap(m) },
  { route: 'ledger', label: 'Claims', render: (m) => renderLedger(m) },
  { route: 'claims', label: null, render: (m, _, p) => renderClaims(m, p) },
  { route: 'search', label: null, render: (m, q) => renderSearch(m, q) },
  { route: 'sources', label: 'Sources', render: (m) => renderSources(m) },
  { route: 'corrections', label: 'Corrections', render: (m) => renderCorrections(m) },
];

/** The number of the latest address asked for; only its view is marked as drawn. */
let asked = 0;
/** The view being drawn: views are drawn one at a time, so that a slow older one cannot write over a newer one. */
let drawing: Promise<void> = Promise.resolve();
/** How long a new address waits for the view before it (a request that never ends must not freeze the workbench). */
const DRAW_WAIT_MS = 5000;

function route(): void {
  const main = document.getElementById('main')!;
  const mine = ++asked;
  // While a view loads, the old one may still be on screen: say so to assistive technology and to anyone waiting for
  // the view of the current address (`data-shown` names the address whose view is drawn).
  main.setAttribute('aria-busy', 'true');
  const before = Promise.race([drawing, new Promise<void>((resolve) => setTimeout(resolve, DRAW_WAIT_MS))]);
  drawing = before.then(() => (mine === asked ? draw(main, mine) : undefined));
}

async function draw(main: HTMLElement, mine: number): Promise<void> {
  const shown = location.hash;
  try {
    // A view's own state follows its path as a query ("#/timeline?type=…"); views get it as `params`.
    const hash = shown.replace(/^#/, '');
    const cut = hash.indexOf('?');
    const params = new URLSearchParams(cut >= 0 ? hash.slice(cut + 1) : '');
    const [, name = 'articles', ...rest] = (cut >= 0 ? hash.slice(0, cut) : hash).split('/');
    const view = VIEWS.find((v) => v.route === name) ?? VIEWS[0]!;
    for (const a of document.querySelectorAll('#nav a'))
      a.classList.toggle('active', a.getAttribute('data-route') === view.route);
    // A malformed address ("#/search/100%") throws here and is reported like any view that could not load.
    await view.render(main, decodeURIComponent(rest.join('/')), params);
  } catch (err) {
    main.replaceChildren(
      el('p', { class: 'warning' }, `Could not load: ${err instanceof Error ? err.message : String(err)}`),
    );
  } finally {
    if (mine === asked) {
      main.removeAttribute('aria-busy');
      main.dataset.shown = shown;
    }
  }
}

function start(): void {
  const nav = document.getElementById('nav')!;
  for (const v of VIEWS) if (v.label) nav.append(el('a', { href: `#/${v.route}`, 'data-route': v.route }, v.label));
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-input') as HTMLInputElement;
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (q) location.hash = `#/search/${encodeURIComponent(q)}`;
  });
  window.addEventListener('hashchange', route);
  route();
  void parseResponse(client.stats.$get())
    .then((s) => {
      document.getElementById('stats')!.textContent =
        `${s.articles} articles · ${s.entities} actors · ${s.quotes} quotes · ${s.events} events`;
    })
    .catch(() => undefined);
}

// Started in a task of its own, so that the browser can paint the static shell (header, search box) before the
// bundle builds the view: the bundle is fetched beside the stylesheet and would otherwise run before the first paint.
setTimeout(start, 0);
