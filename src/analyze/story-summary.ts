import type { DocumentDate, ExportCitation } from '../model/index.js';
import { SparseVector, storyFeatures, topKeys, type StoryFeatures } from '../resolve/index.js';
import type { StoryArticle, StoryDescription, StoryRange } from '../store/index.js';
import { chronology, type ChronologyArticle } from './chronology.js';

/**
 * What describes a story: its title (that of the member nearest the story's centre), its most-named actors, its
 * publication range and outlets (over all its members), and a one-paragraph summary of sentences taken from its
 * articles — the story's most important days and one sentence each, chosen by the chronology engine (days the
 * reports point at), each sentence followed by its numbered citation. A story's size is unbounded, so the title,
 * actors and summary are read from a sample: its earliest and its latest members.
 */

/** Members read for the title, actors and summary: half from the story's start, half from its end. */
export const SUMMARY_SAMPLE = 40;
/** Days in a summary, one sentence each. */
const SUMMARY_DAYS = 3;

/** The features of an article read back from the store (`facts`: with its facts, see `storyFeatures`). */
export function storedFeatures(a: StoryArticle, facts = false): StoryFeatures {
  return storyFeatures({ ...a, published: a.published as DocumentDate | null }, { facts });
}

/** The members to read: all of a small story, else the first and the last `SUMMARY_SAMPLE / 2`. */
export function sampleMembers(seqs: readonly number[]): number[] {
  if (seqs.length <= SUMMARY_SAMPLE) return [...seqs];
  const half = SUMMARY_SAMPLE / 2;
  return [...seqs.slice(0, half), ...seqs.slice(seqs.length - half)];
}

/** The chronology's view of stored articles (dated to the day only). */
export function chronologyArticles(articles: readonly StoryArticle[]): ChronologyArticle[] {
  return articles.flatMap((a) =>
    a.day
      ? [
          {
            id: a.id,
            text: a.text,
            published: a.day,
            layers: { sentences: a.sentences.map(([start, end]) => ({ start, end })), timexes: a.timexes },
          },
        ]
      : [],
  );
}

/** Sentences with their citations → one paragraph, each sentence followed by "[n]". */
export function citedParagraph(
  sentences: ReadonlyArray<{ text: string; articleId: string; start: number; end: number }>,
): { text: string; citations: ExportCitation[] } {
  const citations = sentences.map((s, i) => ({ n: i + 1, articleId: s.articleId, start: s.start, end: s.end }));
  const text = sentences.map((s, i) => `${s.text.replace(/\s+/g, ' ').trim()} [${i + 1}]`).join(' ');
  return { text, citations };
}

/**
 * Describe a story from a sample of its members (`articles`, with their features weighed as `vectors`) and its size,
 * range and outlets over all its members (`all`: `storyOutlets`).
 */
export function describeStory(
  all: StoryRange,
  articles: readonly StoryArticle[],
  vectors: ReadonlyArray<{ f: StoryFeatures; terms: SparseVector; actors: SparseVector }>,
): StoryDescription {
  const centre = new SparseVector();
  const actors = new SparseVector();
  const names = new Map<string, string>();
  for (const v of vectors) {
    centre.addScaled(v.terms, 1);
    actors.addScaled(v.actors, 1);
    for (const [k, name] of v.f.actorNames) if (!names.has(k)) names.set(k, name);
  }
  let central = -1;
  let best = Number.NEGATIVE_INFINITY;
  vectors.forEach((v, i) => {
    const sim = centre.cosine(v.terms);
    if (v.f.title && sim > best) [central, best] = [i, sim];
  });
  const picked = chronology(chronologyArticles(articles), { dates: SUMMARY_DAYS, sentences: 1 }).flatMap((d) =>
    d.citations.map((c, i) => ({ text: d.sentences[i]!, articleId: c.id, start: c.start, end: c.end })),
  );
  // No dated sentence: the lead of the central article says what the story is.
  if (picked.length === 0 && articles.length > 0) {
    const a = articles[Math.max(0, central)]!;
    const lead = a.sentences.find(([s, e]) => (a.text.slice(s, e).match(/[\p{L}\p{N}]+/gu)?.length ?? 0) >= 6);
    if (lead) picked.push({ text: a.text.slice(lead[0], lead[1]), articleId: a.id, start: lead[0], end: lead[1] });
  }
  const { text, citations } = citedParagraph(picked);
  return {
    title: central >= 0 ? vectors[central]!.f.title : topKeys(centre, 5).join(' '),
    summary: text,
    citations,
    // Two keys may carry one name (a country and its adjective resolved apart): each name once.
    actors: [...new Set(topKeys(actors, 8).map((k) => names.get(k) ?? k))].slice(0, 5),
    from: all.from,
    to: all.to,
    outlets: all.outlets.map((o) => o.outlet).filter((o) => o !== ''),
    articles: all.articles,
  };
}
