import type { ExportCitation } from '../model/index.js';
import {
  search,
  storiesOfArticles,
  storyArticleLoader,
  storyById,
  storyMemberSeqs,
  storyPage,
  type Db,
  type StoryArticle,
} from '../store/index.js';
import { chronology } from './chronology.js';
import { compareStory, type StoryComparison } from './story-compare.js';
import { chronologyArticles } from './story-summary.js';

/**
 * A situation report: per story, its key developments in date order (the chronology engine's important days, a
 * sentence or two each, taken from the articles), its actors and outlets, and the claims in conflict. Every
 * sentence is the articles' own and carries a numbered citation (article id and span), numbered across the brief.
 */

export interface BriefOptions {
  /** One story, by id. */
  story?: string;
  /** The stories of the articles a full-text search finds. */
  query?: string;
  /** Only articles published in this range (`YYYY-MM-DD`, inclusive). */
  from?: string | null;
  to?: string | null;
  /**
   * "What changed since the last brief" (`YYYY-MM-DD`): sentences whose cited article was published on or after
   * this day are marked `new`; without it no sentence carries the mark.
   */
  since?: string | null;
  /** Stories in the brief, at most (without `story`). */
  stories?: number;
  /** Days per story, and sentences per day. */
  dates?: number;
  sentences?: number;
}

export interface BriefSentence {
  text: string;
  /** Number of its citation. */
  cite: number;
  /** With `since`: whether its article was first published on or after that day (absent without `since`). */
  new?: boolean;
}

export interface BriefStory {
  id: string;
  title: string;
  from: string | null;
  to: string | null;
  actors: string[];
  outlets: string[];
  articles: number;
  developments: Array<{ date: string; sentences: BriefSentence[] }>;
  conflicts: Array<{ label: string; sides: Array<{ says: string; outlet: string | null } & BriefSentence> }>;
}

export interface Brief {
  from: string | null;
  to: string | null;
  /** The `since` day asked for (absent without it). */
  since?: string;
  stories: BriefStory[];
  citations: ExportCitation[];
}

/** Articles of one story read for its brief, at most (the latest). */
const BRIEF_ARTICLES = 300;

export function brief(db: Db, options: BriefOptions = {}): Brief {
  const from = options.from ?? null;
  const to = options.to ?? null;
  const limit = options.stories ?? 5;
  let ids: string[];
  if (options.story) ids = storyById(db, options.story) ? [options.story] : [];
  else if (options.query) {
    const hits = search(db, options.query, 0, 200).items.map((h) => h.id);
    ids = storiesOfArticles(db, hits).slice(0, limit);
  } else ids = storyPage(db, 0, limit).items.map((s) => s.id);

  const citations: ExportCitation[] = [];
  const cite = (articleId: string, start: number, end: number): number => {
    const found = citations.find((c) => c.articleId === articleId && c.start === start && c.end === end);
    if (found) return found.n;
    citations.push({ n: citations.length + 1, articleId, start, end });
    return citations.length;
  };
  const load = storyArticleLoader(db);
  const since = options.since ?? null;
  /** The sentence's mark: new when its article's day is on or after `since` (an undated article is not new). */
  const mark = (day: string | null | undefined): { new?: boolean } =>
    since ? { new: day !== null && day !== undefined && day >= since } : {};
  const inRange = (a: StoryArticle): boolean => (!from || (a.day ?? '') >= from) && (!to || (a.day ?? '9999') <= to);
  const stories: BriefStory[] = [];
  for (const id of ids) {
    const story = storyById(db, id)!;
    const seqs = storyMemberSeqs(db, id);
    const articles = seqs
      .slice(-BRIEF_ARTICLES)
      .flatMap((s) => load(s) ?? [])
      .filter(inRange);
    if (articles.length === 0) continue;
    const timeline = chronology(chronologyArticles(articles), {
      dates: options.dates ?? 5,
      sentences: options.sentences ?? 1,
      from,
      to,
    });
    const comparison = compareStory(db, id);
    const dayOf = new Map(articles.map((a) => [a.id, a.day]));
    stories.push({
      id,
      title: story.title,
      from: story.from,
      to: story.to,
      actors: story.actors,
      outlets: story.outlets,
      articles: seqs.length,
      developments: timeline.map((d) => ({
        date: d.date,
        sentences: d.sentences.map((text, i) => {
          const c = d.citations[i]!;
          return { text, cite: cite(c.id, c.start, c.end), ...mark(dayOf.get(c.id)) };
        }),
      })),
      conflicts: (comparison?.conflicts ?? [])
        .map((c) => ({ ...c, sides: c.sides.filter((s) => dayOf.has(s.sentence.articleId)) }))
        .filter(stillInConflict)
        .map((c) => ({
          label: c.label,
          sides: c.sides.map((s) => ({
            says: s.says,
            outlet: s.sentence.outlet,
            text: s.sentence.text,
            cite: cite(s.sentence.articleId, s.sentence.start, s.sentence.end),
            ...mark(dayOf.get(s.sentence.articleId)),
          })),
        })),
    });
  }
  return since ? { from, to, since, stories, citations } : { from, to, stories, citations };
}

/**
 * A conflict whose sides outside the brief's period are left out still sets one position against another: a claim
 * asserted and denied, an event said to happen and not to, two numbers.
 */
function stillInConflict(c: StoryComparison['conflicts'][number]): boolean {
  if (c.kind === 'claim') {
    const denials = c.sides.filter((s) => s.stance === 'denies').length;
    return denials > 0 && denials < c.sides.length;
  }
  return new Set(c.sides.map((s) => s.says)).size > 1;
}

/**
 * A story's sentences marked new (with `since`), in the brief's order: its developments (with their day), then the
 * sides of its conflicts; a sentence cited twice (a side of two conflicts) once.
 */
export function newSince(s: BriefStory): Array<BriefSentence & { date: string | null }> {
  const seen = new Set<number>();
  return [
    ...s.developments.flatMap((d) =>
      d.sentences.map((x) => ({ text: x.text, cite: x.cite, new: x.new, date: d.date })),
    ),
    ...s.conflicts.flatMap((c) => c.sides.map((x) => ({ text: x.text, cite: x.cite, new: x.new, date: null }))),
  ].filter((x) => x.new && !seen.has(x.cite) && seen.add(x.cite));
}

/** One line of prose: runs of white space (line breaks inside a sentence) as one space. */
const line = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** The brief as Markdown, every sentence followed by its citation and the citations listed at the end. */
export function briefMarkdown(b: Brief, articleLabel: (id: string) => string = (id) => id): string {
  const out: string[] = ['# Situation report', ''];
  if (b.from || b.to) out.push(`Period: ${b.from ?? '…'} to ${b.to ?? '…'}`, '');
  if (b.stories.length === 0) out.push('No stories match.', '');
  for (const s of b.stories) {
    out.push(`## ${line(s.title)}`, '');
    out.push(
      `${s.articles} article(s), ${s.from ?? 'undated'}${s.to && s.to !== s.from ? ` to ${s.to}` : ''}; outlets: ${s.outlets.join(', ') || 'unknown'}; actors: ${s.actors.join(', ') || 'none'}.`,
      '',
    );
    if (b.since) {
      const fresh = newSince(s);
      out.push(`### New since ${b.since}`, '');
      if (fresh.length === 0) out.push(`Nothing new since ${b.since}.`);
      for (const x of fresh) out.push(`- ${x.date ? `**${x.date}** ` : ''}${line(x.text)} [${x.cite}]`);
      out.push('');
    }
    if (s.developments.length > 0) {
      out.push('### Key developments', '');
      for (const d of s.developments)
        for (const x of d.sentences) out.push(`- **${d.date}** ${line(x.text)} [${x.cite}]`);
      out.push('');
    }
    if (s.conflicts.length > 0) {
      out.push('### In conflict', '');
      for (const c of s.conflicts) {
        out.push(`- ${line(c.label)}`);
        for (const x of c.sides)
          out.push(`  - ${x.says} (${x.outlet ?? 'unknown outlet'}): ${line(x.text)} [${x.cite}]`);
      }
      out.push('');
    }
  }
  if (b.citations.length > 0) {
    out.push('## Citations', '');
    for (const c of b.citations) out.push(`[${c.n}] ${articleLabel(c.articleId)}, characters ${c.start}–${c.end}`);
    out.push('');
  }
  return out.join('\n');
}
