import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { gazetteer } from '../language/index.js';
import { eventLocations, type DateRange, type Db, type Facets, NO_FACETS } from '../store/index.js';

/**
 * Where events happened, on a map: each event's place name is looked up in the gazetteer (a country, its
 * capital or seat of government, its demonym) and placed at its country's point from `world-countries` (the
 * offline data the gazetteer is built from; it has a point per country, none per city). Names the gazetteer
 * does not know are counted as unplaced and listed by name.
 */
export interface Place {
  /** ISO 3166-1 alpha-3 of the country. */
  iso3: string;
  name: string;
  lat: number;
  lng: number;
  events: number;
  /** The place names, as the events give them, that fell here. */
  names: string[];
}

let points: Map<string, { name: string; lat: number; lng: number }> | null = null;
function countryPoints(): Map<string, { name: string; lat: number; lng: number }> {
  if (points) return points;
  const require = createRequire(import.meta.url);
  const countries = require('world-countries/countries.json') as Country[];
  points = new Map(countries.map((c) => [c.cca3, { name: c.name.common, lat: c.latlng[0], lng: c.latlng[1] }]));
  return points;
}

export function eventPlaces(
  db: Db,
  range: DateRange = {},
  facets: Facets = NO_FACETS,
): { places: Place[]; unplaced: Array<{ location: string; events: number }> } {
  const gz = gazetteer();
  const byIso = new Map<string, Place>();
  const unplaced: Array<{ location: string; events: number }> = [];
  for (const l of eventLocations(db, range, facets)) {
    const iso3 = gz.lookup(l.location)?.iso3 ?? null;
    const point = iso3 ? countryPoints().get(iso3) : undefined;
    if (!iso3 || !point) {
      unplaced.push(l);
      continue;
    }
    let place = byIso.get(iso3);
    if (!place) byIso.set(iso3, (place = { iso3, ...point, events: 0, names: [] }));
    place.events += l.events;
    place.names.push(l.location);
  }
  return { places: [...byIso.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)), unplaced };
}
