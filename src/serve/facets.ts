import { type ClaimStance, PLOVER_TYPES, type PloverType } from '../model/index.js';
import { type Facets, NO_FACETS } from '../store/index.js';

/**
 * The filter model's query string, the same for every list route (`/articles`, `/events`, `/timeline`, `/quotes`,
 * `/claims`, `/network`, `/places`): `actor` (entity ids, comma-separated, at most `MAX_ACTORS`), `type` (a PLOVER
 * type), `quad` (`cooperative` | `conflictual`), `from` / `to` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), `outlet`,
 * `stance`, `flag` (`asserted` | `negated` | `hypothetical`) and `story` (a story id). A value it does not know is
 * refused (400), not ignored.
 */
export type FacetQuery = {
  actor?: string;
  type?: string;
  quad?: string;
  from?: string;
  to?: string;
  outlet?: string;
  stance?: string;
  flag?: string;
  story?: string;
};

export const MAX_ACTORS = 5;
const MAX_OUTLET_CHARS = 200;
const STANCES: readonly ClaimStance[] = ['asserts', 'accuses', 'denies', 'questions', 'promises', 'threatens'];
const FLAGS = ['asserted', 'negated', 'hypothetical'] as const;
const QUADS = ['cooperative', 'conflictual'] as const;
const DAY = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const oneOf = <T extends string>(values: readonly T[], v: string): v is T => (values as readonly string[]).includes(v);

/** The facets of a query string, or the message saying which value is wrong. Empty values mean "any". */
export function parseFacets(q: Record<string, string | undefined>): Facets | { error: string } {
  const f: Facets = { ...NO_FACETS, actors: [] };
  const v = (k: keyof FacetQuery): string => (q[k] ?? '').trim();
  if (v('actor')) {
    const ids = [...new Set(v('actor').split(','))];
    if (ids.length > MAX_ACTORS || ids.some((id) => !/^[\w-]{1,64}$/.test(id)))
      return { error: `actor takes at most ${MAX_ACTORS} actor ids, comma-separated` };
    f.actors = ids;
  }
  if (v('type')) {
    if (!oneOf<PloverType>(PLOVER_TYPES, v('type'))) return { error: `type must be one of ${PLOVER_TYPES.join(', ')}` };
    f.type = v('type') as PloverType;
  }
  if (v('quad')) {
    if (!oneOf(QUADS, v('quad'))) return { error: `quad must be one of ${QUADS.join(', ')}` };
    f.quad = v('quad') as Facets['quad'];
  }
  for (const k of ['from', 'to'] as const) {
    if (!v(k)) continue;
    if (!DAY.test(v(k))) return { error: `${k} must be a date: YYYY, YYYY-MM or YYYY-MM-DD` };
    f[k] = v(k);
  }
  if (f.from && f.to && f.from.slice(0, f.to.length) > f.to) return { error: 'from must not be after to' };
  if (v('outlet')) {
    if (v('outlet').length > MAX_OUTLET_CHARS) return { error: `outlet takes at most ${MAX_OUTLET_CHARS} characters` };
    f.outlet = v('outlet');
  }
  if (v('stance')) {
    if (!oneOf(STANCES, v('stance'))) return { error: `stance must be one of ${STANCES.join(', ')}` };
    f.stance = v('stance') as ClaimStance;
  }
  if (v('flag')) {
    if (!oneOf(FLAGS, v('flag'))) return { error: `flag must be one of ${FLAGS.join(', ')}` };
    f.flag = v('flag') as Facets['flag'];
  }
  if (v('story')) {
    if (!/^[\w-]{1,64}$/.test(v('story'))) return { error: 'story must be a story id' };
    f.story = v('story');
  }
  return f;
}
