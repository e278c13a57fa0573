import {
  DEFAULT_STORY_OPTIONS,
  DocumentFrequencies,
  hashOf,
  pairScore,
  rangePenalty,
  storyKeys,
  storyScore,
  storyVectors,
  usesFacts,
  loneConflictWith,
  type StoryFeatures,
  type StoryOptions,
  type StoryVectors,
} from '../resolve/index.js';
import {
  addStoryFrequencies,
  immediate,
  storyArticleLoader,
  storyFrequencies,
  storyMemberSeqs,
  sqliteStoryIo,
  storyOutlets,
  storyWriter,
  unclusteredArticles,
  type Db,
  type Eventually,
  type StoryIo,
  type StoryTarget,
} from '../store/index.js';
import { describeStory, sampleMembers, storedFeatures } from './story-summary.js';

/**
 * Stories in the store, kept up to date incrementally (after each corpus resolve): the articles not yet in a story
 * are taken in an order fixed by publication day and a hash of their id; each is scored only against the earlier
 * articles the inverted index (`story_keys`) finds through its strongest words and actors, grouped by their
 * stories, and joins the best story if it clears the threshold, else starts one. Then each new article is looked
 * at once more with the others of its batch known (the refinement of `clusterStories`, limited to them), a new
 * article still alone in its story joins its best story at the lower `loneThreshold` (`adoptLone`), and
 * only the stories that gained or lost an article are described again. Nothing else is read: the cost follows
 * the articles added, not the size of the store.
 */

export interface StoryUpdate {
  /** Articles placed in stories. */
  articles: number;
  /** Stories started, and stories whose members changed (started ones included). */
  started: number;
  touched: number;
  /** Article pairs scored, and stored articles read back to score or describe. */
  pairs: number;
  read: number;
  /** Stories in the store after the update. */
  stories: number;
  /** Rows of the store read and written, when placed natively on PostgreSQL (`updateStoriesOn`). */
  rows?: { read: number; written: number };
}

/** Articles per transaction: a killed run keeps the batches it committed and the next run goes on from there. */
const BATCH = 2000;
/** At most this many articles are read from one key's postings (the newest): a common key says little. */
const POSTINGS_PER_KEY = 200;

/** An article still to place in a story, with what fixes its place in the order. */
export interface PendingStoryArticle {
  seq: number;
  id: string;
  day: string | null;
  hash: number;
}

/** The articles not yet in a story, in the order they are placed: publication day, then a hash of their id. */
export function pendingStoryArticles(db: Db): PendingStoryArticle[] {
  return placingOrder(unclusteredArticles(db));
}

function placingOrder(articles: ReadonlyArray<{ seq: number; id: string; day: string | null }>): PendingStoryArticle[] {
  return articles
    .map((a) => ({ ...a, hash: hashOf(a.id) }))
    .sort((a, b) => {
      const [x, y] = [a.day ?? '', b.day ?? ''];
      return x !== y ? (x < y ? -1 : 1) : a.hash - b.hash || a.seq - b.seq;
    });
}

/** Place every article not yet in a story, and describe the stories that changed. */
export function updateStories(db: Db, options: Partial<StoryOptions> = {}): StoryUpdate {
  return placeStories(db, pendingStoryArticles(db), options);
}

/**
 * Place the given articles, batch by batch. The list is read before any transaction, so another process (a
 * server's Sources job beside `sitrep analyze`) may have placed some of them meanwhile: each batch's
 * transaction leaves out the articles that already have a story and reads the frequencies afresh, so no article
 * is placed or counted twice.
 */
export function placeStories(
  db: Db,
  pending: readonly PendingStoryArticle[],
  options: Partial<StoryOptions> = {},
): StoryUpdate {
  const o = { ...DEFAULT_STORY_OPTIONS, ...options };
  const stats: StoryUpdate = { articles: 0, started: 0, touched: 0, pairs: 0, read: 0, stories: 0 };
  const io = sqliteStoryIo(db);
  for (let from = 0; from < pending.length; from += BATCH) {
    const slice = pending.slice(from, from + BATCH);
    immediate(db, () => answerNow(placeBatch(slice, o, stats), io));
  }
  stats.stories = answerNow(
    ask((x) => x.count()),
    io,
  );
  return stats;
}

/**
 * `updateStories` on a store that answers later (PostgreSQL, natively: `StoryTarget`): the same placement, read and
 * written by key in the store itself, each batch in one of the target's transactions.
 */
export async function updateStoriesOn(target: StoryTarget, options: Partial<StoryOptions> = {}): Promise<StoryUpdate> {
  const o = { ...DEFAULT_STORY_OPTIONS, ...options };
  const stats: StoryUpdate = { articles: 0, started: 0, touched: 0, pairs: 0, read: 0, stories: 0 };
  const { io } = target;
  const pending = placingOrder(await io.pending());
  for (let from = 0; from < pending.length; from += BATCH) {
    const slice = pending.slice(from, from + BATCH);
    await target.transaction(() => answerLater(placeBatch(slice, o, stats), io));
  }
  await target.finish?.();
  stats.stories = await io.count();
  if (target.rows) stats.rows = { ...target.rows };
  return stats;
}

/**
 * A read or write the placement asks of the store (`StoryIo`), answered by a driver: at once on SQLite
 * (`answerNow`, inside a synchronous transaction), awaited on PostgreSQL (`answerLater`). One placement, written
 * once as a generator, so both stores place articles alike.
 */
type Ask = (io: StoryIo) => unknown;

function* ask<T>(f: (io: StoryIo) => Eventually<T>): Generator<Ask, T, unknown> {
  return (yield f) as T;
}

function answerNow<T>(steps: Generator<Ask, T, unknown>, io: StoryIo): T {
  let step = steps.next();
  while (!step.done) {
    const answer = step.value(io);
    if (answer instanceof Promise) throw new Error('a synchronous store answered with a promise');
    step = steps.next(answer);
  }
  return step.value;
}

async function answerLater<T>(steps: Generator<Ask, T, unknown>, io: StoryIo): Promise<T> {
  let step = steps.next();
  while (!step.done) step = steps.next(await step.value(io));
  return step.value;
}

/** The keys an article's features count under in the document frequencies. */
function frequencyKeys(f: StoryFeatures): string[] {
  return [
    ...f.terms.keys(),
    ...[...f.actors.keys()].map((k) => `#${k}`),
    ...[...f.times.keys()].map((k) => `@${k}`),
    ...[...(f.facts?.keys() ?? [])].map((k) => `!${k}`),
  ];
}

/**
 * Place one batch of pending articles, in one transaction of the caller's. Under the write lock: what another
 * process placed since the list was read is left out, and the frequencies are those its commits left. Everything is
 * read by key as it is needed (articles by seq, postings and frequencies by key, stories by their members) and kept
 * for the batch, so a stored article, a key or a story is read at most once.
 */
function* placeBatch(
  slice: readonly PendingStoryArticle[],
  o: StoryOptions,
  stats: StoryUpdate,
): Generator<Ask, void, unknown> {
  // Facts are read, weighed and counted only when the options weigh them: a default run stores none.
  const facts = usesFacts(o);
  const placed = yield* ask((io) => io.storiesOf(slice.map((a) => a.seq)));
  const batch = slice.filter(({ seq }) => !placed.has(seq));
  if (batch.length === 0) return;
  // The story of each article seen (null: none yet), kept up to date as the batch places its articles.
  const storyOf = new Map<number, string | null>(slice.map(({ seq }) => [seq, placed.get(seq) ?? null]));
  const articles = yield* ask((io) => io.articles(batch.map((a) => a.seq)));
  // The batch's own frequencies first, as `clusterStories` counts the whole input before assigning.
  const delta = new Map<string, number>();
  const features = new Map<number, StoryFeatures>();
  const fresh = batch.flatMap(({ seq }) => {
    const a = articles.get(seq);
    if (!a) return [];
    const f = storedFeatures(a, facts);
    features.set(seq, f);
    for (const k of frequencyKeys(f)) delta.set(k, (delta.get(k) ?? 0) + 1);
    return [{ seq, f }];
  });
  yield* ask((io) => io.addFrequencies(delta, fresh.length));
  // Frequencies read by key once the batch's are added: what the stored ones and the batch's make together.
  const df = new Map<string, number>();
  const dfRead = new Set<string>();
  const frequencies = new DocumentFrequencies(df, yield* ask((io) => io.documents()));
  // Vectors weighed by this batch's frequencies; stored articles are read back as candidates need them.
  const vectors = new Map<number, StoryVectors>();
  const gone = new Set<number>();
  function* weigh(seqs: readonly number[]): Generator<Ask, void, unknown> {
    const unread = [...new Set(seqs)].filter((s) => !articles.has(s) && !gone.has(s));
    if (unread.length > 0) {
      const read = yield* ask((io) => io.articles(unread));
      for (const s of unread) {
        const a = read.get(s);
        if (!a) gone.add(s);
        else {
          articles.set(s, a);
          stats.read++;
        }
      }
    }
    const todo = [...new Set(seqs)].filter((s) => !vectors.has(s) && articles.has(s));
    const fs = todo.map((s) => [s, features.get(s) ?? storedFeatures(articles.get(s)!, facts)] as const);
    const keys = new Set<string>();
    for (const [, f] of fs) for (const k of frequencyKeys(f)) if (!dfRead.has(k)) keys.add(k);
    if (keys.size > 0) {
      const read = yield* ask((io) => io.frequencies([...keys]));
      for (const k of keys) {
        dfRead.add(k);
        const n = read.get(k);
        if (n !== undefined) df.set(k, n);
      }
    }
    for (const [s, f] of fs) vectors.set(s, storyVectors(f, frequencies));
  }
  yield* weigh(fresh.map((a) => a.seq));
  // Postings read once per key and batch, and kept up to date as the batch posts its own keys.
  const postings = new Map<string, number[]>();
  function* post(seq: number, keys: readonly string[]): Generator<Ask, void, unknown> {
    yield* ask((io) => io.postKeys(seq, keys));
    for (const k of keys) {
      const list = postings.get(k);
      if (!list) continue;
      list.unshift(seq);
      if (list.length > POSTINGS_PER_KEY) list.pop();
    }
  }
  function* setMember(seq: number, story: string): Generator<Ask, void, unknown> {
    yield* ask((io) => io.setMember(seq, story));
    storyOf.set(seq, story);
  }
  const touched = new Set<string>();
  function* best(
    seq: number,
    eligible?: (story: string) => Generator<Ask, boolean, unknown>,
    withTop = false,
  ): Generator<Ask, [string | null, number, number[]], unknown> {
    const v = vectors.get(seq)!;
    const keys = storyKeys(v, o);
    const unread = [...new Set(keys)].filter((k) => !postings.has(k));
    if (unread.length > 0) {
      const read = yield* ask((io) => io.postings(unread, POSTINGS_PER_KEY));
      for (const k of unread) postings.set(k, read.get(k) ?? []);
    }
    const shared = new Map<number, number>();
    for (const k of keys) for (const m of postings.get(k)!) if (m !== seq) shared.set(m, (shared.get(m) ?? 0) + 1);
    const candidates = [...shared]
      .sort((x, y) => y[1] - x[1] || x[0] - y[0])
      .slice(0, o.maxCandidates)
      .map(([m]) => m);
    const unknown = candidates.filter((m) => !storyOf.has(m));
    if (unknown.length > 0) {
      const read = yield* ask((io) => io.storiesOf(unknown));
      for (const m of unknown) storyOf.set(m, read.get(m) ?? null);
    }
    yield* weigh(candidates.filter((m) => storyOf.get(m)));
    const byStory = new Map<string, number[]>();
    // Each story's scored members (for the lone pass's conflict guard: `withTop`).
    const membersOf = new Map<string, number[]>();
    for (const m of candidates) {
      const s = storyOf.get(m);
      const w = s ? vectors.get(m) : undefined;
      if (!s || !w) continue;
      stats.pairs++;
      let list = byStory.get(s);
      if (!list) byStory.set(s, (list = []));
      list.push(pairScore(v, w, o));
      if (withTop) {
        let ms = membersOf.get(s);
        if (!ms) membersOf.set(s, (ms = []));
        ms.push(m);
      }
    }
    let bestStory: string | null = null;
    let bestScore = Number.NEGATIVE_INFINITY;
    let top: number[] = [];
    for (const [s, scores] of byStory) {
      if (eligible && !(yield* eligible(s))) continue;
      // The members the story's score is the mean of, before `storyScore` sorts the scores.
      const ranked = withTop
        ? membersOf
            .get(s)!
            .map((m, i) => ({ m, score: scores[i]! }))
            .sort((x, y) => y.score - x.score || x.m - y.m)
            .slice(0, o.members)
            .map((x) => x.m)
        : top;
      let score = storyScore(scores, o);
      if (o.datePenalty > 0) {
        const range = yield* ask((io) => io.range(s));
        score -= rangePenalty(v.f.published, range.from, range.to, o);
      }
      if (score > bestScore || (score === bestScore && bestStory !== null && s < bestStory))
        [bestStory, bestScore, top] = [s, score, ranked];
    }
    return [bestStory, bestScore, top];
  }
  function* size(story: string, limit: number): Generator<Ask, number, unknown> {
    return (yield* ask((io) => io.members(story, limit))).length;
  }
  for (const { seq, f } of fresh) {
    const [s, score] = yield* best(seq);
    let story = s;
    if (!story || score < o.threshold) {
      const id = f.id;
      story = yield* ask((io) => io.startStory(id));
      stats.started++;
    }
    yield* setMember(seq, story);
    yield* post(seq, storyKeys(vectors.get(seq)!, o));
    touched.add(story);
  }
  // With the whole batch known, a new article may move to a story its later neighbours formed.
  for (const { seq } of fresh) {
    const current = storyOf.get(seq)!;
    const [s, score] = yield* best(seq);
    if (!s || s === current || score < o.threshold) continue;
    yield* setMember(seq, s);
    touched.add(s);
    if ((yield* size(current, 1)) === 0) {
      yield* ask((io) => io.deleteStory(current));
      touched.delete(current);
    }
  }
  // A new article still alone in its story joins its best story of several articles at the lower bar
  // (`adoptLone`).
  if (o.loneThreshold < o.threshold)
    for (const { seq } of fresh) {
      const current = storyOf.get(seq)!;
      if ((yield* size(current, 2)) !== 1) continue;
      const [s, score, top] = yield* best(
        seq,
        function* (story) {
          return (yield* size(story, 2)) > 1;
        },
        o.loneConflict,
      );
      if (!s || s === current || score < o.loneThreshold) continue;
      // The conflict guard: not when the article names other weekdays, or other people in full in its lead, than
      // one of the members the story's score comes from.
      const v = vectors.get(seq)!;
      if (o.loneConflict && top.some((m) => loneConflictWith(v.facts, vectors.get(m)!.facts))) continue;
      // The lone pass's guard: enough of the article's index keys specific to story `s` (posted by two or more of
      // its articles, and by its articles for at least `loneSpecific` of all other articles posting them).
      if (o.loneSpecific > 0) {
        const keys = storyKeys(vectors.get(seq)!, o);
        const counts = yield* ask((io) => io.keyCounts(keys, s, seq));
        const specific = keys.filter((k) => {
          const c = counts.get(k);
          return !!c && c.story >= 2 && c.story >= o.loneSpecific * c.all;
        }).length;
        if (specific < o.loneKeys) continue;
      }
      yield* setMember(seq, s);
      touched.add(s);
      yield* ask((io) => io.deleteStory(current));
      touched.delete(current);
    }
  for (const id of touched) {
    const seqs = sampleMembers(yield* ask((io) => io.members(id)));
    yield* weigh(seqs);
    const sample = seqs.flatMap((m) => {
      const v = vectors.get(m);
      return v ? [{ a: articles.get(m)!, v }] : [];
    });
    const range = yield* ask((io) => io.range(id));
    const description = describeStory(
      range,
      sample.map((x) => x.a),
      sample.map((x) => x.v),
    );
    yield* ask((io) => io.describe(id, description));
  }
  stats.articles += fresh.length;
  stats.touched += touched.size;
}

/**
 * Take articles about to be removed out of the story frequencies (as `placeStories` added them: their stored
 * features, one document each), before their rows go. Answers the stories they were in, for `redescribeStories`
 * once they are gone. Run inside the caller's transaction. Their facts are taken out too, but only from the keys
 * the store counts, and never below 0: an article placed by a run that weighed no facts counted none, and the
 * same fact may since have been counted for articles placed with them.
 */
export function forgetStoryArticles(db: Db, seqs: readonly number[]): string[] {
  const load = storyArticleLoader(db);
  const writer = storyWriter(db);
  const delta = new Map<string, number>();
  const stories = new Set<string>();
  let documents = 0;
  for (const seq of seqs) {
    const story = writer.storyOf(seq);
    if (story === null) continue;
    stories.add(story);
    const a = load(seq);
    if (!a) continue;
    documents++;
    const f = storedFeatures(a, true);
    for (const k of f.terms.keys()) delta.set(k, (delta.get(k) ?? 0) - 1);
    for (const k of f.actors.keys()) delta.set(`#${k}`, (delta.get(`#${k}`) ?? 0) - 1);
    for (const k of f.times.keys()) delta.set(`@${k}`, (delta.get(`@${k}`) ?? 0) - 1);
    for (const k of f.facts?.keys() ?? []) delta.set(`!${k}`, (delta.get(`!${k}`) ?? 0) - 1);
  }
  if (documents > 0) {
    addStoryFrequencies(db, delta, -documents);
    db.prepare('DELETE FROM story_frequencies WHERE df <= 0').run();
  }
  return [...stories];
}

/** Describe stories again after members left them; a story left without members is deleted. */
export function redescribeStories(db: Db, ids: readonly string[]): void {
  const load = storyArticleLoader(db);
  const writer = storyWriter(db);
  const stored = storyFrequencies(db);
  const frequencies = new DocumentFrequencies(stored.df, stored.documents);
  for (const id of ids) {
    const seqs = sampleMembers(storyMemberSeqs(db, id));
    if (seqs.length === 0) {
      writer.deleteStory(id);
      continue;
    }
    const articles = seqs.flatMap((s) => {
      const a = load(s);
      return a ? [a] : [];
    });
    const vectors = articles.map((a) => storyVectors(storedFeatures(a), frequencies));
    writer.describe(id, describeStory(storyOutlets(db, id), articles, vectors));
  }
}
