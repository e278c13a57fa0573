import type { Doc } from '../model/index.js';
import { CLAIM_STOPWORDS } from './data/stopwords.js';
import { stem } from './claim-words.js';

/**
 * What story clustering needs to know of one article, read off the layers the earlier stages wrote: its words
 * (what), its actors (who), the places it names (where), the days it is about (when) and the kinds of events it
 * reports. Counts, not weights: the clusterer weighs them with the collection's document frequencies.
 */
export interface StoryFeatures {
  id: string;
  title: string;
  /** `YYYY-MM-DD` or null. */
  published: string | null;
  outlet: string | null;
  /** Stemmed content words of title and text (the title counted twice), plus `@TYPE` for each PLOVER event type. */
  terms: Map<string, number>;
  /** Actor keys of the people, organizations and places named (`person:tara reid`, `country:USA`, `gpe:malibu`). */
  actors: Map<string, number>;
  /** Display names of those actors. */
  actorNames: Map<string, string>;
  /** Calendar days (`YYYY-MM-DD`) the text names, resolved by the time stage. */
  days: string[];
  /** Years and months the article is about (`2012`, `2012-07`): its publication date and the dates it names. */
  times: Map<string, number>;
  /**
   * Specific facts, as `slot=value`: the weekdays named (`weekday=6`) and the people named in full in the lead
   * (`person=…`), see `storyFacts`. Absent on features made without them (options that weigh no facts).
   */
  facts?: Map<string, number>;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*[\p{L}\p{N}]|[\p{L}\p{N}]/gu;

/** Stemmed content words of a text, counted. */
export function termCounts(text: string, into: Map<string, number> = new Map(), weight = 1): Map<string, number> {
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    if (w.length < 2 || CLAIM_STOPWORDS.has(w) || /^[\d.,-]+$/.test(w)) continue;
    const s = stem(w);
    into.set(s, (into.get(s) ?? 0) + weight);
  }
  return into;
}

/** The key an entity mention stands for: its resolved actor, else its type and folded surface. */
function mentionKey(type: string, actorKey: string | null, text: string): string {
  return actorKey ?? `${type.toLowerCase()}:${text.toLowerCase().replace(/\s+/g, ' ')}`;
}

/** What the features are read from: a Doc, or an article read back from the store. */
export type StorySource = Pick<Doc, 'id' | 'title' | 'text' | 'outlet' | 'published'> & {
  events: ReadonlyArray<{ type: string; negated: boolean; hypothetical: boolean }>;
  entities: ReadonlyArray<{
    type: string;
    actorKey: string | null;
    text: string;
    canonical: string | null;
    start?: number;
  }>;
  timexes: ReadonlyArray<Pick<Doc['timexes'][number], 'type' | 'value' | 'text'>>;
};

/** Characters of an article's beginning read as its lead (about its first two sentences). */
const LEAD = 400;

/** A weekday's name in a time expression's text, and the weekday (1 = Monday) of each name. */
const WEEKDAY_NAME = /\b(mon|tues|wednes|thurs|fri|satur|sun)day\b/i;
const WEEKDAY_NUMBER: Readonly<Record<string, number>> = {
  mon: 1,
  tues: 2,
  wednes: 3,
  thurs: 4,
  fri: 5,
  satur: 6,
  sun: 7,
};

/**
 * The weekday (1 = Monday … 7 = Sunday) a time expression names, else null: one whose text names a weekday
 * ("on Saturday", "last Tuesday", "Monday, 3 March") — read off its resolved day when it has one, else off the
 * name — or whose value is a weekday of no known week (`XXXX-WXX-6`). A date that names no weekday ("3 March
 * 2031", "yesterday") names none, though its day falls on one.
 */
export function namedWeekday(t: { value: string; text: string }): number | null {
  const w = /^XXXX-WXX-([1-7])/.exec(t.value);
  if (w) return Number(w[1]);
  const name = WEEKDAY_NAME.exec(t.text);
  if (!name) return null;
  const d = /^(\d{4}-\d{2}-\d{2})/.exec(t.value);
  const day = d ? Date.parse(`${d[1]}T00:00:00Z`) : Number.NaN;
  return Number.isNaN(day) ? WEEKDAY_NUMBER[name[1]!.toLowerCase()]! : ((new Date(day).getUTCDay() + 6) % 7) + 1;
}

/**
 * The specific facts of an article, as `slot=value`: the weekdays its time expressions name (`weekday=6`; a report
 * says on which day its event happened — "on Saturday" — where the years and months of the times stay silent) and
 * the people its lead names in full (`person=person:jonas berg`: the people a report is about, apart from those
 * it names further down). Weekday names are stop words to the words, so neither overlaps the other vectors much.
 */
export function storyFacts(doc: Pick<StorySource, 'timexes' | 'entities'>): Map<string, number> {
  const facts = new Map<string, number>();
  const add = (k: string): void => {
    facts.set(k, (facts.get(k) ?? 0) + 1);
  };
  for (const t of doc.timexes) {
    if (t.type !== 'DATE') continue;
    const wd = namedWeekday(t);
    if (wd !== null) add(`weekday=${wd}`);
  }
  for (const m of doc.entities)
    if (m.type === 'PERSON' && m.start !== undefined && m.start < LEAD && /\s/.test(m.text.trim()))
      add(`person=${mentionKey(m.type, m.actorKey, m.text)}`);
  return facts;
}

/**
 * Features of a Doc that went through the language and time stages (and, optionally, the events stage).
 * `facts`: read its facts too (`storyFacts`), for options that weigh them (`usesFacts`); left out otherwise.
 */
export function storyFeatures(doc: StorySource, { facts = false }: { facts?: boolean } = {}): StoryFeatures {
  const terms = termCounts(doc.title, new Map(), 2);
  termCounts(doc.text, terms);
  for (const e of doc.events) {
    if (e.negated || e.hypothetical) continue;
    const k = `@${e.type}`;
    terms.set(k, (terms.get(k) ?? 0) + 1);
  }
  const actors = new Map<string, number>();
  const actorNames = new Map<string, string>();
  for (const m of doc.entities) {
    const key = mentionKey(m.type, m.actorKey, m.text);
    actors.set(key, (actors.get(key) ?? 0) + 1);
    if (!actorNames.has(key)) actorNames.set(key, m.canonical ?? m.text);
  }
  const days = new Set<string>();
  for (const t of doc.timexes) if (t.type === 'DATE' && /^\d{4}-\d{2}-\d{2}$/.test(t.value)) days.add(t.value);
  const published = doc.published?.precision === 'day' ? doc.published.value : null;
  const times = new Map<string, number>();
  const addTime = (value: string, weight: number): void => {
    const m = /^(\d{4})(?:-(\d{2}))?/.exec(value);
    if (!m) return;
    times.set(m[1]!, (times.get(m[1]!) ?? 0) + weight);
    if (m[2]) times.set(`${m[1]}-${m[2]}`, (times.get(`${m[1]}-${m[2]}`) ?? 0) + weight);
  };
  if (doc.published) addTime(doc.published.value, 2);
  for (const t of doc.timexes) if (t.type === 'DATE') addTime(t.value, 1);
  return {
    id: doc.id,
    title: doc.title,
    published,
    outlet: doc.outlet,
    terms,
    actors,
    actorNames,
    days: [...days].sort(),
    times,
    ...(facts ? { facts: storyFacts(doc) } : {}),
  };
}
