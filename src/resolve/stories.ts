import type { StoryFeatures } from './story-features.js';
import { SparseVector, DocumentFrequencies, weigh, topKeys } from './sparse.js';

/**
 * Story clustering, one article at a time: an article joins the story it reports or starts a new one. A story
 * is what its articles share: their words (what), their actors (who, and the places they name: where) and their
 * days (when). An article is compared only with the stories an inverted index finds through its strongest words
 * and actors, never with the whole store, so adding one costs about the same however many stories there are.
 *
 * Two reports of the same kind of event (an earthquake, a rehab stay, an arrest) share their event words; what
 * keeps them apart is who and where — names carry most of the weight — and when: a story's articles come within
 * days of each other, so an article published weeks away from every article of a story is pushed away from it.
 */
export interface StoryOptions {
  /** Share of the actor similarity in the score; the word similarity has the rest. */
  actorWeight: number;
  /** Least score for an article to join a story. */
  threshold: number;
  /** Days outside a story's publication range at which the date penalty is full. */
  dayGap: number;
  /** Score subtracted at a full date gap (scaled down for shorter gaps). */
  datePenalty: number;
  /** Strongest words and actors of an article posted to (and looked up in) the inverted index. */
  keysPerArticle: number;
  /** At most this many stories, those sharing the most keys, are scored for one article. */
  maxCandidates: number;
}

/** Chosen by cross-validation on the tuning topics of ECB+ (`npm run bench:stories`); see docs/stories.md. */
export const DEFAULT_STORY_OPTIONS: StoryOptions = {
  actorWeight: 0.3,
  threshold: 0.2,
  dayGap: 14,
  datePenalty: 0.15,
  keysPerArticle: 20,
  maxCandidates: 30,
};

/** A story as it stands: its articles, and what describes it. */
export interface Story {
  /** Number of the story in the order stories were started. */
  index: number;
  members: string[];
  title: string;
  /** Actors most named across the story's articles, strongest first. */
  actors: string[];
  /** First and last publication day of its articles (null when none is dated). */
  from: string | null;
  to: string | null;
  outlets: string[];
}

interface StoryState {
  index: number;
  members: string[];
  titles: string[];
  terms: SparseVector;
  actors: SparseVector;
  actorNames: Map<string, string>;
  from: string | null;
  to: string | null;
  outlets: Set<string>;
}

/** Whole days from `a` to `b` (`YYYY-MM-DD`). */
function dayDiff(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export class StoryClusterer {
  readonly options: StoryOptions;
  private readonly stories: StoryState[] = [];
  private readonly postings = new Map<string, number[]>();

  /**
   * `frequencies`: document frequencies of words and actors. Pass those of a whole collection known in advance
   * (the result then does not depend on the order of arrival beyond the order of assignment); otherwise they
   * grow with each article added.
   */
  constructor(
    options: Partial<StoryOptions> = {},
    private readonly frequencies: DocumentFrequencies = new DocumentFrequencies(),
    private readonly frequenciesGrow = true,
  ) {
    this.options = { ...DEFAULT_STORY_OPTIONS, ...options };
  }

  get size(): number {
    return this.stories.length;
  }

  /** Add one article; returns the index of the story it joined or started. */
  add(f: StoryFeatures): number {
    if (this.frequenciesGrow) this.frequencies.add(f);
    const terms = weigh(f.terms, (k) => this.frequencies.idf(k));
    const actors = weigh(f.actors, (k) => this.frequencies.idf(`#${k}`));
    const keys = [
      ...topKeys(terms, this.options.keysPerArticle),
      ...topKeys(actors, this.options.keysPerArticle).map((k) => `#${k}`),
    ];
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const s of this.candidates(keys)) {
      const score = this.score(this.stories[s]!, terms, actors, f.published);
      if (score > bestScore || (score === bestScore && s < best)) {
        best = s;
        bestScore = score;
      }
    }
    let story: StoryState;
    if (best >= 0 && bestScore >= this.options.threshold) story = this.stories[best]!;
    else {
      story = {
        index: this.stories.length,
        members: [],
        titles: [],
        terms: new SparseVector(),
        actors: new SparseVector(),
        actorNames: new Map(),
        from: null,
        to: null,
        outlets: new Set(),
      };
      this.stories.push(story);
    }
    this.join(story, f, terms, actors, keys);
    return story.index;
  }

  /** Stories sharing the most index keys with the article. */
  private candidates(keys: string[]): number[] {
    const shared = new Map<number, number>();
    for (const k of keys) for (const s of this.postings.get(k) ?? []) shared.set(s, (shared.get(s) ?? 0) + 1);
    return [...shared]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, this.options.maxCandidates)
      .map(([s]) => s);
  }

  private score(s: StoryState, terms: SparseVector, actors: SparseVector, published: string | null): number {
    const { actorWeight, dayGap, datePenalty } = this.options;
    const words = s.terms.cosine(terms);
    // An article or story naming nobody leans on words alone.
    const who = actors.norm > 0 && s.actors.norm > 0 ? s.actors.cosine(actors) : words;
    let score = (1 - actorWeight) * words + actorWeight * who;
    if (published && s.from && s.to) {
      const gap = Math.max(0, dayDiff(published, s.from), dayDiff(s.to, published));
      score -= datePenalty * Math.min(1, gap / dayGap);
    }
    return score;
  }

  private join(s: StoryState, f: StoryFeatures, terms: SparseVector, actors: SparseVector, keys: string[]): void {
    s.members.push(f.id);
    if (f.title) s.titles.push(f.title);
    s.terms.addScaled(terms, 1);
    s.actors.addScaled(actors, 1);
    for (const [k, name] of f.actorNames) if (!s.actorNames.has(k)) s.actorNames.set(k, name);
    if (f.published) {
      if (!s.from || f.published < s.from) s.from = f.published;
      if (!s.to || f.published > s.to) s.to = f.published;
    }
    if (f.outlet) s.outlets.add(f.outlet);
    for (const k of keys) {
      let list = this.postings.get(k);
      if (!list) this.postings.set(k, (list = []));
      if (list[list.length - 1] !== s.index) list.push(s.index);
    }
  }

  /** The stories so far, described. */
  describe(): Story[] {
    return this.stories.map((s) => ({
      index: s.index,
      members: [...s.members],
      title: s.titles[0] ?? topKeys(s.terms, 5).join(' '),
      actors: topKeys(s.actors, 5).map((k) => s.actorNames.get(k) ?? k),
      from: s.from,
      to: s.to,
      outlets: [...s.outlets].sort(),
    }));
  }
}

/** A 32-bit FNV-1a hash, to order articles by something that does not follow the order of their ids. */
function hashOf(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * Cluster a whole collection: document frequencies from all of it, then the articles added one by one in an
 * order fixed by their publication day and a hash of their id, so the same collection given in any order gets
 * the same stories (`known`: frequencies of a larger collection to use instead). Returns each input's story index (stories numbered in that canonical order).
 */
export function clusterStories(
  features: readonly StoryFeatures[],
  options: Partial<StoryOptions> = {},
  known?: DocumentFrequencies,
): { assignment: number[]; stories: Story[] } {
  let frequencies = known;
  if (!frequencies) {
    frequencies = new DocumentFrequencies();
    for (const f of features) frequencies.add(f);
  }
  const order = features
    .map((f, i) => ({ i, day: f.published ?? '', hash: hashOf(f.id), id: f.id }))
    .sort((a, b) =>
      a.day !== b.day ? (a.day < b.day ? -1 : 1) : a.hash - b.hash || (a.id < b.id ? -1 : a.id > b.id ? 1 : a.i - b.i),
    );
  const clusterer = new StoryClusterer(options, frequencies, false);
  const assignment = new Array<number>(features.length).fill(-1);
  for (const { i } of order) assignment[i] = clusterer.add(features[i]!);
  return { assignment, stories: clusterer.describe() };
}
