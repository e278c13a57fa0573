import { parseResponse } from 'hono/client';
import { client } from './client.js';
import { clear, el, pager, paging } from './dom.js';

/** Dated events by day, oldest first, a page of events at a time. */
export async function renderTimeline(main: HTMLElement, offset = 0): Promise<void> {
  const t = await parseResponse(client.timeline.$get({ query: paging(offset, 200) }));
  clear(main);
  main.append(el('h2', {}, 'Timeline'));
  if (t.days.length === 0) {
    main.append(el('p', { class: 'empty' }, 'No dated events yet.'));
    return;
  }
  const box = el('div', { class: 'timeline', id: 'timeline' });
  for (const day of t.days) {
    box.append(
      el(
        'div',
        { class: 'day' },
        el('h3', {}, day.date),
        ...day.events.map((e) =>
          el(
            'div',
            { class: 'event' },
            el('span', { class: `badge ${e.cooperative ? 'coop' : 'conflict'}` }, e.type),
            `${e.source.join(', ') || '?'} → ${e.target.join(', ') || '—'}`,
            e.location ? ` · ${e.location}` : '',
            e.mentions && e.mentions > 1 ? ` · ${e.mentions} mentions` : '',
            e.negated ? el('span', { class: 'flag' }, 'negated') : null,
            e.hypothetical ? el('span', { class: 'flag' }, 'hypothetical') : null,
            e.mode === 'intent' ? el('span', { class: 'flag' }, 'intention') : null,
            ' ',
            el('a', { href: `#/article/${encodeURIComponent(e.articleIds[0] ?? '')}` }, 'evidence'),
          ),
        ),
      ),
    );
  }
  main.append(
    box,
    pager(t.offset, t.limit, t.total, (o) => void renderTimeline(main, o)),
  );
  if (t.undated > 0) main.append(el('p', { class: 'meta' }, `${t.undated} undated event(s) not shown.`));
}
