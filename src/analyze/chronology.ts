import { tokenizeText } from '../language/index.js';
import { findTimexes, storyZone } from '../time/index.js';
import type { Timex } from '../model/index.js';
import { DocumentFrequencies, SparseVector, termCounts, weigh } from '../resolve/index.js';

/**
 * Timeline summarization, date by date (the "datewise" approach of Gholipour Ghalandari & Ifrim 2020): first
 * the important days, then a few sentences for each. A day is important when many reports point at it — the
 * articles whose sentences name it (time expressions resolved by the time stage against each article's
 * publication day) — and, less, when many articles come out on it: publication volume alone rewards slow news
 * days after an event rather than the event's day. Each day's sentences are those that name it, or, written
 * on that day or the next, name no day at all; the ones nearest the centre of that set in TF-IDF space are
 * taken, skipping near-repeats.
 */
export interface ChronologyArticle {
  id: string;
  text: string;
  /** `YYYY-MM-DD`. */
  published: string;
  /** Sentences and time expressions already found (an article read back from the store), in text order. */
  layers?: {
    sentences: ReadonlyArray<{ start: number; end: number }>;
    timexes: ReadonlyArray<Pick<Timex, 'start' | 'type' | 'precision' | 'value'>>;
  };
}

export interface ChronologyOptions {
  /** Number of days in the timeline. */
  dates: number;
  /** Sentences per day, at most. */
  sentences: number;
  /** Only days in this range (`YYYY-MM-DD`, inclusive); by default that of the collection's publication days. */
  from?: string | null;
  to?: string | null;
  /** Weight of an article published on a day, beside 1 for an article whose text names the day. */
  publicationWeight?: number;
  /** A mention counts only when the article was published at most this many days after the day it names. */
  mentionWindow?: number;
  /** Mentions of a day after the article's own publication day (plans, schedules) count this much. */
  futureWeight?: number;
  /** A sentence naming no day stands for its article's publication day and the days up to this many before. */
  undatedLag?: number;
  /** Two sentences at least this similar (cosine of TF-IDF) are near-repeats: only the first is kept. */
  redundancy?: number;
}

/** Chosen on the tuning timelines of Timeline17 (`npm run bench:chronology`; see docs/stories.md). */
export const DEFAULT_CHRONOLOGY = {
  publicationWeight: 0,
  mentionWindow: 365,
  futureWeight: 0.5,
  undatedLag: 1,
  redundancy: 0.5,
};

export interface Citation {
  id: string;
  start: number;
  end: number;
}

export interface TimelineEntry {
  date: string;
  sentences: string[];
  /** For each sentence, the article and the span it was taken from. */
  citations: Citation[];
}

export interface SentenceRecord {
  article: number;
  start: number;
  end: number;
  text: string;
  published: string;
  /** Days the sentence names. */
  days: string[];
  /** Long enough to say something, short enough to read: may go in a timeline. */
  eligible: boolean;
  vector: SparseVector | null;
}

const DAY = /^\d{4}-\d{2}-\d{2}/;
const MIN_WORDS = 6;
const MAX_WORDS = 60;

function dayNumber(day: string): number {
  return Math.round(Date.parse(`${day.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

function dayOf(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

/** The sentences of an article with the days each names: from its stored layers, else tokenized here. */
function sentencesOf(a: ChronologyArticle, article: number): SentenceRecord[] {
  if (a.layers) return sentenceRecords(a, article, a.layers.sentences, a.layers.timexes, countWords);
  const { sentences, tokens } = tokenizeText(a.text);
  const timexes = findTimexes(a.text, sentences, tokens, { anchor: a.published, zone: storyZone(a.text, null) });
  let k = 0;
  // Sentences come in order, so the tokens are walked once.
  const words = (_: string, start: number, end: number): number => {
    let n = 0;
    while (k < tokens.length && tokens[k]!.start < end) {
      if (tokens[k]!.start >= start && /[\p{L}\p{N}]/u.test(tokens[k]!.text)) n++;
      k++;
    }
    return n;
  };
  return sentenceRecords(a, article, sentences, timexes, words);
}

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a span, for articles read back from the store (whose tokens are not kept). */
function countWords(text: string, start: number, end: number): number {
  return text.slice(start, end).match(WORD)?.length ?? 0;
}

function sentenceRecords(
  a: ChronologyArticle,
  article: number,
  sentences: ReadonlyArray<{ start: number; end: number }>,
  timexes: ReadonlyArray<Pick<Timex, 'start' | 'type' | 'precision' | 'value'>>,
  wordsIn: (text: string, start: number, end: number) => number,
): SentenceRecord[] {
  const out: SentenceRecord[] = [];
  let t = 0;
  for (const s of sentences) {
    const days = new Set<string>();
    while (t < timexes.length && timexes[t]!.start < s.end) {
      const x = timexes[t]!;
      if (x.start >= s.start && x.type === 'DATE' && x.precision === 'day' && DAY.test(x.value))
        days.add(x.value.slice(0, 10));
      t++;
    }
    const words = wordsIn(a.text, s.start, s.end);
    out.push({
      eligible: words >= MIN_WORDS && words <= MAX_WORDS,
      article,
      start: s.start,
      end: s.end,
      text: a.text.slice(s.start, s.end),
      published: a.published,
      days: [...days],
      vector: null,
    });
  }
  return out;
}

/** Days ranked by how many articles point at them (and, less, how many came out on them). */
function rankDays(
  records: readonly SentenceRecord[],
  articles: readonly ChronologyArticle[],
  o: Required<Omit<ChronologyOptions, 'from' | 'to'>>,
  from: string,
  to: string,
): { day: string; score: number }[] {
  const score = new Map<string, number>();
  const add = (d: string, w: number): void => {
    if (d >= from && d <= to) score.set(d, (score.get(d) ?? 0) + w);
  };
  for (const a of articles) add(a.published, o.publicationWeight);
  // One vote per article and day, however many of its sentences name the day.
  const seen = new Set<string>();
  for (const r of records) {
    const pub = dayNumber(r.published);
    for (const d of r.days) {
      const key = `${r.article}\u0000${d}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const lag = pub - dayNumber(d);
      if (lag > o.mentionWindow) continue;
      add(d, lag < 0 ? o.futureWeight : 1);
    }
  }
  return [...score]
    .map(([day, s]) => ({ day, score: s }))
    .sort((a, b) => b.score - a.score || (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
}

/** A collection read once: its sentences and the days they name, ready for timelines of any size. */
export interface PreparedCollection {
  articles: readonly ChronologyArticle[];
  records: SentenceRecord[];
}

export function prepareCollection(articles: readonly ChronologyArticle[]): PreparedCollection {
  return { articles, records: articles.flatMap((a, i) => sentencesOf(a, i)) };
}

/** The timeline of a collection: the `dates` most important days, each with up to `sentences` sentences. */
export function chronology(
  collection: readonly ChronologyArticle[] | PreparedCollection,
  options: ChronologyOptions,
): TimelineEntry[] {
  const { articles, records } = 'records' in collection ? collection : prepareCollection(collection);
  const o = { ...DEFAULT_CHRONOLOGY, ...options };
  if (articles.length === 0 || o.dates <= 0) return [];
  const pubs = articles.map((a) => a.published).sort();
  const from = o.from ?? pubs[0]!;
  const to = o.to ?? pubs[pubs.length - 1]!;
  const days = rankDays(records, articles, o, from, to).slice(0, o.dates);

  // Each chosen day's candidate sentences.
  const chosen = new Map(days.map(({ day }) => [day, [] as SentenceRecord[]]));
  for (const r of records) {
    if (!r.eligible) continue;
    if (r.days.length > 0) {
      for (const d of r.days) chosen.get(d)?.push(r);
    } else {
      const pub = dayNumber(r.published);
      for (let lag = 0; lag <= o.undatedLag; lag++) chosen.get(dayOf(pub - lag))?.push(r);
    }
  }
  const df = new DocumentFrequencies();
  const counts = new Map<SentenceRecord, Map<string, number>>();
  for (const list of chosen.values())
    for (const r of list) {
      if (counts.has(r)) continue;
      const terms = termCounts(r.text);
      counts.set(r, terms);
      df.add({ terms, actors: new Map() });
    }
  for (const [r, terms] of counts) r.vector = weigh(terms, (k) => df.idf(k));

  const timeline: TimelineEntry[] = [];
  for (const { day } of [...days].sort((a, b) => (a.day < b.day ? -1 : 1))) {
    const pool = chosen.get(day)!.filter((r) => r.vector && r.vector.norm > 0);
    const centre = new SparseVector();
    for (const r of pool) centre.addScaled(r.vector!, 1);
    const ranked = pool
      .map((r) => ({ r, sim: centre.cosine(r.vector!) }))
      .sort((a, b) => b.sim - a.sim || a.r.article - b.r.article || a.r.start - b.r.start);
    const picked: SentenceRecord[] = [];
    for (const { r } of ranked) {
      if (picked.length >= o.sentences) break;
      if (picked.some((p) => p.vector!.cosine(r.vector!) >= o.redundancy)) continue;
      picked.push(r);
    }
    timeline.push({
      date: day,
      sentences: picked.map((r) => r.text),
      citations: picked.map((r) => ({ id: articles[r.article]!.id, start: r.start, end: r.end })),
    });
  }
  return timeline;
}
