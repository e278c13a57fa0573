import { parse } from 'tldts';
import type { DocumentDate } from '../model/index.js';
import { addDays, fmtDay, parsePartialDay, type Day } from './calendar.js';
import { cityNamed } from './cities.js';
import { PLACE_ZONES, TLD_ZONES } from './data/zones.js';

/**
 * Where a story was written, and which local days its publisher's date allows.
 *
 * A URL or metadata date is the publisher's day — for the wires and most English-language sites a US or
 * UTC day. A story filed from Seoul on a Thursday morning is stamped Wednesday there, so "on Thursday"
 * read against the stamp would be last week's. The dateline's place gives the story's zone; the local days
 * whose working hours overlap the publisher's day form the window a weekday may fall in.
 */

/** The place a dateline opens with: "SEOUL (Reuters) -", "VLADIVOSTOK, Russia, Sept. 13 (AP) —", "KYIV —". */
const DATELINE_PLACE =
  /^\s*(?<place>\p{Lu}[\p{Lu}.'’ -]{1,40}?|\p{Lu}[\p{L}.'’ -]{1,40}?(?=\s*(?:,[^(—–]{1,40})?\s*\())(?:,\s+(?<region>\p{Lu}[\p{L}.]*(?:\s+\p{Lu}[\p{L}.]*){0,2}))?(?:,\s+[\p{L}.]+\s+\d{1,2}(?:,\s+\d{4})?|,\s+\d{1,2}\s+\p{L}+\.?(?:\s+\d{4})?)?\s*(?:\([^)]{1,40}\)\s*)?(?:—|–|-|_|:)\s/u;

export interface DatelinePlace {
  place: string;
  zone: string;
}

/** The dateline's place and its IANA zone, when the text opens with a dateline whose place (or region) is known. */
export function datelinePlace(text: string): DatelinePlace | null {
  const m = DATELINE_PLACE.exec(text.slice(0, 160));
  if (!m?.groups) return null;
  const place = m.groups.place!.trim();
  // The table of dateline places first (it spells places as datelines do and knows single-zone countries), then the
  // world's cities (the most populous of that name) for a city the table lacks ("KHERSON, Ukraine —").
  const zone =
    PLACE_ZONES[place.toLowerCase()] ??
    PLACE_ZONES[(m.groups.region ?? '').toLowerCase()] ??
    cityNamed(place)?.timezone ??
    null;
  return zone ? { place, zone } : null;
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
/** Offsets already computed, by zone and day: articles of a corpus share a few days, and `Intl` is slow. */
const offsets = new Map<string, number>();
const MAX_CACHED_OFFSETS = 4096;

/** A zone's offset from UTC in minutes at noon UTC of `day` (summer time included), from `Intl`. */
export function utcOffsetMinutes(zone: string, day: Day): number {
  const key = `${zone}|${day.y}-${day.m}-${day.d}`;
  const known = offsets.get(key);
  if (known !== undefined) return known;
  if (offsets.size >= MAX_CACHED_OFFSETS) offsets.clear();
  const minutes = offsetOf(zone, day);
  offsets.set(key, minutes);
  return minutes;
}

function offsetOf(zone: string, day: Day): number {
  let f = offsetFormats.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' });
    offsetFormats.set(zone, f);
  }
  const noon = new Date(Date.UTC(2000, day.m - 1, day.d, 12));
  noon.setUTCFullYear(day.y);
  const name = f.formatToParts(noon).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
}

/** The zone a publisher stamps its dates in, from its site's country-code domain; null when unknown. */
export function publisherZone(url: string | null): string | null {
  if (!url) return null;
  const suffix = parse(url).publicSuffix;
  return suffix ? (TLD_ZONES[suffix.split('.').pop()!] ?? null) : null;
}

/**
 * The zone a story was written in: its dateline's place, else its publisher's country-code domain; null when
 * neither says (holidays kept by country are then left unvalued).
 */
export function storyZone(text: string, url: string | null): string | null {
  return datelinePlace(text)?.zone ?? publisherZone(url);
}

/** When reporters file: a local day whose hours 08:00–22:00 overlap the publisher's day is one the story may be from. */
const WORK_START = 8 * 60;
const WORK_END = 22 * 60;

/** Publisher zones assumed when the site says nothing: US Eastern to UTC. */
const DEFAULT_PUBLISHER_ZONES = ['America/New_York', 'Etc/UTC'];

export interface LocalDays {
  /** The dateline's place and zone. */
  place: string;
  zone: string;
  /** The first and last local day (`YYYY-MM-DD`) the story may have been written on. */
  from: string;
  to: string;
}

/**
 * The local days at the dateline's place that a publisher's day allows. Only a day read as the publisher's
 * (URL or metadata) has a window; a dateline or caption day is already local.
 */
export function localDays(text: string, url: string | null, anchor: DocumentDate | null): LocalDays | null {
  if (anchor?.precision !== 'day' || (anchor.from !== 'url' && anchor.from !== 'metadata')) return null;
  const p = parsePartialDay(anchor.value);
  if (!p || p.m === null || p.d === null) return null;
  const day: Day = { y: p.y, m: p.m, d: p.d };
  const where = datelinePlace(text);
  if (!where) return null;
  const publisher = publisherZone(url);
  const offsets = (publisher ? [publisher] : DEFAULT_PUBLISHER_ZONES).map((z) => utcOffsetMinutes(z, day));
  const local = utcOffsetMinutes(where.zone, day);
  // The publisher's day in local minutes from the local midnight starting `day`: [start, end).
  const start = local - Math.max(...offsets);
  const end = 24 * 60 + local - Math.min(...offsets);
  let first = Math.floor(start / 1440);
  let last = Math.floor((end - 1) / 1440);
  while (first < last && !overlapsWork(first, start, end)) first++;
  while (last > first && !overlapsWork(last, start, end)) last--;
  return { place: where.place, zone: where.zone, from: fmtDay(addDays(day, first)), to: fmtDay(addDays(day, last)) };
}

function overlapsWork(k: number, start: number, end: number): boolean {
  return k * 1440 + WORK_START < end && start < k * 1440 + WORK_END;
}
