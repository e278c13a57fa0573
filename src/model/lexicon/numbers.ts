/**
 * English number words. Lists are ordered by value so that a use can take the range it reads
 * (`CARDINALS.slice(0, 12)` is "one" … "twelve").
 */

/** "one" … "nineteen": the value of `CARDINALS[i]` is i + 1. */
export const CARDINALS: readonly string[] = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];

/** "twenty" … "ninety": the value of `TENS[i]` is (i + 2) × 10. */
export const TENS: readonly string[] = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

/** "first" … "twentieth": the value of `ORDINALS[i]` is i + 1. */
export const ORDINALS: readonly string[] = [
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
  'eleventh',
  'twelfth',
  'thirteenth',
  'fourteenth',
  'fifteenth',
  'sixteenth',
  'seventeenth',
  'eighteenth',
  'nineteenth',
  'twentieth',
];

/** Every word of `CARDINALS` and `TENS` with its value (a plain record, to spread into a stage's own table). */
export const CARDINAL_VALUES: Readonly<Record<string, number>> = Object.fromEntries([
  ...CARDINALS.map((w, i) => [w, i + 1] as const),
  ...TENS.map((w, i) => [w, (i + 2) * 10] as const),
]);

/** Every word of `ORDINALS` with its value. */
export const ORDINAL_VALUES: Readonly<Record<string, number>> = Object.fromEntries(
  ORDINALS.map((w, i) => [w, i + 1] as const),
);
