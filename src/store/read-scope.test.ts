import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { inReadScope, keptStampNow, newReadScope, openDb, storeVersionReader } from './index.js';

describe('read scopes on a read-only connection', () => {
  it('read the store version once a scope; a new scope, or no scope, sees another connection’s commit', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'sitrep-read-scope-')), 'store.db');
    const writer = openDb(path);
    const reader = openDb(path, { readonly: true });
    try {
      const version = storeVersionReader(reader);
      const write = (n: number) => writer.prepare('INSERT INTO feeds (url) VALUES (?)').run(`https://example.org/${n}`);
      // No scope: each read sees the latest commit.
      const a = version.get();
      write(1);
      const b = version.get();
      expect(b).not.toBe(a);
      // Within a scope: the version first read, whatever commits after it; the kept stamp likewise, one object.
      newReadScope(reader);
      const c = version.get();
      const stamp = keptStampNow(reader);
      write(2);
      expect(version.get()).toBe(c);
      expect(keptStampNow(reader)).toBe(stamp);
      let reads = 0;
      const once = () => inReadScope(reader, 'probe', () => ++reads);
      expect([once(), once()]).toEqual([1, 1]);
      // The next scope reads again.
      newReadScope(reader);
      expect(version.get()).not.toBe(c);
      expect(keptStampNow(reader)).not.toBe(stamp);
      expect(once()).toBe(2);
      // A writing connection has no scopes: its own writes would not move a version read before them.
      expect(() => newReadScope(writer)).toThrow(/read-only/);
    } finally {
      reader.close();
      writer.close();
    }
  });
});
