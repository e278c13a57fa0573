import { parseResponse } from 'hono/client';
import type { AxisItem } from './timeline-axis.js';
import { client, type ChronologyEvent } from './client.js';
import { clear, el, pager, paging } from './dom.js';
import { evidenceHref, evidenceLink } from './evidence.js';
import { timelineRow } from '../list-rows.js';
import { exportButtons, filterBar, readFilter } from './filters.js';

/** The axis module's address: a separate bundle, fetched only when a timeline is drawn. */
const AXIS_MODULE = '/ui/timeline-axis.js';
type AxisModule = typeof import('./timeline-axis.js');

function entry(e: ChronologyEvent): HTMLElement {
  const outlets = e.outlets.length;
  return el(
    'li',
    { class: 'chrono', id: `ev-${e.id}`, 'data-event': e.id },
    el('span', { class: `badge ${e.cooperative ? 'coop' : 'conflict'}` }, e.type),
    el('strong', { class: 'headline' }, e.headline),
    e.dateEvidence
      ? el(
          'a',
          { href: evidenceHref(e.dateEvidence), class: 'date-evidence', title: 'Where the text dates it' },
          `“${e.dateEvidence.text}”`,
        )
      : null,
    e.datePrecision && e.datePrecision !== 'day'
      ? el('span', { class: 'flag' }, `date to the ${e.datePrecision}`)
      : null,
    e.negated ? el('span', { class: 'flag' }, 'negated') : null,
    e.hypothetical ? el('span', { class: 'flag' }, 'hypothetical') : null,
    e.mode === 'intent' ? el('span', { class: 'flag' }, 'intention') : null,
    el('blockquote', { class: 'snippet sentence' }, e.sentence),
    el(
      'div',
      { class: 'meta' },
      `${outlets} outlet${outlets === 1 ? '' : 's'}${outlets > 0 ? ` (${e.outlets.join(', ')})` : ''}`,
      e.folded.length > 0 ? ` · ${e.folded.length + 1} reports folded` : '',
      e.location ? ` · ${e.location}` : '',
      ' · ',
      evidenceLink(e.evidence[0], 'evidence'),
    ),
  );
}

/**
 * The chronology: dated events oldest first, one line in words each with its sentence and its outlets, same-day
 * reports folded, undated events as their own group at the end; a zoomable axis above the list (vis-timeline).
 */
export async function renderTimeline(main: HTMLElement, params: URLSearchParams, offset = 0): Promise<void> {
  const f = readFilter(params);
  const bar = filterBar(
    'timeline',
    f,
    ['type', 'quad', 'flag', 'from', 'to', 'outlet', 'story'],
    params.get('name') ?? undefined,
  );
  const t = await parseResponse(client.timeline.$get({ query: { ...paging(offset, 200), ...f } }));
  clear(main);
  main.append(el('h2', {}, 'Timeline'), bar);
  if (t.days.length === 0 && t.undatedEvents.length === 0) {
    main.append(el('p', { class: 'empty' }, 'No events match.'));
    return;
  }
  const axis = el('div', { id: 'timeline-axis', class: 'axis' });
  const box = el('div', { class: 'timeline', id: 'timeline' });
  const shown: ChronologyEvent[] = [];
  for (const day of t.days) {
    shown.push(...day.events);
    box.append(
      el(
        'section',
        { class: 'day' },
        el('h3', {}, day.date),
        el('ol', { class: 'entries' }, ...day.events.filter((e) => !e.foldedInto).map(entry)),
      ),
    );
  }
  if (t.undatedEvents.length > 0) {
    shown.push(...t.undatedEvents);
    box.append(
      el(
        'section',
        { class: 'day undated', id: 'timeline-undated' },
        el('h3', {}, `Undated (${t.undated}${t.undatedCapped ? '+' : ''})`),
        el('ol', { class: 'entries' }, ...t.undatedEvents.filter((e) => !e.foldedInto).map(entry)),
      ),
    );
  } else if (t.undated > 0)
    main.append(
      el('p', { class: 'meta' }, `${t.undated}${t.undatedCapped ? '+' : ''} undated event(s) on the last page.`),
    );
  main.append(
    exportButtons('timeline', () => shown.map(timelineRow), { list: 'timeline', filter: f }),
    axis,
    box,
    pager(t.offset, t.limit, t.total, (o) => void renderTimeline(main, params, o), {
      capped: t.totalCapped,
      shown: t.days.reduce((n, d) => n + d.events.length, 0),
      more: t.next !== null,
    }),
  );
  const dated: AxisItem[] = t.days.flatMap((d) =>
    d.events
      .filter((e) => !e.foldedInto)
      .map((e) => ({ id: e.id, date: d.date, label: e.headline, conflictual: !e.cooperative })),
  );
  if (dated.length === 0) return;
  try {
    const { drawAxis } = (await import(AXIS_MODULE)) as AxisModule;
    await drawAxis(axis, dated, (id) => {
      const target = document.getElementById(`ev-${id}`);
      for (const old of box.querySelectorAll('.picked')) old.classList.remove('picked');
      target?.classList.add('picked');
      target?.scrollIntoView({ block: 'center' });
    });
  } catch {
    axis.replaceChildren(el('p', { class: 'meta' }, 'The time axis could not be loaded; the list below is complete.'));
  }
}
