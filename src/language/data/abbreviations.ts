/** Lower-cased abbreviations whose trailing period belongs to the word, not the sentence. */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'sen', 'rep', 'gov', 'gen', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'adm',
  'cmdr', 'st', 'rev', 'fr', 'jr', 'sr', 'hon', 'pres', 'supt', 'insp', 'messrs', 'mme', 'mlle',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'inc', 'corp', 'ltd', 'co', 'plc', 'llc', 'bros', 'no', 'nos', 'vs', 'etc', 'approx', 'est', 'dept', 'univ',
  'ave', 'blvd', 'rd', 'mt', 'ft', 'pp', 'vol', 'fig', 'al', 'e.g', 'i.e',
]);
