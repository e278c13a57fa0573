import { GROUP_SECTORS, ROLE_SECTORS } from './data/roles.js';
import { gazetteer } from './gazetteer.js';

/**
 * CAMEO-style actor codes: ISO 3166-1 alpha-3 of the actor's country plus a sector suffix
 * ("USAGOV", "FRAMIL", "PRKMED"), an international-organization code ("IGOUNO", "IGOWSTNAT"), a bare
 * sector when only the role is known ("GOV"), or "" when nothing is known.
 */

/** The sector a role or group noun implies ("spokesman" → "GOV", "troops" → "MIL"), or "" when unknown. */
export function roleSector(role: string | null | undefined): string {
  if (!role) return '';
  // A title with an "of" phrase of its own ("Chief of Staff", "Secretary of State") is looked up whole; otherwise
  // ("Chief of the General Staff", "President of Russia") the head before "of" carries the sector.
  const whole = role.toLowerCase().replace(/\s+/g, ' ').trim();
  const own = ROLE_SECTORS.get(whole.replace(/^(?:former|deputy|acting|then|ex-|interim) /, ''));
  if (own) return own;
  const r = whole.replace(/ of .*$/, '').trim();
  const direct = ROLE_SECTORS.get(r) ?? GROUP_SECTORS.get(r);
  if (direct !== undefined) return direct;
  const words = r.split(' ');
  // Longest tail first: "former foreign minister" → "foreign minister" → "minister".
  for (let i = 1; i < words.length; i++) {
    const tail = words.slice(i).join(' ');
    const s = ROLE_SECTORS.get(tail) ?? GROUP_SECTORS.get(tail);
    if (s !== undefined) return s;
  }
  return '';
}

/** The country code ("FRA") and sector implied by an actor key alone, if any. */
function keyParts(actorKey: string): { iso3: string; sector: string; code: string } {
  if (actorKey.startsWith('country:')) return { iso3: actorKey.slice(8), sector: '', code: '' };
  if (actorKey.startsWith('org:')) {
    const e = gazetteer().entryFor(actorKey);
    if (e) return { iso3: e.iso3 ?? '', sector: e.sector ?? '', code: e.code ?? '' };
  }
  return { iso3: '', sector: '', code: '' };
}

/**
 * CAMEO-style code for an actor. `role` is the role or group noun written with the mention ("President",
 * "spokesman", "troops"); `affiliation` is the actor key it belongs to ("country:FRA" for "Elysee
 * spokesman Gabriel Attal"). Examples: ("country:USA", "troops") → "USAMIL"; ("person:gabriel attal",
 * "spokesman", "country:FRA") → "FRAGOV"; ("org:KCNA") → "PRKMED"; ("org:UN") → "IGOUNO".
 */
export function actorCode(actorKey: string | null, role?: string | null, affiliation?: string | null): string {
  const sector = roleSector(role);
  if (!actorKey) return sector;
  const own = keyParts(actorKey);
  if (own.iso3) return own.iso3 + (sector || own.sector);
  if (own.code) return own.code;
  if (affiliation && affiliation !== actorKey) {
    const aff = keyParts(affiliation);
    if (aff.iso3) return aff.iso3 + (sector || aff.sector);
    if (aff.code) return aff.code;
  }
  return sector;
}
