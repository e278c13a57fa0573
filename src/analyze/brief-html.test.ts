import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import type { Brief } from './brief.js';
import { briefHtml, escapeHtml } from './brief-html.js';

const HOSTILE = `<script>alert("x")</script> Mayor Ilse Varnow's "plan" & <img src=x onerror=alert(1)>`;

const BRIEF: Brief = {
  from: '2031-03-01',
  to: null,
  since: '2031-03-03',
  stories: [
    {
      id: 's"1',
      title: `Flood in <b>Tarrow</b> & "Wendle"`,
      from: '2031-03-02',
      to: '2031-03-04',
      actors: ['Ilse Varnow', '<i>Tarrow</i>'],
      outlets: ['Quay & Lantern'],
      articles: 2,
      developments: [
        { date: '2031-03-02', sentences: [{ text: 'The river rose\nby two metres.', cite: 1, new: false }] },
        { date: '2031-03-04', sentences: [{ text: HOSTILE, cite: 2, new: true }] },
      ],
      conflicts: [
        {
          label: 'the dam <held>',
          sides: [
            { says: 'asserts', outlet: 'Quay & Lantern', text: 'The dam held, officials said.', cite: 3, new: false },
            { says: 'denies', outlet: null, text: 'Engineers said the dam did not hold.', cite: 4, new: true },
          ],
        },
      ],
    },
  ],
  citations: [
    { n: 1, articleId: 'a1', start: 0, end: 30 },
    { n: 2, articleId: 'a<2>', start: 10, end: 90 },
    { n: 3, articleId: 'a1', start: 40, end: 70 },
    { n: 4, articleId: 'gone', start: 5, end: 41 },
  ],
};

const info = (id: string) =>
  id === 'gone' ? null : { outlet: 'Quay & Lantern', title: `Water <rises> in "Tarrow"`, published: '2031-03-02' };

describe('briefHtml', () => {
  it('escapes every text: hostile article text stays text', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    const html = briefHtml(BRIEF, info);
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<held>|<rises>|<2>/i);
    const { document } = parseHTML(html);
    expect(document.querySelectorAll('script, img, b, i').length).toBe(0);
    expect(document.querySelector('.developments')!.textContent).toContain(HOSTILE);
    expect(document.querySelector('h2')!.textContent).toBe(`Flood in <b>Tarrow</b> & "Wendle"`);
    expect(document.querySelector('section.story')!.getAttribute('id')).toBe('story-s"1');
    // a line break inside a sentence reads as one space
    expect(document.querySelector('.developments li')!.textContent).toContain('The river rose by two metres.');
  });

  it('is a standalone document with a print stylesheet and no script or external resource', () => {
    const html = briefHtml(BRIEF, info);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(html.trimEnd().endsWith('</html>')).toBe(true);
    const { document } = parseHTML(html);
    expect(document.querySelector('title')!.textContent).toBe('Situation report');
    expect(document.querySelector('style')!.textContent).toContain('@media print');
    expect(document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')).toBe(
      "default-src 'none'; style-src 'unsafe-inline'",
    );
    expect(document.querySelectorAll('[src], link, script').length).toBe(0);
    for (const a of document.querySelectorAll('a')) expect(a.getAttribute('href')).toMatch(/^#cite-\d+$/);
  });

  it('links each numbered citation to the list, which names outlet, title, date, article and span', () => {
    const { document } = parseHTML(briefHtml(BRIEF, info));
    const links = [...document.querySelectorAll('a.cite')];
    expect(links.length).toBeGreaterThanOrEqual(4);
    for (const a of links) {
      const n = a.textContent!.slice(1, -1);
      expect(a.getAttribute('href')).toBe(`#cite-${n}`);
      expect(document.getElementById(`cite-${n}`)).not.toBeNull();
    }
    const items = [...document.querySelectorAll('ol.citations li')];
    expect(items.map((li) => li.getAttribute('id'))).toEqual(['cite-1', 'cite-2', 'cite-3', 'cite-4']);
    expect(items[1]!.textContent).toBe(
      'Quay & Lantern, “Water <rises> in "Tarrow"” (2031-03-02), article a<2>, characters 10–90',
    );
    expect(items[3]!.textContent).toBe('article gone, characters 5–41');
  });

  it('marks what is new since the day asked for and lists it first', () => {
    const { document } = parseHTML(briefHtml(BRIEF, info));
    const fresh = [...document.querySelectorAll('ul.new-since > li')].map((li) => li.textContent);
    expect(fresh).toHaveLength(2);
    expect(fresh[0]).toContain(HOSTILE);
    expect(fresh[1]).toContain('Engineers said the dam did not hold. [4]');
    expect(document.querySelectorAll('.developments .new').length).toBe(1);
    expect(document.querySelectorAll('.conflicts .new').length).toBe(1);
    const plain = parseHTML(briefHtml({ ...BRIEF, since: undefined }, info)).document;
    expect(plain.querySelectorAll('ul.new-since').length).toBe(0);
  });

  it('says so when no story matches', () => {
    const { document } = parseHTML(briefHtml({ from: null, to: null, stories: [], citations: [] }));
    expect(document.querySelector('main p')!.textContent).toBe('No stories match.');
  });
});
