import { describe, expect, it } from 'vitest';
import { parseFeedEntries } from './feed.js';

describe('parseFeedEntries', () => {
  it('reads RSS items: guid as key, links made absolute, dates as ISO, inline HTML', () => {
    const rss = `<?xml version="1.0"?><rss version="2.0"><channel><title>Harbour Wire</title><link>https://wire.example/</link>
      <item><title>Strike ends</title><link>/news/strike</link><guid>w-1</guid><pubDate>Tue, 05 Mar 2024 10:00:00 GMT</pubDate><description>&lt;p&gt;Teaser&lt;/p&gt;</description></item>
      <item><title>No guid</title><link>https://wire.example/news/b</link></item>
      <item><title>Duplicate</title><link>https://wire.example/news/b</link></item>
      <item><title>Bad link</title><link>javascript:alert(1)</link><guid>w-3</guid></item></channel></rss>`;
    const feed = parseFeedEntries(rss, 'https://wire.example/feed.xml');
    expect(feed.title).toBe('Harbour Wire');
    expect(feed.entries).toEqual([
      {
        key: 'w-1',
        url: 'https://wire.example/news/strike',
        title: 'Strike ends',
        published: '2024-03-05T10:00:00.000Z',
        html: '<p>Teaser</p>',
      },
      {
        key: 'https://wire.example/news/b',
        url: 'https://wire.example/news/b',
        title: 'No guid',
        published: null,
        html: null,
      },
      { key: 'w-3', url: null, title: 'Bad link', published: null, html: null },
    ]);
  });

  it('reads Atom entries and refuses what is not a feed', () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><title>A</title><entry><id>urn:1</id><title>One</title><link href="https://a.example/1"/><published>2024-04-01T08:00:00Z</published><content type="html">&lt;p&gt;Body&lt;/p&gt;</content></entry></feed>`;
    expect(parseFeedEntries(atom, 'https://a.example/atom').entries).toEqual([
      {
        key: 'urn:1',
        url: 'https://a.example/1',
        title: 'One',
        published: '2024-04-01T08:00:00.000Z',
        html: '<p>Body</p>',
      },
    ]);
    expect(() => parseFeedEntries('<html><body>not a feed</body></html>', 'https://a.example/')).toThrow(
      /not an RSS or Atom feed/,
    );
  });
});
