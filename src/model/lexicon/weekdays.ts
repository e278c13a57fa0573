/** English weekday names and their written abbreviations, lower-case, shared by every stage that reads them. */
export interface Weekday {
  readonly name: string;
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  readonly number: number;
  /** Abbreviations written with or without a period, longest first ("tues" before "tue"). */
  readonly abbreviations: readonly string[];
}

export const WEEKDAYS: readonly Weekday[] = [
  { name: 'monday', number: 1, abbreviations: ['mon'] },
  { name: 'tuesday', number: 2, abbreviations: ['tues', 'tue'] },
  { name: 'wednesday', number: 3, abbreviations: ['wed'] },
  { name: 'thursday', number: 4, abbreviations: ['thurs', 'thu'] },
  { name: 'friday', number: 5, abbreviations: ['fri'] },
  { name: 'saturday', number: 6, abbreviations: ['sat'] },
  { name: 'sunday', number: 7, abbreviations: ['sun'] },
];

/** "monday" … "sunday". */
export const WEEKDAY_NAMES: readonly string[] = WEEKDAYS.map((d) => d.name);

/** "mon", "tues", "tue", …, "sun", in weekday order. */
export const WEEKDAY_ABBREVIATIONS: readonly string[] = WEEKDAYS.flatMap((d) => d.abbreviations);

/** The first three letters of each name ("mon" … "sun"): enough to tell the days apart. */
export const WEEKDAY_PREFIXES: readonly string[] = WEEKDAYS.map((d) => d.name.slice(0, 3));

const NUMBER_OF_WORD: ReadonlyMap<string, number> = new Map(
  WEEKDAYS.flatMap((d) => [d.name, ...d.abbreviations].map((w) => [w, d.number] as const)),
);

/** The ISO number of a weekday name or abbreviation in any case, one trailing period allowed ("Tues." → 2); else 0. */
export function weekdayNumber(word: string): number {
  return NUMBER_OF_WORD.get(word.toLowerCase().replace(/\.$/, '')) ?? 0;
}
