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
  type StoryOptions,
  type StoryVectors,
} from '../resolve/index.js';
import {
  addStoryFrequencies,
  immediate,
  storyArticleLoader,
  storyFrequencies,
  storyKeyCounts,
  storyMemberSeqs,
  storyOutlets,
  storyPostings,
  storyWriter,
  unclusteredArticles,
  type Db,
  type StoryArticle,
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
  return unclusteredArticles(db)
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
  // Facts are read, weighed and counted only when the options weigh them: a default run stores none.
  const facts = usesFacts(o);
  const stats: StoryUpdate = { articles: 0, started: 0, touched: 0, pairs: 0, read: 0, stories: 0 };
  const load = storyArticleLoader(db);
  const postings = storyPostings(db, POSTINGS_PER_KEY);
  const writer = storyWriter(db);
  const keyCounts = storyKeyCounts(db);
  for (let from = 0; from < pending.length; from += BATCH) {
    const slice = pending.slice(from, from + BATCH);
    immediate(db, () => {
      // Under the write lock: what another process placed since the list was read is left out, and the
      // frequencies are those its commits left.
      const batch = slice.filter(({ seq }) => writer.storyOf(seq) === null);
      if (batch.length === 0) return;
      const stored = storyFrequencies(db);
      const frequencies = new DocumentFrequencies(stored.df, stored.documents);
      // The batch's own frequencies first, as `clusterStories` counts the whole input before assigning.
      const articles = new Map<number, StoryArticle>();
      const delta = new Map<string, number>();
      const fresh = batch.flatMap(({ seq }) => {
        const a = load(seq);
        if (!a) return [];
        articles.set(seq, a);
        const f = storedFeatures(a, facts);
        frequencies.add(f);
        for (const k of f.terms.keys()) delta.set(k, (delta.get(k) ?? 0) + 1);
        for (const k of f.actors.keys()) delta.set(`#${k}`, (delta.get(`#${k}`) ?? 0) + 1);
        for (const k of f.times.keys()) delta.set(`@${k}`, (delta.get(`@${k}`) ?? 0) + 1);
        for (const k of f.facts?.keys() ?? []) delta.set(`!${k}`, (delta.get(`!${k}`) ?? 0) + 1);
        return [{ seq, f }];
      });
      addStoryFrequencies(db, delta, fresh.length);
      // Vectors weighed by this batch's frequencies; stored articles are read back as candidates need them.
      const vectors = new Map<number, StoryVectors>();
      const vectorOf = (seq: number): StoryVectors | null => {
        let v = vectors.get(seq);
        if (!v) {
          let a = articles.get(seq);
          if (!a) {
            const read = load(seq);
            if (!read) return null;
            a = read;
            articles.set(seq, a);
            stats.read++;
          }
          v = storyVectors(storedFeatures(a, facts), frequencies);
          vectors.set(seq, v);
        }
        return v;
      };
      // Postings read once per key and batch, and kept up to date as the batch posts its own keys.
      const postingsMemo = new Map<string, number[]>();
      const postingsOf = (key: string): number[] => {
        let list = postingsMemo.get(key);
        if (!list) postingsMemo.set(key, (list = postings(key)));
        return list;
      };
      const post = (seq: number, keys: readonly string[]): void => {
        writer.postKeys(seq, keys);
        for (const k of keys) {
          const list = postingsMemo.get(k);
          if (!list) continue;
          list.unshift(seq);
          if (list.length > POSTINGS_PER_KEY) list.pop();
        }
      };
      const touched = new Set<string>();
      const best = (seq: number, eligible?: (story: string) => boolean): [string | null, number] => {
        const v = vectorOf(seq)!;
        const shared = new Map<number, number>();
        for (const k of storyKeys(v, o))
          for (const m of postingsOf(k)) if (m !== seq) shared.set(m, (shared.get(m) ?? 0) + 1);
        const byStory = new Map<string, number[]>();
        for (const [m] of [...shared].sort((x, y) => y[1] - x[1] || x[0] - y[0]).slice(0, o.maxCandidates)) {
          const s = writer.storyOf(m);
          const w = s ? vectorOf(m) : null;
          if (!s || !w) continue;
          stats.pairs++;
          let list = byStory.get(s);
          if (!list) byStory.set(s, (list = []));
          list.push(pairScore(v, w, o));
        }
        let bestStory: string | null = null;
        let bestScore = Number.NEGATIVE_INFINITY;
        for (const [s, scores] of byStory) {
          if (eligible && !eligible(s)) continue;
          let score = storyScore(scores, o);
          if (o.datePenalty > 0) {
            const range = storyOutlets(db, s);
            score -= rangePenalty(v.f.published, range.from, range.to, o);
          }
          if (score > bestScore || (score === bestScore && bestStory !== null && s < bestStory))
            [bestStory, bestScore] = [s, score];
        }
        return [bestStory, bestScore];
      };
      // The lone pass's guard: the article's index keys specific to story `s` (posted by two or more of its
      // articles, and by its articles for at least `loneSpecific` of all other articles posting them).
      const specificKeys = (keys: readonly string[], s: string, seq: number): number =>
        keys.filter((k) => {
          const c = keyCounts(k, s, seq);
          return c.story >= 2 && c.story >= o.loneSpecific * c.all;
        }).length;
      for (const { seq, f } of fresh) {
        const [s, score] = best(seq);
        let story = s;
        if (!story || score < o.threshold) {
          story = writer.startStory(f.id);
          stats.started++;
        }
        writer.setMember(seq, story);
        post(seq, storyKeys(vectorOf(seq)!, o));
        touched.add(story);
      }
      // With the whole batch known, a new article may move to a story its later neighbours formed.
      for (const { seq } of fresh) {
        const current = writer.storyOf(seq)!;
        const [s, score] = best(seq);
        if (!s || s === current || score < o.threshold) continue;
        writer.setMember(seq, s);
        touched.add(s);
        if (storyMemberSeqs(db, current, 1).length === 0) {
          writer.deleteStory(current);
          touched.delete(current);
        }
      }
      // A new article still alone in its story joins its best story of several articles at the lower bar
      // (`adoptLone`).
      if (o.loneThreshold < o.threshold)
        for (const { seq } of fresh) {
          const current = writer.storyOf(seq)!;
          if (storyMemberSeqs(db, current, 2).length !== 1) continue;
          const [s, score] = best(seq, (story) => storyMemberSeqs(db, story, 2).length > 1);
          if (!s || s === current || score < o.loneThreshold) continue;
          if (o.loneSpecific > 0 && specificKeys(storyKeys(vectorOf(seq)!, o), s, seq) < o.loneKeys) continue;
          writer.setMember(seq, s);
          touched.add(s);
          writer.deleteStory(current);
          touched.delete(current);
        }
      for (const id of touched) {
        const seqs = sampleMembers(storyMemberSeqs(db, id));
        const sample = seqs.flatMap((m) => {
          const v = vectorOf(m);
          return v ? [{ a: articles.get(m)!, v }] : [];
        });
        writer.describe(
          id,
          describeStory(
            db,
            id,
            sample.map((x) => x.a),
            sample.map((x) => x.v),
          ),
        );
      }
      stats.articles += fresh.length;
      stats.touched += touched.size;
    });
  }
  stats.stories = (db.prepare('SELECT COUNT(*) AS n FROM stories').get() as { n: number }).n;
  return stats;
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
    writer.describe(id, describeStory(db, id, articles, vectors));
  }
}
