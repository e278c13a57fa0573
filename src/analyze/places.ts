import { createRequire } from 'node:module';
import type { Country } from 'world-countries';
import { gazetteer } from '../language/index.js';
import { cityNamed } from '../time/index.js';
import { eventLocations, type DateRange, type Db, type Facets, NO_FACETS } from '../store/index.js';

/**
 * Where events happened, on a map: each event's place name is looked up in the gazetteer (a country, its
 * capital or seat of government, its demonym) and placed at its country's point from `world-countries` (the
 * offline data the gazetteer is built from; it has a point per country, none per city). A name the gazetteer does
 * not know may be a city: looked up in the city table of `city-timezones` (7,300 cities of the world with English
 * names, coordinates and population; of several cities of one name, the most populous), it is placed at the city's
 * own point as a place of its own. Names neither knows are counted as unplaced and listed by name.
 */
export interface Place {
  /** What the place is: a country (with every name placed there), or a city outside the gazetteer. */
  kind: 'country' | 'city';
  /** Unique among the places: the country's ISO 3166-1 alpha-3, or `ISO3:city name` for a city. */
  key: string;
  /** ISO 3166-1 alpha-3 of the country (of the city's country, for a city). */
  iso3: string;
  name: string;
  /** A city's country, by its common name (null for a country). */
  country: string | null;
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
    let place: Place | undefined;
    if (iso3 && point) {
      place = byIso.get(iso3);
      if (!place)
        byIso.set(iso3, (place = { kind: 'country', key: iso3, iso3, ...point, country: null, events: 0, names: [] }));
    } else {
      const city = cityNamed(l.location);
      if (city) {
        const key = `${city.iso3}:${city.name}`;
        place = byIso.get(key);
        if (!place)
          byIso.set(
            key,
            (place = {
              kind: 'city',
              key,
              iso3: city.iso3,
              name: city.name,
              country: countryPoints().get(city.iso3)?.name ?? null,
              lat: city.lat,
              lng: city.lng,
              events: 0,
              names: [],
            }),
          );
      }
    }
    if (!place) {
      unplaced.push(l);
      continue;
    }
    place.events += l.events;
    place.names.push(l.location);
  }
  return { places: [...byIso.values()].sort((a, b) => b.events - a.events || a.name.localeCompare(b.name)), unplaced };
}
