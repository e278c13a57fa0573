import { parseResponse } from 'hono/client';
import { PLOVER_TYPES } from '../../model/doc.js';
import { client } from './client.js';
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

let outletChoices: Promise<string[]> | null = null;
function outlets(): Promise<string[]> {
  outletChoices ??= parseResponse(client.outlets.$get())
    .then((r) => r.items.map((o) => o.outlet))
    .catch(() => []);
  return outletChoices;
}

let storyChoices: Promise<Array<{ id: string; title: string }>> | null = null;
/** The largest stories (the ones a filter is most often wanted for), by title. */
function stories(): Promise<Array<{ id: string; title: string }>> {
  storyChoices ??= parseResponse(client.stories.$get({ query: { limit: '200' } }))
    .then((r) => r.items.map((s) => ({ id: s.id, title: s.title || '(untitled)' })))
    .catch(() => []);
  return storyChoices;
}

function storySelect(choices: Array<{ id: string; title: string }>, value: string | undefined): HTMLSelectElement {
  const known = !value || choices.some((c) => c.id === value);
  const s = el(
    'select',
    { name: 'story', 'aria-label': 'Story', 'data-filter': 'story' },
    el('option', { value: '' }, 'Story: any'),
    // A story opened from its page may be past the choices: it is still shown (by id) as the one selected.
    known ? null : el('option', { value: value! }, `story ${value}`),
    ...choices.map((c) => el('option', { value: c.id }, c.title.length > 60 ? `${c.title.slice(0, 59)}…` : c.title)),
  );
  s.value = value ?? '';
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

/**
 * The bar: the fields `keys` of `f`, and the actor filter shown by name (`actorName`) with a button that clears it
 * (actors are chosen on the actor pages and lists, by their "filter" links). Changing a field changes the address;
 * the filter's other values, and the view's own parameters `keep` (the network's minimum of mentions), stay.
 */
export async function filterBar(
  view: string,
  f: Filter,
  keys: readonly FilterKey[],
  actorName?: string,
  keep: Record<string, string> = {},
): Promise<HTMLElement> {
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
    if (k === 'outlet') fields.push(select('outlet', 'Outlet', await outlets(), f.outlet));
    if (k === 'story') fields.push(storySelect(await stories(), f.story));
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

/** One row of an export: flat values only. */
export type Row = Record<string, string | number | boolean | null>;

function csvCell(v: Row[string]): string {
  const s = v === null ? '' : String(v);
  // A cell a spreadsheet would run as a formula is read as text (OWASP CSV injection).
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: Row[]): string {
  const cols = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  return [cols.join(','), ...rows.map((r) => cols.map((c) => csvCell(r[c] ?? null)).join(','))].join('\r\n');
}

/** "Export CSV" and "Export JSON" of the rows on screen, downloaded by the browser (nothing leaves the page). */
export function exportButtons(name: string, rows: () => Row[]): HTMLElement {
  const link = (kind: 'csv' | 'json'): HTMLElement => {
    const b = el('button', { type: 'button', class: 'export', 'data-export': kind }, `Export ${kind.toUpperCase()}`);
    b.addEventListener('click', () => {
      const data = rows();
      const body = kind === 'csv' ? toCsv(data) : JSON.stringify(data, null, 2);
      saveFile(body, kind === 'csv' ? 'text/csv' : 'application/json', `sitrep-${name}.${kind}`);
    });
    return b;
  };
  return el('span', { class: 'exports' }, link('csv'), link('json'), printButton());
}

function printButton(): HTMLElement {
  const b = el('button', { type: 'button', class: 'export' }, 'Print');
  b.addEventListener('click', () => window.print());
  return b;
}
