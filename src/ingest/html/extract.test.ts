import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeHtml, extractHtml, pageToRawArticle } from './index.js';
import { STORY_PARAGRAPHS, storyPage } from './testdata/page.js';

describe('extractHtml', () => {
  const page = extractHtml(storyPage());

  it('keeps the article body only, paragraphs separated by blank lines', () => {
    expect(page.text).toBe(STORY_PARAGRAPHS.join('\n\n'));
  });

  it('leaves out navigation, bylines, share prompts, captions, related links, comments and footer', () => {
    for (const junk of [
      'Sport',
      'Jonas Whitlow',
      'Share on',
      'Photo:',
      'Related stories',
      'Thanks for nothing',
      'Copyright',
    ]) {
      expect(page.text).not.toContain(junk);
    }
  });

  it('sets captions apart', () => {
    expect(page.captions).toEqual(['The damaged northern breakwater at Port Ellery on Monday. Photo: Ellery Gazette']);
  });

  it('reads title, date, authors, outlet and canonical URL from the metadata', () => {
    expect(page.title).toBe('Breakwater to stay shut for weeks after storm damage');
    expect(page.published).toBe('2024-03-12');
    expect(page.authors).toEqual(['Jonas Whitlow']);
    expect(page.outlet).toBe('Ellery Gazette');
    expect(page.url).toBe('https://www.ellerygazette.example/news/2024/03/12/breakwater-closed');
    expect(page.dateEvidence).toEqual([
      expect.objectContaining({ value: '2024-03-12', from: 'metadata', kind: 'published' }),
      expect.objectContaining({ value: '2024-03-13', from: 'metadata', kind: 'updated' }),
      expect.objectContaining({ value: '2024-03-12', from: 'url' }),
    ]);
  });

  it('prefers a given URL, and the outlets table for a known host', () => {
    const p = extractHtml(storyPage(), 'https://www.reuters.com/world/2024/03/11/story');
    expect(p.url).toBe('https://www.reuters.com/world/2024/03/11/story');
    expect(p.outlet).toBe('Reuters');
  });

  it('falls back to <title> without the site suffix, and to a URL date', () => {
    const p = extractHtml(
      '<html><head><title>Ferries diverted to south quay - Ellery Gazette</title></head><body><article>' +
        STORY_PARAGRAPHS.map((s) => `<p>${s}</p>`).join('') +
        '</article></body></html>',
      'https://ellerygazette.example/2024/03/14/ferries',
    );
    expect(p.title).toBe('Ferries diverted to south quay');
    expect(p.published).toBe('2024-03-14');
    expect(p.authors).toEqual([]);
  });

  it('gives an empty article for a page with no text, without throwing', () => {
    for (const html of ['', '<html></html>', '<<<>>>', '<script>var x = 1;</script>', '\u0000\u0001']) {
      const p = extractHtml(html);
      expect(typeof p.text).toBe('string');
      expect(p.title).toBeTypeOf('string');
    }
  });
});

describe('pageToRawArticle', () => {
  it('carries the metadata date with its source and flags an empty body', () => {
    const raw = pageToRawArticle(extractHtml(storyPage()), 'file:story.html');
    expect(raw.published).toEqual({ value: '2024-03-12', precision: 'day', from: 'metadata' });
    expect(raw.origin).toBe('file:story.html');
    expect(raw.authors).toEqual(['Jonas Whitlow']);
    expect(raw.warnings).toEqual([]);
    const empty = pageToRawArticle(extractHtml('<html><body></body></html>', 'https://x.example/2020/01/02/a'), 'u');
    expect(empty.published).toEqual({ value: '2020-01-02', precision: 'day', from: 'url' });
    expect(empty.warnings).toHaveLength(1);
  });
});

describe('decodeHtml', () => {
  const text = '<p>Caf\u00e9 \u201cna\u00efve\u201d \u20ac5</p>';

  it('honours a byte-order mark', () => {
    expect(decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]))).toBe(text);
    expect(decodeHtml(new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]))).toBe(text);
  });

  it('uses the HTTP charset, then <meta charset> / http-equiv', () => {
    const cp = iconv.encode(text, 'windows-1252');
    expect(decodeHtml(cp, 'text/html; charset=windows-1252')).toBe(text);
    const withMeta = Buffer.concat([Buffer.from('<meta charset="iso-8859-1">'), cp]);
    expect(decodeHtml(withMeta)).toBe(`<meta charset="iso-8859-1">${text}`);
    const equiv = Buffer.concat([
      Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=koi8-r">'),
      iconv.encode('Привет', 'koi8-r'),
    ]);
    expect(decodeHtml(equiv)).toContain('Привет');
  });

  it('sniffs UTF-8, else falls back to Windows-1252', () => {
    expect(decodeHtml(Buffer.from(text))).toBe(text);
    expect(decodeHtml(iconv.encode(text, 'windows-1252'))).toBe(text);
  });
});

describe('main text among page furniture', () => {
  const para = (i: number) =>
    `Paragraph ${i} of the story: the council met again on Thursday evening and agreed, after a long debate, to fund the repairs from the reserve.`;
  const story = Array.from({ length: 4 }, (_, i) => `<p>${para(i)}</p>`).join('');

  it('does not take a long comment thread for the article', () => {
    const comment = (i: number) =>
      `<div class="comment"><div class="comment-body"><p>${'I have lived here for thirty years and I have never seen the harbour in such a state, frankly. '.repeat(3)}(${i})</p></div></div>`;
    const html = `<body><div class="post"><div class="post-body">${story}</div></div><div id="comments">${Array.from({ length: 8 }, (_, i) => comment(i)).join('')}</div></body>`;
    expect(extractHtml(html).text).toBe([0, 1, 2, 3].map(para).join('\n\n'));
  });

  it('does not take a grid of story teasers for the article', () => {
    const teaser = (i: number) =>
      `<div class="card"><h3><a href="/s${i}">Another headline about the harbour number ${i}</a></h3><div class="card-meta"><a href="/t">Local</a></div><p>A short summary of another story that readers may want to open next, number ${i}.</p></div>`;
    const html = `<body><div class="grid">${Array.from({ length: 20 }, (_, i) => teaser(i)).join('')}</div><div class="content">${story}</div></body>`;
    expect(extractHtml(html).text).toBe([0, 1, 2, 3].map(para).join('\n\n'));
  });

  it('drops ad labels, stamps and calls to action inside the body, keeps subheads', () => {
    const html = `<article><div class="body"><p>12 March 2024, 08:15</p>${story.slice(0, story.length / 2)}<div><span>Advertisement</span></div><h2>What happens next</h2><p>${para(9)}</p><p>Sign up for our morning newsletter</p></div></article>`;
    const text = extractHtml(html).text;
    expect(text).toContain('What happens next');
    expect(text).toContain(para(9));
    for (const junk of ['Advertisement', 'newsletter', '08:15']) expect(text).not.toContain(junk);
  });
});

describe('paywalled pages', () => {
  it('take the JSON-LD articleBody when the page shows only a teaser', () => {
    const teaser =
      '<html><body><article><p>Harbour officials in Port Ellery said on Tuesday that the northern breakwater would stay closed.</p><div class="paywall-prompt"><p>Subscribe to continue reading</p></div></article></body></html>';
    const full = STORY_PARAGRAPHS.join('\n');
    const html = teaser.replace(
      '<body>',
      `<body><script type="application/ld+json">${JSON.stringify({ '@type': 'NewsArticle', headline: 'Breakwater', articleBody: full, isAccessibleForFree: false })}</script>`,
    );
    expect(extractHtml(html).text).toBe(STORY_PARAGRAPHS.join('\n\n'));
  });

  it('keep the page text when the JSON-LD body is a truncated teaser', () => {
    expect(extractHtml(storyPage({ jsonLdBody: 'Harbour officials in Port Ellery said on Tuesday…' })).text).toBe(
      STORY_PARAGRAPHS.join('\n\n'),
    );
  });
});

describe('captions', () => {
  it('keeps the article picture captions, not those of teasers elsewhere on the page', () => {
    const story = STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
    const html = `<body><article><figure><img src="a.jpg"><figcaption>Divers at the breakwater on Monday.</figcaption></figure><div class="text">${story}</div></article>
      <aside><figure><img src="b.jpg"><figcaption>A teaser picture for another story.</figcaption></figure></aside></body>`;
    expect(extractHtml(html).captions).toEqual(['Divers at the breakwater on Monday.']);
  });
});

describe('metadata variants', () => {
  it('reads a site-specific publication meta name and drops job titles from bylines', () => {
    const html = `<html><head><title>Ferries diverted</title><meta name="xy-post-date" content="2024/03/14"><meta name="author" content="Marta Quill, Staff Writer">
      <meta property="og:site_name" content="https://ellerygazette.example"></head><body><article>${STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const p = extractHtml(html, 'https://www.ellerygazette.example/ferries');
    expect(p.published).toBe('2024-03-14');
    expect(p.authors).toEqual(['Marta Quill']);
    expect(p.outlet).toBe('ellerygazette.example');
  });
});
