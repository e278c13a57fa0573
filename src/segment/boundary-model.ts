import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LeadReading } from './line-features.js';

/**
 * The second look at an uncertain article boundary. A line the line classifier gives a fair but not a sure chance of
 * being a headline (between the provisional and the cut threshold) is taken for one until the paragraph under it
 * arrives; then this scorer reads that paragraph (and the line after it) against the article running before and
 * against the candidate headline: a new story's lead repeats its headline's words and introduces names the running
 * article never mentioned; more of the same story goes on in the running article's words and names, or points back
 * to them ("He", "The company", "But …"). Binary logistic regression over the dense features of `candidateFeatures`,
 * trained by `npm run train:boundaries` and committed as `models/boundaries.json`.
 */

/** What the segmenter knows when it decides a candidate boundary. */
export interface CandidateContext {
  /** The line classifier's reading of the candidate headline. */
  headline: number;
  caption: number;
  subhead: number;
  body: number;
  /** The candidate's own shape: it ends in a question mark; its words. */
  headlineQuestion: boolean;
  headlineWords: number;
  /** The candidate's own attributes (`ownAttributes`): prose signs a headline drops. */
  headlineOwn: readonly string[];
  /** Content-word stems of the candidate headline. */
  headlineStems: ReadonlySet<number>;
  /** Whether the candidate headline ends in a period. */
  headlineEndsPeriod: boolean;
  /** The first paragraph under the candidate: its stems, the stems of its names, its attributes. */
  paragraphStems: ReadonlySet<number>;
  paragraphNames: ReadonlySet<number>;
  paragraphOwn: readonly string[];
  paragraphWords: number;
  /** The paragraph opens with a name (`opensWithName`), as a lead introduces its subject. */
  paragraphOpensWithName: boolean;
  /** Its first sentence reports speech in the past tense ("said", "told"). */
  paragraphReportsSpeech: boolean;
  /** Stems of the line after that paragraph (null at the end of input). */
  nextStems: ReadonlySet<number> | null;
  /** Stems of the running article (headline and paragraphs) and of its last paragraph; its body paragraphs. */
  runningStems: ReadonlySet<number>;
  lastParagraphStems: ReadonlySet<number>;
  runningParagraphs: number;
  /** A byline or a date stamp stood between the candidate and the paragraph. */
  bylineOrStamp: boolean;
  /** How the paragraph's first sentence reads as a story's lead (`leadOf`). */
  paragraphLead: LeadReading;
}

/** Names of the features, in the order of `candidateFeatures` (kept in the model file, checked on load). */
export const CANDIDATE_FEATURES = [
  'bias',
  'headline',
  'headlineLogit',
  'caption',
  'subhead',
  'paraInRunning',
  'headlineInLead',
  'headlineInRunning',
  'namesKnown',
  'noNames',
  'nextInRunning',
  'nextInHeadlineLead',
  'paraInLastParagraph',
  'pointsBack',
  'opensWithName',
  'reportedSpeech',
  'dateline',
  'paraLength',
  'runningLength',
  'bylineOrStamp',
  'headlinePeriod',
  'headline×paraInRunning',
  'headline×namesKnown',
  'body',
  'headlineQuestion',
  'headlineWords',
  'headlinePointsBack',
  'headlinePronouns',
  'headlineSaid',
  'headlineQuote',
  'leadSigns',
  'leadName',
  'leadVerb',
  'leadWhen',
  'leadPronoun',
  'leadWidth',
  'leadSigns×paraInRunning',
  'leadSigns×namesKnown',
] as const;

/** Share of `a`'s members in `b` (0 when `a` is empty). */
function share(a: ReadonlySet<number>, b: ReadonlySet<number>, c: ReadonlySet<number> | null = null): number {
  if (a.size === 0) return 0;
  let n = 0;
  for (const x of a) if (b.has(x) || c?.has(x)) n++;
  return n / a.size;
}

/** The dense feature vector of a candidate boundary (see `CANDIDATE_FEATURES`); every value in [-1, 1]. */
export function candidateFeatures(c: CandidateContext): number[] {
  const p = Math.min(Math.max(c.headline, 1e-4), 1 - 1e-4);
  const paraInRunning = share(c.paragraphStems, c.runningStems);
  const namesKnown = share(c.paragraphNames, c.runningStems);
  const own = new Set(c.paragraphOwn);
  const lead = c.paragraphLead;
  const signs = lead.signs / 5;
  return [
    1,
    p,
    Math.max(-1, Math.min(1, Math.log(p / (1 - p)) / 6)),
    c.caption,
    c.subhead,
    paraInRunning,
    share(c.headlineStems, c.paragraphStems, c.nextStems),
    share(c.headlineStems, c.runningStems),
    namesKnown,
    c.paragraphNames.size === 0 ? 1 : 0,
    c.nextStems ? share(c.nextStems, c.runningStems) : 0,
    c.nextStems ? share(c.nextStems, c.headlineStems, c.paragraphStems) : 0,
    share(c.paragraphStems, c.lastParagraphStems),
    own.has('fa') ? 1 : 0,
    c.paragraphOpensWithName ? 1 : 0,
    c.paragraphReportsSpeech ? 1 : 0,
    own.has('R:dateline') ? 1 : 0,
    Math.min(1, c.paragraphWords / 60),
    Math.min(1, Math.log1p(c.runningParagraphs) / 3),
    c.bylineOrStamp ? 1 : 0,
    c.headlineEndsPeriod ? 1 : 0,
    p * paraInRunning,
    p * namesKnown,
    c.body,
    c.headlineQuestion ? 1 : 0,
    Math.min(1, c.headlineWords / 30),
    c.headlineOwn.includes('fa') ? 1 : 0,
    c.headlineOwn.includes('pron1') || c.headlineOwn.includes('pron2') ? 1 : 0,
    c.headlineOwn.includes('said') ? 1 : 0,
    c.headlineOwn.includes('quote') ? 1 : 0,
    signs,
    lead.name ? 1 : 0,
    lead.verb ? 1 : 0,
    lead.when ? 1 : 0,
    lead.pronoun ? 1 : 0,
    lead.width / 5,
    signs * paraInRunning,
    signs * namesKnown,
  ];
}

/** One binary logistic regression over `CANDIDATE_FEATURES` and the probability it is read at. */
export interface BoundaryScorer {
  weights: number[];
  threshold: number;
}

export interface BoundaryModelFile {
  format: 1;
  features: string[];
  /** Read on provisional headlines: the cut stands at `threshold` or more (chosen by cross-validation). */
  keep: BoundaryScorer;
  /** Read on cuts the model alone took: undone under `threshold` (chosen by cross-validation; 0: never). */
  veto: BoundaryScorer;
  /**
   * The provisional floor chosen with the two thresholds: a line at this headline probability (under the cut
   * threshold) is a provisional headline, which the keep scorer reviews. Absent: the line model's own
   * (`LineModelFile.cut.candidateMin`).
   */
  candidateMin?: number;
  /**
   * Whether a line laid out as a headline (`layoutCandidate` in the segmenter) is a provisional headline whatever its
   * headline probability: true when the scorers were trained and chosen with such candidates.
   */
  layoutCandidates?: boolean;
  /**
   * Read on provisional headlines that only the layout rule let in (under the floor), when present: the cut stands at
   * `threshold` or more; else the keep scorer reads them.
   */
  layoutKeep?: BoundaryScorer;
  provenance: Record<string, unknown>;
}

function probability(s: BoundaryScorer, x: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (s.weights[i] ?? 0) * x[i]!;
  return 1 / (1 + Math.exp(-sum));
}

export class BoundaryModel {
  readonly keep: BoundaryScorer;
  readonly veto: BoundaryScorer;
  readonly candidateMin: number | undefined;
  readonly layoutCandidates: boolean;
  readonly layoutKeep: BoundaryScorer | undefined;

  constructor(file: BoundaryModelFile) {
    // A file trained on the first features of this build reads the others at weight 0.
    if (file.format !== 1 || file.features.some((f, i) => CANDIDATE_FEATURES[i] !== f))
      throw new Error('boundary model: features differ from this build');
    this.keep = file.keep;
    this.veto = file.veto;
    this.candidateMin = file.candidateMin;
    this.layoutCandidates = file.layoutCandidates === true;
    this.layoutKeep = file.layoutKeep;
  }

  /** The probability that a candidate is a headline, by the scorer of its kind. */
  probability(x: readonly number[], learnedCut: boolean): number {
    return probability(learnedCut ? this.veto : this.keep, x);
  }

  /** Whether a provisional headline's cut stands (`laidOut`: one only the layout rule let in). */
  keeps(x: readonly number[], laidOut = false): boolean {
    const s = laidOut && this.layoutKeep ? this.layoutKeep : this.keep;
    return s.threshold <= 1 && probability(s, x) >= s.threshold;
  }

  /** Whether a cut the model alone took is undone. */
  vetoes(x: readonly number[]): boolean {
    return this.veto.threshold > 0 && probability(this.veto, x) < this.veto.threshold;
  }
}

export const BOUNDARY_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../models/boundaries.json');

let cached: BoundaryModel | null | undefined;

/** The committed boundary scorer, loaded once; null when the file is missing (every candidate is then undone). */
export function boundaryModel(): BoundaryModel | null {
  if (cached !== undefined) return cached;
  cached = existsSync(BOUNDARY_MODEL_PATH)
    ? new BoundaryModel(JSON.parse(readFileSync(BOUNDARY_MODEL_PATH, 'utf8')) as BoundaryModelFile)
    : null;
  return cached;
}

/**
 * Binary logistic regression by full-batch gradient descent with L2 (the bias unpenalized): a few thousand candidates
 * of two dozen features, deterministic.
 */
export function trainBoundary(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  opts: { l2: number; iterations: number; rate: number } = { l2: 1e-3, iterations: 3000, rate: 0.5 },
): number[] {
  const d = xs[0]?.length ?? CANDIDATE_FEATURES.length;
  const w = new Array<number>(d).fill(0);
  const n = Math.max(1, xs.length);
  const grad = new Array<number>(d);
  for (let it = 0; it < opts.iterations; it++) {
    grad.fill(0);
    for (let i = 0; i < xs.length; i++) {
      const x = xs[i]!;
      let s = 0;
      for (let j = 0; j < d; j++) s += w[j]! * x[j]!;
      const e = 1 / (1 + Math.exp(-s)) - ys[i]!;
      for (let j = 0; j < d; j++) grad[j]! += e * x[j]!;
    }
    for (let j = 0; j < d; j++) w[j]! -= opts.rate * (grad[j]! / n + (j === 0 ? 0 : opts.l2 * w[j]!));
  }
  return w.map((x) => Math.round(x * 10000) / 10000);
}
