import { describe, expect, it } from 'vitest';
import { decodeHtml, extractHtml } from './index.js';
import { storyPage } from './testdata/page.js';
// @ts-expect-error plain-JS bench helper: the seeded PRNG shared with the benchmarks
import { rng } from '../../../bench/synthetic.js';

const FRAGMENTS = [
  '<',
  '>',
  '</',
  '<div>',
  '</div>',
  '<p>',
  '</p>',
  '<article>',
  '<script>',
  '</script>',
  '<style>',
  '<!--',
  '-->',
  '<![CDATA[',
  '<table><tr><td>',
  '<br><br>',
  '&amp;',
  '&#0;',
  '&#x110000;',
  '&nbsp;',
  '"',
  "'",
  '<a href="javascript:x">',
  '<figure><figcaption>',
  '<script type="application/ld+json">{"@type":"NewsArticle","articleBody":',
  '{"@graph":[[[[',
  '<meta property="article:published_time" content="9999-99-99">',
  '<time datetime="2024-02-30">',
  '\u0000',
  '\uFFFD',
  '\uD800',
  '<svg><foreignObject><p>',
  '<noscript>',
  '<template>',
  '<title>',
  '<h1>',
  '<meta charset="x-unknown">',
  '<html><html><body><body>',
  '<li>'.repeat(50),
  '<div>'.repeat(300),
  '</div>'.repeat(100),
];

function mutate(html: string, r: () => number): string {
  let s = html;
  const ops = 1 + Math.floor(r() * 10);
  for (let k = 0; k < ops; k++) {
    const at = Math.floor(r() * (s.length + 1));
    const op = Math.floor(r() * 7);
    if (op === 0)
      s = s.slice(0, at); // truncation
    else if (op === 1) s = s.slice(0, at) + FRAGMENTS[Math.floor(r() * FRAGMENTS.length)]! + s.slice(at);
    else if (op === 2) s = s.slice(0, at) + s.slice(at + Math.floor(r() * 400));
    else if (op === 3)
      s = s.slice(0, at) + s.slice(Math.floor(r() * s.length), Math.floor(r() * s.length)) + s.slice(at);
    else if (op === 4)
      s =
        s.slice(0, at) +
        String.fromCharCode(...Array.from({ length: 1 + Math.floor(r() * 40) }, () => Math.floor(r() * 0xffff))) +
        s.slice(at);
    else if (op === 5) s = s.replace(/<\/p>/g, () => (r() < 0.3 ? '' : '</p>'));
    else s = s.toUpperCase();
  }
  return s;
}

/** A turn of the event loop, so the test worker can answer vitest while this CPU-bound test runs. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function checkPage(p: ReturnType<typeof extractHtml>, label: string): void {
  expect(typeof p.text, label).toBe('string');
  expect(typeof p.title).toBe('string');
  expect(p.published === null || /^\d{4}-\d\d-\d\d$/.test(p.published)).toBe(true);
  expect(Array.isArray(p.authors) && Array.isArray(p.captions) && Array.isArray(p.dateEvidence)).toBe(true);
  expect(p.text).not.toMatch(/\n{3,}/);
}

describe('HTML extraction fuzzing', () => {
  it('survives 2,500 mutated and truncated pages', async () => {
    const r = rng(20240312);
    const bases = [
      storyPage(),
      storyPage({ jsonLdBody: 'Short teaser only.' }),
      storyPage({ extraHead: '<meta name="author" content="By A. Person and B. Person">' }),
    ];
    for (let round = 0; round < 2500; round++) {
      if (round % 100 === 0) await turn();
      const html = mutate(bases[round % bases.length]!, r);
      checkPage(extractHtml(html, r() < 0.5 ? 'https://news.example/2024/01/02/story' : null), `round ${round}`);
    }
  });

  it('survives garbage bytes through decodeHtml and pathological nesting', async () => {
    const r = rng(7);
    for (let round = 0; round < 500; round++) {
      if (round % 100 === 0) await turn();
      const bytes = new Uint8Array(Math.floor(r() * 3000)).map(() => Math.floor(r() * 256));
      const html = decodeHtml(bytes, r() < 0.3 ? 'text/html; charset=bogus' : null);
      checkPage(extractHtml(html), `garbage ${round}`);
    }
    const deep = extractHtml(
      '<div>'.repeat(200_000) +
        '<p>Deep text that survives the flattening of absurd nesting.</p>' +
        '</div>'.repeat(200_000),
    );
    checkPage(deep, 'deep');
    expect(deep.text).toBe('Deep text that survives the flattening of absurd nesting.');
    checkPage(extractHtml(`${'<b><i>'.repeat(30_000)}unclosed`), 'unclosed inline nesting');
    checkPage(extractHtml(`<p>${'word '.repeat(200_000)}</p>`), 'long paragraph');
    checkPage(extractHtml('<a>x</a>'.repeat(50_000)), 'many links');
  });
});
