import { parseResponse } from 'hono/client';
import { client, type LedgerEntry } from './client.js';
import { clear, el, pager, paging } from './dom.js';
import { evidenceLink } from './evidence.js';

const STANCES = ['asserts', 'accuses', 'denies', 'questions', 'promises', 'threatens'] as const;

/** Claimants taking a side, each with the date they first did ("Norvessa (since 2026-03-12)"). */
function who(entries: LedgerEntry[], side: (stance: string) => boolean): string {
  const first = new Map<string, string | null>();
  for (const e of entries) {
    if (!side(e.stance)) continue;
    const name = e.claimant ?? 'unattributed';
    const seen = first.get(name);
    if (!first.has(name) || (e.date && (!seen || e.date < seen))) first.set(name, e.date);
  }
  if (first.size === 0) return 'nobody';
  return [...first].map(([name, date]) => (date ? `${name} (since ${date})` : name)).join(', ');
}

/** The claims ledger: per proposition, who asserts, accuses, denies or questions it, and since when. */
export async function renderLedger(main: HTMLElement, offset = 0): Promise<void> {
  const page = await parseResponse(client.ledger.$get({ query: paging(offset, 50) }));
  clear(main);
  main.append(
    el('h2', {}, 'Claims ledger'),
    el(
      'p',
      { class: 'meta' },
      el('a', { href: '#/claims' }, 'Every claim, with filters by claimant, stance, date and outlet'),
    ),
  );
  if (page.total === 0) {
    main.append(el('p', { class: 'empty' }, 'No claims yet.'));
    return;
  }
  const box = el('div', { id: 'ledger' });
  for (const g of page.items) {
    const columns = STANCES.map((stance) => {
      const entries = g.entries.filter((e) => e.stance === stance);
      return el(
        'td',
        { class: `stance-${stance}` },
        ...entries.map((e) =>
          el(
            'div',
            { class: 'claim' },
            el('strong', {}, e.claimant ?? 'unattributed'),
            e.date ? ` (${e.date})` : '',
            ' ',
            evidenceLink(e.evidence[0], 'evidence', e.text),
          ),
        ),
      );
    });
    box.append(
      el(
        'section',
        { class: 'ledger-group' },
        el('h3', {}, g.proposition),
        el('div', { class: 'meta' }, `${g.entries.length} claim(s)${g.since ? ` · since ${g.since}` : ''}`),
        el(
          'p',
          { class: 'sides' },
          el(
            'span',
            { class: 'side-for' },
            `Asserted or alleged by: ${who(g.entries, (s) => s === 'asserts' || s === 'accuses')}`,
          ),
          ' · ',
          el('span', { class: 'side-against' }, `Denied by: ${who(g.entries, (s) => s === 'denies')}`),
        ),
        el(
          'table',
          {},
          el('thead', {}, el('tr', {}, ...STANCES.map((s) => el('th', {}, s)))),
          el('tbody', {}, el('tr', {}, ...columns)),
        ),
      ),
    );
  }
  main.append(
    box,
    pager(page.offset, page.limit, page.total, (o) => void renderLedger(main, o)),
  );
}
