import { readFileSync } from 'node:fs';
import type { EntityType } from '../model/index.js';

/**
 * The user alias file, `sitrep.aliases.json` — the analyst's last word on who is who.
 *
 * ```json
 * {
 *   "merge": [
 *     { "name": "Kim Jong Un", "type": "PERSON", "aliases": ["Kim Jong-un", "Kim Jong Eun", "person:kim jong eun"] },
 *     { "name": "Korea Institute for National Unification", "aliases": ["KINU", "org:kinu"] }
 *   ],
 *   "split": ["person:kim", "Kim"],
 *   "rename": { "country:PRK": "North Korea (DPRK)", "Moon Jae-in": "President Moon" }
 * }
 * ```
 *
 * - `merge`: each entry makes ONE actor named `name` (and typed `type`, if given) out of every actor that
 *   any of `aliases` or `name` denotes. An alias containing ":" with a known prefix (`person:`, `country:`,
 *   `org:`, `loc:`, `misc:`) is an actor key; anything else is a name, compared case-, accent-, hyphen- and
 *   period-insensitively with the actors' canonical names and every surface form seen in the corpus. The
 *   aliases are also listed among the actor's aliases. The merged actor's id derives from `name`.
 * - `split`: actors (keys or names, as above) that the automatic merges must leave alone: a listed surname
 *   ("Kim") is not joined to a full name; a listed full name does not absorb spelling variants or surnames.
 * - `rename`: display name overrides, keyed by actor key or by a name as above.
 * All three fields are optional. Unknown fields are an error (to catch typos).
 */
export interface AliasFile {
  merge: AliasMerge[];
  split: string[];
  rename: Record<string, string>;
}

export interface AliasMerge {
  name: string;
  type?: EntityType;
  aliases: string[];
}

export class AliasFileError extends Error {
  constructor(source: string, detail: string) {
    super(`alias file ${source}: ${detail}`);
    this.name = 'AliasFileError';
  }
}

const TYPES: ReadonlySet<string> = new Set(['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'MISC']);
const KEY_PREFIXES = ['person:', 'country:', 'org:', 'loc:', 'misc:', 'norp:'];

/** True when an alias-file string is an actor key rather than a name. */
export function isActorKey(s: string): boolean {
  return KEY_PREFIXES.some((p) => s.startsWith(p));
}

/** An empty alias file (no overrides). */
export function emptyAliasFile(): AliasFile {
  return { merge: [], split: [], rename: {} };
}

/** Validate parsed JSON as an alias file; `source` names it in error messages. */
export function parseAliasFile(json: unknown, source = 'sitrep.aliases.json'): AliasFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new AliasFileError(source, 'must be a JSON object with "merge", "split" and/or "rename"');
  const obj = json as Record<string, unknown>;
  for (const k of Object.keys(obj)) {
    if (k !== 'merge' && k !== 'split' && k !== 'rename' && k !== '$comment')
      throw new AliasFileError(source, `unknown field "${k}" (expected merge, split, rename)`);
  }
  const out = emptyAliasFile();
  if (obj.merge !== undefined) {
    if (!Array.isArray(obj.merge)) throw new AliasFileError(source, '"merge" must be an array');
    obj.merge.forEach((e, i) => {
      if (typeof e !== 'object' || e === null || Array.isArray(e))
        throw new AliasFileError(source, `merge[${i}] must be an object`);
      const r = e as Record<string, unknown>;
      if (typeof r.name !== 'string' || r.name.trim() === '')
        throw new AliasFileError(source, `merge[${i}].name must be a non-empty string`);
      if (r.type !== undefined && (typeof r.type !== 'string' || !TYPES.has(r.type)))
        throw new AliasFileError(source, `merge[${i}].type must be one of ${[...TYPES].join(', ')}`);
      if (!Array.isArray(r.aliases) || r.aliases.some((a) => typeof a !== 'string' || a.trim() === ''))
        throw new AliasFileError(source, `merge[${i}].aliases must be an array of non-empty strings`);
      for (const k of Object.keys(r))
        if (k !== 'name' && k !== 'type' && k !== 'aliases')
          throw new AliasFileError(source, `merge[${i}]: unknown field "${k}"`);
      out.merge.push({
        name: r.name.trim(),
        ...(r.type ? { type: r.type as EntityType } : {}),
        aliases: (r.aliases as string[]).map((a) => a.trim()),
      });
    });
  }
  if (obj.split !== undefined) {
    if (!Array.isArray(obj.split) || obj.split.some((a) => typeof a !== 'string' || a.trim() === ''))
      throw new AliasFileError(source, '"split" must be an array of non-empty strings');
    out.split = (obj.split as string[]).map((a) => a.trim());
  }
  if (obj.rename !== undefined) {
    if (typeof obj.rename !== 'object' || obj.rename === null || Array.isArray(obj.rename))
      throw new AliasFileError(source, '"rename" must be an object mapping a key or name to a new name');
    for (const [k, v] of Object.entries(obj.rename as Record<string, unknown>)) {
      if (typeof v !== 'string' || v.trim() === '')
        throw new AliasFileError(source, `rename["${k}"] must be a non-empty string`);
      out.rename[k] = v.trim();
    }
  }
  return out;
}

/**
 * Load an alias file from disk. A missing file gives an empty alias file when `optional` is true (the
 * default `./sitrep.aliases.json` need not exist); a malformed one is always an `AliasFileError`.
 */
export function loadAliasFile(path: string, optional = false): AliasFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (optional && code === 'ENOENT') return emptyAliasFile();
    throw new AliasFileError(path, `cannot read (${code ?? String(err)})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new AliasFileError(path, `not valid JSON: ${(err as Error).message}`);
  }
  return parseAliasFile(json, path);
}
