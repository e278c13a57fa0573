import { parseResponse } from 'hono/client';
import { client } from './client.js';
import { clear, dateLabel, el, pager, paging } from './dom.js';
import { evidenceLink } from './evidence.js';
import { claimRow, quoteRow } from '../list-rows.js';
import { exportButtons, type Filter, filterBar, filterHref, readFilter } from './filters.js';

const empty = (f: Filter, what: string): HTMLElement =>
  el('p', { class: 'empty' }, Object.values(f).some(Boolean) ? `No ${what} match the filter.` : `No ${what} yet.`);

/** A select of the most-quoted speakers; choosing one filters the quotes by that actor. */
async function speakerChoice(f: Filter): Promise<HTMLElement> {
  const speakers = await parseResponse(client.quotes.speakers.$get());
  const s = el(
    'select',
    { id: 'speaker-filter', 'aria-label': 'Speaker' },
    el('option', { value: '' }, 'Speaker: any'),
    ...speakers.items.map((p) => el('option', { value: p.id }, `${p.name} (${p.quotes})`)),
  );
  s.value = f.actor && !f.actor.includes(',') ? f.actor : '';
  s.addEventListener('change', () => {
    const name = speakers.items.find((p) => p.id === s.value)?.name ?? '';
    location.hash = filterHref('quotes', { ...f, actor: s.value || undefined }, s.value ? { name } : {});
  });
  return s;
}

/** The quote browser: who said what and when, filtered by speaker, dates and outlet; each quote opens its sentence. */
export async function renderQuotes(main: HTMLElement, params: URLSearchParams, offset = 0): Promise<void> {
  const f = readFilter(params);
  const bar = filterBar('quotes', f, ['from', 'to', 'outlet', 'story'], params.get('name') ?? undefined);
  const [page, speakers] = await Promise.all([
    parseResponse(client.quotes.$get({ query: { ...paging(offset, 50), ...f } })),
    speakerChoice(f),
  ]);
  bar.prepend(speakers);
  clear(main);
  main.append(el('h2', {}, 'Quotes'), bar);
  if (page.total === 0) {
    main.append(empty(f, 'quotes'));
    return;
  }
  const list = el('ol', { class: 'results', id: 'quote-list', start: String(offset + 1) });
  for (const q of page.items) {
    list.append(
      el(
        'li',
        { class: 'quote-item', 'data-quote': q.id },
        q.speakerId
          ? el('a', { href: `#/actor/${encodeURIComponent(q.speakerId)}`, class: 'speaker' }, q.speaker ?? '')
          : el('span', { class: 'speaker' }, q.speaker ?? 'unattributed'),
        q.addressee ? el('span', { class: 'meta' }, ` to ${q.addressee.text}`) : '',
        el(
          'span',
          { class: 'meta' },
          ` · ${dateLabel(q.date ?? null, q.datePrecision)}${q.direct ? '' : ' · reported'}`,
        ),
        el('blockquote', { class: 'snippet' }, q.text),
        evidenceLink(q, 'open in article'),
      ),
    );
  }
  main.append(
    exportButtons('quotes', () => page.items.map(quoteRow), { list: 'quotes', filter: f }),
    list,
    pager(page.offset, page.limit, page.total, (o) => void renderQuotes(main, params, o), {
      capped: page.totalCapped,
      shown: page.items.length,
      more: page.next !== null,
    }),
  );
}

/** Claims one by one, filtered by claimant, stance, dates and outlet; each opens its sentence. */
export async function renderClaims(main: HTMLElement, params: URLSearchParams, offset = 0): Promise<void> {
  const f = readFilter(params);
  const bar = filterBar('claims', f, ['stance', 'from', 'to', 'outlet', 'story'], params.get('name') ?? undefined);
  const page = await parseResponse(client.claims.$get({ query: { ...paging(offset, 50), ...f } }));
  clear(main);
  main.append(
    el('h2', {}, 'Claims'),
    el('p', { class: 'meta' }, el('a', { href: '#/ledger' }, 'Claims grouped by proposition (ledger)')),
    bar,
  );
  if (page.total === 0) {
    main.append(empty(f, 'claims'));
    return;
  }
  const list = el('ol', { class: 'results', id: 'claim-list', start: String(offset + 1) });
  for (const c of page.items) {
    list.append(
      el(
        'li',
        { class: `claim stance-${c.stance}`, 'data-claim': c.id },
        c.claimantId
          ? el('a', { href: `#/actor/${encodeURIComponent(c.claimantId)}` }, el('strong', {}, c.claimant ?? ''))
          : el('strong', {}, c.claimant ?? 'unattributed'),
        ` ${c.stance}: `,
        c.proposition,
        el('span', { class: 'meta' }, ` · ${dateLabel(c.date, c.datePrecision)} `),
        evidenceLink(c.evidence[0], 'evidence', c.text),
      ),
    );
  }
  main.append(
    exportButtons('claims', () => page.items.map(claimRow), { list: 'claims', filter: f }),
    list,
    pager(page.offset, page.limit, page.total, (o) => void renderClaims(main, params, o), {
      capped: page.totalCapped,
      shown: page.items.length,
      more: page.next !== null,
    }),
  );
}
