import { type InferResponseType, parseResponse } from 'hono/client';
import { PLOVER_TYPES } from '../../model/doc.js';
import { answer, client } from './client.js';
import { clear, dateLabel, el, pager, paging, saveFile } from './dom.js';

/**
 * Corrections from the views: `correctionControls(kind, id)` gives the buttons and small forms for one actor,
 * event or quote, to be placed beside it by whichever view shows it. A correction is saved through the API
 * (which resolves the corpus again), then the view is shown anew; each saved correction can be undone here
 * or in the Corrections view, which also exports and imports the actor part as an alias file.
 */

export type CorrectedKind = 'actor' | 'event' | 'quote';

type CorrectionBody = Parameters<typeof client.corrections.$post>[0]['json'];

/** The actors to pick from (id and name), fetched once per page load, as a datalist shared by every form. */
let actorList: Promise<HTMLDataListElement> | null = null;
function actorChoices(): Promise<HTMLDataListElement> {
  actorList ??= parseResponse(client.entities.$get({ query: paging(0, 500) })).then((page) => {
    const list = el('datalist', { id: 'correction-actors' });
    for (const e of page.items) list.append(el('option', { value: e.id }, `${e.name} (${e.type})`));
    document.body.append(list);
    return list;
  });
  return actorList;
}

function actorInput(label: string, name: string): HTMLInputElement {
  void actorChoices();
  return el('input', { type: 'text', name, list: 'correction-actors', 'aria-label': label, placeholder: label });
}

const ids = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** Show the page again (its data changed); an actor correction moves to where the actor now is. */
function refresh(actorId: string | null): void {
  if (actorId && location.hash !== `#/actor/${encodeURIComponent(actorId)}`) {
    location.hash = `#/actor/${encodeURIComponent(actorId)}`;
    return;
  }
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

async function send(status: HTMLElement, body: CorrectionBody): Promise<void> {
  status.textContent = 'Saving…';
  const res = await client.corrections.$post({ json: body });
  const out = (await answer(res)) as { error?: string; correction?: { id: number }; actorId?: string | null };
  if (!res.ok || !out.correction) {
    status.textContent = out.error ?? 'The correction was not saved.';
    status.classList.add('warning');
    return;
  }
  refresh(out.actorId ?? null);
}

/** A small form: its fields, a submit button; `make` turns the fields into the correction to send. */
function form(
  label: string,
  fields: HTMLElement[],
  status: HTMLElement,
  make: (data: FormData) => CorrectionBody | null,
): HTMLFormElement {
  const f = el(
    'form',
    { class: 'correction-form', 'data-correction': label },
    ...fields,
    el('button', { type: 'submit' }, label),
  );
  f.addEventListener('submit', (e) => {
    e.preventDefault();
    const body = make(new FormData(f));
    if (body) void send(status, body);
  });
  return f;
}

/** A button that shows its form in place of itself. */
function opener(label: string, make: () => HTMLElement): HTMLElement {
  const b = el('button', { type: 'button', class: 'link', 'data-open': label }, label);
  b.addEventListener('click', () => b.replaceWith(make()));
  return b;
}

const note = (): HTMLInputElement =>
  el('input', { type: 'text', name: 'note', placeholder: 'note (optional)', 'aria-label': 'Note' });
const noteOf = (d: FormData): { note?: string } => {
  const n = String(d.get('note') ?? '').trim();
  return n ? { note: n } : {};
};

/** The correction buttons for one actor (`id` an entity id), event (event id) or quote (quote id). */
export function correctionControls(kind: CorrectedKind, id: string): HTMLElement {
  const status = el('span', { class: 'correction-status', role: 'status' });
  const box = el('span', { class: 'correction', 'data-kind': kind, 'data-id': id });
  if (kind === 'event') {
    const wrong = el('button', { type: 'button', class: 'link', 'data-open': 'Wrong' }, 'Mark wrong');
    wrong.addEventListener('click', () => void send(status, { kind: 'event.wrong', id }));
    box.append(
      wrong,
      opener('Change type', () => {
        const select = el(
          'select',
          { name: 'type', 'aria-label': 'Event type' },
          ...PLOVER_TYPES.map((t) => el('option', { value: t }, t)),
        );
        return form('Set type', [select, note()], status, (d) => ({
          kind: 'event.type',
          id,
          type: String(d.get('type')),
          ...noteOf(d),
        }));
      }),
      opener('Change actors', () =>
        form(
          'Set actors',
          [actorInput('source actor ids', 'source'), actorInput('target actor ids', 'target'), note()],
          status,
          (d) => ({
            kind: 'event.actors',
            id,
            sourceIds: ids(String(d.get('source'))),
            targetIds: ids(String(d.get('target'))),
            ...noteOf(d),
          }),
        ),
      ),
    );
  } else if (kind === 'quote') {
    box.append(
      opener('Change speaker', () =>
        form('Set speaker', [actorInput('speaker actor id', 'speaker'), note()], status, (d) => ({
          kind: 'quote.speaker',
          id,
          speakerId: String(d.get('speaker')).trim(),
          ...noteOf(d),
        })),
      ),
    );
  } else {
    box.append(
      opener('Rename', () =>
        form(
          'Save name',
          [el('input', { type: 'text', name: 'name', 'aria-label': 'New name', required: '' }), note()],
          status,
          (d) => ({
            kind: 'actor.rename',
            id,
            name: String(d.get('name')),
            ...noteOf(d),
          }),
        ),
      ),
      opener('Merge with…', () =>
        form(
          'Merge',
          [
            actorInput('other actor ids', 'others'),
            el('input', {
              type: 'text',
              name: 'name',
              placeholder: 'name of the merged actor',
              'aria-label': 'Merged name',
            }),
            note(),
          ],
          status,
          (d) => {
            const name = String(d.get('name') ?? '').trim();
            return {
              kind: 'actor.merge',
              ids: [id, ...ids(String(d.get('others')))],
              ...(name ? { name } : {}),
              ...noteOf(d),
            };
          },
        ),
      ),
      opener('Split off…', () => {
        const holder = el('span', {}, 'Loading keys…');
        void parseResponse(client.corrections.actors[':id'].keys.$get({ param: { id } })).then((k) => {
          const boxes = k.keys.map((key) =>
            el('label', {}, el('input', { type: 'checkbox', name: 'key', value: key }), ` ${key}`),
          );
          holder.replaceWith(
            form('Split', [...boxes, note()], status, (d) => ({
              kind: 'actor.split',
              id,
              keys: d.getAll('key').map(String),
              ...noteOf(d),
            })),
          );
        });
        return holder;
      }),
    );
  }
  box.append(status);
  return box;
}

type ListedCorrection = InferResponseType<typeof client.corrections.$get, 200>['items'][number];

/** An article split or join as links to the articles in the store now: the new ones, or the old ones once undone. */
function articleLinks(c: ListedCorrection): HTMLElement | null {
  const p = c.payload as {
    articleId?: string;
    offset?: number;
    parts?: string[];
    articleIds?: string[];
    joined?: string;
  };
  let before: string[];
  let after: string[];
  if (c.kind === 'article.split' && p.articleId && p.parts) [before, after] = [[p.articleId], p.parts];
  else if (c.kind === 'article.join' && p.articleIds && p.joined) [before, after] = [p.articleIds, [p.joined]];
  else return null;
  const live = c.undoneAt ? before : after;
  const link = (id: string): Node =>
    live.includes(id) ? el('a', { href: `#/article/${encodeURIComponent(id)}` }, id) : document.createTextNode(id);
  const list = (ids: string[]): Node[] =>
    ids.flatMap((id, i) => (i === 0 ? [link(id)] : [document.createTextNode(' + '), link(id)]));
  return el(
    'span',
    { class: 'article-correction' },
    ...list(before),
    c.kind === 'article.split' ? ` split at ${p.offset} → ` : ' joined → ',
    ...list(after),
  );
}

/** Every correction, newest first, each undoable; the actor part as an alias file to download or upload. */
export async function renderCorrections(main: HTMLElement, offset = 0): Promise<void> {
  const page = await parseResponse(client.corrections.$get({ query: paging(offset, 50) }));
  clear(main);
  const status = el('p', { class: 'meta', id: 'corrections-status', role: 'status' });
  const upload = el('input', { type: 'file', accept: 'application/json,.json', 'aria-label': 'Import an alias file' });
  upload.addEventListener('change', () => {
    const file = upload.files?.[0];
    if (!file) return;
    void file.text().then(async (text) => {
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        status.textContent = 'That file is not JSON.';
        return;
      }
      const res = await client.corrections.aliases.$post({ json: json as Record<string, unknown> });
      const out = (await answer(res)) as { error?: string };
      if (!res.ok) status.textContent = out.error ?? 'The alias file was not imported.';
      else void renderCorrections(main);
    });
  });
  // Fetched with the token (a server open to the network asks for it on reads too), then saved from the page.
  const download = el('a', { href: '/api/corrections/aliases', id: 'corrections-aliases' }, 'download it');
  download.addEventListener('click', (ev) => {
    ev.preventDefault();
    void client.corrections.aliases.$get().then(async (res) => {
      const out = await answer(res);
      if (!res.ok) status.textContent = (out as { error?: string }).error ?? 'The alias file could not be read.';
      else saveFile(JSON.stringify(out, null, 2), 'application/json', 'sitrep.aliases.json');
    });
  });
  main.append(
    el('h2', {}, 'Corrections'),
    el(
      'p',
      { class: 'meta' },
      'Applied on every analysis and resolve. The actor part is an alias file (sitrep analyze --aliases): ',
      download,
      ' or import one: ',
      upload,
    ),
    status,
  );
  if (page.total === 0) {
    main.append(el('p', { class: 'empty' }, 'No corrections yet.'));
    return;
  }
  const rows = page.items.map((c) => {
    const undo = el('button', { type: 'button' }, 'Undo');
    undo.disabled = c.undoneAt !== null;
    undo.addEventListener('click', () => {
      void client.corrections[':id'].undo.$post({ param: { id: String(c.id) }, json: {} }).then(async (res) => {
        const out = (await answer(res)) as { error?: string };
        if (!res.ok) status.textContent = out.error ?? 'Not undone.';
        else void renderCorrections(main, offset);
      });
    });
    return el(
      'tr',
      { 'data-correction': String(c.id) },
      el('td', {}, String(c.id)),
      el('td', {}, c.kind),
      el('td', {}, c.target),
      el('td', {}, articleLinks(c) ?? JSON.stringify(c.payload)),
      el('td', {}, c.note ?? ''),
      el('td', {}, dateLabel(c.createdAt.slice(0, 16))),
      el('td', {}, c.undoneAt ? `undone ${c.undoneAt.slice(0, 16)}` : undo),
    );
  });
  main.append(
    el(
      'table',
      { id: 'corrections-table' },
      el(
        'thead',
        {},
        el('tr', {}, ...['#', 'Kind', 'Target', 'Change', 'Note', 'Made', ''].map((h) => el('th', {}, h))),
      ),
      el('tbody', {}, ...rows),
    ),
    pager(page.offset, page.limit, page.total, (o) => void renderCorrections(main, o)),
  );
}
