import { describe, expect, it } from 'vitest';
import { jsonlItem } from './jsonl.js';
import { httpUrl } from './url.js';

describe('source-given URLs', () => {
  it('keeps http(s) URLs as written and drops every other scheme with a warning', () => {
    expect(httpUrl('https://news.example/2024/01/02/a?x=1')).toEqual({
      url: 'https://news.example/2024/01/02/a?x=1',
      warning: null,
    });
    expect(httpUrl('HTTP://News.Example/A')).toEqual({ url: 'HTTP://News.Example/A', warning: null });
    expect(httpUrl(null)).toEqual({ url: null, warning: null });
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(document.cookie)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox(1)',
      'file:///etc/passwd',
      'ftp://files.example/a',
      'http://',
      'not a url',
    ]) {
      const r = httpUrl(bad);
      expect(r.url, bad).toBeNull();
      expect(r.warning).toMatch(/is not http\(s\): dropped/);
    }
  });

  it('a JSONL record with a javascript: URL keeps its article, without the URL', () => {
    const text = jsonlItem(JSON.stringify({ url: 'javascript:alert(1)', title: 'T', text: 'Body text.' }), 'f:1');
    expect(text).toMatchObject({ kind: 'article', article: { url: null, outlet: null, text: 'Body text.' } });
    if (text?.kind !== 'article') throw new Error('expected an article');
    expect(text.article.warnings).toEqual(['URL "javascript:alert(1)" is not http(s): dropped']);
    const page = jsonlItem(JSON.stringify({ url: 'data:text/html,x', html: '<p>Hi</p>' }), 'f:2');
    expect(page).toMatchObject({ kind: 'page', url: null, hints: { warnings: [expect.stringMatching(/dropped/)] } });
  });
});
