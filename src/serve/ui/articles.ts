import { parseResponse } from 'hono/client';
import { client, type Mention } from './client.js';
import { selectCited } from './cite.js';
import { clear, dateLabel, el, externalLink, pager, paging } from './dom.js';

export async function renderArticleList(main: HTMLElement, offset = 0): Promise<void> {
  const page = await parseResponse(client.articles.$get({ query: paging(offset, 50) }));
  clear(main);
  main.append(el('h2', {}, 'Articles'));
  if (page.total === 0) {
    main.append(el('p', { class: 'empty' }, 'No articles yet. Run sitrep analyze on a dump.'));
    return;
  }
  const list = el('ul', { class: 'list', id: 'article-list' });
  for (const a of page.items) {
    list.append(
      el(
        'li',
        {},
        el('a', { href: `#/article/${encodeURIComponent(a.id)}`, class: 'article-link' }, a.title || '(untitled)'),
        el(
          'div',
          { class: 'meta' },
          `${a.outlet ?? 'unknown outlet'} · ${dateLabel(a.published, a.publishedPrecision)}`,
        ),
      ),
    );
  }
  main.append(
    list,
    pager(page.offset, page.limit, page.total, (o) => void renderArticleList(main, o)),
  );
}

/** A paragraph's text with entity mentions wrapped in <mark>, built from text nodes only. */
function paragraphNodes(text: string, start: number, end: number, mentions: Mention[]): Node[] {
  const nodes: Node[] = [];
  let at = start;
  for (const m of mentions) {
    if (m.start < at || m.end > end) continue;
    if (m.start > at) nodes.push(document.createTextNode(text.slice(at, m.start)));
    const mark = el(
      'mark',
      {
        class: 'ent',
        'data-type': m.type,
        title: `${m.type}${m.name ? ` · ${m.name}` : ''}${m.role ? ` · ${m.role}` : ''}`,
      },
      text.slice(m.start, m.end),
    );
    nodes.push(mark);
    at = m.end;
  }
  if (at < end) nodes.push(document.createTextNode(text.slice(at, end)));
  return nodes;
}

/** An article, `arg` its id, optionally with `?span=START-END`: the cited span is selected and scrolled to. */
export async function renderArticle(main: HTMLElement, arg: string): Promise<void> {
  const [id = '', query = ''] = arg.split('?');
  const a = await parseResponse(client.articles[':id'].$get({ param: { id } }));
  clear(main);
  const mentions = [...a.mentions].sort((x, y) => x.start - y.start);
  const body = el('div', { class: 'body', id: 'article-body' });
  const paragraphs = a.paragraphs.length > 0 ? a.paragraphs : [{ start: 0, end: a.text.length, kind: 'body' as const }];
  for (const p of paragraphs) {
    const para = el('p', { class: p.kind, 'data-start': String(p.start) });
    para.append(...paragraphNodes(a.text, p.start, p.end, mentions));
    body.append(para);
  }
  const captions =
    a.captions.length > 0
      ? el(
          'aside',
          { class: 'captions', id: 'article-captions' },
          el('h2', {}, 'Captions and credits'),
          ...a.captions.map((c) => el('div', {}, c)),
        )
      : null;
  const events =
    a.events.length > 0
      ? el(
          'section',
          {},
          el('h2', {}, 'Events'),
          ...a.events.map((e) =>
            el(
              'div',
              { class: 'event' },
              el('span', { class: 'badge' }, e.type),
              `${e.source.join(', ') || '?'} → ${e.target.join(', ') || '—'}`,
              e.date ? ` · ${e.date}` : '',
            ),
          ),
        )
      : null;
  const quotes =
    a.quotes.length > 0
      ? el(
          'section',
          {},
          el('h2', {}, 'Quotes'),
          ...a.quotes.map((q) =>
            el('div', { class: 'event' }, el('strong', {}, q.speaker ?? 'unattributed'), `: ${q.text}`),
          ),
        )
      : null;
  main.append(
    el(
      'article',
      { class: 'reader' },
      el('a', { href: '#/articles' }, '← All articles'),
      el('h1', { id: 'article-title' }, a.title),
      el(
        'div',
        { class: 'meta' },
        `${a.outlet ?? 'unknown outlet'} · published ${dateLabel(a.published, a.publishedPrecision, a.publishedFrom)} · `,
        a.url ? externalLink(a.url, 'source') : 'no source URL',
      ),
      ...a.warnings.map((w) => el('div', { class: 'warning' }, `⚠ ${w}`)),
      captions,
      body,
      quotes,
      events,
    ),
  );
  selectCited(body, query);
}
