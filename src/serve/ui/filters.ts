import { parseResponse } from 'hono/client';
import { PLOVER_TYPES } from '../../model/doc.js';
import { client } from './client.js';
import { csvLine, type Row } from '../list-rows.js';
import { el, saveFile } from './dom.js';

/**
 * The workbench's one filter bar. The filter lives in the address (`#/<view>?actor=…&from=…`), so a filtered view
 * can be bookmarked, shared and reloaded; each list view reads it from there, passes it to its API route as is
 * (the server checks every value), and draws this bar with the fields that mean something for its rows.
 */
export const FILTER_KEYS = ['actor', 'type', 'quad', 'from', 'to', 'outlet', 'stance', 'flag', 'story'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type Filter = Partial<Record<FilterKey, string>>;

const STANCES = ['asserts', 'accuses', 'denies', 'questions', 'promises', 'threatens'];
const FLAGS = ['asserted', 'negated', 'hypothetical'];

/** The filter in a hash query string (unknown keys dropped, empty values too). */
export function readFilter(params: URLSearchParams): Filter {
  const f: Filter = {};
  for (const k of FILTER_KEYS) {
    const v = params.get(k);
    if (v) f[k] = v;
  }
  return f;
}

/** The address of a view with a filter (and other parameters, such as an actor's display name). */
export function filterHref(view: string, f: Filter, extra: Record<string, string> = {}): string {
  const q = new URLSearchParams();
  for (const k of FILTER_KEYS) if (f[k]) q.set(k, f[k]!);
  for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
  const s = q.toString();
  return `#/${view}${s ? `?${s}` : ''}`;
}

interface Choices {
  outlets: string[];
  stories: Array<{ id: string; title: string }>;
}

let choices: Promise<Choices> | null = null;
/**
 * The bar's lists (outlets; the largest stories, by title), asked for once per page in one request. A view asks
 * for them as it starts, beside its own data, and draws its bar at once: the lists fill the bar when they arrive,
 * they do not hold up the view.
 */
export function filterChoices(): Promise<Choices> {
  choices ??= parseResponse(client['filter-choices'].$get())
    .then((r) => ({
      outlets: r.outlets.map((o) => o.outlet),
      stories: r.stories.map((s) => ({ id: s.id, title: s.title || '(untitled)' })),
    }))
    .catch(() => {
      // Asked again by the next view (a failed answer is not kept).
      choices = null;
      return { outlets: [], stories: [] };
    });
  return choices;
}

/** Fill a select whose list arrives later: its options after the "any" one, the current choice kept. */
function fill(s: HTMLSelectElement, options: HTMLOptionElement[]): void {
  const value = s.value;
  s.replaceChildren(s.options[0]!, ...options);
  s.value = value;
}

/** The story select: a story opened from its page may be past the choices; it is still shown (by id) as chosen. */
function storySelect(value: string | undefined, list: Promise<Choices>): HTMLSelectElement {
  const unknown = (known: Array<{ id: string }>): HTMLOptionElement | null =>
    value && !known.some((c) => c.id === value) ? el('option', { value }, `story ${value}`) : null;
  const s = el(
    'select',
    { name: 'story', 'aria-label': 'Story', 'data-filter': 'story' },
    el('option', { value: '' }, 'Story: any'),
    unknown([]),
  );
  s.value = value ?? '';
  void list.then((r) => {
    const rest = r.stories.map((c) =>
      el('option', { value: c.id }, c.title.length > 60 ? `${c.title.slice(0, 59)}…` : c.title),
    );
    const extra = unknown(r.stories);
    fill(s, extra ? [extra, ...rest] : rest);
  });
  return s;
}

function select(name: FilterKey, label: string, choices: string[], value: string | undefined): HTMLSelectElement {
  const s = el(
    'select',
    { name, 'aria-label': label, 'data-filter': name },
    el('option', { value: '' }, `${label}: any`),
    ...choices.map((c) => el('option', { value: c }, c)),
  );
  s.value = value ?? '';
  return s;
}

/** A select of the outlets: the current one at once, all when the list arrives. */
function outletSelect(value: string | undefined, list: Promise<Choices>): HTMLSelectElement {
  const s = select('outlet', 'Outlet', value ? [value] : [], value);
  void list.then((r) => {
    const names = value && !r.outlets.includes(value) ? [value, ...r.outlets] : r.outlets;
    fill(
      s,
      names.map((c) => el('option', { value: c }, c)),
    );
  });
  return s;
}

/**
 * The bar, drawn at once (its outlet and story lists fill in when `filterChoices` answers): the fields `keys` of `f`, and the actor filter shown by name (`actorName`) with a button that clears it
 * (actors are chosen on the actor pages and lists, by their "filter" links). Changing a field changes the address;
 * the filter's other values, and the view's own parameters `keep` (the network's minimum of mentions), stay.
 */
export function filterBar(
  view: string,
  f: Filter,
  keys: readonly FilterKey[],
  actorName?: string,
  keep: Record<string, string> = {},
): HTMLElement {
  const lists = keys.includes('outlet') || keys.includes('story') ? filterChoices() : null;
  const form = el('form', { class: 'filter-bar', id: 'filter-bar', role: 'search' });
  const go = (next: Filter): void => {
    location.hash = filterHref(view, next, { ...keep, ...(next.actor && actorName ? { name: actorName } : {}) });
  };
  if (f.actor) {
    const clear = el('button', { type: 'button', class: 'chip', 'data-filter': 'actor', title: 'Remove this filter' });
    clear.append(`Actor: ${actorName ?? f.actor} ✕`);
    clear.addEventListener('click', () => go({ ...f, actor: undefined }));
    form.append(clear);
  }
  const fields: HTMLElement[] = [];
  for (const k of keys) {
    if (k === 'type') fields.push(select('type', 'Event type', [...PLOVER_TYPES], f.type));
    if (k === 'quad') fields.push(select('quad', 'Kind', ['cooperative', 'conflictual'], f.quad));
    if (k === 'stance') fields.push(select('stance', 'Stance', STANCES, f.stance));
    if (k === 'flag') fields.push(select('flag', 'Flags', FLAGS, f.flag));
    if (k === 'outlet') fields.push(outletSelect(f.outlet, lists!));
    if (k === 'story') fields.push(storySelect(f.story, lists!));
    if (k === 'from' || k === 'to') {
      const input = el('input', {
        type: 'text',
        name: k,
        'data-filter': k,
        placeholder: k === 'from' ? 'from YYYY-MM-DD' : 'to YYYY-MM-DD',
        'aria-label': k === 'from' ? 'From date' : 'To date',
        pattern: '\\d{4}(-\\d{2}(-\\d{2})?)?',
        size: '12',
      });
      input.value = f[k] ?? '';
      fields.push(input);
    }
  }
  const read = (): Filter => {
    // What this bar does not show (the actor, a view's own period fields) is kept as it is.
    const next: Filter = {};
    for (const k of FILTER_KEYS) if (!keys.includes(k) && f[k]) next[k] = f[k];
    for (const node of fields) {
      const v = (node as HTMLInputElement | HTMLSelectElement).value.trim();
      const k = node.getAttribute('data-filter') as FilterKey;
      if (v) next[k] = v;
    }
    return next;
  };
  for (const node of fields) node.addEventListener('change', () => form.checkValidity() && go(read()));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    go(read());
  });
  form.append(...fields);
  if (Object.values(f).some(Boolean)) {
    const reset = el('a', { href: `#/${view}`, class: 'reset' }, 'Clear filters');
    form.append(reset);
  }
  return form;
}

export type { Row } from '../list-rows.js';

export function toCsv(rows: Row[]): string {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [csvLine(cols), ...rows.map((r) => csvLine(cols.map((c) => r[c] ?? null)))].join('\r\n');
}

/**
 * "Export CSV" and "Export JSON" of the rows on screen, downloaded by the browser (nothing leaves the page), and
 * with `all` (the list's name and filter) links that download the whole filtered list from the server.
 */
export function exportButtons(
  name: string,
  rows: () => Row[],
  all?: { list: ExportList; filter: Filter },
): HTMLElement {
  const link = (kind: 'csv' | 'json'): HTMLElement => {
    const b = el('button', { type: 'button', class: 'export', 'data-export': kind }, `Export ${kind.toUpperCase()}`);
    b.addEventListener('click', () => {
      const data = rows();
      const body = kind === 'csv' ? toCsv(data) : JSON.stringify(data, null, 2);
      saveFile(body, kind === 'csv' ? 'text/csv' : 'application/json', `sitrep-${name}.${kind}`);
    });
    return b;
  };
  const whole = (kind: 'csv' | 'json'): HTMLElement | null => {
    if (!all) return null;
    const b = el(
      'button',
      { type: 'button', class: 'export', 'data-export-all': kind },
      `All as ${kind.toUpperCase()}`,
    );
    b.addEventListener('click', async () => {
      b.setAttribute('disabled', '');
      try {
        const query: Record<string, string> = { format: kind };
        for (const [k, v] of Object.entries(all.filter)) if (v) query[k] = v;
        const res = await client.export[':list'].$get({ param: { list: all.list }, query });
        if (!res.ok) throw new Error(((await res.json()) as { error?: string }).error ?? `HTTP ${res.status}`);
        saveFile(await res.text(), kind === 'csv' ? 'text/csv' : 'application/json', `sitrep-${name}-all.${kind}`);
      } catch (err) {
        b.title = `The export failed: ${err instanceof Error ? err.message : String(err)}`;
      } finally {
        b.removeAttribute('disabled');
      }
    });
    return b;
  };
  return el('span', { class: 'exports' }, link('csv'), link('json'), whole('csv'), whole('json'), printButton());
}

/** The lists the server exports whole (`/api/export/:list`). */
export type ExportList = 'articles' | 'timeline' | 'quotes' | 'claims';

function printButton(): HTMLElement {
  const b = el('button', { type: 'button', class: 'export' }, 'Print');
  b.addEventListener('click', () => window.print());
  return b;
}
