import { parseResponse } from 'hono/client';
import { answer, apiHeaders, client } from './client.js';
import { clear, el, saveFile } from './dom.js';

/**
 * The Briefs view (`#/briefs?story=ID&since=D`): the situation report of a story (or of the largest stories), as
 * `sitrep brief` writes it, each sentence's citation opening the article at that sentence, and the brief's HTML
 * document to download. Text is set only as text.
 */

type BriefAnswer = { error?: string } & Awaited<ReturnType<typeof briefOf>>;
const briefOf = async (q: Record<string, string>) => answer(await client.brief.$get({ query: q }));

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function renderBriefs(main: HTMLElement, params: URLSearchParams): Promise<void> {
  const query: Record<string, string> = {};
  for (const k of ['story', 'query', 'from', 'to', 'since']) {
    const v = params.get(k);
    if (v) query[k] = v;
  }
  const stories = await parseResponse(client.stories.$get({ query: { offset: '0', limit: '200' } }));
  const b = (await briefOf(query)) as BriefAnswer;
  clear(main);
  main.append(el('h2', {}, 'Brief'));

  const pick = el(
    'select',
    { id: 'brief-story' },
    el('option', { value: '' }, query.query ? `The stories matching “${query.query}”` : 'The largest stories'),
  );
  for (const s of stories.items)
    pick.append(el('option', { value: s.id }, `${s.title || '(untitled)'} (${s.articles})`));
  // The asked story stays selected when it is not among the listed (largest) ones.
  if (query.story && !stories.items.some((s) => s.id === query.story)) {
    const shown = 'stories' in b ? b.stories.find((s) => s.id === query.story) : undefined;
    pick.append(
      el('option', { value: query.story }, shown ? `${shown.title || '(untitled)'} (${shown.articles})` : query.story),
    );
  }
  pick.value = query.story ?? '';
  const since = el('input', { id: 'brief-since', type: 'date', value: query.since ?? '' });
  const form = el(
    'form',
    { id: 'brief-form', class: 'meta' },
    el('label', {}, 'Story ', pick),
    ' ',
    el('label', {}, 'New since ', since),
    ' ',
    el('button', { type: 'submit' }, 'Show'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (pick.value) next.set('story', pick.value);
    // The period and the query asked with the view are kept (a picked story takes the query's place: not both).
    else if (query.query) next.set('query', query.query);
    for (const k of ['from', 'to'] as const) if (query[k]) next.set(k, query[k]);
    if (DAY.test(since.value)) next.set('since', since.value);
    location.hash = `#/briefs${next.size ? `?${next}` : ''}`;
  });
  const status = el('span', { class: 'warning' });
  const download = el('a', { href: '/api/brief.html', id: 'brief-download' }, 'Download HTML');
  download.addEventListener('click', (ev) => {
    ev.preventDefault();
    const failed = () => {
      status.textContent = 'The brief could not be downloaded.';
    };
    status.textContent = '';
    void fetch(`/api/brief.html?${new URLSearchParams(query)}`, { headers: apiHeaders })
      .then(async (res) => {
        if (!res.ok) failed();
        else saveFile(await res.text(), 'text/html', 'sitrep-brief.html');
      })
      .catch(failed);
  });
  main.append(form, el('p', { class: 'meta' }, download, ' ', status));

  if (b.error !== undefined || !('stories' in b)) {
    main.append(el('p', { class: 'warning' }, b.error ?? 'No brief.'));
    return;
  }
  const cites = new Map(b.citations.map((c) => [c.n, c]));
  /** "[n]" opening the cited article at its sentence. */
  const cite = (n: number): HTMLElement => {
    const c = cites.get(n);
    return c
      ? el(
          'a',
          { href: `#/article/${encodeURIComponent(c.articleId)}?span=${c.start}-${c.end}`, class: 'citation' },
          `[${n}]`,
        )
      : el('span', {}, `[${n}]`);
  };
  const body = el('div', { id: 'brief' });
  if (b.since) body.append(el('p', { class: 'meta' }, `Marked new: reported on or after ${b.since}`));
  if (b.stories.length === 0) body.append(el('p', { class: 'empty' }, 'No stories match.'));
  for (const s of b.stories) {
    const sec = el('section', { class: 'brief-story' }, el('h3', {}, s.title || '(untitled)'));
    sec.append(
      el(
        'p',
        { class: 'meta' },
        `${s.articles} article(s) · ${s.from ?? 'undated'}${s.to && s.to !== s.from ? ` – ${s.to}` : ''} · ${s.outlets.join(', ') || 'no outlet'} · ${s.actors.join(', ') || 'no actors'}`,
      ),
    );
    if (s.developments.length > 0) {
      const ul = el('ul', { class: 'brief-developments' });
      for (const d of s.developments)
        for (const x of d.sentences)
          ul.append(
            el(
              'li',
              {},
              x.new ? el('strong', { class: 'brief-new' }, 'new ') : null,
              el('strong', {}, `${d.date} `),
              x.text,
              ' ',
              cite(x.cite),
            ),
          );
      sec.append(el('h4', {}, 'Key developments'), ul);
    }
    if (s.conflicts.length > 0) {
      const ul = el('ul', { class: 'brief-conflicts' });
      for (const c of s.conflicts) {
        const sides = el('ul', {});
        for (const x of c.sides)
          sides.append(
            el(
              'li',
              {},
              x.new ? el('strong', { class: 'brief-new' }, 'new ') : null,
              `${x.says} (${x.outlet ?? 'unknown outlet'}): ${x.text} `,
              cite(x.cite),
            ),
          );
        ul.append(el('li', {}, c.label, sides));
      }
      sec.append(el('h4', {}, 'In conflict'), ul);
    }
    body.append(sec);
  }
  if (b.citations.length > 0) {
    const ol = el('ol', { class: 'brief-citations' });
    for (const c of b.citations) {
      const a = b.articles[c.articleId];
      ol.append(
        el(
          'li',
          { value: String(c.n) },
          a ? `${a.outlet ?? 'unknown outlet'}, “${a.title}” (${a.published ?? 'undated'}), ` : '',
          cite(c.n),
          ` article ${c.articleId}, characters ${c.start}–${c.end}`,
        ),
      );
    }
    body.append(el('h3', {}, 'Citations'), ol);
  }
  main.append(body);
}
