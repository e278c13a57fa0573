import { parseResponse } from 'hono/client';
import { answer, client, type FeedPoll } from './client.js';
import { clear, el, externalLink } from './dom.js';
import { queuePanel } from './queue.js';

function when(iso: string | null): string {
  return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, ' UTC') : 'never';
}

function pollText(p: FeedPoll | null): string {
  if (!p) return 'polled';
  if (p.status === 'error') return `failed: ${p.errors[0] ?? 'unknown error'}`;
  if (p.status === 'not-modified') return 'not modified since the last poll';
  return `${p.newEntries} new entr${p.newEntries === 1 ? 'y' : 'ies'}, ${p.stored} stored${p.errors.length > 0 ? `; ${p.errors.length} problem(s): ${p.errors[0]}` : ''}`;
}

/**
 * Sources: add a page URL (fetched, extracted and analyzed now) or a feed to watch, and see the
 * watched feeds with their state. Everything goes through the server's fetch guard.
 */
export async function renderSources(main: HTMLElement): Promise<void> {
  const data = await parseResponse(client.sources.feeds.$get());
  clear(main);
  const message = el('p', { id: 'sources-message', class: 'meta', role: 'status' });
  const say = (text: string, isError = false, link?: { href: string; label: string }): void => {
    message.replaceChildren(text, ...(link ? [' ', el('a', { href: link.href }, link.label)] : []));
    message.className = isError ? 'warning' : 'meta';
  };

  const urlInput = el('input', {
    id: 'source-url',
    type: 'url',
    placeholder: 'https://… (an article page or an RSS/Atom feed)',
    'aria-label': 'URL',
    size: '60',
  });
  const addPage = el('button', { id: 'add-page', type: 'button' }, 'Add page');
  const addFeed = el('button', { id: 'add-feed', type: 'button' }, 'Watch feed');
  const busy = (on: boolean): void => {
    addPage.disabled = on;
    addFeed.disabled = on;
  };

  addPage.addEventListener('click', () => {
    const url = urlInput.value.trim();
    if (!url) return;
    busy(true);
    say(`Fetching ${url} …`);
    void client.sources.pages
      .$post({ json: { url } })
      .then(answer)
      .then((d) => {
        if ('articleId' in d)
          say('Added.', false, { href: `#/article/${encodeURIComponent(d.articleId)}`, label: 'Open the article' });
        else say(`Could not add ${url}: ${'error' in d ? d.error : 'unknown error'}`, true);
      })
      .catch((err: unknown) => say(`Could not add ${url}: ${String(err)}`, true))
      .finally(() => busy(false));
  });

  addFeed.addEventListener('click', () => {
    const url = urlInput.value.trim();
    if (!url) return;
    busy(true);
    say(`Polling ${url} …`);
    void client.sources.feeds
      .$post({ json: { url } })
      .then(answer)
      .then(async (d) => {
        if (!('poll' in d)) return say(`Could not watch ${url}: ${'error' in d ? d.error : 'unknown error'}`, true);
        await renderSources(main);
        document.getElementById('sources-message')!.textContent = `Watching ${url}: ${pollText(d.poll)}`;
      })
      .catch((err: unknown) => say(`Could not watch ${url}: ${String(err)}`, true))
      .finally(() => busy(false));
  });

  const rows = data.feeds.map((f) => {
    const poll = el('button', { type: 'button', class: 'poll-feed' }, 'Poll now');
    const remove = el('button', { type: 'button', class: 'remove-feed' }, 'Remove');
    poll.addEventListener('click', () => {
      poll.disabled = true;
      say(`Polling ${f.url} …`);
      void client.sources.feeds.poll
        .$post({ json: { url: f.url } })
        .then(answer)
        .then(async (d) => {
          await renderSources(main);
          document.getElementById('sources-message')!.textContent =
            'poll' in d ? `${f.url}: ${pollText(d.poll)}` : `${f.url}: ${'error' in d ? d.error : 'failed'}`;
        });
    });
    remove.addEventListener('click', () => {
      void client.sources.feeds.remove.$post({ json: { url: f.url } }).then(() => renderSources(main));
    });
    return el(
      'tr',
      { class: 'feed-row' },
      el(
        'td',
        {},
        el('div', { class: 'feed-title' }, f.title ?? '(untitled feed)'),
        el('div', { class: 'meta' }, externalLink(f.url, f.url)),
      ),
      el(
        'td',
        { class: 'feed-state' },
        f.lastError
          ? el('span', { class: 'warning' }, `failing (${f.failures}×): ${f.lastError}`)
          : f.lastOk
            ? 'ok'
            : 'not polled yet',
      ),
      el('td', {}, when(f.lastChecked)),
      el('td', {}, when(f.nextCheck)),
      el(
        'td',
        { class: 'feed-count' },
        `${f.articlesAdded} article(s) from ${f.itemsSeen} entr${f.itemsSeen === 1 ? 'y' : 'ies'}`,
      ),
      el('td', {}, poll, ' ', remove),
    );
  });

  main.append(
    el('h2', {}, 'Sources'),
    el(
      'p',
      { class: 'meta' },
      'Add an article page by URL, or a feed to watch. Pages are fetched by the server with its safety limits',
      data.allowPrivate ? ' (private addresses allowed).' : ' (private and local addresses refused).',
      ' Keep feeds polled with ',
      el('code', {}, 'sitrep watch'),
      '.',
    ),
    el('div', { class: 'source-form' }, urlInput, ' ', addPage, ' ', addFeed),
    message,
    el('h3', {}, 'Watched feeds'),
    data.feeds.length === 0
      ? el('p', { class: 'empty' }, 'No feeds yet.')
      : el(
          'table',
          { id: 'feeds' },
          el(
            'thead',
            {},
            el(
              'tr',
              {},
              ...['Feed', 'State', 'Last checked', 'Next check', 'Articles', ''].map((h) => el('th', {}, h)),
            ),
          ),
          el('tbody', {}, ...rows),
        ),
  );
  main.append(await queuePanel());
}
