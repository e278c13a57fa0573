/**
 * Reader for the Phoenix actor dictionaries of PETRARCH-2 (Open Event Data Alliance, MIT;
 * `Phoenix.Countries.actors.txt`, `Phoenix.International.actors.txt`, `Phoenix.MilNonState.actors.txt`), in the
 * TABARI format their `dictionaries.rst` describes: an entry line names an actor (words joined by `_`), `+` lines
 * give its other names, and codes in brackets, on the entry line or on indented lines below it, give its CAMEO
 * code, with a date range when the code held for a time only (`[RUSGOV 991231-080507]`, `[RUSGOV >080508]`).
 * A pure function over the file text; training scripts and compilers read the files.
 */

export interface PhoenixCode {
  code: string;
  /** First and last day the code held, as yymmdd or yyyymmdd strings written in the file; null when open. */
  from: string | null;
  to: string | null;
}

export interface PhoenixActor {
  /** The entry's names, words space-separated, in the file's upper case (the entry name first). */
  names: string[];
  codes: PhoenixCode[];
  /**
   * Whether the codes were given on indented lines below the entry: the dictionaries do this for the
   * individuals they date (office holders), and write a group's or a country's code on its entry line.
   */
  dated: boolean;
}

const nameOf = (raw: string): string =>
  raw
    .replace(/\([^)]*\)/g, ' ')
    .replace(/_/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function codesIn(s: string): PhoenixCode[] {
  const out: PhoenixCode[] = [];
  for (const m of s.matchAll(/\[([^\]]*)\]/g)) {
    const [code = '', range = ''] = m[1]!.trim().split(/\s+/, 2);
    if (!/^[A-Z]{3,}$/.test(code)) continue;
    let from: string | null = null;
    let to: string | null = null;
    if (range.startsWith('>')) from = range.slice(1);
    else if (range.startsWith('<')) to = range.slice(1);
    else if (range.includes('-')) [from, to] = range.split('-', 2) as [string, string];
    out.push({ code, from, to });
  }
  return out;
}

/** The actor entries of one dictionary file. */
export function readPhoenixActors(text: string): PhoenixActor[] {
  const actors: PhoenixActor[] = [];
  let cur: PhoenixActor | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/#.*$/, '').replace(/\s+$/, '');
    if (!line.trim()) continue;
    if (/^\s/.test(line)) {
      if (cur) {
        const codes = codesIn(line);
        if (codes.length > 0) cur.dated = true;
        cur.codes.push(...codes);
      }
      continue;
    }
    if (line.startsWith('+')) {
      const name = nameOf(line.slice(1).replace(/\[.*$/, ''));
      if (cur && name) cur.names.push(name);
      continue;
    }
    const bracket = line.indexOf('[');
    const name = nameOf(bracket >= 0 ? line.slice(0, bracket) : line);
    if (!name) continue;
    cur = { names: [name], codes: bracket >= 0 ? codesIn(line.slice(bracket)) : [], dated: false };
    actors.push(cur);
  }
  return actors;
}
