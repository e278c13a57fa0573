import { LIMITS, type DateEvidence, type Paragraph, type RawArticle } from '../model/index.js';
import { datesInCaption, fullDates } from './caption-dates.js';
import {
  endsSentence,
  isCaption,
  isCaptionBeforeCredit,
  isChrome,
  isCreditOnly,
  isHeadlineShaped,
  isReportingCredit,
  isSubhead,
  isUrlContinuation,
  parseByline,
  parseDateline,
  parseSourceLine,
  parseStampLines,
  splitTitleSuffix,
  startsNewArticle,
  startsWithTimestamp,
  stripChromeSuffix,
  wordCount,
} from './classify.js';
import { type BoundaryModel, boundaryModel, candidateFeatures } from './boundary-model.js';
import {
  addStems,
  type LineAttributes,
  type LineView,
  lineAttributes,
  lineFeatures,
  nameStemsOf,
  leadOf,
  namesWhen,
  opensWithName,
  stemsOf,
} from './line-features.js';
import { type LineModel, lineModel } from './line-model.js';
import { outletFromCredits } from './credit-outlet.js';
import { repairMojibake } from './mojibake.js';
import { resolveYearless, yearlessDays } from './text-dates.js';
import { cleanUrl, dateFromUrl, isDomainFallback, outletFromUrl, outletNameFor } from './url.js';

/**
 * Dump segmentation: plain text holding many articles back to back → clean articles.
 * Streams: lines in, articles out, holding only the article being built (plus two lines of lookahead).
 */

/** A line of the dump with its surroundings, after mojibake repair. */
interface Unit {
  text: string;
  /** A blank line (or the start of input) precedes it. */
  blankBefore: boolean;
  repaired: number;
  lost: number;
}

const MAX_PARAGRAPH_CHARS = LIMITS.paragraphChars;
const MAX_ARTICLE_CHARS = LIMITS.articleChars;

function* splitLong(text: string): Generator<string> {
  let rest = text;
  while (rest.length > MAX_PARAGRAPH_CHARS) {
    let cut = rest.lastIndexOf(' ', MAX_PARAGRAPH_CHARS);
    if (cut < MAX_PARAGRAPH_CHARS / 2) cut = MAX_PARAGRAPH_CHARS;
    yield rest.slice(0, cut).trim();
    rest = rest.slice(cut).trim();
  }
  if (rest.length > 0) yield rest;
}

/** Lines → units: trims, repairs mojibake, joins hard-wrapped paragraph lines. */
async function* units(lines: AsyncIterable<string>): AsyncGenerator<Unit> {
  for await (const u of joinedUnits(lines)) {
    if (u.text.length <= MAX_PARAGRAPH_CHARS) yield u;
    else for (const part of splitLong(u.text)) yield { ...u, text: part };
  }
}

async function* joinedUnits(lines: AsyncIterable<string>): AsyncGenerator<Unit> {
  let blankBefore = true;
  let pending: Unit | null = null;
  for await (const rawLine of lines) {
    const line = rawLine
      .replace(/\r$/, '')
      .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
      .replace(/[\u200B\uFEFF]/g, '');
    const trimmed = line.trim().replace(/ {2,}/g, ' ');
    if (trimmed.length === 0) {
      if (pending) yield pending;
      pending = null;
      blankBefore = true;
      continue;
    }
    const fixed = repairMojibake(trimmed);
    const unit: Unit = { text: fixed.text, blankBefore, repaired: fixed.repaired, lost: fixed.lost };
    blankBefore = false;
    // A hard-wrapped paragraph: the previous line ran long without ending a sentence and this one
    // continues in lower case. Join them; everything else stays a line of its own.
    if (
      pending &&
      pending.text.length >= 55 &&
      pending.text.length < MAX_PARAGRAPH_CHARS &&
      !endsSentence(pending.text) &&
      /^[\p{Ll}\p{N}(“"‘'—–-]/u.test(unit.text) &&
      !parseSourceLine(pending.text)
    ) {
      pending = {
        text: `${pending.text} ${unit.text}`,
        blankBefore: pending.blankBefore,
        repaired: pending.repaired + unit.repaired,
        lost: pending.lost + unit.lost,
      };
      continue;
    }
    if (pending) yield pending;
    pending = unit;
  }
  if (pending) yield pending;
}

/** White space other than single spaces: what the repeat key collapses. */
const OTHER_SPACE = /[^\S ]| {2}/;

/** The paragraphs that open a story: a second version of it pasted after the first repeats one of them. */
const OPENING_PARAGRAPHS = 2;

/** A paragraph as the repeat check compares it: lower case, white space collapsed. */
function paragraphKey(text: string): string {
  const lower = text.toLowerCase();
  return OTHER_SPACE.test(lower) ? lower.replace(/\s+/g, ' ') : lower;
}

class ArticleBuilder {
  title = '';
  url: string | null = null;
  siteName: string | null = null;
  agency: string | null = null;
  readonly paragraphs: Array<{ text: string; kind: Paragraph['kind'] }> = [];
  readonly captions: string[] = [];
  readonly authors: string[] = [];
  readonly stamps: DateEvidence[] = [];
  readonly seen = new Set<string>();
  readonly warnings: string[] = [];
  repaired = 0;
  lost = 0;
  droppedChrome = 0;
  droppedRepeats = 0;
  part: number | null = null;
  /** How sure the segmenter is of this article's start and end (1 = certain), see `RawArticle.boundaryConfidence`. */
  boundaryConfidence = 1;

  chars = 0;

  /** Paragraphs that are not subheads, counted as they are added. */
  bodyParagraphs = 0;
  /** The first `OPENING_PARAGRAPHS` of them as `paragraphKey` gives them (those of 30 characters or more). */
  readonly openingKeys: string[] = [];

  /** The headline as its line read (site suffix included) and what the classifier said of it (null: unscored). */
  titleLine = '';
  titleScores: LineScores | null = null;
  /**
   * A learned cut below the cut threshold (see `SegmentOptions.candidateMin`): the line is taken for a headline only
   * until the next line shows whether it was one; `heldConfidence` is the closed article's confidence before the cut.
   */
  provisional = false;
  /**
   * A cut the model alone took at or over the cut threshold (no rule backs it): it stands unless the second look at
   * the paragraph under it (`standsAfterAll`) finds it very unlikely.
   */
  reviewed = false;
  /**
   * A provisional headline the layout rule takes (`layoutCandidate`): asked of lines under the provisional floor (the
   * rule made them provisional) and, in training (`onCandidate`), of every provisional headline.
   */
  laidOut = false;
  heldConfidence = 1;
  /** Which decision started the article (`SegmentOptions.onArticle`; diagnostics). */
  cutBy = 'first';

  /** Content-word stems of the headline and paragraphs (`addStems`), read by the line classifier. */
  private readonly stemSet = new Set<number>();
  /** Paragraphs already in `stemSet`: the set is brought up to date only when a line needs it. */
  private stemmed = 0;

  /** The stems so far; `known` gives a paragraph's stems when its line already has them (else they are read). */
  stems(known: (text: string) => ReadonlySet<number> | undefined): ReadonlySet<number> {
    for (; this.stemmed < this.paragraphs.length; this.stemmed++) {
      const text = this.paragraphs[this.stemmed]!.text;
      const have = known(text);
      if (have) for (const s of have) this.stemSet.add(s);
      else addStems(text, this.stemSet);
    }
    return this.stemSet;
  }

  addTitleStems(text: string): void {
    addStems(text, this.stemSet);
  }

  addParagraph(text: string, kind: Paragraph['kind']): void {
    // A paragraph repeated verbatim in one article (scraper or paste artefact) is kept once. Lines arrive
    // with their white space collapsed to single spaces, so the regex runs only on text that is not.
    const key = paragraphKey(text);
    if (key.length >= 30) {
      if (this.seen.has(key)) {
        this.droppedRepeats++;
        return;
      }
      this.seen.add(key);
    }
    this.paragraphs.push({ text, kind });
    if (kind !== 'subhead' && this.bodyParagraphs++ < OPENING_PARAGRAPHS && key.length >= 30)
      this.openingKeys.push(key);
    this.chars += text.length + 2;
  }

  note(u: Unit): void {
    this.repaired += u.repaired;
    this.lost += u.lost;
  }

  isEmpty(): boolean {
    return this.title === '' && this.paragraphs.length === 0 && this.captions.length === 0;
  }

  build(origin: string, index: number): RawArticle | null {
    if (this.paragraphs.length === 0) return null;
    let text = '';
    const paragraphs: Paragraph[] = [];
    for (const p of this.paragraphs) {
      if (text.length > 0) text += '\n\n';
      paragraphs.push({ start: text.length, end: text.length + p.text.length, kind: p.kind });
      text += p.text;
    }
    const dateEvidence: DateEvidence[] = [];
    const url = this.url;
    if (url) {
      const d = dateFromUrl(url);
      if (d) dateEvidence.push(d);
    }
    dateEvidence.push(...this.stamps);
    for (const c of this.captions) dateEvidence.push(...datesInCaption(c));
    // Without a URL: a site name or dateline credit the article carries, else a photo credit naming the outlet.
    let outlet = url
      ? outletFromUrlPreferringName(url, this.siteName ?? this.agency)
      : (this.siteName ?? this.agency ?? outletFromCredits(this.captions));
    if (url && outlet && isDomainFallback(outlet, url))
      outlet = outletNameFor(outlet, [...this.captions, text]) ?? outlet;
    const warnings = [...this.warnings];
    if (this.repaired > 0) warnings.push(`mojibake repaired in ${this.repaired} place(s)`);
    if (this.lost > 0) warnings.push(`characters lost in ${this.lost} place(s) (U+FFFD or unrepairable mojibake)`);
    if (this.droppedRepeats > 0) warnings.push(`${this.droppedRepeats} repeated paragraph(s) dropped`);
    return {
      title: this.title,
      url,
      outlet,
      authors: this.authors,
      text,
      captions: this.captions,
      paragraphs,
      dateEvidence,
      origin: `${origin}#${index}`,
      warnings,
      boundaryConfidence: Math.round(this.boundaryConfidence * 100) / 100,
    };
  }
}

/**
 * Prefer the table name for a known domain, then a site name the article carries (on its Source line
 * or in its dateline credit) when it matches the domain, then the bare registrable domain.
 */
function outletFromUrlPreferringName(url: string, siteName: string | null): string | null {
  const fromUrl = outletFromUrl(url);
  if (siteName && (!fromUrl || isDomainFallback(fromUrl, url))) {
    const compact = siteName
      .toLowerCase()
      .replace(/^the\s+/, '')
      .replace(/[^a-z0-9]/g, '');
    if (compact.length >= 3 && (fromUrl ?? '').replace(/[^a-z0-9]/g, '').includes(compact)) return siteName;
  }
  return fromUrl ?? siteName;
}

/**
 * An article no URL, stamp or caption dates to the day, whose text states its day without the year (a
 * yearless dateline, a weekday-date pair): dated by `resolveYearless` with the years of its own evidence
 * and text first, then of the dump's latest articles. Then the article's dates join the dump's.
 */
function dateFromOwnText(article: RawArticle, dumpDates: string[]): void {
  const ev = article.dateEvidence;
  const dated = ev.some((e) => e.precision === 'day' && e.from !== 'text');
  if (!dated && !article.published) {
    const mentions = yearlessDays(article.text.slice(0, 20_000));
    const own = [...ev.map((e) => e.value), ...yearsIn(article.text)];
    const byDateline = mentions.filter((m) => m.weekday === null);
    // A dateline says the day the story was filed; weekday pairs say days it reports (the latest one counts,
    // as with full dates in the text), and only when the text writes no full date itself.
    let found: DateEvidence | null = null;
    for (const m of byDateline) found ??= resolveYearless(m, own) ?? resolveYearless(m, dumpDates);
    if (!found && fullDates(article.text.slice(0, 20_000), 'text').length === 0) {
      for (const m of mentions) {
        if (m.weekday === null) continue;
        const r = resolveYearless(m, own) ?? resolveYearless(m, [...own, ...dumpDates]);
        if (r && (!found || r.value > found.value)) found = r;
      }
    }
    if (found) {
      ev.push(found);
      article.published = { value: found.value, precision: 'day', from: 'text' };
    }
  }
  for (const e of ev) if (e.precision !== 'year' && e.from !== 'caption') dumpDates.unshift(e.value);
  dumpDates.splice(5);
}

/** Four-digit years (1990–2039) written in a text, as `YYYY` hints. */
function yearsIn(text: string): string[] {
  const out = new Set<string>();
  for (const m of text.slice(0, 20_000).matchAll(/\b(?:199\d|20[0-3]\d)\b/g)) out.add(m[0]);
  return [...out];
}

/** A paragraph's first sentence (its first 300 characters at most). */
function firstSentence(text: string): string {
  const head = text.slice(0, 300);
  const m = /[.!?]["”’']?(?=\s+["“‘']?\p{Lu})/u.exec(head);
  return m ? head.slice(0, m.index + 1) : head;
}

/** First sentence (≤ 100 chars) of a paragraph, for articles that arrive without a headline. */
function titleFromParagraph(text: string): string {
  const m = /^.{10,}?[.!?](?=\s|$)/u.exec(text);
  const sentence = m ? m[0] : text;
  return sentence.length <= 100 ? sentence : `${sentence.slice(0, 97).replace(/\s+\S*$/, '')}…`;
}

/** What the line classifier says about a line, summed over the labels that lead to one decision. */
interface LineScores {
  headline: number;
  /** Caption or credit. */
  caption: number;
  chrome: number;
  subhead: number;
  /** Body or standfirst. */
  body: number;
  /** A date line of the page ("April 27, 2016 4:30 PM"). */
  stamp: number;
}

/** A speaker's label in capitals opening a line of a transcript ("NAME: …", "MR. NAME: …"). */
const SPEAKER_TURN = /^\p{Lu}[\p{Lu}.'’-]+(?: \p{Lu}[\p{Lu}.'’-]+)?: /u;

/**
 * A line that carries the site's name after a bar ("Headline | The Outlet"): a page's title, the form of a headline,
 * never of a photo caption (so the model's caption reading does not take it; such a line is also never displaced).
 */
function carriesSiteName(text: string): boolean {
  if (!text.includes('|') && !text.includes('::')) return false;
  const site = splitTitleSuffix(text).site;
  // A photo credit after a bar ("… at dawn | Getty Images", "… | AP Photo") is a caption's, not a site's name; an
  // agency's name alone ("… | Reuters") is the site of its own pages.
  return site !== null && !PHOTO_CREDIT.test(site);
}

/** Words only a picture's credit carries. */
const PHOTO_CREDIT = /photo|image|picture|getty|©|credit/i;

/** Past-tense reported speech: prose, where a headline writes "says". */
const REPORTED_SPEECH = /\b(?:said|told|according to|added)\b/i;

/**
 * The learned cut's thresholds when the model file carries none (`LineModelFile.cut`, chosen by cross-validation
 * over the train articles by `npm run train:lines`): a line over at least one body paragraph starts a new article
 * at this headline probability, or at `RULE_BACKED_MIN` when the hand-written headline rule takes it too.
 */
const HEADLINE_MIN = 0.35;
/** A line at this headline probability, under the cut threshold, is a headline until the next line says otherwise. */
const CANDIDATE_MIN = 0.35;
/** The first line after a Source line or at the start of input is its article's headline at this probability. */
const FIRST_LINE_HEADLINE_MIN = 0.5;
const CAPTION_MIN = 0.5;
const CHROME_MIN = 0.8;
/** A line with at least this headline probability that was not taken as a boundary lowers the article's confidence. */
const UNCERTAIN_MIN = 0.3;
/** A line the rules take for a headline is one when the model gives it at least this. */
const RULE_BACKED_MIN = 0.05;
const LEARNED_MAX_WORDS = 30;
/** The longest line a restarted story's headline may be (a lead's first sentence runs longer). */
const RESTART_MAX_WORDS = 20;
/** The highest boundary confidence a learned cut reports (below the certainty of a Source line). */
const LEARNED_CUT_MAX = 0.99;

/** What a caller may set instead of the committed model and its cut (cross-validation trains its own). */
export interface SegmentOptions {
  /** The line classifier (null: rules alone); the committed one when absent. */
  model?: LineModel | null;
  /** Headline probability at which a learned cut is taken; else the model's own, else `HEADLINE_MIN`. */
  headlineMin?: number;
  /** Headline probability at which a line the rules take for a headline is cut; else the model's, else `RULE_BACKED_MIN`. */
  ruleBackedMin?: number;
  /**
   * Headline probability at which a line is taken for a headline provisionally (below `headlineMin`): kept only when
   * a likelier headline follows right under it (it was that headline's caption or the last paragraph before), else
   * given back to the article before as a paragraph. Else the model's, else `CANDIDATE_MIN`.
   */
  candidateMin?: number;
  /**
   * The second look at a provisional headline, when the paragraph under it arrives (`boundary-model.ts`): the cut
   * stands when it says so, else it is undone. The committed one when absent; null: every such cut is undone.
   */
  boundary?: BoundaryModel | null;
  /**
   * Whether a line laid out as a headline (see `layoutCandidate`) under the provisional floor is a provisional headline
   * all the same; else the boundary scorer's setting (`BoundaryModel.layoutCandidates`).
   */
  layoutCandidates?: boolean;
  /**
   * Training only: called with the features and line of each provisional headline and each cut the model alone took
   * (`learnedCut`), when the paragraph under it arrives; `laidOut`: a provisional headline the layout rule takes.
   */
  onCandidate?: (features: number[], headlineLine: string, learnedCut: boolean, laidOut: boolean) => void;
  /**
   * Diagnostics: called with each article emitted and the decision that started it — `first` (input start or after a
   * Source line), `rule` (rules without the model), `rule-backed`, `dateline`, `restart`, `model` (a cut over the
   * threshold with no second look), `model-alone` (reviewed by the veto scorer), `provisional` (kept by the keep
   * scorer), `layout` (kept by the layout scorer), `part`; `+caption` / `+back` when a likelier headline displaced it.
   */
  onArticle?: (article: RawArticle, cutBy: string) => void;
}

/** The words a line laid out as a headline may have (a lead's first sentence runs longer). */
const LAYOUT_MAX_WORDS = 20;
/** The words the paragraph under it needs: a lead, not a second short line. */
const LEAD_MIN_WORDS = 15;
/** Attributes of prose that headline writing drops (`ownAttributes`): see `headlineWording`. */
const PROSE_SIGNS = new Set(['fa', 'said', 'pastaux', 'ed1', 'ed2', 'pron1', 'pron2', 'nt', 'R:signoff']);

/**
 * A line worded as a headline, read from its attributes: in title case (which running prose never is), or in
 * headlinese — no first word pointing back to what came before, no pronoun of its own voice, no past tense or past
 * auxiliary, no contraction, no reported speech in the past tense (a headline writes "says" and the present tense
 * for what happened), no sign-off.
 */
function headlineWording(own: readonly string[]): boolean {
  if (own.includes('tc1') || own.includes('tc.75')) return true;
  for (const a of own) if (PROSE_SIGNS.has(a)) return false;
  return true;
}

/**
 * Split a dump into articles. `origin` names the input (file path) and prefixes each article's origin.
 */
export async function* segmentDump(
  lines: AsyncIterable<string>,
  origin: string,
  options: SegmentOptions = {},
): AsyncGenerator<RawArticle> {
  let cur: ArticleBuilder | null = null;
  let expectingHeadline = true;
  let pendingCaptions: string[] = [];
  let index = 0;
  let previousText = '';

  const window: Unit[] = [];
  const iterator = units(lines)[Symbol.asyncIterator]();
  let done = false;
  const fill = async (): Promise<void> => {
    while (!done && window.length < 3) {
      const r = await iterator.next();
      if (r.done) done = true;
      else window.push(r.value);
    }
  };

  // Outlet names learned in this dump: one article's credit or site name names its domain for the others.
  const outletNames = new Map<string, string>();
  // Dates of the latest articles of this dump: the year a yearless dateline or weekday pair may take.
  const dumpDates: string[] = [];
  // The article a learned cut has just closed, held back until the new one has a paragraph: when the line taken for
  // the new headline proves to be its last paragraph (a likelier headline follows right under it), it goes back.
  let held: ArticleBuilder | null = null;
  function* flushHeld(): Generator<RawArticle> {
    if (!held) return;
    const h = held;
    held = null;
    yield* emit(h);
  }
  /**
   * A provisional headline that no likelier one displaced, over no paragraph yet: it was a paragraph of the article
   * before after all (the cut is undone; what stood under it goes to that article too).
   */
  const undoProvisional = (reviewedToo = false): void => {
    const b = cur;
    if (!(b?.provisional || (reviewedToo && b?.reviewed)) || !held || b.paragraphs.length > 0) return;
    const h = held;
    held = null;
    h.addParagraph(stripChromeSuffix(b.titleLine), 'body');
    h.captions.push(...b.captions);
    h.authors.push(...b.authors);
    h.stamps.push(...b.stamps);
    h.warnings.push(...b.warnings);
    h.repaired += b.repaired;
    h.lost += b.lost;
    h.droppedChrome += b.droppedChrome;
    const p = b.titleScores?.headline ?? 0;
    h.boundaryConfidence = p >= UNCERTAIN_MIN ? Math.min(b.heldConfidence, 1 - p) : b.heldConfidence;
    cur = h;
    lastBuilder = h;
  };
  function* close(): Generator<RawArticle> {
    undoProvisional();
    yield* flushHeld();
    if (cur) yield* emit(cur);
    cur = null;
  }
  function* emit(b: ArticleBuilder): Generator<RawArticle> {
    const article = b.build(origin, index);
    if (article) {
      index++;
      dateFromOwnText(article, dumpDates);
      options.onArticle?.(article, b.cutBy);
      if (article.url) {
        const domain = outletFromUrl(article.url);
        if (domain && isDomainFallback(article.outlet, article.url))
          article.outlet = outletNames.get(domain) ?? article.outlet;
        else if (domain && article.outlet && isDomainFallback(domain, article.url))
          outletNames.set(domain, article.outlet);
      }
      yield article;
    }
  }

  const start = (title: string, u: Unit | null): ArticleBuilder => {
    const b = new ArticleBuilder();
    const split = splitTitleSuffix(title);
    b.title = split.title;
    b.siteName = split.site;
    b.addTitleStems(title);
    b.titleLine = title;
    lastBuilder = b;
    if (u) b.note(u);
    b.captions.push(...pendingCaptions);
    pendingCaptions = [];
    return b;
  };

  // The learned line classifier (null when its model file is missing: rules alone then).
  const model = options.model === undefined ? lineModel() : options.model;
  const headlineMin = options.headlineMin ?? model?.cut?.headlineMin ?? HEADLINE_MIN;
  const ruleBackedMin = options.ruleBackedMin ?? model?.cut?.ruleBackedMin ?? RULE_BACKED_MIN;
  const boundary = options.boundary === undefined ? (model ? boundaryModel() : null) : options.boundary;
  // The provisional floor goes with the scorer that reviews what it lets in (chosen with it), else the line model's.
  const candidateMin = Math.min(
    headlineMin,
    options.candidateMin ?? boundary?.candidateMin ?? model?.cut?.candidateMin ?? CANDIDATE_MIN,
  );
  const layoutCandidates =
    (boundary !== null || options.onCandidate !== undefined) &&
    (options.layoutCandidates ?? boundary?.layoutCandidates ?? false);
  const labelIndex = (label: string): number => (model ? model.indexOf(label) : -1);
  const labelAt = {
    headline: labelIndex('headline'),
    caption: labelIndex('caption'),
    credit: labelIndex('credit'),
    chrome: labelIndex('chrome'),
    subhead: labelIndex('subhead'),
    body: labelIndex('body'),
    standfirst: labelIndex('standfirst'),
    stamp: labelIndex('stamp'),
  };
  const attrs = new Map<string, LineAttributes>();
  const own = (l: LineView): LineAttributes => {
    let a = attrs.get(l.text);
    if (!a) {
      if (attrs.size > 64) attrs.clear();
      a = lineAttributes(l.text);
      attrs.set(l.text, a);
    }
    return a;
  };
  const viewOf = (x: Unit | undefined, after: Unit | undefined): LineView | null =>
    x ? { text: x.text, blankBefore: x.blankBefore, blankAfter: after?.blankBefore ?? true } : null;
  let lastView: LineView | null = null;
  let beforeLastView: LineView | null = null;
  // The article being built, else the one last closed: the classifier reads its stems.
  let lastBuilder: ArticleBuilder | null = null;
  const knownStems = (text: string): ReadonlySet<number> | undefined => attrs.get(text)?.stems;
  const lastStems = (): ReadonlySet<number> => lastBuilder!.stems(knownStems);
  const stemsOfText = (t: string): ReadonlySet<number> => {
    const have = attrs.get(t)?.stems;
    if (have) return have;
    const out = new Set<number>();
    addStems(t, out);
    return out;
  };
  /**
   * Whether a line's content words are more of the article `before` than of the current line and the two after it
   * (a story goes on in its own words; a new one starts in others).
   */
  const readsOn = (line: string, before: ArticleBuilder): boolean => {
    const own = stemsOfText(line);
    if (own.size === 0) return false;
    const previous = before.stems(knownStems);
    const following = [lastView!.text, window[0]?.text, window[1]?.text]
      .filter((t): t is string => t !== undefined)
      .map(stemsOfText);
    let back = 0;
    let on = 0;
    for (const w of own) {
      if (previous.has(w)) back++;
      if (following.some((f) => f.has(w))) on++;
    }
    return back > on;
  };

  /**
   * Whether a provisional headline `b` is one after all, read from the first paragraph under it (`para`) and the
   * line after that, against the running article `before` (see `boundary-model.ts`).
   */
  const standsAfterAll = (
    b: ArticleBuilder,
    before: ArticleBuilder,
    para: LineView,
    known: LineAttributes | undefined,
  ): boolean => {
    if (!b.titleScores) return false;
    if (!boundary && !options.onCandidate) return b.reviewed;
    const a = known ?? own(para);
    const last = before.paragraphs[before.paragraphs.length - 1];
    const x = candidateFeatures({
      headline: b.titleScores.headline,
      caption: b.titleScores.caption,
      subhead: b.titleScores.subhead,
      body: b.titleScores.body,
      headlineQuestion: /\?["”’']?$/.test(b.titleLine),
      headlineWords: wordCount(b.titleLine, 30),
      headlineOwn: (attrs.get(b.titleLine) ?? lineAttributes(b.titleLine)).own,
      headlineStems: stemsOfText(b.titleLine),
      headlineEndsPeriod: /[.]$/.test(b.titleLine),
      paragraphStems: stemsOf(a),
      paragraphNames: nameStemsOf(a),
      paragraphOwn: a.own,
      paragraphWords: wordCount(para.text, 60),
      paragraphOpensWithName: opensWithName(para.text),
      paragraphReportsSpeech: REPORTED_SPEECH.test(firstSentence(para.text)),
      nextStems: window[0] ? stemsOfText(window[0].text) : null,
      runningStems: before.stems(knownStems),
      lastParagraphStems: last ? stemsOfText(last.text) : new Set(),
      runningParagraphs: before.bodyParagraphs,
      bylineOrStamp: b.authors.length > 0 || b.stamps.length > 0,
      paragraphLead: leadOf(a),
    });
    options.onCandidate?.(x, b.titleLine, b.reviewed, b.laidOut);
    if (!boundary) return b.reviewed;
    return b.reviewed ? !boundary.vetoes(x) : boundary.keeps(x, b.laidOut && b.titleScores.headline < candidateMin);
  };

  for (;;) {
    await fill();
    const u = window.shift();
    if (!u) break;
    if (held && cur && cur.paragraphs.length > 0) yield* flushHeld();
    const text = u.text;
    // Rule answers already in the line's attributes (built when it was the previous line's neighbour) are reused.
    const view: LineView = { text, blankBefore: u.blankBefore, blankAfter: window[0]?.blankBefore ?? true };
    // A short line the classifier may score has its attributes built now, so the rules below read them
    // instead of running once here and again for the model.
    const known =
      attrs.get(text) ?? (model && wordCount(text, LEARNED_MAX_WORDS) <= LEARNED_MAX_WORDS ? own(view) : undefined);
    const prevView = lastView;
    const prev2View = beforeLastView;
    beforeLastView = lastView;
    lastView = view;
    // The caption rule, read from the line's attributes when they were built (as a neighbour's), else asked.
    const ruleCaption = (): boolean => {
      const a = known ?? attrs.get(text);
      return a ? a.caption : isCaption(text);
    };
    let scored: LineScores | null | undefined;
    const scores = (): LineScores | null => {
      if (scored !== undefined) return scored;
      if (!model) return (scored = null);
      const features = lineFeatures(
        view,
        prevView,
        viewOf(window[0], window[1]),
        viewOf(window[1], window[2]),
        own,
        prev2View,
        lastBuilder ? lastStems : null,
        lastBuilder ? lastBuilder.paragraphs.length : -1,
      );
      const p = model.probabilities(features);
      const at = (i: number): number => (i < 0 ? 0 : (p[i] ?? 0));
      scored = {
        headline: at(labelAt.headline),
        caption: at(labelAt.caption) + at(labelAt.credit),
        chrome: at(labelAt.chrome),
        subhead: at(labelAt.subhead),
        body: at(labelAt.body) + at(labelAt.standfirst),
        stamp: at(labelAt.stamp),
      };
      return scored;
    };

    const source = known && !known.source ? null : parseSourceLine(text);
    if (source && (cur || source.urlText)) {
      let urlText = source.urlText;
      // A URL broken over following lines of the same block.
      while (urlText && window[0] && !window[0].blankBefore && isUrlContinuation(window[0].text)) {
        urlText += window.shift()!.text;
        await fill();
      }
      undoProvisional();
      if (cur) {
        const url = urlText ? cleanUrl(urlText) : null;
        if (urlText && !url) cur.warnings.push(`unreadable source URL: ${urlText.slice(0, 200)}`);
        cur.url = url;
        cur.siteName = source.siteName ?? cur.siteName;
        yield* close();
      }
      expectingHeadline = true;
      previousText = text;
      continue;
    }

    const stamps = cur && !expectingHeadline ? parseStampLines(text) : null;
    if (stamps && cur) {
      for (const st of stamps) {
        for (const d of fullDates(st.text, 'metadata')) cur.stamps.push({ ...d, kind: st.kind, evidence: text });
      }
      previousText = text;
      continue;
    }
    // A bare date line under the headline ("April 27, 2016 4:30 PM"): the page's stamp, when the model says so.
    if (cur && !expectingHeadline && wordCount(text) <= 12 && /\d{4}/.test(text)) {
      const learnedStamp = scores();
      const dates = learnedStamp && learnedStamp.stamp >= 0.5 ? fullDates(text, 'metadata') : [];
      if (dates.length > 0) {
        for (const d of dates) cur.stamps.push({ ...d, kind: 'published', evidence: text });
        previousText = text;
        continue;
      }
    }
    const byline = cur && !expectingHeadline && cur.bodyParagraphs <= 2 ? parseByline(text) : null;
    if (byline && cur) {
      cur.authors.push(...byline);
      previousText = text;
      continue;
    }

    if (known ? known.chrome : isChrome(text)) {
      if (cur) {
        cur.droppedChrome++;
        // "This article was updated on 13 September 2017": the page's own stamp, kept as dated evidence.
        if (/\b(?:updated|amended|published|posted)\b/i.test(text))
          for (const d of fullDates(text, 'metadata'))
            cur.stamps.push({ ...d, kind: /published|posted/i.test(text) ? 'published' : 'updated', evidence: text });
      }
      previousText = text;
      continue;
    }

    // Compared with bounds up to 60 words only.
    const words = wordCount(text, 60);
    // Learned decisions are about lines of at most 30 words (headlines, captions without a credit,
    // subheads, chrome); longer lines are left to the rules, unscored.
    const learned = words <= LEARNED_MAX_WORDS ? scores() : null;
    if (learned && learned.chrome >= CHROME_MIN && words <= 15) {
      if (cur) cur.droppedChrome++;
      previousText = text;
      continue;
    }

    // A photo caption pasted above an article's headline ("A military parade in <City> in <May>"): a caption names
    // the picture's place and when; an article has one headline, and a line of a headline's shape standing alone right
    // under it, over a lead, is the headline. A short line without a final period, with a place after "in"/"at" and a
    // month or weekday standing alone, over such a line, is the caption.
    const captionOverHeadline = (t: string, a: LineAttributes): boolean => {
      if (words > LAYOUT_MAX_WORDS || /[.!?:]["”’']?$/.test(t)) return false;
      if (!a.own.includes('inplace') || !namesWhen(t)) return false;
      const next = window[0];
      const after = window[1];
      if (!next?.blankBefore || !after?.blankBefore) return false;
      if (wordCount(next.text, LAYOUT_MAX_WORDS + 1) > LAYOUT_MAX_WORDS || /[.!?:]["”’']?$/.test(next.text))
        return false;
      return isHeadlineShaped(next.text) && wordCount(after.text, LEAD_MIN_WORDS) >= LEAD_MIN_WORDS;
    };
    if (expectingHeadline || !cur) {
      const shaped = isHeadlineShaped(text);
      const ruledHeadline = shaped && !/[.]$/.test(text);
      // A line over a credit in the same block is that picture's caption unless the model reads it as the headline.
      const next = window[0];
      const overCredit =
        next !== undefined &&
        !next.blankBefore &&
        isCaptionBeforeCredit(text, next.text, attrs.get(next.text)?.credit ?? isCreditOnly(next.text)) &&
        !(learned && learned.headline >= headlineMin && learned.headline > learned.caption);
      if (
        ruleCaption() ||
        overCredit ||
        captionOverHeadline(text, known ?? own(view)) ||
        (!ruledHeadline &&
          learned &&
          learned.caption >= CAPTION_MIN &&
          learned.caption > learned.headline &&
          words <= 60)
      ) {
        pendingCaptions.push(text);
        continue;
      }
      // The first line of an article that is neither caption nor chrome is its headline when it has a headline's
      // shape and a blank line under it, whether or not it ends in a period, unless it reports speech in the past
      // tense as prose does ("…, officials said on Tuesday").
      if (
        ruledHeadline ||
        (learned && learned.headline >= FIRST_LINE_HEADLINE_MIN && words <= 40) ||
        (shaped && (next?.blankBefore ?? true) && !REPORTED_SPEECH.test(text))
      ) {
        cur = start(text, u);
        cur.titleScores = learned;
      } else {
        cur = start(titleFromParagraph(text), u);
        cur.warnings.push('no headline found: title taken from the first sentence');
        cur.addParagraph(stripChromeSuffix(text), 'body');
      }
      expectingHeadline = false;
      previousText = text;
      continue;
    }

    let b: ArticleBuilder = cur;
    if (b.chars > MAX_ARTICLE_CHARS) {
      // A runaway article: close it and go on in a continuation, so nothing is lost and memory stays bounded.
      const part = (b.part ?? 1) + 1;
      const title = b.title.replace(/ \(part \d+\)$/, '');
      b.warnings.push(`article longer than ${MAX_ARTICLE_CHARS} characters: continued as part ${part}`);
      yield* close();
      cur = b = start(`${title} (part ${part})`, null);
      b.part = part;
      b.cutBy = 'part';
    }
    b.note(u);
    // A line the headline rule takes, standing alone over a paragraph that opens with a dateline. A transcript's turn
    // ("NAME: Do you …") over the next one ("OTHER: I …", which reads as a dateline with a colon) is not one.
    const headlineOverDateline = (): boolean =>
      u.blankBefore &&
      !SPEAKER_TURN.test(text) &&
      (window[0]?.blankBefore ?? true) &&
      window[0] !== undefined &&
      parseDateline(window[0].text) !== null &&
      startsNewArticle(text, {
        bodyParagraphs: b.bodyParagraphs,
        next: window[0].text,
        nextNext: window[1]?.text ?? null,
        previousEndedSentence: endsSentence(previousText),
      });
    // A line of a headline's shape and length (a final period allowed, as some outlets write headlines) standing alone
    // over a paragraph that repeats one of the running article's two opening paragraphs word for word: the story
    // restarts (an article does not go back to its opening under a headline; a second version of the story pasted
    // after the first does). A rule cut: the second look, trained on stories told in their own words, reads shared
    // words as more of the same story, and the line model reads such a line as prose.
    const restartsStory = (): boolean => {
      const next = window[0];
      if (!u.blankBefore || !next?.blankBefore || b.bodyParagraphs < 2 || words > RESTART_MAX_WORDS) return false;
      if (SPEAKER_TURN.test(text) || startsWithTimestamp(text) || parseByline(text)) return false;
      return b.openingKeys.includes(paragraphKey(next.text)) && isHeadlineShaped(text.replace(/(?<!\.)\.$/, ''));
    };
    // How news is laid out, for a headline the line model reads as prose (one ending in a period, over a lead in the
    // words of the article before): a line standing alone, worded as a headline (`headlineWording`), of a headline's
    // shape and length (a final period allowed), after two paragraphs or more of the running article, right over a
    // paragraph of a lead's length. A provisional headline whatever the line model says: the second look reads the
    // paragraph under it. Not a speaker's turn, a time stamp, a byline or a reporting credit.
    const layoutCandidate = (): boolean => {
      if (!layoutCandidates || !u.blankBefore || b.bodyParagraphs < 2) return false;
      if (words < 3 || words > LAYOUT_MAX_WORDS) return false;
      const next = window[0];
      if (!next?.blankBefore || wordCount(next.text, LEAD_MIN_WORDS) < LEAD_MIN_WORDS) return false;
      if (SPEAKER_TURN.test(text) || startsWithTimestamp(text) || isReportingCredit(text) || parseByline(text))
        return false;
      return headlineWording((known ?? own(view)).own) && isHeadlineShaped(text.replace(/(?<!\.)\.$/, ''));
    };
    // A caption describes what its picture shows, in the present tense; a line that reports what someone said in the
    // past tense ("Analysts said …", "…, officials told reporters") is prose, whatever the model reads (a story's last
    // paragraph right over the next headline reads to it like a caption pasted there), and is never taken out of the
    // body as a caption on the model's word alone.
    // A line over a credit line is that picture's caption, unless the model reads it as the next article's headline
    // (a picture between a headline and its lead, its caption left out, shows only its credit) or, when a blank line
    // parts them, as more body than caption (a paragraph over a credit whose caption was lost; a caption and its
    // credit stand in one block).
    const learnedHeadline =
      learned !== null &&
      u.blankBefore &&
      b.bodyParagraphs >= 1 &&
      learned.headline >= headlineMin &&
      learned.headline > learned.caption;
    if (
      ruleCaption() ||
      (!learnedHeadline &&
        (!learned || learned.caption >= learned.body || window[0]?.blankBefore === false) &&
        isCaptionBeforeCredit(
          text,
          window[0]?.text ?? null,
          window[0] ? (attrs.get(window[0].text)?.credit ?? isCreditOnly(window[0].text)) : false,
        )) ||
      (learned &&
        learned.caption >= CAPTION_MIN &&
        learned.caption > learned.body &&
        learned.caption > learned.headline &&
        words <= 60 &&
        !known?.own.includes('said') &&
        !headlineOverDateline() &&
        !restartsStory() &&
        !carriesSiteName(text))
    ) {
      b.captions.push(text);
      continue;
    }
    // Two headline-like lines with nothing between them: an article has one headline, and a headline is followed
    // by its article, not by another headline. When this line is the likelier headline, the line taken for one
    // was one of three things. A photo caption or kicker pasted above it ("A military parade in <City> in
    // <Month>"), which the model reads as more caption than body: it goes to the captions (kept with the article).
    // The last paragraph of the article before, when a learned cut took it and its words are more of that article
    // than of the lines that follow (a story goes on in its own words): it goes back to that article. Else it is
    // the headline and this line its standfirst (a deck), which a paragraph follows. A line that carries the
    // site's name after a bar is a headline by its own shape and is never displaced (a standfirst without a
    // period may follow it).
    const displaced =
      learned &&
      u.blankBefore &&
      b.paragraphs.length === 0 &&
      b.titleScores &&
      b.siteName === null &&
      learned.headline >= headlineMin &&
      learned.headline > b.titleScores.headline &&
      words <= 40
        ? b.titleScores.caption > b.titleScores.body
          ? 'caption'
          : held && (b.provisional || readsOn(b.titleLine, held))
            ? 'back'
            : null
        : null;
    if (learned && displaced) {
      if (options.onArticle) b.cutBy += `+${displaced}`;
      if (displaced === 'caption') b.captions.push(b.titleLine);
      else {
        held!.addParagraph(stripChromeSuffix(b.titleLine), 'body');
        b.boundaryConfidence = Math.min(learned.headline, LEARNED_CUT_MAX);
      }
      const split = splitTitleSuffix(text);
      b.title = split.title;
      b.siteName = split.site ?? b.siteName;
      b.titleLine = text;
      b.titleScores = learned;
      b.provisional = false;
      b.reviewed = false;
      b.laidOut = false;
      b.addTitleStems(text);
      previousText = text;
      continue;
    }
    const standalone = u.blankBefore && (window[0]?.blankBefore ?? true);
    // The model reads the lines around (a byline or stamp may stand right under a headline).
    if (learned ? u.blankBefore : standalone) {
      // A headline inside an article that no Source line closed: learned when the model is there, else ruled.
      // The hand-written rule still counts when the model gives the line a fair chance of being a headline.
      // A transcript's turn ("NAME: Do you think …") is left to the model: the rule would read it as a headline.
      const ruled = (): boolean =>
        standalone &&
        !SPEAKER_TURN.test(text) &&
        startsNewArticle(text, {
          bodyParagraphs: b.bodyParagraphs,
          next: window[0]?.text ?? null,
          nextNext: window[1]?.text ?? null,
          previousEndedSentence: endsSentence(previousText),
        });
      // A line that opens with a clock time is a live blog's entry, never a new article's headline, and a reporting
      // credit ("Contributing: …") closes the article it stands in. A line the headline rule takes, over a paragraph
      // that opens with a dateline, starts one whatever the model says (neither a caption nor more of the same
      // story): a dateline opens a story's first paragraph.
      const isNew = learned
        ? b.bodyParagraphs >= 1 &&
          !startsWithTimestamp(text) &&
          (learned.headline >= candidateMin ||
            (learned.headline >= ruleBackedMin && ruled()) ||
            headlineOverDateline() ||
            restartsStory() ||
            layoutCandidate()) &&
          !isReportingCredit(text)
        : ruled() || restartsStory();
      // Under the cut threshold, and taken by neither rule: provisional (see `undoProvisional`).
      const provisional =
        isNew &&
        learned !== null &&
        learned.headline < headlineMin &&
        !(learned.headline >= ruleBackedMin && ruled()) &&
        !headlineOverDateline() &&
        !restartsStory();
      // Over the cut threshold, and taken by the model alone: reviewed (see `standsAfterAll`).
      const reviewed =
        isNew &&
        !provisional &&
        learned !== null &&
        (boundary !== null || options.onCandidate !== undefined) &&
        learned.headline >= headlineMin &&
        !(learned.headline >= ruleBackedMin && ruled()) &&
        !headlineOverDateline() &&
        !restartsStory();
      if (isNew) {
        // A learned cut is never certain, however sure the model is (1 is for Source lines and input ends).
        const confidence = learned ? Math.min(learned.headline, LEARNED_CUT_MAX) : 1;
        const before = b.boundaryConfidence;
        b.boundaryConfidence = Math.min(b.boundaryConfidence, confidence);
        // Held back until the new article has a paragraph (see `held`).
        if (learned) {
          yield* flushHeld();
          held = b;
          cur = null;
        } else yield* close();
        cur = start(text, u);
        cur.boundaryConfidence = confidence;
        cur.titleScores = learned;
        cur.provisional = provisional;
        cur.reviewed = reviewed;
        cur.laidOut =
          provisional && (learned!.headline < candidateMin || (options.onCandidate !== undefined && layoutCandidate()));
        cur.heldConfidence = before;
        if (options.onArticle)
          cur.cutBy = !learned
            ? 'rule'
            : provisional
              ? cur.laidOut && learned.headline < candidateMin
                ? 'layout'
                : 'provisional'
              : reviewed
                ? 'model-alone'
                : restartsStory()
                  ? 'restart'
                  : headlineOverDateline()
                    ? 'dateline'
                    : learned.headline >= ruleBackedMin && ruled()
                      ? 'rule-backed'
                      : 'model';
        previousText = text;
        continue;
      }
      // A line that might have been a headline: the article may hold two.
      if (learned && learned.headline >= UNCERTAIN_MIN && b.bodyParagraphs >= 1)
        b.boundaryConfidence = Math.min(b.boundaryConfidence, 1 - learned.headline);
    }
    // A paragraph under a provisional headline that no likelier one displaced: the cut stands when the second look
    // at it (this paragraph and the line after, against the running article and the headline) says so; else it
    // is undone.
    if ((b.provisional || b.reviewed) && b.paragraphs.length === 0 && held) {
      if (standsAfterAll(b, held, view, known)) b.provisional = b.reviewed = false;
      else {
        undoProvisional(true);
        b = cur!;
      }
    }
    const dateline = parseDateline(text);
    if (dateline?.agency && !b.agency && /^[\p{Lu}][\p{L}\d .&'-]{1,38}$/u.test(dateline.agency))
      b.agency = dateline.agency;

    if (
      standalone &&
      (learned ? learned.subhead >= 0.5 || (isSubhead(text) && learned.body < 0.5) : isSubhead(text)) &&
      !startsWithTimestamp(text) &&
      b.paragraphs.length > 0
    ) {
      b.addParagraph(text, 'subhead');
    } else if (
      b.paragraphs.length === 0 &&
      !dateline &&
      window[0] &&
      parseDateline(window[0].text) &&
      wordCount(text) <= 60
    ) {
      b.addParagraph(stripChromeSuffix(text), 'standfirst');
    } else {
      b.addParagraph(stripChromeSuffix(text), 'body');
    }
    previousText = text;
  }
  yield* close();
}

/** Convenience for tests and small inputs: segment a whole string. */
export async function segmentText(text: string, origin = 'text', options: SegmentOptions = {}): Promise<RawArticle[]> {
  async function* lines(): AsyncGenerator<string> {
    for (const l of text.split('\n')) yield l;
  }
  const out: RawArticle[] = [];
  for await (const a of segmentDump(lines(), origin, options)) out.push(a);
  return out;
}
