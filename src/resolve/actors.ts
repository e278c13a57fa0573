import { createHash } from 'node:crypto';
import {
  actorCode,
  compactName,
  familyFirst,
  fold,
  gazetteer,
  officeHolderCode,
  personKeyName,
  roleSector,
} from '../language/index.js';
import type { Doc, EntityType } from '../model/index.js';
import { emptyAliasFile, isActorKey, type AliasFile } from './aliases.js';

/**
 * Cross-article actor resolution. The pipeline tallies, per actor key, how often each surface form,
 * type, canonical name, role and affiliation was seen (`ActorTally`, fed one article at a time or from
 * per-article summaries made in workers), then `resolveActors` merges keys into actors:
 * - spelling variants of a full name ("Moon Jae-in", "Moon Jae In", "Moon Jaein", "Joseph R. Biden" vs
 *   "Joseph Biden") join one person;
 * - a surname-only key ("person:macron") joins the one full name in the corpus with that surname
 *   (last token, or first token for family-name-first names); if several share it, it joins the most
 *   mentioned one only when that has at least four times the mentions of the next; otherwise it stays apart;
 * - the user alias file merges, protects from merging ("split") and renames.
 * Memory is proportional to distinct keys and surface forms, not to mentions or articles.
 */

/** Per-key counts. */
export interface KeyStats {
  key: string;
  mentions: number;
  articles: number;
  types: Map<EntityType, number>;
  surfaces: Map<string, number>;
  canonicals: Map<string, number>;
  roles: Map<string, number>;
  affiliations: Map<string, number>;
}

/** One article's actors in a compact, structured-clone-friendly form (for worker threads). */
export interface ArticleActors {
  /** key → [type, canonical→count, surface→count, role→count, affiliation→count, mentions] */
  keys: Record<
    string,
    {
      type: EntityType;
      canonicals: Record<string, number>;
      surfaces: Record<string, number>;
      roles: Record<string, number>;
      affiliations: Record<string, number>;
      mentions: number;
    }
  >;
}

/** Summarize one article's entity mentions by actor key. */
export function summarizeDoc(doc: Doc): ArticleActors {
  const keys: ArticleActors['keys'] = {};
  for (const m of doc.entities) {
    if (!m.actorKey) continue;
    let k = keys[m.actorKey];
    if (!k)
      k = keys[m.actorKey] = {
        type: m.type,
        canonicals: Object.create(null),
        // Keys are words of the text: no prototype, so "constructor" or "__proto__" is a key like any other.
        surfaces: Object.create(null),
        roles: Object.create(null),
        affiliations: Object.create(null),
        mentions: 0,
      };
    k.mentions++;
    // Each mention's name counts, as the store's tally counts them (`actorSurfaces`).
    if (m.canonical) k.canonicals[m.canonical] = (k.canonicals[m.canonical] ?? 0) + 1;
    // A capital standing for its state ("Moscow denied") or a demonym ("Russian") counts for the actor but is
    // not one of its names.
    if (!m.metonym && m.type !== 'NORP') k.surfaces[m.text] = (k.surfaces[m.text] ?? 0) + 1;
    if (m.role && m.type === 'PERSON') k.roles[m.role] = (k.roles[m.role] ?? 0) + 1;
    if (m.affiliation && m.affiliation !== m.actorKey)
      k.affiliations[m.affiliation] = (k.affiliations[m.affiliation] ?? 0) + 1;
  }
  return { keys };
}

function bump<K>(map: Map<K, number>, k: K, n: number): void {
  map.set(k, (map.get(k) ?? 0) + n);
}

/** Aggregated actor statistics over a corpus. */
export class ActorTally {
  readonly stats = new Map<string, KeyStats>();

  /** Add one analyzed article. */
  addDoc(doc: Doc): void {
    this.addSummary(summarizeDoc(doc));
  }

  /** Add one article's summary (as made by `summarizeDoc`, possibly in a worker). */
  addSummary(summary: ArticleActors): void {
    for (const [key, k] of Object.entries(summary.keys)) {
      let s = this.stats.get(key);
      if (!s) {
        s = {
          key,
          mentions: 0,
          articles: 0,
          types: new Map(),
          surfaces: new Map(),
          canonicals: new Map(),
          roles: new Map(),
          affiliations: new Map(),
        };
        this.stats.set(key, s);
      }
      s.mentions += k.mentions;
      s.articles += 1;
      bump(s.types, k.type, k.mentions);
      for (const [t, n] of Object.entries(k.canonicals)) bump(s.canonicals, t, n);
      for (const [t, n] of Object.entries(k.surfaces)) bump(s.surfaces, t, n);
      for (const [t, n] of Object.entries(k.roles)) bump(s.roles, t, n);
      for (const [t, n] of Object.entries(k.affiliations)) bump(s.affiliations, t, n);
    }
  }
}

/** One actor of the corpus. */
export interface ResolvedActor {
  /** Stable id: "ent_" + 12 hex digits of SHA-1 over the representative key (or the alias-file name). */
  id: string;
  /** Representative actor key (a gazetteer key when there is one, else the most mentioned full name's key). */
  key: string;
  name: string;
  type: EntityType;
  /** Every distinct surface form seen, most frequent first, then gazetteer names and alias-file names. */
  aliases: string[];
  mentions: number;
  articles: number;
  /** All actor keys merged into this actor. */
  keys: string[];
  /** CAMEO-style code ("USA", "IGOUNO", "FRAGOV" for a French official), "" when unknown. */
  code: string;
  /** Roles written with the actor's name, most frequent first. */
  roles: string[];
}

export interface ResolvedActors {
  /** Actors, most mentioned first (ties by name). */
  actors: ResolvedActor[];
  /** The actor an actor key was merged into. */
  byKey: ReadonlyMap<string, ResolvedActor>;
  /** Shorthand for `byKey.get(key)`, tolerating null. */
  get(key: string | null | undefined): ResolvedActor | undefined;
}

/** Stable entity id from a representative key. */
export function entityId(seed: string): string {
  return `ent_${createHash('sha1').update(seed).digest('hex').slice(0, 12)}`;
}

class UnionFind {
  private readonly parent = new Map<string, string>();
  find(x: string): string {
    let cur = x;
    for (let p = this.parent.get(cur); p !== undefined && p !== cur; p = this.parent.get(cur)) {
      const gp: string = this.parent.get(p) ?? p;
      this.parent.set(cur, gp);
      cur = gp;
    }
    return cur;
  }
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent.set(rb, ra);
  }
}

/** A name as the alias file compares it: folded, lower-case, hyphens/periods as spaces, single spaces. */
function looseName(s: string): string {
  return personKeyName(s.split(/\s+/));
}

function top<K>(map: Map<K, number>): K | undefined {
  let best: K | undefined;
  let bn = -1;
  for (const [k, n] of map) if (n > bn || (n === bn && String(k) < String(best))) [best, bn] = [k, n];
  return best;
}

/**
 * Canonical names for choosing the actor's name: a name set all in capitals where the same name is also written in
 * mixed case ("GENEVA" in a dateline, "Geneva" in the text) is typography — datelines, headlines, transcript labels
 * — not the name's spelling, so it counts half and loses a tie. An acronym is written in capitals throughout, and
 * keeps its count unless the text spells it otherwise more than half as often ("NATO" 10, "Nato" 2: "NATO").
 */
function typographicCapsHalved(canonicals: Map<string, number>): Map<string, number> {
  const mixed = new Set([...canonicals.keys()].filter((c) => c !== c.toUpperCase()).map((c) => c.toUpperCase()));
  if (mixed.size === 0) return canonicals;
  const out = new Map<string, number>();
  for (const [c, n] of canonicals) {
    const caps = /\p{Lu}{2}/u.test(c) && c === c.toUpperCase() && mixed.has(c);
    // Halved, and a hair less, so that a tie with its mixed-case spelling goes to the latter.
    out.set(c, caps ? n / 2 - 1e-9 : n);
  }
  return out;
}

function sortedByCount(map: Map<string, number>): string[] {
  return [...map.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k]) => k);
}

const FAMILY_FIRST_HINT = /^\p{Lu}\p{Ll}+-\p{Ll}+$/u;

/** Resolve the tallied actor keys of a corpus into actors. */
export function resolveActors(tally: ActorTally, aliasFile: AliasFile = emptyAliasFile()): ResolvedActors {
  const gz = gazetteer();
  const stats = tally.stats;
  const uf = new UnionFind();

  // Names the alias file refers to → keys whose canonical or surface forms match.
  const wanted = new Set<string>();
  const addWanted = (s: string): void => {
    if (!isActorKey(s)) wanted.add(looseName(s));
  };
  for (const m of aliasFile.merge) {
    addWanted(m.name);
    m.aliases.forEach(addWanted);
  }
  aliasFile.split.forEach(addWanted);
  Object.keys(aliasFile.rename).forEach(addWanted);
  const nameToKeys = new Map<string, Set<string>>();
  if (wanted.size > 0) {
    for (const s of stats.values()) {
      const names = new Set<string>([...s.surfaces.keys(), ...s.canonicals.keys()]);
      for (const n of names) {
        const l = looseName(n);
        if (!wanted.has(l)) continue;
        let set = nameToKeys.get(l);
        if (!set) nameToKeys.set(l, (set = new Set()));
        set.add(s.key);
      }
    }
  }
  const keysOf = (ref: string): string[] =>
    isActorKey(ref) ? (stats.has(ref) ? [ref] : []) : [...(nameToKeys.get(looseName(ref)) ?? [])];

  const protectedKeys = new Set<string>();
  for (const ref of aliasFile.split) for (const k of keysOf(ref)) protectedKeys.add(k);

  // 1. Spelling variants of full person names.
  const persons = [...stats.keys()].filter((k) => k.startsWith('person:')).sort();
  const bySig = new Map<string, string>();
  for (const k of persons) {
    const toks = k.slice(7).split(' ');
    if (toks.length < 2 || protectedKeys.has(k)) continue;
    for (const sig of [compactName(toks.join('')), compactName(toks.filter((t) => t.length > 1).join(''))]) {
      const other = bySig.get(sig);
      if (other) uf.union(other, k);
      else bySig.set(sig, k);
    }
  }
  // 2. Surname-only keys → the full name in the corpus with that surname.
  const mentionsOfRoot = new Map<string, number>();
  for (const k of persons) bump(mentionsOfRoot, uf.find(k), stats.get(k)!.mentions);
  const bySurname = new Map<string, Set<string>>();
  for (const k of persons) {
    const toks = k.slice(7).split(' ');
    if (toks.length < 2 || protectedKeys.has(k)) continue;
    const s = stats.get(k)!;
    const surnames = [toks[toks.length - 1]!];
    const written = top(s.canonicals) ?? '';
    const firstWritten = written.split(/\s+/);
    if (
      FAMILY_FIRST_HINT.test(firstWritten[firstWritten.length - 1] ?? '') ||
      familyFirstKey(toks) ||
      familyFirst(firstWritten)
    )
      surnames.push(toks[0]!);
    for (const sn of surnames) {
      let set = bySurname.get(sn);
      if (!set) bySurname.set(sn, (set = new Set()));
      set.add(uf.find(k));
    }
  }
  for (const k of persons) {
    const name = k.slice(7);
    if (name.includes(' ') || protectedKeys.has(k)) continue;
    const cands = [...(bySurname.get(name) ?? [])].map((r) => uf.find(r));
    const uniq = [...new Set(cands)].sort(
      (a, b) => (mentionsOfRoot.get(b) ?? 0) - (mentionsOfRoot.get(a) ?? 0) || (a < b ? -1 : 1),
    );
    if (uniq.length === 0) continue;
    if (uniq.length === 1 || (mentionsOfRoot.get(uniq[0]!) ?? 0) >= 4 * (mentionsOfRoot.get(uniq[1]!) ?? 0))
      uf.union(uniq[0]!, k);
  }
  // 3. One name, several types: the model may tag a name it has never seen as ORG in one sentence and as
  //    PERSON or GPE in the next ("Veskaria said" / "in Veskaria"); outside the gazetteer, one name is one actor.
  const demonymKeys = sameNameAcrossTypes(stats, uf, protectedKeys, bySurname, mentionsOfRoot);
  // 4. Alias-file merges.
  const mergeOf = new Map<string, (typeof aliasFile.merge)[number]>();
  for (const m of aliasFile.merge) {
    const keys = [m.name, ...m.aliases].flatMap(keysOf);
    for (let i = 1; i < keys.length; i++) uf.union(keys[0]!, keys[i]!);
    if (keys.length > 0) mergeOf.set(uf.find(keys[0]!), m);
  }

  // Groups.
  const groups = new Map<string, string[]>();
  for (const k of [...stats.keys()].sort()) {
    const r = uf.find(k);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(k);
  }
  const renameByKey = new Map<string, string>();
  for (const [ref, name] of Object.entries(aliasFile.rename)) for (const k of keysOf(ref)) renameByKey.set(k, name);

  const actors: ResolvedActor[] = [];
  const byKey = new Map<string, ResolvedActor>();
  for (const [root, keys] of groups) {
    const merge = [...mergeOf.entries()].find(([r]) => uf.find(r) === root)?.[1];
    const types = new Map<EntityType, number>();
    const surfaces = new Map<string, number>();
    const canonicals = new Map<string, number>();
    const roles = new Map<string, number>();
    const affs = new Map<string, number>();
    let mentions = 0;
    let articles = 0;
    for (const k of keys) {
      const s = stats.get(k)!;
      mentions += s.mentions;
      articles += s.articles;
      for (const [t, n] of s.types) bump(types, t, n);
      // A demonym counts for its place but is not one of its names (as with the gazetteer's demonyms).
      if (!demonymKeys.has(k)) for (const [t, n] of s.surfaces) bump(surfaces, t, n);
      // Canonical names of full-name keys outweigh those of surname keys.
      const multi = !k.startsWith('person:') || k.includes(' ');
      if (!demonymKeys.has(k)) for (const [t, n] of s.canonicals) bump(canonicals, t, multi ? n * 1000 : n);
      for (const [t, n] of s.roles) bump(roles, t, n);
      for (const [t, n] of s.affiliations) bump(affs, t, n);
    }
    // The type most mentions carry; a tie goes to PERSON when the group holds a full person name.
    const fullName = keys.some((k) => k.startsWith('person:') && k.includes(' '));
    const topType = fullName && (types.get('PERSON') ?? 0) >= Math.max(...types.values()) ? 'PERSON' : top(types);
    const rep = representative(keys, stats, topType === 'PERSON');
    const g = gz.actor(rep);
    // A name with a demonym in the corpus ("Veskaria" / "Veskarian") is a place acting as a state.
    const hasDemonym = keys.some((k) => demonymKeys.has(k));
    let type: EntityType = merge?.type ?? (g ? g.type : hasDemonym ? 'GPE' : (topType ?? 'MISC'));
    if (!merge?.type && (rep.startsWith('country:') || rep.startsWith('org:')) && g) type = g.type;
    const renamed = keys.map((k) => renameByKey.get(k)).find((x) => x !== undefined);
    const name = renamed ?? merge?.name ?? g?.canonical ?? top(typographicCapsHalved(canonicals)) ?? rep;
    const aliasList: string[] = [];
    const seen = new Set<string>();
    const push = (a: string): void => {
      if (!seen.has(a)) {
        seen.add(a);
        aliasList.push(a);
      }
    };
    push(name);
    sortedByCount(surfaces).forEach(push);
    for (const k of keys) gz.actor(k)?.names.forEach(push);
    if (g?.iso3 && rep.startsWith('country:')) push(g.iso3);
    merge?.aliases.filter((a) => !isActorKey(a)).forEach(push);
    const roleList = sortedByCount(roles);
    const aff = top(affs);
    const code = rep.startsWith('person:') ? personCode(keys, rep, roleList[0] ?? null, aff ?? null) : actorCode(rep);
    const actor: ResolvedActor = {
      id: entityId(merge ? `alias:${looseName(merge.name)}` : rep),
      key: rep,
      name,
      type,
      aliases: aliasList,
      mentions,
      articles,
      keys,
      code,
      roles: roleList.slice(0, 5),
    };
    actors.push(actor);
    for (const k of keys) byKey.set(k, actor);
  }
  actors.sort((a, b) => b.mentions - a.mentions || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { actors, byKey, get: (key) => (key ? byKey.get(key) : undefined) };
}

const CORPORATE_SUFFIX =
  /\s+(?:ltd|limited|inc|incorporated|corp|corporation|co|llc|plc|ag|sa|gmbh|nv|bv|ab|asa|oyj)\.?$/;

/** The name part of an actor key ("org:veskaria" → "veskaria"), an organization's legal-form suffix dropped. */
function keyName(key: string): string {
  const name = key.slice(key.indexOf(':') + 1);
  return key.startsWith('org:') ? name.replace(CORPORATE_SUFFIX, '') : name;
}

const DEMONYM_ENDINGS = ['ians', 'ian', 'ans', 'an', 'ns', 'n', 'ese', 'ish', 'i', 'is'] as const;

/** Possible place names behind a demonym-shaped word ("veskarian" → "veskaria", "norvessan" → "norvessa"). */
function demonymStems(name: string): string[] {
  const out: string[] = [];
  for (const end of DEMONYM_ENDINGS) {
    if (name.length > end.length + 3 && name.endsWith(end)) {
      const stem = name.slice(0, -end.length);
      out.push(stem, `${stem}a`, `${stem}ia`, `${stem}y`, `${stem}e`);
      if (end.startsWith('i')) out.push(`${stem}ia`);
    }
  }
  return out;
}

/**
 * Merge non-gazetteer keys that share a name across types, a single-word name into the one person whose
 * surname it is (when that person is mentioned at least as often), and a demonym-shaped word tagged as a
 * nationality (MISC/NORP) into the place it derives from. Returns the keys merged as demonyms.
 */
function sameNameAcrossTypes(
  stats: ReadonlyMap<string, KeyStats>,
  uf: UnionFind,
  protectedKeys: ReadonlySet<string>,
  bySurname: ReadonlyMap<string, ReadonlySet<string>>,
  mentionsOfRoot: ReadonlyMap<string, number>,
): Set<string> {
  const gz = gazetteer();
  const byName = new Map<string, string[]>();
  for (const k of [...stats.keys()].sort()) {
    if (protectedKeys.has(k) || gz.actor(k)) continue;
    const name = keyName(k);
    let list = byName.get(name);
    if (!list) byName.set(name, (list = []));
    list.push(k);
  }
  for (const keys of byName.values()) for (let i = 1; i < keys.length; i++) uf.union(keys[0]!, keys[i]!);
  const mentionsOf = (name: string): number => (byName.get(name) ?? []).reduce((n, k) => n + stats.get(k)!.mentions, 0);

  for (const [name, keys] of byName) {
    if (name.includes(' ') || keys.some((k) => k.startsWith('person:'))) continue;
    const people = [...new Set([...(bySurname.get(name) ?? [])].map((r) => uf.find(r)))];
    if (people.length === 1 && (mentionsOfRoot.get(people[0]!) ?? 0) >= mentionsOf(name))
      uf.union(people[0]!, keys[0]!);
  }

  const demonyms = new Set<string>();
  for (const [name, keys] of byName) {
    if (name.includes(' ')) continue;
    const nationality = keys.some((k) => {
      const t = stats.get(k)!.types;
      return (t.get('MISC') ?? 0) + (t.get('NORP') ?? 0) > 0;
    });
    if (!nationality) continue;
    const place = demonymStems(name).find((stem) => stem !== name && byName.has(stem));
    if (!place) continue;
    uf.union(byName.get(place)![0]!, keys[0]!);
    keys.forEach((k) => {
      demonyms.add(k);
    });
  }
  return demonyms;
}

function familyFirstKey(toks: string[]): boolean {
  // Keys are lower-case; East Asian full names of three short syllables ("moon jae in", "kim jong un").
  return toks.length === 3 && toks.every((t) => t.length <= 4);
}

/**
 * The key that names a group: a gazetteer key, else (for a person) the most mentioned full-name key, else the
 * most mentioned key.
 */
function representative(keys: string[], stats: Map<string, KeyStats>, person: boolean): string {
  const gz = gazetteer();
  const score = (k: string): number => {
    const s = stats.get(k)!;
    let v = s.mentions;
    if (gz.actor(k)) v += 1e9;
    if (person && k.startsWith('person:') && k.includes(' ')) v += 1e6;
    return v;
  };
  return keys.reduce((best, k) => {
    const a = score(k);
    const b = score(best);
    return a > b || (a === b && k < best) ? k : best;
  });
}

/** Normalize a name the way the resolver compares them (exported for tests and the UI). */
export function normalizeActorName(s: string): string {
  return fold(s).toLowerCase();
}

/**
 * A person's code: from the role written most often and the affiliation, or, when no role with a sector was
 * written, the code the Phoenix dictionaries give an office holder of that name ("Vladimir Putin" named without a
 * title in every article → RUSGOV), unless the text affiliates the person with another country.
 */
function personCode(keys: readonly string[], rep: string, role: string | null, aff: string | null): string {
  const own = actorCode(rep, role, aff);
  if (roleSector(role)) return own;
  for (const k of [rep, ...keys]) {
    if (!k.startsWith('person:')) continue;
    const office = officeHolderCode(k.slice(7));
    if (!office) continue;
    if (aff?.startsWith('country:') && aff.slice(8) !== office.slice(0, 3)) return own;
    return office;
  }
  return own;
}
