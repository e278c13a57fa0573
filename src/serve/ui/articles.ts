import { parseResponse } from 'hono/client';
import { answer, type ArticleDetail, client } from './client.js';
import { clear, dateLabel, el, externalLink, pager, paging } from './dom.js';
import { parseSpan } from './evidence.js';
import { articleRow } from '../list-rows.js';
import { exportButtons, type Filter, filterBar, readFilter } from './filters.js';

export async function renderArticleList(main: HTMLElement, params: URLSearchParams, offset = 0): Promise<void> {
  const f = readFilter(params);
  // The bar is drawn at once and its lists are asked for beside the page: they add no round trip before first paint.
  const bar = filterBar('articles', f, ['from', 'to', 'outlet', 'story'], params.get('name') ?? undefined);
  const page = await parseResponse(client.articles.$get({ query: { ...paging(offset, 50), ...f } }));
  clear(main);
  main.append(el('h2', {}, 'Articles'), bar);
  if (page.total === 0) {
    main.append(
      el(
        'p',
        { class: 'empty' },
        hasFilter(f) ? 'No article matches the filter.' : 'No articles yet. Run sitrep analyze on a dump.',
      ),
    );
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
    exportButtons('articles', () => page.items.map(articleRow), { list: 'articles', filter: f }),
    list,
    pager(page.offset, page.limit, page.total, (o) => void renderArticleList(main, params, o), {
      capped: page.totalCapped,
      shown: page.items.length,
      more: page.next !== null,
    }),
  );
}

const hasFilter = (f: Filter): boolean => Object.values(f).some(Boolean);

/**
 * A stretch of the text carrying one kind of mark: the evidence being looked at (`hl`), a quote, an event's
 * sentence, a time expression, an entity mention. Marks nest in this order, outermost first.
 */
interface Layer {
  kind: 'quote' | 'hl' | 'event' | 'timex' | 'ent';
  start: number;
  end: number;
  make: () => HTMLElement;
}
const NESTING: Layer['kind'][] = ['quote', 'hl', 'event', 'timex', 'ent'];

function layersOf(a: ArticleDetail, span: { start: number; end: number } | null): Layer[] {
  const layers: Layer[] = [];
  if (span) layers.push({ kind: 'hl', ...span, make: () => el('mark', { class: 'hl' }) });
  a.quotes.forEach((q, i) => {
    for (const part of q.parts && q.parts.length > 0 ? q.parts : [q])
      layers.push({
        kind: 'quote',
        start: part.start,
        end: part.end,
        make: () =>
          el('span', {
            class: 'quote',
            'data-quote': String(i),
            title: `Said by ${q.speaker ?? 'an unattributed speaker'}${q.date ? ` · ${q.date}` : ''}`,
            tabindex: '0',
          }),
      });
  });
  for (const e of a.events)
    for (const ev of e.evidence)
      if (ev.articleId === a.id)
        layers.push({
          kind: 'event',
          start: ev.start,
          end: ev.end,
          make: () => el('span', { class: 'evt', 'data-type': e.type }),
        });
  for (const t of a.timexes)
    layers.push({
      kind: 'timex',
      start: t.start,
      end: t.end,
      make: () => el('time', { class: 'timex', title: `${t.type} ${t.value}`, datetime: t.value }),
    });
  for (const m of a.mentions)
    layers.push({
      kind: 'ent',
      start: m.start,
      end: m.end,
      make: () =>
        el('mark', {
          class: 'ent',
          'data-type': m.type,
          'data-entity': m.entityId ?? undefined,
          title: `${m.type}${m.name ? ` · ${m.name}` : ''}${m.role ? ` · ${m.role}` : ''}`,
        }),
    });
  return layers;
}

/**
 * A paragraph's text cut at every mark's edge; each piece is a text node wrapped in the marks covering it,
 * nested in `NESTING` order. Built from text nodes only: the article's words are never parsed as HTML.
 */
function paragraphNodes(text: string, start: number, end: number, layers: Layer[]): Node[] {
  const inside = layers.filter((l) => l.end > start && l.start < end && l.end > l.start);
  const cuts = new Set([start, end]);
  for (const l of inside) {
    cuts.add(Math.max(start, l.start));
    cuts.add(Math.min(end, l.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const nodes: Node[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i]!, points[i + 1]!];
    let node: Node = document.createTextNode(text.slice(a, b));
    const covering = inside.filter((l) => l.start <= a && l.end >= b);
    // One mark per kind (the first), innermost wrapped first.
    for (const kind of [...NESTING].reverse()) {
      const l = covering.find((x) => x.kind === kind);
      if (!l) continue;
      const wrap = l.make();
      wrap.append(node);
      node = wrap;
    }
    nodes.push(node);
  }
  return nodes;
}

/** The box that says who said a quote (or what an entity is) when the reader clicks it. */
function factInfo(a: ArticleDetail, body: HTMLElement): HTMLElement {
  const box = el('aside', { id: 'fact-info', class: 'fact-info', hidden: '' });
  body.addEventListener('click', (ev) => {
    const target = ev.target as Element;
    const quote = target.closest('[data-quote]');
    const ent = target.closest('mark.ent[data-entity]');
    clear(box);
    if (quote) {
      const q = a.quotes[Number(quote.getAttribute('data-quote'))]!;
      box.append(
        el('strong', {}, 'Said by: '),
        q.speakerId
          ? el('a', { href: `#/actor/${encodeURIComponent(q.speakerId)}`, id: 'fact-speaker' }, q.speaker ?? '')
          : el('span', { id: 'fact-speaker' }, q.speaker ?? 'unattributed'),
        q.addressee ? ` · to ${q.addressee.text}` : '',
        q.date ? ` · ${q.date}` : '',
        q.cue ? ` · “${q.cue.text}”` : '',
      );
    } else if (ent) {
      const id = ent.getAttribute('data-entity')!;
      box.append(el('a', { href: `#/actor/${encodeURIComponent(id)}` }, `Actor page: ${ent.textContent ?? ''}`));
    } else {
      box.hidden = true;
      return;
    }
    box.hidden = false;
  });
  return box;
}

/**
 * Split or join articles the dump segmenter cut wrongly: the correction is saved (the server removes the article
 * or articles with all they derived and analyzes the new ones), then the reader shows the first new article.
 */
async function correctArticles(
  status: HTMLElement,
  body: { kind: 'article.split'; id: string; offset: number } | { kind: 'article.join'; ids: [string, string] },
): Promise<void> {
  status.textContent = body.kind === 'article.split' ? 'Splitting…' : 'Joining…';
  status.classList.remove('warning');
  const res = await client.corrections.$post({ json: body });
  const out = (await answer(res)) as { error?: string; articleIds?: string[] };
  const first = out.articleIds?.[0];
  if (!res.ok || !first) {
    status.textContent = out.error ?? 'The correction was not saved.';
    status.classList.add('warning');
    return;
  }
  location.hash = `#/article/${encodeURIComponent(first)}`;
}

/** A "Split here" button before a paragraph: the article ends above it and a new one starts with it. */
function splitPoint(id: string, offset: number, status: HTMLElement): HTMLElement {
  const b = el(
    'button',
    { type: 'button', class: 'link', 'data-split': String(offset), title: 'The segmenter joined two articles here' },
    '✂ Split here',
  );
  b.addEventListener('click', () => void correctArticles(status, { kind: 'article.split', id, offset }));
  return el('div', { class: 'split-point' }, b);
}

export async function renderArticle(main: HTMLElement, id: string, params = new URLSearchParams()): Promise<void> {
  const a = await parseResponse(client.articles[':id'].$get({ param: { id } }));
  clear(main);
  const status = el('span', { class: 'correction-status', id: 'article-correction-status', role: 'status' });
  const splitAt = new Set(a.splitAt);
  const span = parseSpan(params.get('span'));
  const layers = layersOf(a, span && span.end <= a.text.length ? span : null);
  const body = el('div', { class: 'body', id: 'article-body' });
  const paragraphs = a.paragraphs.length > 0 ? a.paragraphs : [{ start: 0, end: a.text.length, kind: 'body' as const }];
  for (const p of paragraphs) {
    if (splitAt.has(p.start)) body.append(splitPoint(a.id, p.start, status));
    const para = el('p', { class: p.kind });
    // Each event whose sentence starts in this paragraph gets its type as a chip in the margin.
    const chips = a.events.filter((e) =>
      e.evidence.some((ev) => ev.articleId === a.id && ev.start >= p.start && ev.start < p.end),
    );
    if (chips.length > 0)
      para.append(
        el(
          'span',
          { class: 'margin', 'aria-label': 'Events in this paragraph' },
          ...chips.map((e) =>
            el(
              'span',
              { class: 'chip', 'data-type': e.type, title: `${e.source.join(', ')} → ${e.target.join(', ')}` },
              e.type,
            ),
          ),
        ),
      );
    para.append(...paragraphNodes(a.text, p.start, p.end, layers));
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
      el(
        'div',
        { class: 'meta legend' },
        el('span', { class: 'quote' }, 'quote'),
        ' ',
        el('span', { class: 'evt' }, 'event sentence'),
        ' ',
        el('time', { class: 'timex' }, 'time expression'),
        ' · click a quote for its speaker',
      ),
      ...a.warnings.map((w) => el('div', { class: 'warning' }, `⚠ ${w}`)),
      el('div', { class: 'meta article-corrections' }, joinButton(a, status), status),
      captions,
      factInfo(a, body),
      body,
    ),
  );
  const hl = main.querySelector('mark.hl');
  if (hl) {
    hl.id = 'evidence';
    hl.scrollIntoView({ block: 'center' });
  }
}

/** "Join with next article": this article and the one after it in its source (the same dump) become one. */
function joinButton(a: ArticleDetail, status: HTMLElement): HTMLElement | null {
  const next = a.nextInSource;
  if (!next) return null;
  const b = el(
    'button',
    { type: 'button', class: 'link', id: 'join-next', title: 'The segmenter cut one article in two here' },
    'Join with next article',
  );
  b.addEventListener('click', () => void correctArticles(status, { kind: 'article.join', ids: [a.id, next] }));
  return b;
}
