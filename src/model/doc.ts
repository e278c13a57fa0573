/**
 * The one document model. A `Doc` owns the article text; every layer is a list of stand-off
 * annotations pointing into `Doc.text` by UTF-16 offsets (end-exclusive), so that
 * `doc.text.slice(a.start, a.end) === a.text` holds for every annotation that carries text.
 * Stages add layers; they never re-parse each other's strings.
 */

/** A character range into `Doc.text`: UTF-16 indices, end-exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** A span that also carries its surface text (`text === doc.text.slice(start, end)`). */
export interface TextSpan extends Span {
  text: string;
}

export type Precision = 'day' | 'month' | 'year';

/** Where a document date came from, most trusted first. */
export type DateSource = 'url' | 'metadata' | 'caption' | 'text' | 'story';

/** A calendar date as precise as the evidence allows: `YYYY-MM-DD`, `YYYY-MM` or `YYYY`. */
export interface DateValue {
  value: string;
  precision: Precision;
}

/** A dated clue about when the article was written, collected by ingest/segment and weighed by the time stage. */
export interface DateEvidence extends DateValue {
  from: DateSource;
  /** For page metadata: whether the stamp says when the article was first published or last updated. */
  kind?: 'published' | 'updated';
  /** The text the date was read from (a URL, a caption, a dateline…), for provenance. */
  evidence: string;
}

export interface DocumentDate extends DateValue {
  from: DateSource;
}

/**
 * The local days at a story's dateline place that its publisher's date allows (a Seoul story stamped with a
 * US day may be from the next Seoul day): `from`/`to` are `YYYY-MM-DD`, `zone` an IANA time zone.
 */
export interface LocalDays {
  place: string;
  zone: string;
  from: string;
  to: string;
}

/** Where a fact's date comes from: an expression of its sentence, one carried from the sentence before, the article's anchor. */
export type FactDateSource = 'sentence' | 'carried' | 'anchor';

/** The two dates of a fact: when it happened or was said, and when the article reported it. */
export interface FactDate {
  date: DateValue | null;
  /** null when `date` is null. */
  dateFrom: FactDateSource | null;
  /** The days `date` spans when the expression names a span (a week, a weekend): `YYYY-MM-DD` both. */
  range: { start: string; end: string } | null;
  /** The article's date (publication, else anchor). */
  reported: DateValue | null;
}

export interface Paragraph extends Span {
  kind: 'body' | 'subhead' | 'standfirst';
}

export interface Sentence extends Span {}

export interface Token extends TextSpan {
  /** Index of the sentence this token belongs to. */
  sentence: number;
}

export type EntityType = 'PERSON' | 'ORG' | 'GPE' | 'LOC' | 'NORP' | 'MISC';

/** A named-entity mention in the article text. */
export interface EntityMention extends TextSpan {
  type: EntityType;
  /**
   * The actor this mention stands for, as a stable key ("country:USA", "person:emmanuel macron",
   * "org:nato"); null until the language stage links it. Cross-article resolution maps keys to entities.
   */
  actorKey: string | null;
  /** Canonical display name for the actor ("United States", "Emmanuel Macron"). */
  canonical: string | null;
  /** Role or title written with the name ("President", "spokesman"). */
  role?: string | null;
  /** Actor key of the affiliation written with the name ("country:FRA" for "Elysee spokesman …"). */
  affiliation?: string | null;
  /** A place name used as an actor ("Moscow denied") rather than as a location ("talks in Moscow"). */
  metonym?: boolean;
  /**
   * CAMEO-style actor code set by the language stage: ISO alpha-3 plus sector ("USAGOV", "PRKMED"), an
   * international-organization code ("IGOUNO"), a bare sector ("GOV"), or "" when unknown.
   */
  code?: string | null;
}

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';

/** A time expression with its TimeML TIMEX3 value, resolved against the document's anchor date. */
export interface Timex extends TextSpan {
  type: TimexType;
  /** TIMEX3 value: `2023-09-13`, `2023-09`, `2023-W11`, `P1M`, `PAST_REF`, `XXXX-03-09` … */
  value: string;
  /** Calendar precision of `value` when it is a calendar date, else null. */
  precision: Precision | null;
}

/** A quote or reported statement, with who said it. */
export interface Quote extends TextSpan {
  direct: boolean;
  cue: TextSpan | null;
  /** The attributing mention as written ("he", "the ministry", "Macron"), never its antecedent. */
  speaker: TextSpan | null;
  /** Canonical name of the speaker after resolution. */
  speakerName: string | null;
  /** Actor key of the speaker after resolution. */
  speakerKey: string | null;
  /** Date of the statement (from the time stage), if known. */
  date?: DateValue | null /** Where `date` comes from (see FactDate); absent on records made before it was kept. */;
  dateFrom?: FactDateSource | null;
  /** The days `date` spans, for a week or a weekend. */
  dateRange?: { start: string; end: string } | null;
  /** The article's date: when the fact was reported, apart from when it happened. */
  reported?: DateValue | null;
  /**
   * A direct quote interrupted by its attribution ("“…,” she said, “…”"): the quoted fragments, in order, each
   * from its opening to its closing mark. `start`/`end` then run from the first fragment to the last, over the
   * attribution; absent for a quote in one piece.
   */
  parts?: TextSpan[];
  /** Whom the statement was made to, when the text says so ("told reporters", "in a letter to the mayor"). */
  addressee?: TextSpan;
}

export type ClaimStance = 'asserts' | 'accuses' | 'denies' | 'questions' | 'promises' | 'threatens';

/** A normalized statement: someone asserts/accuses/denies/questions a proposition. */
export interface Claim extends Span {
  proposition: string;
  claimantKey: string | null;
  claimant: string | null;
  stance: ClaimStance;
  targetKeys: string[];
  date: DateValue | null;
  /** Where `date` comes from (see FactDate); absent on records made before it was kept. */
  dateFrom?: FactDateSource | null;
  /** The days `date` spans, for a week or a weekend. */
  dateRange?: { start: string; end: string } | null;
  /** The article's date: when the fact was reported, apart from when it happened. */
  reported?: DateValue | null;
  /** Index into `Doc.quotes` when the claim comes from a quote. */
  quote: number | null;
  /**
   * Whether the claim is worth checking: it asserts something others can check about the world (an accusation, a
   * denial, a commitment or a question put to a proposition; an assertion with a number, a named actor, or an event),
   * not a first-person opinion or feeling or an evaluation of "it" with nothing checkable in it (see
   * `quotes/claims.ts`, `checkworthy`). Absent on records made before it was kept. The claim is kept either way; the
   * ledger lists a claim that belongs to no group only when it is worth checking.
   */
  checkworthy?: boolean;
}

export const PLOVER_TYPES = [
  'AGREE',
  'CONSULT',
  'SUPPORT',
  'CONCEDE',
  'COOPERATE',
  'AID',
  'RETREAT',
  'REQUEST',
  'ACCUSE',
  'REJECT',
  'THREATEN',
  'PROTEST',
  'SANCTION',
  'MOBILIZE',
  'COERCE',
  'ASSAULT',
] as const;
export type PloverType = (typeof PLOVER_TYPES)[number];

/** An actor taking part in an event, as written in the text. */
export interface EventActor extends TextSpan {
  /** Canonical actor name. */
  name: string;
  /** CAMEO-style actor code: ISO alpha-3 plus sector ("USAGOV", "FRAMIL"), or "" when unknown. */
  code: string;
  actorKey: string | null;
}

export interface EventLocation extends TextSpan {
  name: string;
}

/** One event mention: who did what to whom, when and where, in one sentence. */
export interface EventMention {
  type: PloverType;
  mode: string | null;
  source: EventActor[];
  target: EventActor[];
  date: DateValue | null;
  /** Where `date` comes from (see FactDate); absent on records made before it was kept. */
  dateFrom?: FactDateSource | null;
  /** The days `date` spans, for a week or a weekend. */
  dateRange?: { start: string; end: string } | null;
  /** The article's date: when the fact was reported, apart from when it happened. */
  reported?: DateValue | null;
  location: EventLocation | null;
  trigger: TextSpan;
  negated: boolean;
  hypothetical: boolean;
  attributes: Record<string, unknown>;
  /** The sentence the event was read from. */
  evidence: Span;
}

/**
 * An article. `text` is the body only (paragraphs separated by blank lines); title, captions and
 * metadata live beside it. Layers are filled by the pipeline stages in order.
 */
export interface Doc {
  id: string;
  title: string;
  url: string | null;
  outlet: string | null;
  authors: string[];
  text: string;
  captions: string[];
  /** Publication date, with where it came from. */
  published: DocumentDate | null;
  /** The date relative expressions are resolved against (latest reliable date the article carries). */
  anchor: DocumentDate | null;
  /** When the anchor is the publisher's day of a story datelined elsewhere: the local days it allows (time stage). */
  localDays?: LocalDays | null;
  /** Dated clues gathered by ingest and segmentation, weighed by the time stage. */
  dateEvidence: DateEvidence[];
  /** Where the article came from: a file path, URL or record id. */
  origin: string;
  /** Notes about repairs or losses (mojibake fixed, characters lost …). */
  warnings: string[];

  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  entities: EntityMention[];
  timexes: Timex[];
  quotes: Quote[];
  claims: Claim[];
  events: EventMention[];
  /** Id of the earlier article this one is a near-duplicate of (syndicated copy, light edit), set at ingest. */
  duplicateOf?: string | null;
  /** Estimated Jaccard similarity of word shingles to `duplicateOf`. */
  similarity?: number | null;
  /** How sure dump segmentation is of this article's boundaries, 0–1 (see `RawArticle.boundaryConfidence`). */
  boundaryConfidence?: number;
}

/** What ingest and segmentation hand to the analysis pipeline. */
export interface RawArticle {
  title: string;
  url: string | null;
  outlet: string | null;
  authors?: string[];
  text: string;
  captions: string[];
  paragraphs?: Paragraph[];
  dateEvidence: DateEvidence[];
  origin: string;
  warnings: string[];
  /** An explicit publication date given by the source (JSONL field, feed item, page metadata). */
  published?: DocumentDate | null;
  /** Near-duplicate link set at ingest (see `Doc.duplicateOf`). */
  duplicateOf?: string | null;
  similarity?: number | null;
  /**
   * For articles cut out of a dump: how sure segmentation is of where the article starts and ends, 0–1
   * (1 = closed by a Source line or the end of input and no headline-like line inside). Below 1 a reader may
   * want to split or join it with a neighbour. Absent for inputs that are one article each.
   */
  boundaryConfidence?: number;
}

/**
 * A raw article that is only a text (no title, URL, outlet, captions or date evidence): what the `--jsonl`
 * commands, the benches and the tests build from one record. `extra` sets any other field.
 */
export function textArticle(text: string, origin: string, extra: Partial<RawArticle> = {}): RawArticle {
  return { title: '', url: null, outlet: null, text, captions: [], dateEvidence: [], origin, warnings: [], ...extra };
}

/**
 * The fields a raw article gets from a publication day its corpus gives ('YYYY-MM-DD', as metadata), for
 * `textArticle`'s `extra`; nothing when there is no day. `evidence` names where the day came from.
 */
export function publishedOn(date: string | null, evidence: string): Partial<RawArticle> {
  if (!date) return {};
  return {
    dateEvidence: [{ value: date, precision: 'day', from: 'metadata', kind: 'published', evidence }],
    published: { value: date, precision: 'day', from: 'metadata' },
  };
}

/** Make an empty-layered Doc from a raw article. */
export function createDoc(id: string, raw: RawArticle): Doc {
  return {
    id,
    title: raw.title,
    url: raw.url,
    outlet: raw.outlet,
    authors: raw.authors ?? [],
    text: raw.text,
    captions: raw.captions,
    published: raw.published ?? null,
    anchor: null,
    dateEvidence: raw.dateEvidence,
    origin: raw.origin,
    warnings: raw.warnings,
    paragraphs: raw.paragraphs ?? [],
    sentences: [],
    tokens: [],
    entities: [],
    timexes: [],
    quotes: [],
    claims: [],
    events: [],
    ...(raw.duplicateOf ? { duplicateOf: raw.duplicateOf, similarity: raw.similarity ?? null } : {}),
    ...(raw.boundaryConfidence !== undefined ? { boundaryConfidence: raw.boundaryConfidence } : {}),
  };
}

/** Cut a TextSpan out of a text, keeping the offset invariant. */
export function textSpan(text: string, start: number, end: number): TextSpan {
  return { start, end, text: text.slice(start, end) };
}

/**
 * What ingest hands to segmentation: either a dump (plain text holding many articles, streamed line by
 * line so huge files never sit in memory whole) or an article already separated by its source format.
 */
export type IngestItem =
  | { kind: 'dump'; origin: string; lines: AsyncIterable<string>; warnings: string[] }
  | { kind: 'article'; article: RawArticle }
  | PageItem
  | { kind: 'error'; origin: string; error: string };

/** What a source says about a page besides its HTML (a JSONL record's or feed item's fields). */
export interface PageHints {
  title?: string | null;
  published?: string | null;
  /** What the source's fields needed said about them (a dropped URL …), kept with the article. */
  warnings?: string[];
}

/**
 * An HTML page not yet extracted: main-text extraction is CPU-heavy, so it runs on the worker pool.
 * `html` is either decoded text or the raw bytes (decoded with `contentType`'s charset, `<meta charset>`, BOM …).
 */
export interface PageItem {
  kind: 'page';
  origin: string;
  url: string | null;
  html: string | Uint8Array;
  contentType?: string | null;
  hints?: PageHints;
}
