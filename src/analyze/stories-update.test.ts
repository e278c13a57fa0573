import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  analyzePaths,
  brief,
  briefMarkdown,
  compareStory,
  countedNumbers,
  forgetStoryArticles,
  pendingStoryArticles,
  placeStories,
  updateStories,
} from './index.js';
import { addStoryFrequencies, allStories, openDb, storyFrequencies, type Db } from '../store/index.js';
import { DocumentFrequencies } from '../resolve/index.js';

const ROOT = new URL('../..', import.meta.url).pathname;
// A fictional summit reported by three outlets (one denying the arms delivery the others report, with two
// different numbers) and a flood reported by two: written for these tests.
const FIXTURE = join(ROOT, 'test/fixtures/stories/summit.txt');
// One more report of the summit, analyzed into the store afterwards.
const LATER = `Belmark and Ardania set date for Dunmere crossing reopening

CORVEL — Officials from Ardania and Belmark said on Tuesday that the Dunmere border crossing would reopen on June 15, a day after the Corvel summit between President Tomas Arvel and Prime Minister Lena Brisk.

The joint commission on fisheries agreed at the summit will meet for the first time in July, a Belmark trade official said.

Ardania's foreign ministry again denied that Ardania had supplied anti-tank missiles to the Belmark army.

Source: https://www.eastgazette.example/news/2031/05/06/dunmere-date
`;

let dir: string;
let db: Db;
let later: Awaited<ReturnType<typeof analyzePaths>>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sitrep-stories-'));
  const path = join(dir, 'stories.db');
  await analyzePaths([FIXTURE], path, { threads: 0 });
  writeFileSync(join(dir, 'later.txt'), LATER);
  later = await analyzePaths([join(dir, 'later.txt')], path, { threads: 0 });
  db = openDb(path);
}, 120_000);

afterAll(() => db?.close());

function storyOf(title: string): string {
  const s = [...allStories(db)].find((x) =>
    x.articleIds.some(
      (id) => (db.prepare('SELECT title FROM articles WHERE id = ?').pluck().get(id) as string) === title,
    ),
  );
  if (!s) throw new Error(`no story holds "${title}"`);
  return s.id;
}

describe('stories in the store', () => {
  it('puts the reports of one event in one story and another event in another', () => {
    const summit = storyOf('Ardania and Belmark leaders meet in Corvel for first summit in a decade');
    expect(storyOf('Summit in Corvel ends with pledge to reopen Dunmere crossing')).toBe(summit);
    expect(storyOf('Arvel and Brisk hold talks in Corvel as trade tops agenda')).toBe(summit);
    const flood = storyOf('Floods cut rail line between Sallow and Imbert');
    expect(flood).not.toBe(summit);
    expect(storyOf('Rail line between Sallow and Imbert stays closed after floods')).toBe(flood);
  });

  it('places a later article incrementally: it joins its story, and only that story is described again', () => {
    const summit = storyOf('Ardania and Belmark leaders meet in Corvel for first summit in a decade');
    expect(storyOf('Belmark and Ardania set date for Dunmere crossing reopening')).toBe(summit);
    expect(later.stories).toMatchObject({ articles: 1, touched: 1, started: 0, stories: 2 });
  });

  it('describes each story: title, outlets, dates, actors, and a summary whose citations are its sentences', () => {
    const stories = [...allStories(db)];
    const summit = stories.find(
      (s) => s.id === storyOf('Summit in Corvel ends with pledge to reopen Dunmere crossing'),
    )!;
    expect(summit.articleIds).toHaveLength(4);
    expect(summit.outlets).toEqual(expect.arrayContaining(['Harbourline', 'East Gazette', 'River Post']));
    expect(summit.from).toBe('2031-05-04');
    expect(summit.to).toBe('2031-05-06');
    expect(summit.actors).toEqual(expect.arrayContaining(['Ardania', 'Belmark']));
    for (const s of stories) {
      expect(s.citations.length).toBeGreaterThan(0);
      for (const c of s.citations) {
        const text = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(c.articleId) as string;
        const sentence = text.slice(c.start, c.end).replace(/\s+/g, ' ').trim();
        expect(s.summary).toContain(`${sentence} [${c.n}]`);
      }
    }
  });
});

describe('outlet comparison', () => {
  it('lists who reported the story first, and the conflicting claims side by side with their sentences', () => {
    const c = compareStory(db, storyOf('Summit in Corvel ends with pledge to reopen Dunmere crossing'))!;
    expect(c.outlets.map((o) => o.outlet)).toEqual(['Harbourline', 'River Post', 'East Gazette']);
    expect(c.outlets[0]!.first).toBe('2031-05-04');
    // The delivery asserted by two outlets and denied in two reports is one conflict: assertions, then denials.
    const claims = c.conflicts.filter((x) => x.kind === 'claim');
    expect(claims).toHaveLength(1);
    const claim = claims[0]!;
    expect(claim.sides.map((s) => s.sentence.outlet)).toEqual([
      'Harbourline',
      'River Post',
      'East Gazette',
      'East Gazette',
    ]);
    expect(claim.sides.map((s) => s.stance)).toEqual(['asserts', 'asserts', 'denies', 'denies']);
    expect(claim.sides[2]!.says).toMatch(/denies/);
    expect(claim.sides[2]!.sentence.text).toMatch(/denied that Ardania had supplied any/);
    expect(claim.sides[3]!.sentence.text).toMatch(/again denied/);
    const numbers = c.conflicts.find((x) => x.kind === 'number')!;
    expect(numbers.sides.map((s) => s.says).sort()).toEqual(['25', '40']);
    for (const x of c.conflicts)
      for (const s of x.sides) {
        const text = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(s.sentence.articleId) as string;
        expect(text.slice(s.sentence.start, s.sentence.end)).toBe(s.sentence.text);
      }
  });

  it('finds what only one outlet carries', () => {
    const c = compareStory(db, storyOf('Summit in Corvel ends with pledge to reopen Dunmere crossing'))!;
    const harbour = c.exclusive.find((o) => o.outlet === 'Harbourline')!;
    expect(harbour.facts.some((f) => f.kind === 'number' && f.label === '40 anti-tank missiles')).toBe(true);
  });

  it('reads counted things, not years, distances or durations', () => {
    expect(countedNumbers('They fired three ballistic missiles and 12 drones in 2031.').map((n) => n.value)).toEqual([
      3, 12,
    ]);
    expect(countedNumbers('The ship was 20 nautical miles off the coast for 10 days.')).toEqual([]);
    expect(countedNumbers('At least 40 of the missiles hit.')).toEqual([]);
  });
});

describe('brief', () => {
  it('cites every sentence by article and span, and the span holds that sentence', () => {
    const b = brief(db);
    expect(b.stories).toHaveLength(2);
    const sentences = b.stories.flatMap((s) => [
      ...s.developments.flatMap((d) => d.sentences),
      ...s.conflicts.flatMap((c) => c.sides),
    ]);
    expect(sentences.length).toBeGreaterThan(4);
    for (const s of sentences) {
      const c = b.citations.find((x) => x.n === s.cite)!;
      const text = db.prepare('SELECT text FROM articles WHERE id = ?').pluck().get(c.articleId) as string;
      expect(text.slice(c.start, c.end)).toBe(s.text);
    }
    const md = briefMarkdown(b);
    for (const c of b.citations) expect(md).toContain(`[${c.n}] ${c.articleId}, characters ${c.start}–${c.end}`);
  });

  it('keeps to one story, a query or a period', () => {
    const summit = storyOf('Summit in Corvel ends with pledge to reopen Dunmere crossing');
    expect(brief(db, { story: summit }).stories.map((s) => s.id)).toEqual([summit]);
    expect(brief(db, { query: 'embankment' }).stories.map((s) => s.title)).toEqual([
      'Floods cut rail line between Sallow and Imbert',
    ]);
    const may2 = brief(db, { from: '2031-05-02', to: '2031-05-03' });
    expect(may2.stories.map((s) => s.developments.map((d) => d.date))).toEqual([['2031-05-02']]);
  });

  it("keeps a conflict's sides within its period, and the conflict only while one side still meets another", () => {
    const summit = storyOf('Summit in Corvel ends with pledge to reopen Dunmere crossing');
    const sides = (from: string, to: string) =>
      brief(db, { story: summit, from, to }).stories.flatMap((s) =>
        s.conflicts.map((c) => c.sides.map((x) => x.outlet)),
      );
    // The two assertions of 4 May and the denial of 5 May; the second denial (6 May) is outside the period.
    expect(sides('2031-05-04', '2031-05-05')).toContainEqual(['Harbourline', 'River Post', 'East Gazette']);
    // Only the two denials are left from 5 May on: nothing in conflict within that period.
    expect(sides('2031-05-05', '2031-05-06')).toEqual([]);
  });
});

describe('two story updates at once', () => {
  it('place and count each article once when both took the same list of articles still to place', () => {
    const copy = join(dir, 'twice.db');
    db.exec(`VACUUM INTO '${copy}'`);
    const store = openDb(copy);
    try {
      const clear = (): void => {
        store.exec(`DELETE FROM story_keys; DELETE FROM story_members; DELETE FROM stories;
                    DELETE FROM story_frequencies; DELETE FROM meta WHERE key = 'story_documents'`);
      };
      const state = () => ({
        frequencies: store.prepare('SELECT key, df FROM story_frequencies ORDER BY key').all(),
        documents: store.prepare("SELECT value FROM meta WHERE key = 'story_documents'").pluck().get(),
        members: store.prepare('SELECT article_seq, story_id FROM story_members ORDER BY article_seq').all(),
        keys: store.prepare('SELECT key, article_seq FROM story_keys ORDER BY key, article_seq').all(),
        stories: store.prepare('SELECT id, articles FROM stories ORDER BY id').all(),
      });
      clear();
      updateStories(store);
      const once = state();
      expect(Number(once.documents)).toBe(once.members.length);
      expect(once.members.length).toBeGreaterThan(1);
      // As a server's job and `sitrep analyze` would: both read the list, then each places it in turn.
      clear();
      const pending = pendingStoryArticles(store);
      expect(placeStories(store, pending).articles).toBe(pending.length);
      expect(placeStories(store, pending).articles).toBe(0);
      expect(state()).toEqual(once);
    } finally {
      store.close();
    }
  });
});

describe('facts in the story frequencies', () => {
  const clear = (store: Db): void => {
    store.exec(`DELETE FROM story_keys; DELETE FROM story_members; DELETE FROM stories;
                DELETE FROM story_frequencies; DELETE FROM meta WHERE key = 'story_documents'`);
  };
  const factRows = (store: Db): number =>
    store.prepare("SELECT COUNT(*) FROM story_frequencies WHERE key LIKE '!%'").pluck().get() as number;

  it('are neither read nor counted with the default options, and counted with options that weigh them', () => {
    const copy = join(dir, 'facts.db');
    db.exec(`VACUUM INTO '${copy}'`);
    const store = openDb(copy);
    try {
      expect(factRows(store)).toBe(0);
      clear(store);
      updateStories(store, { factWeight: 0.2 });
      expect(factRows(store)).toBeGreaterThan(0);
    } finally {
      store.close();
    }
  });

  it('take a key out only where the store counts it, never below 0', () => {
    const copy = join(dir, 'clamp.db');
    db.exec(`VACUUM INTO '${copy}'`);
    const store = openDb(copy);
    try {
      clear(store);
      addStoryFrequencies(store, new Map([['!weekday=6', 1]]), 1);
      addStoryFrequencies(
        store,
        new Map([
          ['!weekday=6', -2],
          ['!weekday=2', -1],
        ]),
        0,
      );
      expect(store.prepare('SELECT key, df FROM story_frequencies ORDER BY key').all()).toEqual([
        { key: '!weekday=6', df: 0 },
      ]);
    } finally {
      store.close();
    }
  });

  it('leave no key below 1 when articles placed without facts are forgotten after others placed with them', () => {
    const copy = join(dir, 'forget.db');
    db.exec(`VACUUM INTO '${copy}'`);
    const store = openDb(copy);
    try {
      clear(store);
      const pending = pendingStoryArticles(store);
      expect(pending.length).toBeGreaterThan(2);
      // The first articles placed by a default run (no facts counted), the others by a run weighing facts.
      const before = pending.slice(0, Math.ceil(pending.length / 2));
      placeStories(store, before);
      placeStories(store, pending.slice(before.length), { factWeight: 0.2 });
      expect(factRows(store)).toBeGreaterThan(0);
      // Every article is forgotten, those placed without facts first: their facts are not taken out of the
      // others' counts below 0, and what is left reads as finite weights.
      for (const part of [before, pending.slice(before.length)]) {
        store.transaction(() =>
          forgetStoryArticles(
            store,
            part.map((a) => a.seq),
          ),
        )();
        const stored = storyFrequencies(store);
        const min = store.prepare('SELECT MIN(df) FROM story_frequencies').pluck().get() as number | null;
        if (min !== null) expect(min).toBeGreaterThanOrEqual(1);
        const frequencies = new DocumentFrequencies(stored.df, stored.documents);
        for (const k of stored.df.keys()) expect(Number.isFinite(frequencies.idf(k))).toBe(true);
      }
      expect(storyFrequencies(store)).toEqual({ df: new Map(), documents: 0 });
    } finally {
      store.close();
    }
  });
});

describe('an article left alone in its batch', () => {
  // The later summit report placed on its own, with a threshold no pair reaches: it starts a story, and then joins
  // the summit story (several articles) at the lone threshold, or stays alone when that is no lower.
  const placeLater = (
    name: string,
    loneThreshold: number,
    guard: { loneSpecific?: number; loneKeys?: number; loneConflict?: boolean } = {},
  ): { later: string | null; stories: number; summit: string } => {
    const copy = join(dir, `${name}.db`);
    db.exec(`VACUUM INTO '${copy}'`);
    const store = openDb(copy);
    try {
      store.exec(`DELETE FROM story_keys; DELETE FROM story_members; DELETE FROM stories;
                  DELETE FROM story_frequencies; DELETE FROM meta WHERE key = 'story_documents'`);
      const seqOf = (title: string): number =>
        store.prepare('SELECT seq FROM articles WHERE title = ?').pluck().get(title) as number;
      const laterSeq = seqOf('Belmark and Ardania set date for Dunmere crossing reopening');
      const pending = pendingStoryArticles(store);
      placeStories(
        store,
        pending.filter((a) => a.seq !== laterSeq),
      );
      placeStories(
        store,
        pending.filter((a) => a.seq === laterSeq),
        { threshold: 0.99, loneThreshold, ...guard },
      );
      const storyOfSeq = (seq: number): string | null =>
        (store.prepare('SELECT story_id FROM story_members WHERE article_seq = ?').pluck().get(seq) as string) ?? null;
      return {
        later: storyOfSeq(laterSeq),
        summit: storyOfSeq(seqOf('Summit in Corvel ends with pledge to reopen Dunmere crossing'))!,
        stories: store.prepare('SELECT COUNT(*) FROM stories').pluck().get() as number,
      };
    } finally {
      store.close();
    }
  };

  it('joins its best story of several articles at the lone threshold, and the story it started is gone', () => {
    const { later, summit, stories } = placeLater('lone', 0.01);
    expect(later).toBe(summit);
    expect(stories).toBe(2);
  });

  it('stays alone when the lone threshold is no lower than the threshold', () => {
    const { later, summit, stories } = placeLater('lone-off', 0.99);
    expect(later).not.toBe(summit);
    expect(stories).toBe(3);
  });

  it('under the guard, joins only a story it shares enough specific keys with', () => {
    // The summit's place and parties are posted by its reports alone: one such key is found.
    const joined = placeLater('lone-guard', 0.01, { loneSpecific: 0.5, loneKeys: 1 });
    expect(joined.later).toBe(joined.summit);
    // An article has at most 40 index keys: asking for more keeps it alone at any lone threshold.
    const alone = placeLater('lone-guard-strict', 0.01, { loneSpecific: 0.5, loneKeys: 41 });
    expect(alone.later).not.toBe(alone.summit);
    expect(alone.stories).toBe(3);
  });

  it('under the conflict guard, stays out of a story whose reports name another weekday', () => {
    // The later report names Tuesday (the day its officials spoke), the summit's reports Monday (the day it met).
    const alone = placeLater('lone-conflict', 0.01, { loneConflict: true });
    expect(alone.later).not.toBe(alone.summit);
    expect(alone.stories).toBe(3);
  });
});
