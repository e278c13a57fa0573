import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { analyzePaths, resolveStore } from '../src/analyze/index.js';
import { openStore } from '../src/store/index.js';
import { postgresUnavailable, suiteDatabase, throwAwayDatabase } from './pg-database.js';

/**
 * `Store.resolve` on PostgreSQL chooses between the native resolve (only derived tables written back) and a whole
 * working copy (while a quote or article correction is in force) by the corrections there. The choice must be made
 * under the locks that keep corrections from being written meanwhile: a correction committed while the resolve waits
 * for its lock is one it must honour.
 */
const unavailable = await postgresUnavailable();

/** Same key as `RESOLVE_LOCK` in src/store/store.ts. */
const RESOLVE_LOCK = 0x5174_0003;
/** Same key as `WRITER_LOCK` in src/store/pg/article-writer.ts. */
const WRITER_LOCK = 0x5174_0002;

/** Advisory locks some session waits for, by key (keys below 2^32: `objid`) and mode. */
async function waitingLocks(client: pg.Client): Promise<Array<{ key: number; mode: string }>> {
  const { rows } = await client.query<{ key: number; mode: string }>(
    "SELECT objid::bigint AS key, mode FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
  );
  return rows.map((r) => ({ key: Number(r.key), mode: r.mode }));
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(unavailable !== null)('a PostgreSQL resolve and a correction made while it waits', () => {
  const db = suiteDatabase();

  it('honours a quote correction committed while the resolve waits for its lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-resolve-'));
    const file = join(dir, 'a.txt');
    // Invented text: one quote with a speaker.
    writeFileSync(
      file,
      'Ferry plan wins council vote\n\n“The harbour ferry will run every hour from May,” said Mayor Tilda Brannock ' +
        'of Quillmoor on Tuesday. The council of Quillmoor voted to fund the ferry.\n',
    );
    await analyzePaths([file], db.url, { threads: 0, corpus: false });
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ id: string; start: number; end: number; key: string; name: string }>(
        `SELECT a.id, q.start, q."end" AS end, q.speaker_key AS key, q.speaker_name AS name
           FROM quotes q JOIN articles a ON a.seq = q.article_seq ORDER BY q.idx LIMIT 1`,
      );
      const q = rows[0]!;
      expect(q.key).toBeTruthy();
      // Another resolve holds the lock; this one checks the corrections (none) and waits.
      await client.query('SELECT pg_advisory_lock($1)', [RESOLVE_LOCK]);
      const store = await openStore(db.url);
      try {
        const resolving = resolveStore(store);
        resolving.catch(() => undefined);
        for (let i = 0; i < 200; i++) {
          const waiting = await client.query(
            "SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND NOT granted AND objid = $1",
            [RESOLVE_LOCK],
          );
          if (waiting.rowCount) break;
          await new Promise((r) => setTimeout(r, 50));
        }
        // Meanwhile an analyst names another speaker for the quote (as the workbench writes a correction).
        await client.query("INSERT INTO corrections (kind, target, payload) VALUES ('quote.speaker', 'q1', $1)", [
          JSON.stringify({
            articleId: q.id,
            start: q.start,
            end: q.end,
            speakerKey: 'person:orla quist',
            speakerName: 'Orla Quist',
            before: { speakerKey: q.key, speakerName: q.name },
          }),
        ]);
        await client.query('SELECT pg_advisory_unlock($1)', [RESOLVE_LOCK]);
        await resolving;
      } finally {
        await store.close();
      }
      const after = await client.query<{ name: string }>(
        `SELECT q.speaker_name AS name FROM quotes q JOIN articles a ON a.seq = q.article_seq
          WHERE a.id = $1 AND q.start = $2 AND q."end" = $3`,
        [q.id, q.start, q.end],
      );
      expect(after.rows[0]?.name).toBe('Orla Quist');
    } finally {
      await client.end();
    }
  }, 120_000);

  it('lets batches of articles go on while a working-copy write waits for a resolve', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-pg-resolve-'));
    // Invented texts: one article stored before, one written while the resolve runs.
    const first = join(dir, 'first.txt');
    writeFileSync(first, 'Quillmoor opens a ferry pier\n\nThe town of Quillmoor opened a new ferry pier on Monday.\n');
    const second = join(dir, 'second.txt');
    writeFileSync(
      second,
      'Brannock names a harbour master\n\nMayor Tilda Brannock named Orla Quist harbour master of Quillmoor on ' +
        'Wednesday, the council said.\n',
    );
    // A store of its own: the test above leaves a quote correction in force, and a resolve then writes the whole
    // store through a working copy (the writer lock held exclusively for its run, by design).
    const own = await throwAwayDatabase();
    const url = own.url;
    await analyzePaths([first], url, { threads: 0, corpus: false });
    const watcher = new pg.Client({ connectionString: url });
    await watcher.connect();
    const store = await openStore(url);
    let open!: () => void;
    const gate = new Promise<void>((r) => {
      open = r;
    });
    let started!: () => void;
    const running = new Promise<void>((r) => {
      started = r;
    });
    try {
      // A resolve under way: its corpus steps wait on the gate.
      const resolving = store.resolve(async () => {
        started();
        await gate;
      });
      resolving.catch(() => undefined);
      await running;
      // A working-copy write (what a correction or a feed poll is) comes and waits for the resolve.
      let written = false;
      const writing = store.write(() => {
        written = true;
      });
      writing.catch(() => undefined);
      for (let i = 0; i < 400 && (await waitingLocks(watcher)).length === 0; i++) await pause(50);
      expect((await waitingLocks(watcher)).length).toBe(1);
      // Meanwhile a worker stores an article: its batch must not queue behind the waiting write.
      let analyzed = false;
      const analyzing = analyzePaths([second], url, { threads: 0, corpus: false }).then((s) => {
        analyzed = true;
        return s;
      });
      analyzing.catch(() => undefined);
      let blocked = false;
      while (!analyzed) {
        // A shared request for the writer lock not granted: the batch waits behind the write, for the resolve.
        if ((await waitingLocks(watcher)).some((l) => l.key === WRITER_LOCK && l.mode === 'ShareLock')) {
          blocked = true;
          break;
        }
        await pause(50);
      }
      const writtenDuring = written;
      open();
      const summary = await analyzing;
      await resolving;
      await writing;
      expect(blocked).toBe(false);
      expect(summary.added).toBe(1);
      // The write still waited for the resolve, and its write-back kept the article stored meanwhile.
      expect(writtenDuring).toBe(false);
      expect(written).toBe(true);
      const { rows } = await watcher.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM articles');
      expect(rows[0]!.n).toBe(2);
    } finally {
      open();
      await store.close();
      await watcher.end();
      await own.drop();
    }
  }, 300_000);
});
