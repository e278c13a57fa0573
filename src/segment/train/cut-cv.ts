import type { LineModel } from '../line-model.js';
import { repairMojibake } from '../mojibake.js';
import { type SegmentOptions, segmentText } from '../segmenter.js';
import type { SourceArticle } from './corpora.js';
import { CONVENTIONS, type Dump, makeDumps } from './dumps.js';

/**
 * The segmenter's cut thresholds chosen by cross-validation over the train articles: each fold's model (trained on
 * the other folds' dumps) segments dumps of its own fold's articles at each candidate threshold, and the errors are
 * counted as the segment bench counts them. An extra article (a caption or subhead taken for a headline: the real
 * article loses its tail, its URL and its outlet to it) costs `EXTRA_WEIGHT` missed boundaries (a swallowed article).
 */

export const EXTRA_WEIGHT = 2;
export const HEADLINE_GRID = [0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9];
/**
 * Up to 0.1: cross-validation prefers 0.2 (cost 956 against 961 at 0.1 with headline ≥ 0.8, 7 December 2026), but
 * from 0.15 the never-tuned second example dump loses a boundary the rule takes and the model scores 0.1–0.15.
 */
export const RULE_BACKED_GRID = [0.02, 0.05, 0.1];
export const CANDIDATE_GRID = [0.25, 0.35, 0.5];

export interface CutCount {
  gold: number;
  predicted: number;
  /** Gold articles whose headline a segmented article has (lenient). */
  found: number;
  /** …and whose body paragraphs it has exactly (strict). */
  strict: number;
}

const norm = (s: string): string =>
  s.normalize('NFKC').replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ').trim().toLowerCase();

/** Articles found (`found`) and extra (`extra`) by the decision that started them (`SegmentOptions.onArticle`). */
export type CutTally = Map<string, { found: number; extra: number }>;

/**
 * Found and strict articles of one dump's segmentation, matched as `bench/segment.bench.js` matches them; `tally`:
 * also count found and extra articles by the decision that started them.
 */
export async function countDump(dump: Dump, options: SegmentOptions, tally?: CutTally): Promise<CutCount> {
  const by: string[] = [];
  const arts = await segmentText(
    dump.text,
    'cv',
    tally ? { ...options, onArticle: (_, cutBy) => by.push(cutBy) } : options,
  );
  const used = new Set<number>();
  let found = 0;
  let strict = 0;
  for (const g of dump.articles) {
    const t = norm(g.title);
    const j = arts.findIndex((a, k) => !used.has(k) && norm(a.title) === t);
    if (j < 0) continue;
    used.add(j);
    found++;
    const junk = new Set(g.junk.map(norm));
    const body = arts[j]!.text.split('\n\n')
      .map(norm)
      .filter((p) => !junk.has(p));
    const gold = g.body.map((p) => norm(repairMojibake(p).text));
    if (body.length === gold.length && body.every((p, k) => p === gold[k])) strict++;
  }
  if (tally)
    arts.forEach((_, k) => {
      const key = by[k] ?? '?';
      const t = tally.get(key) ?? { found: 0, extra: 0 };
      if (used.has(k)) t.found++;
      else t.extra++;
      tally.set(key, t);
    });
  return { gold: dump.articles.length, predicted: arts.length, found, strict };
}

/** Errors weighed: missed articles plus `EXTRA_WEIGHT` × extra ones. */
export function cutCost(c: CutCount): number {
  return c.gold - c.found + EXTRA_WEIGHT * (c.predicted - c.found);
}

/** A fold's held-out dumps: mixed conventions, each convention alone, and plain dumps ordered by story. */
export function heldDumps(articles: readonly SourceArticle[], seed: number): Dump[] {
  const plain = CONVENTIONS.find((c) => c.name === 'plain');
  return [
    ...makeDumps(articles, 20, seed),
    ...CONVENTIONS.flatMap((c) => makeDumps(articles, 20, seed, c)),
    ...makeDumps(articles, 20, seed, plain, true),
  ];
}

async function total(folds: ReadonlyArray<{ model: LineModel; held: Dump[] }>, cut: SegmentOptions) {
  const sum: CutCount = { gold: 0, predicted: 0, found: 0, strict: 0 };
  for (const f of folds)
    for (const d of f.held) {
      const c = await countDump(d, { ...cut, model: f.model });
      sum.gold += c.gold;
      sum.predicted += c.predicted;
      sum.found += c.found;
      sum.strict += c.strict;
    }
  return sum;
}

export interface CutChoice {
  headlineMin: number;
  ruleBackedMin: number;
  candidateMin: number;
  /** Every setting tried, with its counts over all folds. */
  tried: Array<{ headlineMin: number; ruleBackedMin: number; candidateMin: number; cost: number } & CutCount>;
}

/**
 * Coordinate search: the headline threshold over `HEADLINE_GRID` (the others at their start), then the rule-backed
 * one over `RULE_BACKED_GRID`, then the provisional one over `CANDIDATE_GRID` (neither above the headline threshold).
 * Ties go to the higher threshold (fewer cuts). `grids`: other grids in place of these (e.g. a few points around
 * the cut in use, when one evaluation takes minutes).
 */
export async function chooseCut(
  folds: ReadonlyArray<{ model: LineModel; held: Dump[] }>,
  start: { headlineMin: number; ruleBackedMin: number; candidateMin: number },
  log: (line: string) => void = () => {},
  grids: { headline?: readonly number[]; ruleBacked?: readonly number[]; candidate?: readonly number[] } = {},
): Promise<CutChoice> {
  const tried: CutChoice['tried'] = [];
  const run = async (headlineMin: number, ruleBackedMin: number, candidateMin: number): Promise<number> => {
    const already = tried.find(
      (t) => t.headlineMin === headlineMin && t.ruleBackedMin === ruleBackedMin && t.candidateMin === candidateMin,
    );
    if (already) return already.cost;
    const c = await total(folds, { headlineMin, ruleBackedMin, candidateMin });
    const cost = cutCost(c);
    tried.push({ headlineMin, ruleBackedMin, candidateMin, cost, ...c });
    log(
      `cut cv: headline ≥ ${headlineMin}, rule-backed ≥ ${ruleBackedMin}, provisional ≥ ${candidateMin}: found ${c.found}/${c.gold}, extra ${c.predicted - c.found}, strict ${c.strict}, cost ${cost}`,
    );
    return cost;
  };
  let headlineMin = start.headlineMin;
  let best = Number.POSITIVE_INFINITY;
  for (const h of grids.headline ?? HEADLINE_GRID) {
    const cost = await run(h, Math.min(start.ruleBackedMin, h), Math.min(start.candidateMin, h));
    if (cost <= best) {
      best = cost;
      headlineMin = h;
    }
  }
  let ruleBackedMin = Math.min(start.ruleBackedMin, headlineMin);
  let candidateMin = Math.min(start.candidateMin, headlineMin);
  for (const r of grids.ruleBacked ?? RULE_BACKED_GRID) {
    if (r > headlineMin) break;
    const cost = await run(headlineMin, r, candidateMin);
    if (cost < best || (cost === best && r > ruleBackedMin)) {
      best = cost;
      ruleBackedMin = r;
    }
  }
  for (const c of grids.candidate ?? CANDIDATE_GRID) {
    if (c > headlineMin) break;
    const cost = await run(headlineMin, ruleBackedMin, c);
    if (cost < best || (cost === best && c > candidateMin)) {
      best = cost;
      candidateMin = c;
    }
  }
  return { headlineMin, ruleBackedMin, candidateMin, tried };
}
