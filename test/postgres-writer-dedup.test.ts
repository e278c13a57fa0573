import { describe, expect, it } from 'vitest';
import { Deduplicator } from '../src/resolve/index.js';
import type { ArticleRecord } from '../src/store/articles.js';
import { bareRecord, postgresUnavailable, suiteDatabase, throwAwayDatabase, withSinks } from './pg-database.js';

/**
 * The native writer judges an article against the stored ones it looks up before analysis; another worker may store
 * a duplicate of it meanwhile. At write time each batch, one at a time, is judged again against every committed
 * article: an exact duplicate is left out, and an article judged new is linked to a near-duplicate stored since.
 */
const unavailable = await postgresUnavailable();

// Invented texts: a report, a lightly edited copy of it, and an unrelated notice.
const REPORT =
  'The river council of Quillmoor voted on Thursday to close the old stone bridge to lorries after engineers found ' +
  'cracks in two of its arches. Mayor Tilda Brannock said repairs would start in the spring and take about eight ' +
  'months, and that a ferry would carry cyclists and walkers across the Vell meanwhile. Hauliers in the valley ' +
  'warned that the detour through Ostrane would add an hour to every delivery.';
const EDITED = `${REPORT.replace('Thursday', 'Thursday evening')} Shops on the quay expect fewer customers.`;
const NOTICE =
  'The Brelmark chess club will hold its winter open in the town library on Saturday, with forty players entered ' +
  'and a junior section for pupils of the three village schools; entry is free for spectators.';

const record = (id: string, text: string): ArticleRecord => bareRecord(id, `Item ${id}`, text);

describe.skipIf(unavailable !== null)('two native PostgreSQL writers storing duplicates at once', () => {
  const db = suiteDatabase();

  it("judges each batch again at write time against the other writer's committed articles", async () => {
    await withSinks(db.url, [undefined, undefined], async (pool, [first, second]) => {
      const report = Deduplicator.fingerprint(REPORT);
      const edited = Deduplicator.fingerprint(EDITED);
      const notice = Deduplicator.fingerprint(NOTICE);
      expect(new Deduplicator([{ id: 'a', fingerprint: report }]).judge(edited)).toMatchObject({ kind: 'near' });
      // Both look up their articles before either has stored anything: nothing is found.
      expect(await first.lookup!([{ id: 'a', fingerprint: report }])).toEqual([]);
      expect(
        await second.lookup!([
          { id: 'b', fingerprint: edited },
          { id: 'c', fingerprint: report },
          { id: 'd', fingerprint: notice },
        ]),
      ).toEqual([]);
      const added = new Map<string, boolean>();
      await first.add(record('a', REPORT), report, (x) => added.set('a', x));
      await first.flush();
      const b = record('b', EDITED);
      await second.add(b, edited, (x) => added.set('b', x));
      await second.add(record('c', REPORT), report, (x) => added.set('c', x));
      await second.add(record('d', NOTICE), notice, (x) => added.set('d', x));
      await second.flush();
      expect(Object.fromEntries(added)).toEqual({ a: true, b: true, c: false, d: true });
      const { rows } = await pool.query<{ id: string; duplicate_of: string | null; similarity: number | null }>(
        'SELECT id, duplicate_of, similarity FROM articles ORDER BY seq',
      );
      expect(rows.map((r) => [r.id, r.duplicate_of])).toEqual([
        ['a', null],
        ['b', 'a'],
        ['d', null],
      ]);
      expect(rows[1]!.similarity).toBeGreaterThanOrEqual(0.5);
      // The caller sees the link it was given (its count of near-duplicates).
      expect(b.duplicateOf).toBe('a');
      // A later look-up finds the stored ones by band and by text hash, oldest first.
      const found = await first.lookup!([{ id: 'e', fingerprint: Deduplicator.fingerprint(`${EDITED} More.`) }]);
      expect(found.map((k) => k.id)).toEqual(['a', 'b']);
      expect(first.has('e')).toBe(false);
      await first.lookup!([{ id: 'd', fingerprint: undefined }]);
      expect(first.has('d')).toBe(true);
    });
  }, 120_000);

  it('links a near copy to the stored original when its own original is left out at write time', async () => {
    // A store of its own: the first test's articles would be found by the look-ups here.
    const own = await throwAwayDatabase();
    try {
      await withSinks(own.url, [2, undefined], async (pool, [first, second]) => {
        const report = Deduplicator.fingerprint(REPORT);
        const edited = Deduplicator.fingerprint(EDITED);
        const later = `${EDITED} The ferry runs every half hour.`;
        const laterFp = Deduplicator.fingerprint(later);
        // The first writer judges its articles before the second stores anything: 'p' new, 'q' and 'r' near 'p'.
        expect(await first.lookup!([{ id: 'p', fingerprint: report }])).toEqual([]);
        const linked = (id: string, text: string): ArticleRecord => {
          const r = record(id, text);
          r.duplicateOf = 'p';
          r.article.duplicateOf = 'p';
          r.article.similarity = 0.8;
          return r;
        };
        // Meanwhile the second stores the same text as 'p' under another id.
        await second.add(record('o', REPORT), report, () => undefined);
        await second.flush();
        const added = new Map<string, boolean>();
        // 'p' is left out at write time (an exact copy of 'o'); 'q' is in its batch, 'r' in the next one.
        const q = linked('q', EDITED);
        const r = linked('r', later);
        await first.add(record('p', REPORT), report, (x) => added.set('p', x));
        await first.add(q, edited, (x) => added.set('q', x));
        await first.add(r, laterFp, (x) => added.set('r', x));
        await first.flush();
        expect(Object.fromEntries(added)).toEqual({ p: false, q: true, r: true });
        const { rows } = await pool.query<{ id: string; duplicate_of: string | null }>(
          'SELECT id, duplicate_of FROM articles ORDER BY seq',
        );
        // Every link names a stored article: the stored copy of the original that was left out.
        expect(rows.map((x) => [x.id, x.duplicate_of])).toEqual([
          ['o', null],
          ['q', 'o'],
          ['r', 'o'],
        ]);
        expect([q.duplicateOf, r.duplicateOf, r.article.duplicateOf]).toEqual(['o', 'o', 'o']);
      });
    } finally {
      await own.drop();
    }
  }, 120_000);
});
