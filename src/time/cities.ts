import { createRequire } from 'node:module';

/**
 * The world's cities from the npm package `city-timezones` (7,329 cities with English names, coordinates,
 * population, country and IANA time zone; MIT): by lower-case name, as written and in ASCII; of several cities of
 * one name, the most populous. Read once, when first asked (about 2 MB of JSON). The time stage reads a dateline
 * city's zone here when its own table of dateline places lacks it; the map places cities with it.
 */
export interface City {
  name: string;
  iso3: string;
  lat: number;
  lng: number;
  pop: number;
  timezone: string | null;
}

let table: Map<string, City> | null = null;

export function cityTable(): ReadonlyMap<string, City> {
  if (table) return table;
  const require = createRequire(import.meta.url);
  const rows = require('city-timezones/data/cityMap.json') as Array<{
    city: string;
    city_ascii: string;
    lat: number;
    lng: number;
    pop: number;
    iso3: string;
    timezone?: string;
  }>;
  const out = new Map<string, City>();
  for (const r of rows) {
    if (!r.iso3 || !Number.isFinite(r.lat) || !Number.isFinite(r.lng)) continue;
    const city: City = { name: r.city, iso3: r.iso3, lat: r.lat, lng: r.lng, pop: r.pop, timezone: r.timezone || null };
    for (const n of new Set([r.city.toLowerCase(), r.city_ascii.toLowerCase()])) {
      const had = out.get(n);
      if (!had || had.pop < city.pop) out.set(n, city);
    }
  }
  table = out;
  return out;
}

/** The city of that name (the most populous of several), or undefined. */
export function cityNamed(name: string): City | undefined {
  return cityTable().get(name.trim().toLowerCase());
}
