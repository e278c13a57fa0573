import { getDomain, getHostname } from 'tldts';
import type { DateEvidence } from '../model/index.js';
import { monthNumber } from '../model/lexicon/index.js';
import { OUTLETS } from './data/outlets.js';

const LEADING_JUNK = /^[\s<("'“‘[{]+/;
const TRAILING_JUNK = /[\s>)"'”’\]},.;:!?|*]+$/;

/**
 * Repair a URL damaged by a scraper or a paste: stray quotes/brackets/punctuation around it, spaces or
 * line breaks inside it, a missing scheme. Returns null when what is left is not a plausible http(s) URL.
 */
/**
 * A source-given URL kept only when it is http(s): a stored URL becomes a link in the UI and a column of the
 * exports, so `javascript:`, `data:`, `file:` … are dropped (with `warning` saying so). Kept as written
 * otherwise: an article's id hashes its URL, so rewriting it would make a re-ingested article new.
 */
export function httpUrl(raw: string | null | undefined): { url: string | null; warning: string | null } {
  if (raw === null || raw === undefined || raw.trim() === '') return { url: null, warning: null };
  let ok = false;
  try {
    const u = new URL(raw.trim());
    ok = (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    ok = false;
  }
  if (ok) return { url: raw, warning: null };
  return { url: null, warning: `URL ${JSON.stringify(raw.slice(0, 80))} is not http(s): dropped` };
}

export function cleanUrl(raw: string): string | null {
  let s = raw.replace(LEADING_JUNK, '').replace(TRAILING_JUNK, '');
  // Pasted URLs get broken by spaces and line breaks; a URL never contains whitespace.
  s = s.replace(/\s+/g, '');
  s = s.replace(/^(?:hxxps?|https?)[:;]\/*/i, (m) => (/s[:;]/i.test(m) ? 'https://' : 'http://'));
  if (/^www\./i.test(s) || /^[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}(?:\/|$)/i.test(s)) s = `https://${s}`;
  if (!/^https?:\/\//i.test(s)) return null;
  s = s.replace(TRAILING_JUNK, '');
  try {
    const u = new URL(s);
    if (!u.hostname.includes('.')) return null;
    return u.toString();
  } catch {
    return null;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function validDay(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * A publication date written into a URL path: `/2021/04/06/`, `-2021-04-06`, `/20210406/`,
 * `/2021/apr/06/`, or only `/2021/04/` (month precision).
 */
export function dateFromUrl(url: string): DateEvidence | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const day =
    /(?:^|[/_-])((?:19|20)\d\d)[/_-](\d{1,2})[/_-](\d{1,2})(?=$|[/_.-])/.exec(path) ??
    /(?:^|[/_-])((?:19|20)\d\d)(\d\d)(\d\d)(?=$|[/_.-])/.exec(path);
  if (day) {
    const [y, m, d] = [Number(day[1]), Number(day[2]), Number(day[3])];
    if (validDay(y, m, d)) return { value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', from: 'url', evidence: url };
  }
  const named = /(?:^|\/)((?:19|20)\d\d)\/([a-z]{3,9})\/(\d{1,2})(?=$|\/)/i.exec(path);
  if (named) {
    const m = monthNumber(named[2]!);
    const [y, d] = [Number(named[1]), Number(named[3])];
    if (m && validDay(y, m, d))
      return { value: `${y}-${pad(m)}-${pad(d)}`, precision: 'day', from: 'url', evidence: url };
  }
  const month = /(?:^|\/)((?:19|20)\d\d)\/(\d{1,2})(?=\/)/.exec(path);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    if (m >= 1 && m <= 12) return { value: `${y}-${pad(m)}`, precision: 'month', from: 'url', evidence: url };
  }
  return null;
}

/**
 * Outlet display name for a URL: the table of well-known outlets (by full host, then registrable
 * domain); else the registrable domain itself as a last resort.
 */
export function outletFromUrl(url: string): string | null {
  const host =
    getHostname(url)
      ?.toLowerCase()
      .replace(/^www\./, '') ?? null;
  if (!host) return null;
  const known = OUTLETS[host];
  if (known) return known;
  const domain = getDomain(url)?.toLowerCase() ?? null;
  if (domain && OUTLETS[domain]) return OUTLETS[domain]!;
  return domain ?? host;
}

/** Whether an outlet name is only the registrable-domain fallback (so a better name may replace it). */
export function isDomainFallback(outlet: string | null, url: string | null): boolean {
  if (!outlet || !url) return outlet === null;
  return outlet === (getDomain(url)?.toLowerCase() ?? '');
}

const NAME_RE = /(?:The\s+)?\p{Lu}[\p{L}'’&-]*(?:\s+\p{Lu}[\p{L}'’&-]*){0,3}/gu;

/**
 * A display name for an outlet the table does not know, found in the article itself: a capitalized
 * phrase ("The Tidewater Herald", "Pacific Ledger" in a credit) whose letters spell the domain's name.
 * Falls back to a hyphenated domain label in title case ("northgate-news" → "Northgate News").
 */
export function outletNameFor(domain: string, texts: readonly string[]): string | null {
  const label = domain.split('.')[0] ?? '';
  const compact = label.replace(/[^a-z0-9]/g, '');
  if (compact.length < 4) return null;
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.matchAll(NAME_RE)) {
      const phrase = m[0];
      const letters = phrase.toLowerCase().replace(/[^a-z0-9]/g, '');
      if (letters === compact) return phrase;
      if (letters.startsWith('the') && letters.slice(3) === compact) return phrase;
      // A longer phrase may contain the name ("Photo: Pacific Ledger"): try its tail words.
      const words = phrase.split(/\s+/);
      for (let i = 1; i < words.length; i++) {
        const tail = words.slice(i).join(' ');
        if (tail.toLowerCase().replace(/[^a-z0-9]/g, '') === compact) return tail;
      }
    }
  }
  if (/^[a-z]+(?:-[a-z]+)+$/.test(label)) return titleCase(label.split('-'));
  return splitOutletLabel(compact);
}

/** Words news outlets end their names with ("Herald", "Gazette") or open them with ("Daily", "Evening"). */
const OUTLET_HEADS = [
  'broadcasting',
  'broadcast',
  'chronicle',
  'gazette',
  'herald',
  'journal',
  'courier',
  'tribune',
  'ledger',
  'times',
  'post',
  'news',
  'daily',
  'observer',
  'guardian',
  'telegraph',
  'express',
  'mirror',
  'standard',
  'record',
  'review',
  'wire',
  'press',
  'report',
  'reporter',
  'today',
  'sentinel',
  'examiner',
  'dispatch',
  'bulletin',
  'monitor',
  'mail',
  'star',
  'sun',
  'globe',
  'register',
  'enquirer',
  'inquirer',
  'independent',
  'insider',
  'digest',
  'weekly',
  'radio',
  'television',
  'media',
  'network',
  'online',
  'newswire',
  'leader',
  'advertiser',
  'argus',
  'echo',
  'gleaner',
  'voice',
] as const;
const OUTLET_OPENERS = [
  'daily',
  'evening',
  'morning',
  'sunday',
  'weekly',
  'new',
  'north',
  'south',
  'east',
  'west',
] as const;

function titleCase(words: readonly string[]): string {
  return words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

/**
 * A run-together domain label read as words when it ends with an outlet word: "tidewaterherald" → "Tidewater
 * Herald", "eveningcourier" → "Evening Courier". Null when it does not split that way.
 */
function splitOutletLabel(compact: string): string | null {
  if (!/^[a-z]+$/.test(compact)) return null;
  const head = OUTLET_HEADS.find((w) => compact.endsWith(w) && compact.length - w.length >= 3);
  if (!head) return null;
  const words = [compact.slice(0, -head.length)];
  const opener = OUTLET_OPENERS.find((w) => words[0]!.startsWith(w) && words[0]!.length - w.length >= 3);
  if (opener) words.splice(0, 1, opener, words[0]!.slice(opener.length));
  return titleCase([...words, head]);
}
