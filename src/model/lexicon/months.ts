/**
 * English month names and their written abbreviations, lower-case. Every stage that reads dates (URLs, page
 * stamps, captions, datelines, the time grammar, the tokenizer's abbreviations) builds its words, look-ups and
 * regexes from this one table.
 */
export interface Month {
  readonly name: string;
  /** 1 = January … 12 = December. */
  readonly number: number;
  /** Abbreviations written with or without a period, longest first ("sept" before "sep"); May has none. */
  readonly abbreviations: readonly string[];
}

export const MONTHS: readonly Month[] = [
  { name: 'january', number: 1, abbreviations: ['jan'] },
  { name: 'february', number: 2, abbreviations: ['feb'] },
  { name: 'march', number: 3, abbreviations: ['mar'] },
  { name: 'april', number: 4, abbreviations: ['apr'] },
  { name: 'may', number: 5, abbreviations: [] },
  { name: 'june', number: 6, abbreviations: ['jun'] },
  { name: 'july', number: 7, abbreviations: ['jul'] },
  { name: 'august', number: 8, abbreviations: ['aug'] },
  { name: 'september', number: 9, abbreviations: ['sept', 'sep'] },
  { name: 'october', number: 10, abbreviations: ['oct'] },
  { name: 'november', number: 11, abbreviations: ['nov'] },
  { name: 'december', number: 12, abbreviations: ['dec'] },
];

/** "january" … "december". */
export const MONTH_NAMES: readonly string[] = MONTHS.map((m) => m.name);

/** "jan", "feb", …, "sept", "sep", …, "dec", in month order. */
export const MONTH_ABBREVIATIONS: readonly string[] = MONTHS.flatMap((m) => m.abbreviations);

/** The first three letters of each name ("jan" … "dec", "may" too): enough to tell the months apart. */
export const MONTH_PREFIXES: readonly string[] = MONTHS.map((m) => m.name.slice(0, 3));

const NUMBER_OF_WORD: ReadonlyMap<string, number> = new Map(
  MONTHS.flatMap((m) => [m.name, ...m.abbreviations].map((w) => [w, m.number] as const)),
);
const NUMBER_OF_PREFIX: ReadonlyMap<string, number> = new Map(MONTHS.map((m) => [m.name.slice(0, 3), m.number]));

/** The number of a month name or abbreviation in any case, one trailing period allowed ("Sept." → 9); else 0. */
export function monthNumber(word: string): number {
  return NUMBER_OF_WORD.get(word.toLowerCase().replace(/\.$/, '')) ?? 0;
}

/** The number of the month whose name starts with the word's first three letters ("Marzo" → 3); else 0. */
export function monthNumberOfPrefix(word: string): number {
  return NUMBER_OF_PREFIX.get(word.slice(0, 3).toLowerCase()) ?? 0;
}
