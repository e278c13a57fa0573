import { createHash } from 'node:crypto';
import type { Correction, DateEvidence, Paragraph, RawArticle } from '../model/index.js';
import { Deduplicator } from '../resolve/index.js';
import { outletFromCredits, segmentText } from '../segment/index.js';
import {
  activeCorrections,
  articleWriter,
  correctionSnapshot,
  immediate,
  nextInSource,
  removeArticle,
  restoreArticle,
  setCorrectionSnapshot,
  sourcePlace,
  splitOrigin,
  type ArticleSnapshot,
  type Db,
} from '../store/index.js';
import { analyzeArticle } from './pipeline.js';
import { forgetStoryArticles, redescribeStories } from './stories-update.js';

/**
 * Article corrections: the analyst splits an article the dump segmenter made of two, or joins two it cut out of
 * one. The articles replaced go with everything derived from them (`removeArticle`, kept as a snapshot for undo);
 * the new ones are analyzed by the same per-article pipeline as every article (`analyzeArticle`) and stored by
 * the same writer. Every analysis of new material skips the replaced articles when its input holds them again
 * (`replacedArticleIds`) and makes sure the new ones are there (`keepArticleCorrections`).
 */

export class ArticleCorrectionError extends Error {}

type SplitCorrection = Extract<Correction, { kind: 'article.split' }>;
type JoinCorrection = Extract<Correction, { kind: 'article.join' }>;
export type ArticleCorrection = SplitCorrection | JoinCorrection;

export const isArticleCorrection = (c: Correction): c is ArticleCorrection =>
  c.kind === 'article.split' || c.kind === 'article.join';

/** A stored article's row (live, or as a snapshot holds it). */
interface ArticleRow {
  id: string;
  title: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  published_precision: string | null;
  published_from: string | null;
  text: string;
  captions: string;
  authors: string;
  origin: string;
  warnings: string;
  paragraphs: string;
}

const derivedId = (...parts: Array<string | number>): string =>
  createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 16);

/** The ids of the two parts of article `id` split at `offset`: stable, so a re-analysis finds them. */
export function splitIds(id: string, offset: number): [string, string] {
  return [derivedId('split', id, offset, 1), derivedId('split', id, offset, 2)];
}

export function joinId(first: string, second: string): string {
  return derivedId('join', first, second);
}

function articleRow(db: Db, id: string): ArticleRow | null {
  return (db.prepare('SELECT * FROM articles WHERE id = ?').get(id) as ArticleRow | undefined) ?? null;
}

/** The date the article was given, as evidence its part or join can be dated by again. */
function dateEvidence(a: ArticleRow, what: string): DateEvidence[] {
  if (!a.published || !a.published_precision || !a.published_from) return [];
  return [
    {
      value: a.published,
      precision: a.published_precision as DateEvidence['precision'],
      from: a.published_from as DateEvidence['from'],
      evidence: `${what} ${a.id}`,
    },
  ];
}

/** Where an article may be split: the start of each of its paragraphs (lines) but the first. */
export function splitOffsets(text: string): number[] {
  const out: number[] = [];
  for (const m of text.matchAll(/\n+(?=\S)/g)) {
    const at = m.index + m[0].length;
    if (text.slice(0, m.index).trim() !== '') out.push(at);
  }
  return out;
}

const paragraphsOf = (text: string): Paragraph[] => {
  const out: Paragraph[] = [];
  for (const m of text.matchAll(/[^\n]+/g)) {
    const start = m.index + (m[0].length - m[0].trimStart().length);
    const end = m.index + m[0].trimEnd().length;
    if (end > start) out.push({ start, end, kind: 'body' });
  }
  return out;
};

/**
 * The two articles an article becomes when split at `offset`. The first keeps the article's title, authors,
 * captions and a date read from its text (stamp, byline), and has the outlet its own credit names (a dateline's
 * "(River Post)", read by the dump segmenter as for any article, else a staff photographer's credit on its
 * captions); the second is what the text after the cut says of
 * itself, read by the dump segmenter (its first line as headline when it is one, a byline, a stamp, a Source
 * line), else unknown: the title is then its first sentence, as for any headless article of a dump. The
 * article's address and outlet go to the second part (when it names none of its own), with a date read from
 * the address: the dump segmenter takes the Source line that closes an article out of its text, so in an
 * article that ran two reports together that line, and the address, belong to the report after the cut.
 */
export async function splitRaws(a: ArticleRow, offset: number): Promise<[RawArticle, RawArticle]> {
  const head = a.text.slice(0, offset).trimEnd();
  const tail = a.text.slice(offset).trim();
  // A cut at a line inside a paragraph ends that paragraph there.
  const paragraphs = (JSON.parse(a.paragraphs) as Paragraph[])
    .filter((p) => p.start < head.length)
    .map((p) => ({ ...p, end: Math.min(p.end, head.length) }));
  const dates = dateEvidence(a, 'split from article');
  const first: RawArticle = {
    title: a.title,
    url: null,
    outlet: null,
    authors: JSON.parse(a.authors) as string[],
    text: head,
    captions: JSON.parse(a.captions) as string[],
    paragraphs: paragraphs.length > 0 ? paragraphs : paragraphsOf(head),
    dateEvidence: dates.filter((d) => d.from !== 'url'),
    origin: a.origin,
    warnings: JSON.parse(a.warnings) as string[],
    boundaryConfidence: 1,
  };
  // The first part's own credit, read from its headline and text as the dump segmenter reads any article.
  const headRead = await segmentText(a.title ? `${a.title}\n\n${head}` : head, a.origin);
  first.outlet = headRead[0]?.outlet ?? outletFromCredits(first.captions);
  const read = await segmentText(tail, a.origin);
  const own = read[0];
  let second: RawArticle;
  if (own && read.length === 1) second = own;
  else {
    // The segmenter saw more than one article in the text after the cut: the analyst's cut is the one kept,
    // and the second part is its text whole, titled as the segmenter titled its start.
    const titleLine = own && tail.startsWith(`${own.title}\n`) ? own.title : null;
    const text = titleLine ? tail.slice(titleLine.length).trim() : tail;
    second = {
      title: own?.title ?? '',
      url: null,
      outlet: null,
      authors: [],
      text,
      captions: [],
      paragraphs: paragraphsOf(text),
      dateEvidence: own?.dateEvidence ?? [],
      origin: a.origin,
      warnings: titleLine ? [] : ['no headline found: title taken from the first sentence'],
    };
  }
  if (second.url === null && a.url !== null) {
    second.url = a.url;
    second.dateEvidence = [...second.dateEvidence, ...dates.filter((d) => d.from === 'url')];
  }
  second.outlet ??= a.outlet;
  second.origin = splitOrigin(a.origin, offset);
  second.boundaryConfidence = 1;
  second.warnings = [...second.warnings];
  return [first, second];
}

/**
 * The article two articles become when joined: the first's title, address, outlet and date (the second's
 * address or outlet when the first has none), and the text of both, with the line the segmenter took for the
 * second's headline put back where it stood.
 */
export function joinRaw(a: ArticleRow, b: ArticleRow): RawArticle {
  const bWarnings = JSON.parse(b.warnings) as string[];
  const headless = bWarnings.some((w) => w.startsWith('no headline found')) || /\(part \d+\)$/.test(b.title);
  const parts = [a.text, ...(headless || b.title.trim() === '' ? [] : [b.title]), b.text];
  let text = '';
  const paragraphs: Paragraph[] = [];
  // An article stored without paragraphs reads as one paragraph a line.
  const shifted = (json: string, text: string, by: number): Paragraph[] => {
    const own = JSON.parse(json) as Paragraph[];
    return (own.length > 0 ? own : paragraphsOf(text)).map((p) => ({ ...p, start: p.start + by, end: p.end + by }));
  };
  parts.forEach((part, i) => {
    if (text.length > 0) text += '\n\n';
    const at = text.length;
    if (i === 0) paragraphs.push(...shifted(a.paragraphs, a.text, at));
    else if (i === parts.length - 1) paragraphs.push(...shifted(b.paragraphs, b.text, at));
    else paragraphs.push({ start: at, end: at + part.length, kind: 'subhead' });
    text += part;
  });
  const evidence = dateEvidence(a, 'joined from article');
  return {
    title: a.title,
    url: a.url ?? b.url,
    outlet: a.outlet ?? b.outlet,
    authors: [...new Set([...(JSON.parse(a.authors) as string[]), ...(JSON.parse(b.authors) as string[])])],
    text,
    captions: [...(JSON.parse(a.captions) as string[]), ...(JSON.parse(b.captions) as string[])],
    paragraphs,
    dateEvidence: evidence.length > 0 ? evidence : dateEvidence(b, 'joined from article'),
    origin: a.origin,
    warnings: JSON.parse(a.warnings) as string[],
    boundaryConfidence: 1,
  };
}

/** A split as a correction to store, or the reason it cannot be one. */
export function splitCorrection(
  db: Db,
  id: unknown,
  offset: unknown,
): Pick<SplitCorrection, 'kind' | 'target' | 'payload'> {
  const a = typeof id === 'string' ? articleRow(db, id) : null;
  if (!a) throw new ArticleCorrectionError(`no such article: ${String(id)}`);
  if (typeof offset !== 'number' || !Number.isInteger(offset))
    throw new ArticleCorrectionError('a split takes an offset: a whole number of UTF-16 code units into the text');
  if (!splitOffsets(a.text).includes(offset))
    throw new ArticleCorrectionError(
      `offset ${offset} is not at the start of a paragraph or line of the article after its first (text length ${a.text.length})`,
    );
  return { kind: 'article.split', target: a.id, payload: { articleId: a.id, offset, parts: splitIds(a.id, offset) } };
}

/** A join as a correction to store, or the reason it cannot be one. */
export function joinCorrection(db: Db, ids: unknown): Pick<JoinCorrection, 'kind' | 'target' | 'payload'> {
  if (!Array.isArray(ids) || ids.length !== 2 || !ids.every((x) => typeof x === 'string') || ids[0] === ids[1])
    throw new ArticleCorrectionError('a join takes two different article ids, in order');
  const [a, b] = (ids as string[]).map((id) => {
    const row = articleRow(db, id);
    if (!row) throw new ArticleCorrectionError(`no such article: ${id}`);
    return row;
  }) as [ArticleRow, ArticleRow];
  if (sourcePlace(a.origin).source !== sourcePlace(b.origin).source)
    throw new ArticleCorrectionError('only two articles of one source (the same dump) can be joined');
  if (nextInSource(db, a.id) !== b.id)
    throw new ArticleCorrectionError(`${b.id} is not the article after ${a.id} in their source`);
  return {
    kind: 'article.join',
    target: `${a.id} + ${b.id}`,
    payload: { articleIds: [a.id, b.id], joined: joinId(a.id, b.id) },
  };
}

/** The articles a correction replaces, and the ones it makes. */
export function correctionArticles(c: ArticleCorrection): { originals: string[]; results: string[] } {
  return c.kind === 'article.split'
    ? { originals: [c.payload.articleId], results: [...c.payload.parts] }
    : { originals: [...c.payload.articleIds], results: [c.payload.joined] };
}

/** What a correction makes, from the rows of the articles it replaces (live or from its snapshot). */
async function replacements(
  c: ArticleCorrection,
  rows: readonly ArticleRow[],
): Promise<Array<{ id: string; raw: RawArticle }>> {
  if (c.kind === 'article.split') {
    const [first, second] = await splitRaws(rows[0]!, c.payload.offset);
    return [
      { id: c.payload.parts[0], raw: first },
      { id: c.payload.parts[1], raw: second },
    ];
  }
  return [{ id: c.payload.joined, raw: joinRaw(rows[0]!, rows[1]!) }];
}

/**
 * Remove the articles `ids` in one transaction (each with all it derived), placing the stories they were in
 * again, and store `add` (analyzed articles) in the same transaction; `keep` is given the snapshots of what went
 * in that transaction too (to store them with their correction: a removal is never committed without the
 * snapshot its undo needs). Answers the snapshots.
 */
function replaceArticles(
  db: Db,
  ids: readonly string[],
  add: ReadonlyArray<ReturnType<typeof analyzeArticle>>,
  keep: (snapshots: ArticleSnapshot[]) => void = () => {},
): ArticleSnapshot[] {
  const writer = articleWriter(db);
  return immediate(db, () => {
    const seqs = ids.flatMap((id) => {
      const s = db.prepare('SELECT seq FROM articles WHERE id = ?').pluck().get(id) as number | undefined;
      return s === undefined ? [] : [s];
    });
    const stories = forgetStoryArticles(db, seqs);
    const snapshots = ids.flatMap((id) => removeArticle(db, id) ?? []);
    for (const doc of add) writer.insert(doc, Deduplicator.fingerprint(doc.text));
    redescribeStories(db, stories);
    keep(snapshots);
    return snapshots;
  });
}

/** Carry out a correction just stored: its new articles analyzed and stored, the ones it replaces removed. */
export async function applyArticleCorrection(db: Db, c: ArticleCorrection): Promise<void> {
  const { originals } = correctionArticles(c);
  const rows = originals.map((id) => articleRow(db, id));
  if (rows.some((r) => r === null)) throw new ArticleCorrectionError('an article to replace is not in the store');
  const made = await replacements(c, rows as ArticleRow[]);
  const docs = made.map(({ id, raw }) => analyzeArticle(raw, id));
  replaceArticles(db, originals, docs, (snapshots) => setCorrectionSnapshot(db, c.id, snapshots));
}

/** Later corrections in force that work on an article this one made (undo those first). */
export function dependentCorrections(db: Db, c: ArticleCorrection): Correction[] {
  const { results } = correctionArticles(c);
  return activeCorrections(db).filter(
    (o) => o.id > c.id && isArticleCorrection(o) && correctionArticles(o).originals.some((id) => results.includes(id)),
  );
}

/** Undo a correction marked undone: the articles it made go, the ones it replaced come back as they were. */
export function undoArticleCorrection(db: Db, c: ArticleCorrection): void {
  const { results } = correctionArticles(c);
  const snapshots = correctionSnapshot(db, c.id);
  immediate(db, () => {
    replaceArticles(db, results, []);
    for (const s of snapshots) restoreArticle(db, s);
  });
}

/** The articles the corrections in force replaced: an analysis skips them when its input holds them again. */
export function replacedArticleIds(db: Db): Set<string> {
  const out = new Set<string>();
  for (const c of activeCorrections(db))
    if (isArticleCorrection(c)) for (const id of correctionArticles(c).originals) out.add(id);
  return out;
}

/**
 * After an analysis has stored its articles: each article correction in force, in order, is in effect. An
 * article it replaced that is there again (stored by an analysis that ran beside the correction) goes; an
 * article it made that is missing is made again from the snapshot. Answers how many articles it changed.
 */
export async function keepArticleCorrections(db: Db): Promise<number> {
  let changed = 0;
  for (const c of activeCorrections(db)) {
    if (!isArticleCorrection(c)) continue;
    const { originals, results } = correctionArticles(c);
    const present = (id: string): boolean => db.prepare('SELECT 1 FROM articles WHERE id = ?').get(id) !== undefined;
    const back = originals.filter(present);
    const missing = results.filter((id) => !present(id));
    if (back.length === 0 && missing.length === 0) continue;
    const snapshot = correctionSnapshot(db, c.id);
    const rowOf = (id: string): ArticleRow | null =>
      articleRow(db, id) ?? (snapshot.find((s) => s.id === id)?.tables.articles?.[0] as ArticleRow | undefined) ?? null;
    const rows = originals.map(rowOf);
    if (rows.some((r) => r === null)) continue;
    const made = missing.length > 0 ? await replacements(c, rows as ArticleRow[]) : [];
    const docs = made.filter((m) => missing.includes(m.id)).map(({ id, raw }) => analyzeArticle(raw, id));
    const removed = replaceArticles(db, back, docs, (removed) => {
      if (removed.length === 0) return;
      const kept = snapshot.filter((s) => !removed.some((r) => r.id === s.id));
      setCorrectionSnapshot(db, c.id, [...kept, ...removed]);
    });
    changed += removed.length + docs.length;
  }
  return changed;
}
