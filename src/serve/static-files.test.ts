import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { etagMatches, etagOf, StaticFiles } from './static-files.js';

describe('StaticFiles', () => {
  it('reads a file once, tags it, and reads it again when it changes on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-static-'));
    const path = join(dir, 'a.js');
    writeFileSync(path, 'one();');
    const files = new StaticFiles([pathToFileURL(`${dir}/`)]);
    const first = files.get('a.js')!;
    expect(first.body).toBe('one();');
    expect(first.etag).toBe(etagOf('one();'));
    expect(files.get('a.js')).toBe(first); // kept, not read again
    writeFileSync(path, 'two(); // longer');
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const second = files.get('a.js')!;
    expect(second.body).toBe('two(); // longer');
    expect(second.etag).not.toBe(first.etag);
    expect(files.get('missing.js')).toBeNull();
  });

  it('takes the first directory that has the file', () => {
    const a = mkdtempSync(join(tmpdir(), 'sitrep-static-'));
    const b = mkdtempSync(join(tmpdir(), 'sitrep-static-'));
    writeFileSync(join(b, 'x.js'), 'b');
    const files = new StaticFiles([pathToFileURL(`${a}/`), pathToFileURL(`${b}/`)]);
    expect(files.get('x.js')!.body).toBe('b');
    writeFileSync(join(a, 'y.js'), 'a');
    writeFileSync(join(b, 'y.js'), 'b');
    expect(files.get('y.js')!.body).toBe('a');
  });
});

describe('etagMatches', () => {
  const tag = etagOf('x');
  it('matches the tag alone, in a list, in its weak form and *', () => {
    expect(etagMatches(tag, tag)).toBe(true);
    expect(etagMatches(`"other", ${tag}`, tag)).toBe(true);
    expect(etagMatches(`W/${tag}`, tag)).toBe(true);
    expect(etagMatches('*', tag)).toBe(true);
  });
  it('does not match another tag, an absent header or a tag without quotes', () => {
    expect(etagMatches('"other"', tag)).toBe(false);
    expect(etagMatches(undefined, tag)).toBe(false);
    expect(etagMatches(tag.slice(1, -1), tag)).toBe(false);
  });
});
