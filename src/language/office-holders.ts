import { PHOENIX_PERSONS } from './data/phoenix-persons.js';

/**
 * Office holders named in the Phoenix actor dictionaries, with the CAMEO code their entry leaves open at the
 * dictionaries' end ("vladimir putin" → "RUSGOV"): a person named without a title in an article still gets the
 * sector and country the dictionaries give. The table is parsed on first use.
 */
let table: Map<string, string> | null = null;

/** The dictionaries' code for a person key (`personKeyName` form, "xi jinping"), or null. */
export function officeHolderCode(personKey: string): string | null {
  if (!table) {
    table = new Map();
    for (const line of PHOENIX_PERSONS.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) table.set(line.slice(0, tab), line.slice(tab + 1));
    }
  }
  return table.get(personKey) ?? null;
}
