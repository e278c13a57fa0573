import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { AMBIGUOUS_PLACE_WORDS, COUNTRY_EXTRAS } from './data/countries-extra.js';
import { ORGANIZATIONS } from './data/organizations.js';
import { fold } from './normalize.js';
import { tokenizeRange } from './tokenize.js';

/**
 * The gazetteer: countries (from the `world-countries` package plus sitrep's additions), their capitals,
 * seats of government and demonyms, and major organizations. Lookups walk tokens with Map probes only —
 * no per-entry regexes — so the cost per token is a few hash lookups.
 */

export type GazetteerKind = 'country' | 'capital' | 'seat' | 'demonym' | 'org';

export interface GazetteerEntry {
  kind: GazetteerKind;
  /** The actor this name stands for when it acts: "country:RUS", "org:NATO". */
  actorKey: string;
  /** Canonical actor name ("Russia", "NATO"). */
  canonical: string;
  /** ISO 3166-1 alpha-3 of the country the name belongs to, if any. */
  iso3: string | null;
  /** For capitals and seats: the place key and name when the mention is a place ("loc:moscow", "Moscow"). */
  placeKey: string | null;
  placeName: string | null;
  /** CAMEO-style sector the name implies when it acts ("GOV" for the Kremlin, "MIL" for the Pentagon, "MED" for KCNA). */
  sector: string | null;
  /** CAMEO-style code for international organizations ("IGOUNO"). */
  code: string | null;
  /** Proposed by the gazetteer alone only when the model also calls it a name (it is an ordinary word too). */
  ambiguous: boolean;
}

export interface GazetteerMatch {
  /** Number of tokens matched. */
  length: number;
  entry: GazetteerEntry;
}

/** Everything the gazetteer knows about one actor key, for the resolver's aliases. */
export interface GazetteerActor {
  actorKey: string;
  canonical: string;
  type: 'GPE' | 'ORG';
  names: string[];
  iso3: string | null;
  code: string | null;
}

export class Gazetteer {
  private readonly exact = new Map<string, GazetteerEntry>();
  private readonly folded = new Map<string, GazetteerEntry>();
  private readonly prefixes = new Set<string>();
  private readonly foldedPrefixes = new Set<string>();
  private readonly actors = new Map<string, GazetteerActor>();
  private readonly iso3 = new Map<string, GazetteerActor>();
  private readonly byKey = new Map<string, GazetteerEntry>();
  private maxLen = 1;

  /** Add a name. The first entry for a name wins (callers add the most important sources first). */
  add(name: string, entry: GazetteerEntry, names = true): void {
    const toks = nameTokens(name);
    if (toks.length === 0) return;
    this.put(toks, entry);
    if ((entry.kind === 'org' || entry.kind === 'country') && !this.byKey.has(entry.actorKey))
      this.byKey.set(entry.actorKey, entry);
    if (names) this.actorNames(entry).add(name);
    // "U.S." also matches "US"; "U.N. Security Council" also "UN Security Council".
    if (toks.some((t) => /^(?:\p{Lu}\.){2,}$/u.test(t)))
      this.put(
        toks.map((t) => (/^(?:\p{Lu}\.){2,}$/u.test(t) ? t.replace(/\./g, '') : t)),
        entry,
      );
  }

  private put(toks: string[], entry: GazetteerEntry): void {
    const key = toks.join(' ');
    if (!this.exact.has(key)) this.exact.set(key, entry);
    for (let i = 1; i < toks.length; i++) this.prefixes.add(toks.slice(0, i).join(' '));
    // Case-insensitive matching only for names with lower-case letters; abbreviations ("US", "WHO") stay exact.
    if (/\p{Ll}/u.test(key)) {
      const lk = key.toLowerCase();
      if (!this.folded.has(lk)) this.folded.set(lk, entry);
      for (let i = 1; i < toks.length; i++) this.foldedPrefixes.add(toks.slice(0, i).join(' ').toLowerCase());
    }
    if (toks.length > this.maxLen) this.maxLen = toks.length;
  }

  private actorNames(entry: GazetteerEntry): { add(name: string): void } {
    let a = this.actors.get(entry.actorKey);
    if (!a) {
      a = {
        actorKey: entry.actorKey,
        canonical: entry.canonical,
        type: entry.actorKey.startsWith('org:') ? 'ORG' : 'GPE',
        names: [],
        iso3: entry.iso3,
        code: entry.code,
      };
      this.actors.set(entry.actorKey, a);
      if (entry.kind === 'country' && entry.iso3) this.iso3.set(entry.iso3, a);
    }
    const actor = a;
    return {
      add: (n: string) => {
        if (!actor.names.includes(n)) actor.names.push(n);
      },
    };
  }

  /**
   * Longest gazetteer name starting at token `i` of `tokens` (token texts). Exact case first, then
   * case-insensitive for names that are not abbreviations. Only names starting with a capital are tried.
   */
  match(tokens: readonly string[], i: number, limit = tokens.length): GazetteerMatch | null {
    const first = tokens[i];
    if (first === undefined || !/^[\p{Lu}\d]/u.test(first)) return null;
    let best: GazetteerMatch | null = null;
    let key = '';
    let lkey = '';
    let exactAlive = true;
    let foldAlive = true;
    for (let n = 1; n <= this.maxLen && i + n <= limit; n++) {
      const t = fold(tokens[i + n - 1]!);
      key = n === 1 ? t : `${key} ${t}`;
      lkey = key.toLowerCase();
      if (exactAlive) {
        const e = this.exact.get(key);
        if (e) best = { length: n, entry: e };
      }
      if (foldAlive && (!best || best.length < n)) {
        const e = this.folded.get(lkey);
        if (e) best = { length: n, entry: e };
      }
      exactAlive = exactAlive && this.prefixes.has(key);
      foldAlive = foldAlive && this.foldedPrefixes.has(lkey);
      if (!exactAlive && !foldAlive) break;
    }
    return best;
  }

  /** Look a whole name up (as written). */
  lookup(name: string): GazetteerEntry | null {
    const toks = nameTokens(name);
    if (toks.length === 0) return null;
    const m = this.match(toks, 0);
    return m && m.length === toks.length ? m.entry : null;
  }

  /** What the gazetteer knows about an actor key ("country:FRA" → names "France", "French Republic", …). */
  actor(actorKey: string): GazetteerActor | null {
    return this.actors.get(actorKey) ?? null;
  }

  /** The main entry of a country or organization actor key ("org:KCNA" → its country and sector). */
  entryFor(actorKey: string): GazetteerEntry | null {
    return this.byKey.get(actorKey) ?? null;
  }

  /** A country by ISO alpha-3. */
  country(iso3: string): GazetteerActor | null {
    return this.iso3.get(iso3.toUpperCase()) ?? null;
  }
}

function nameTokens(name: string): string[] {
  const f = fold(name.replace(/^the\s+/i, ''));
  return tokenizeRange(f, 0, f.length).map((s) => f.slice(s.start, s.end));
}

function entry(
  kind: GazetteerKind,
  actorKey: string,
  canonical: string,
  extra: Partial<GazetteerEntry> = {},
): GazetteerEntry {
  return {
    kind,
    actorKey,
    canonical,
    iso3: null,
    placeKey: null,
    placeName: null,
    sector: null,
    code: null,
    ambiguous: false,
    ...extra,
  };
}

function plural(demonym: string): string | null {
  if (/(ese|sh|ch|ss|s|x|z|i)$/i.test(demonym) && !/i$/i.test(demonym)) return null;
  return `${demonym}s`;
}

const LATIN = /^[\p{Script=Latin}\p{M}\s'’.\-()]+$/u;

/** Build the gazetteer from the `world-countries` package and sitrep's data files. */
export function buildGazetteer(): Gazetteer {
  const require = createRequire(import.meta.url);
  const countries = (require('world-countries/countries.json') as Country[]).slice();
  // UN members first, then other independent states, then territories: the first owner of a name wins
  // ("American" belongs to the United States, not to its outlying islands).
  const rank = (c: Country): number => (c.unMember ? 0 : c.independent ? 1 : 2);
  countries.sort((a, b) => rank(a) - rank(b) || a.cca3.localeCompare(b.cca3));
  const gz = new Gazetteer();
  const canonicalOf = new Map<string, string>();
  for (const c of countries) canonicalOf.set(c.cca3, c.name.common);

  // 1. Country names: common and official names, sitrep's additions, Latin-script alternative spellings.
  for (const c of countries) {
    const e = entry('country', `country:${c.cca3}`, c.name.common, {
      iso3: c.cca3,
      ambiguous: AMBIGUOUS_PLACE_WORDS.has(c.name.common),
    });
    const extra = COUNTRY_EXTRAS[c.cca3];
    gz.add(c.name.common, e);
    gz.add(c.name.official, { ...e, ambiguous: false });
    for (const n of extra?.names ?? []) gz.add(n, { ...e, ambiguous: false });
    for (const n of c.altSpellings) {
      if (n.length <= 2 || n.includes(',') || !LATIN.test(n)) continue;
      // Native spellings ("Elláda") match in text but are not listed as the actor's English aliases.
      gz.add(n, { ...e, ambiguous: false }, /^[\x20-\x7e]+$/.test(n) && /^[A-Z]/.test(n));
    }
  }
  // 2. Organizations.
  for (const o of ORGANIZATIONS) {
    const e = entry('org', `org:${o.key}`, o.name, {
      iso3: o.country ?? null,
      sector: o.sector ?? null,
      code: o.code ?? null,
    });
    gz.add(o.name, e);
    for (const a of o.aliases) gz.add(a, e);
  }
  // 3. Seats of government, then capitals (a capital that is also a country name stays the country).
  for (const c of countries) {
    const extra = COUNTRY_EXTRAS[c.cca3];
    for (const s of extra?.seats ?? []) {
      const place = s.name.replace(/^the\s+/i, '');
      gz.add(
        s.name,
        entry('seat', `country:${c.cca3}`, c.name.common, {
          iso3: c.cca3,
          sector: s.sector ?? 'GOV',
          placeKey: `loc:${fold(place).toLowerCase()}`,
          placeName: place,
        }),
        false,
      );
    }
  }
  for (const c of countries) {
    if (!c.independent && !c.unMember && c.cca3 !== 'TWN' && c.cca3 !== 'PSE' && c.cca3 !== 'UNK') continue;
    const extra = COUNTRY_EXTRAS[c.cca3];
    const caps = [...(extra?.capitals ?? []), ...c.capital];
    const main = (extra?.capitals?.[0] ?? c.capital[0] ?? '').replace(/\s+D\.?C\.?$/, '');
    for (const cap of caps) {
      if (!LATIN.test(cap)) continue;
      const name = cap.replace(/\s+D\.?C\.?$/, '');
      const e = entry('capital', `country:${c.cca3}`, c.name.common, {
        iso3: c.cca3,
        sector: 'GOV',
        placeKey: `loc:${fold(main || name).toLowerCase()}`,
        placeName: main || name,
        ambiguous: AMBIGUOUS_PLACE_WORDS.has(name),
      });
      gz.add(cap, e, false);
      if (name !== cap) gz.add(name, e, false);
    }
  }
  // 4. Demonyms ("South Korean", "Russians").
  for (const c of countries) {
    const extra = COUNTRY_EXTRAS[c.cca3];
    const eng = c.demonyms?.eng;
    const forms = new Set<string>([...(extra?.demonyms ?? []), ...(eng ? [eng.m, eng.f] : [])]);
    for (const d of forms) {
      if (!d || !LATIN.test(d)) continue;
      const e = entry('demonym', `country:${c.cca3}`, c.name.common, {
        iso3: c.cca3,
        ambiguous: AMBIGUOUS_PLACE_WORDS.has(d),
      });
      gz.add(d, e, false);
      const p = plural(d);
      if (p) gz.add(p, e, false);
    }
  }
  return gz;
}

let shared: Gazetteer | null = null;

/** The process-wide gazetteer, built on first use (about 20 ms). */
export function gazetteer(): Gazetteer {
  if (!shared) shared = buildGazetteer();
  return shared;
}
