import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Correction } from '../model/index.js';
import {
  addCorrection,
  articleColumns,
  correctionById,
  correctionSnapshot,
  nextInSource,
  openDb,
  removeArticle,
  restoreArticle,
  storyWriter,
  undoCorrection,
  writeJsonExport,
  type Db,
} from '../store/index.js';
import {
  applyArticleCorrection,
  isArticleCorrection,
  joinCorrection,
  joinRaw,
  splitCorrection,
  splitOffsets,
  splitRaws,
  undoArticleCorrection,
} from './article-corrections.js';
import { resolveCorpus } from './resolve-corpus.js';
import { forgetStoryArticles, redescribeStories } from './stories-update.js';
import { analyzePaths } from './run.js';
import { updateStories } from './stories-update.js';

/** A small dump written for this test: the third report has no headline, so the segmenter runs the second on into it. */
const DUMP = `Harbour ferry strike ends after talks

PORT ELLIS, March 3, 2024 — Ferry crews in Port Ellis ended a four-day strike on Sunday after the harbour authority agreed to new rosters.

"We got what we asked for," union leader Tomas Varga told reporters on Sunday.

The authority said services would resume on Monday morning.

Source: https://news.example.org/2024/03/03/ferry-strike-ends

Coastal minister visits flooded villages

The coastal minister Elena Brisk toured three flooded villages on Tuesday and promised money for new sea walls.

Residents accused the regional council of ignoring warnings, Brisk said.

The navy of Westmark held drills near Gull Strait on Wednesday, its defence ministry said.

Officials in Ostland condemned the drills and summoned the Westmark ambassador on Thursday.

Source: https://news.example.org/2024/03/07/navy-drills-gull-strait

Quarry workers return after landslide

Quarry workers in Dunmore returned to work on Friday, a week after a landslide closed the site.

Source: https://news.example.org/2024/03/08/quarry-workers-return
`;

/** A split part as the store would hold it: the original's row with the part's id, text, metadata and paragraphs. */
function storedRow<T extends object>(
  original: T,
  r: Awaited<ReturnType<typeof splitRaws>>[number],
  id: string,
): T & Record<string, unknown> {
  return {
    ...original,
    id,
    title: r.title,
    url: r.url,
    outlet: r.outlet,
    text: r.text,
    published: r.dateEvidence[0]?.value ?? null,
    published_precision: r.dateEvidence[0]?.precision ?? null,
    published_from: r.dateEvidence[0]?.from ?? null,
    paragraphs: JSON.stringify(r.paragraphs ?? []),
    warnings: JSON.stringify(r.warnings),
    origin: r.origin,
  };
}

let dir: string;
let dumpPath: string;
let dbPath: string;
let db: Db;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-article-corr-'));
  dumpPath = join(dir, 'dump.txt');
  writeFileSync(dumpPath, DUMP);
  dbPath = join(dir, 'store.db');
  await analyzePaths([dumpPath], dbPath, { threads: 0 });
  db = openDb(dbPath);
}, 120_000);

afterAll(() => db?.close());

const ids = (): string[] => db.prepare('SELECT id FROM articles ORDER BY seq').pluck().all() as string[];
const row = (id: string) =>
  db.prepare('SELECT seq, id, title, text, origin, url FROM articles WHERE id = ?').get(id) as
    | { seq: number; id: string; title: string; text: string; origin: string; url: string | null }
    | undefined;
const byTitle = (t: string) =>
  db.prepare("SELECT id FROM articles WHERE title LIKE ? || '%'").pluck().get(t) as string | undefined;

/** As the API does it: store, carry out, resolve, place in stories. */
async function correct(made: Pick<Correction, 'kind' | 'target' | 'payload'>): Promise<Correction> {
  const c = addCorrection(db, made);
  if (isArticleCorrection(c)) await applyArticleCorrection(db, c);
  await resolveCorpus(db);
  updateStories(db);
  return correctionById(db, c.id)!;
}

async function undo(c: Correction): Promise<void> {
  expect(undoCorrection(db, c.id)).toBe(true);
  if (isArticleCorrection(c)) undoArticleCorrection(db, c);
  await resolveCorpus(db);
  updateStories(db);
}

/** Every row of the store that still refers to the article (by seq or id), table by table. */
function references(seq: number, id: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const { table, column } of articleColumns(db)) {
    const n = db
      .prepare(`SELECT COUNT(*) FROM "${table}" WHERE "${column}" = ?`)
      .pluck()
      .get(column === 'article_seq' ? seq : id) as number;
    if (n > 0) out[`${table}.${column}`] = n;
  }
  // Rows naming it inside JSON: events' evidence, claim groups, story citations.
  for (const [table, column] of [
    ['events', 'data'],
    ['claim_groups', 'data'],
    ['stories', 'summary'],
    ['entities', 'data'],
  ] as const) {
    const n = db.prepare(`SELECT COUNT(*) FROM ${table} WHERE instr(${column}, ?) > 0`).pluck().get(id) as number;
    if (n > 0) out[`${table}.${column}`] = n;
  }
  const fts = db.prepare('SELECT COUNT(*) FROM articles_fts WHERE rowid = ?').pluck().get(seq) as number;
  if (fts > 0) out.articles_fts = fts;
  return out;
}

/** What MATCH finds for a word: the seqs of the full-text index (an external-content table answers from its index). */
const matches = (word: string): number[] =>
  db.prepare('SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid').pluck().all(word) as number[];

describe('article corrections', () => {
  it('reads every column that refers to an article off the schema', () => {
    const found = articleColumns(db).map((c) => `${c.table}.${c.column}`);
    // The tables known today; one added later is found the same way and checked by the orphan tests below.
    for (const t of [
      'articles.duplicate_of',
      'article_fingerprints.article_seq',
      'mentions.article_seq',
      'quotes.article_seq',
      'claims.article_seq',
      'event_mentions.article_seq',
      'event_articles.article_id',
      'claim_group_members.article_seq',
      'story_members.article_seq',
      'story_keys.article_seq',
      'feed_items.article_id',
    ])
      expect(found).toContain(t);
  });

  it('knows every column of the schema that names an article', () => {
    // A column whose name speaks of articles either refers to one (and is found by `articleColumns`, so removal
    // covers it) or is listed here as a count or a column of the article itself. A new table that refers to
    // articles under another name fails here until removal is taught about it.
    const notReferences = new Set(['stories.articles', 'stories.seq', 'feeds.articles_added']);
    const found = new Set(articleColumns(db).map((c) => `${c.table}.${c.column}`));
    const tables = db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'articles_fts%'",
      )
      .pluck()
      .all() as string[];
    const unknown: string[] = [];
    for (const t of tables)
      for (const c of db.prepare(`PRAGMA table_info("${t}")`).all() as Array<{ name: string }>) {
        const name = `${t}.${c.name}`;
        if (/article|seq|duplicate/.test(c.name) && !found.has(name) && !notReferences.has(name) && t !== 'articles')
          unknown.push(name);
      }
    expect(unknown).toEqual([]);
  });

  let split: Correction;
  let original: { seq: number; id: string; title: string; text: string; origin: string; url: string | null };
  let before: Record<string, number>;

  it('splits an article in two at a paragraph, leaving nothing of it behind', async () => {
    const id = byTitle('Coastal minister visits')!;
    original = row(id)!;
    expect(original.text).toContain('The navy of Westmark held drills');
    before = references(original.seq, id);
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining(['mentions.article_seq', 'articles_fts', 'story_members.article_seq']),
    );
    const offset = original.text.indexOf('The navy of Westmark');
    expect(splitOffsets(original.text)).toContain(offset);
    expect(() => splitCorrection(db, id, offset + 1)).toThrow(/not at the start of a paragraph/);
    expect(() => splitCorrection(db, 'nope', offset)).toThrow(/no such article/);
    expect(() => splitCorrection(db, id, 0)).toThrow(/not at the start/);
    const wordsBefore = matches('ambassador');
    expect(wordsBefore).toEqual([original.seq]);

    split = await correct(splitCorrection(db, id, offset));
    expect(row(id)).toBeUndefined();
    expect(references(original.seq, id)).toEqual({});
    const [first, second] = (split.payload as { parts: [string, string] }).parts;
    const a = row(first)!;
    const b = row(second)!;
    expect(a.title).toBe(original.title);
    expect(a.text).toBe(original.text.slice(0, offset).trimEnd());
    // The second part has no headline of its own: its title is its first line. The Source line
    // that closed the merged article was the second report's: its address goes with the second part.
    expect(b.title).toBe('The navy of Westmark held drills near Gull Strait on Wednesday, its defence ministry said.');
    expect(original.url).toBe('https://news.example.org/2024/03/07/navy-drills-gull-strait');
    expect(b.url).toBe(original.url);
    expect(a.url).toBeNull();
    // No text is lost: the part's first line is its text's start, or (when the segmenter read it as a headline)
    // its title.
    expect(b.text.startsWith(b.title) ? b.text : `${b.title}\n\n${b.text}`).toBe(original.text.slice(offset));
    expect(nextInSource(db, first)).toBe(second);
    // The full-text index answers with the new article, not the removed one.
    expect(matches('ambassador')).toEqual([b.seq]);
    expect(matches('sea AND walls')).toEqual([a.seq]);
    // Its facts are there, derived from the new article.
    const events = db.prepare('SELECT COUNT(*) FROM event_articles WHERE article_id = ?').pluck().get(second) as number;
    expect(events).toBeGreaterThan(0);
    expect(db.prepare('SELECT COUNT(*) FROM story_members WHERE article_seq IN (?, ?)').pluck().get(a.seq, b.seq)).toBe(
      2,
    );
  });

  it('keeps the split when the same dump is analyzed again', async () => {
    const now = ids();
    const summary = await analyzePaths([dumpPath], dbPath, { threads: 0 });
    expect(summary.added).toBe(0);
    db.close();
    db = openDb(dbPath);
    expect(ids()).toEqual(now);
    expect(row(original.id)).toBeUndefined();
  });

  it('puts the split back in force when an analysis finds it undone behind its back', async () => {
    const [first, second] = (split.payload as { parts: [string, string] }).parts;
    // As if another process had stored the original again and lost a part meanwhile.
    const snapshot = correctionSnapshot(db, split.id);
    db.transaction(() => {
      const stories = forgetStoryArticles(db, [row(second)!.seq]);
      removeArticle(db, second);
      redescribeStories(db, stories);
      restoreArticle(db, snapshot[0]!);
    })();
    expect(row(original.id)).toBeDefined();
    expect(row(second)).toBeUndefined();
    await analyzePaths([dumpPath], dbPath, { threads: 0 });
    expect(row(original.id)).toBeUndefined();
    expect(row(first)).toBeDefined();
    expect(row(second)?.title).toBe(
      'The navy of Westmark held drills near Gull Strait on Wednesday, its defence ministry said.',
    );
    expect(references(original.seq, original.id)).toEqual({});
  });

  let join: Correction;

  it('joins an article with the next one of its source, and refuses what is not that', async () => {
    const [first, second] = (split.payload as { parts: [string, string] }).parts;
    const quarry = byTitle('Quarry workers')!;
    expect(() => joinCorrection(db, [second, first])).toThrow(/not the article after/);
    expect(() => joinCorrection(db, [first, quarry])).toThrow(/not the article after/);
    expect(() => joinCorrection(db, [first])).toThrow(/two different article ids/);
    const [sa, sb] = [row(first)!, row(second)!];
    join = await correct(joinCorrection(db, [first, second]));
    const joined = row((join.payload as { joined: string }).joined)!;
    expect(joined.title).toBe(original.title);
    // The text as it stood (the second part's title was its first sentence, not a line of its own).
    expect(joined.text).toBe(original.text);
    expect(references(sa.seq, first)).toEqual({});
    expect(references(sb.seq, second)).toEqual({});
    expect(matches('ambassador')).toEqual([joined.seq]);
  });

  it('undoes the join and then the split, putting back the original article and its facts', async () => {
    const counts = (seq: number) =>
      ['mentions', 'quotes', 'claims', 'event_mentions', 'article_fingerprints'].map(
        (t) => db.prepare(`SELECT COUNT(*) FROM ${t} WHERE article_seq = ?`).pluck().get(seq) as number,
      );
    const joinedId = (join.payload as { joined: string }).joined;
    const joinedSeq = row(joinedId)!.seq;
    await undo(join);
    expect(references(joinedSeq, joinedId)).toEqual({});
    const [first, second] = (split.payload as { parts: [string, string] }).parts;
    expect(row(first)).toBeDefined();
    expect(row(second)).toBeDefined();
    await undo(split);
    expect(row(first)).toBeUndefined();
    expect(row(second)).toBeUndefined();
    const back = row(original.id)!;
    expect(back).toEqual(original);
    expect(Object.keys(references(back.seq, back.id)).sort()).toEqual(Object.keys(before).sort());
    expect(counts(back.seq).every((n) => n >= 0)).toBe(true);
    expect(counts(back.seq)[0]).toBe(before['mentions.article_seq']);
    expect(matches('ambassador')).toEqual([back.seq]);
  });

  it('names a story another way when an article of its name is stored again', () => {
    // A story is named by the article that started it and keeps the name when that article is removed.
    const writer = storyWriter(db);
    db.transaction(() => {
      expect(writer.startStory('story-test')).toBe('story-test');
      expect(writer.startStory('story-test')).toBe('story-test~2');
      expect(writer.startStory('story-test')).toBe('story-test~3');
      db.prepare("DELETE FROM stories WHERE id LIKE 'story-test%'").run();
    })();
  });

  it('exports every article correction, undone ones with their time', async () => {
    const chunks: string[] = [];
    await writeJsonExport(db, (s) => void chunks.push(s));
    const data = JSON.parse(chunks.join('')) as { corrections: Correction[]; articles: Array<{ id: string }> };
    const kinds = data.corrections.map((c) => [c.kind, c.undoneAt !== null]);
    expect(kinds).toEqual([
      ['article.split', true],
      ['article.join', true],
    ]);
    expect(JSON.stringify(data.corrections)).not.toContain('snapshot');
    expect(data.articles.map((a) => a.id)).toContain(original.id);
  });
});

describe('the second part of a split', () => {
  const merged = {
    id: 'a1',
    title: 'Coastal minister visits flooded villages',
    url: 'https://news.example.org/2024/03/05/coastal-minister',
    outlet: 'Example News',
    published: '2024-03-05',
    published_precision: 'day',
    published_from: 'url',
    text: 'The minister toured three villages on Tuesday.\n\nNavy drills near Gull Strait draw protest from Ostland\n\nThe navy of Westmark held drills near Gull Strait on Wednesday.\n\nSource: https://other.example.net/2024/03/07/navy-drills',
    captions: '[]',
    authors: '[]',
    origin: 'dump.txt#4',
    warnings: '[]',
    paragraphs: '[]',
  };

  it('takes its headline and address from what its text says, read by the dump segmenter', async () => {
    const offset = merged.text.indexOf('Navy drills');
    const [first, second] = await splitRaws(merged, offset);
    expect(first.title).toBe(merged.title);
    // The merged article's address (and the date read from it) was a Source line after the cut: not the first's.
    expect(first.url).toBeNull();
    expect(first.outlet).toBeNull();
    expect(first.text).toBe('The minister toured three villages on Tuesday.');
    expect(first.dateEvidence).toEqual([]);
    expect(second.title).toBe('Navy drills near Gull Strait draw protest from Ostland');
    // The second part names an address of its own: that one, and its date, not the merged article's.
    expect(second.url).toBe('https://other.example.net/2024/03/07/navy-drills');
    expect(second.dateEvidence.map((d) => d.value)).not.toContain('2024-03-05');
    expect(second.text).toBe('The navy of Westmark held drills near Gull Strait on Wednesday.');
    expect(second.origin).toBe(`dump.txt#4@${offset}`);
  });

  it('takes the address, outlet and address date of the article that ran it on, the first keeping a stamped date', async () => {
    // As the dump segmenter stores it: the Source line closing the article is out of the text, in url.
    const ranOn = {
      ...merged,
      published: '2024-03-07',
      published_from: 'url',
      url: 'https://news.example.org/2024/03/07/navy-drills',
      text: merged.text.slice(0, merged.text.indexOf('\n\nSource:')),
    };
    const offset = ranOn.text.indexOf('Navy drills');
    const [first, second] = await splitRaws(ranOn, offset);
    expect([first.url, first.outlet]).toEqual([null, null]);
    expect(first.dateEvidence).toEqual([]);
    expect([second.url, second.outlet]).toEqual([ranOn.url, 'Example News']);
    expect(second.dateEvidence.map((d) => [d.value, d.from])).toContainEqual(['2024-03-07', 'url']);
    // A date the first report's text gave (a dateline or stamp) stays with it.
    const stamped = { ...ranOn, published: '2024-03-05', published_from: 'text' };
    const [first2, second2] = await splitRaws(stamped, offset);
    expect(first2.dateEvidence.map((d) => [d.value, d.from])).toEqual([['2024-03-05', 'text']]);
    expect(second2.dateEvidence.map((d) => d.value)).not.toContain('2024-03-05');
    // Joined again: the address is the one the article had.
    const joined = joinRaw(storedRow(ranOn, first, 'p1'), storedRow(ranOn, second, 'p2'));
    expect([joined.url, joined.outlet]).toEqual([ranOn.url, 'Example News']);
    expect(joined.dateEvidence.map((d) => [d.value, d.from])).toEqual([['2024-03-07', 'url']]);
  });

  it('keeps the outlet the first part names itself: its dateline credit, else a photo credit', async () => {
    // As the dump segmenter stores it: the address (from the Source line closing the text) is the second report's.
    const credited = {
      ...merged,
      url: 'https://news.example.org/2024/03/07/navy-drills',
      text: `PORT ELLIS (River Post) — ${merged.text.slice(0, merged.text.indexOf('\n\nSource:'))}`,
    };
    const offset = credited.text.indexOf('Navy drills');
    const [first, second] = await splitRaws(credited, offset);
    expect([first.url, first.outlet]).toEqual([null, 'River Post']);
    expect([second.url, second.outlet]).toEqual([credited.url, 'Example News']);
    // No dateline: a staff photographer's credit on the first report's picture names its outlet.
    const pictured = {
      ...credited,
      text: credited.text.replace('PORT ELLIS (River Post) — ', ''),
      captions: JSON.stringify(['Villagers carry sandbags on Tuesday. Photo: Mara Holt/The Guardian']),
    };
    const [first2] = await splitRaws(pictured, pictured.text.indexOf('Navy drills'));
    expect(first2.outlet).toBe('The Guardian');
    // A credit naming no outlet (a wire's, or none at all) leaves the first part without one, as before.
    const [first3] = await splitRaws({ ...pictured, captions: '[]' }, pictured.text.indexOf('Navy drills'));
    expect(first3.outlet).toBeNull();
  });

  it('joins back with its headline put where it stood', async () => {
    const offset = merged.text.indexOf('Navy drills');
    const [first, second] = await splitRaws(merged, offset);
    const joined = joinRaw(storedRow(merged, first, 'p1'), storedRow(merged, second, 'p2'));
    expect(joined.text).toBe(
      'The minister toured three villages on Tuesday.\n\nNavy drills near Gull Strait draw protest from Ostland\n\nThe navy of Westmark held drills near Gull Strait on Wednesday.',
    );
    expect(joined.paragraphs!.map((p) => joined.text.slice(p.start, p.end))).toEqual(joined.text.split('\n\n'));
    expect(joined.title).toBe(merged.title);
  });

  it('cuts at a line inside a paragraph, and joins articles stored without paragraphs, losing no text', async () => {
    const text = 'First line of a block.\nSecond line of the same block.\n\nA last paragraph.';
    const row = {
      ...merged,
      text,
      paragraphs: JSON.stringify([
        { start: 0, end: 53, kind: 'body' },
        { start: 55, end: 72, kind: 'body' },
      ]),
    };
    expect(splitOffsets(text)).toEqual([23, 55]);
    const [first] = await splitRaws(row, 23);
    expect(first.text).toBe('First line of a block.');
    expect(first.paragraphs).toEqual([{ start: 0, end: 22, kind: 'body' }]);
    const joined = joinRaw({ ...row, paragraphs: '[]' }, { ...row, id: 'b', paragraphs: '[]', title: 'Next' });
    const shown = joined.paragraphs!.map((p) => joined.text.slice(p.start, p.end)).join(' ');
    expect(shown).toBe(`${text.replace(/\n+/g, ' ')} Next ${text.replace(/\n+/g, ' ')}`);
  });
});

describe('an article correction that cannot be stored whole', () => {
  it('changes nothing when its snapshot cannot be written: the removal is not committed without it', async () => {
    const path = join(dir, 'failing.db');
    await analyzePaths([dumpPath], path, { threads: 0 });
    const own = openDb(path);
    try {
      const id = own.prepare("SELECT id FROM articles WHERE title LIKE 'Coastal minister%'").pluck().get() as string;
      const text = own.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(id) as string;
      const before = own.prepare('SELECT id FROM articles ORDER BY seq').pluck().all();
      const c = addCorrection(own, splitCorrection(own, id, text.indexOf('The navy of Westmark')));
      // The write of the snapshot fails (as a full disk would make it).
      own.exec(`CREATE TEMP TRIGGER no_snapshot BEFORE UPDATE OF snapshot ON corrections
                BEGIN SELECT RAISE(ABORT, 'the snapshot cannot be written'); END`);
      await expect(applyArticleCorrection(own, c as Parameters<typeof applyArticleCorrection>[1])).rejects.toThrow(
        /snapshot cannot be written/,
      );
      expect(own.prepare('SELECT id FROM articles ORDER BY seq').pluck().all()).toEqual(before);
      expect(correctionSnapshot(own, c.id)).toEqual([]);
    } finally {
      own.close();
    }
  }, 120_000);
});
