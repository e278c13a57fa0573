import { monthNumberOfPrefix } from '../../model/lexicon/index.js';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function day(y: number, m: number, d: number): string | null {
  if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1) return null;
  if (d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

/**
 * A machine-written date stamp from page metadata → `YYYY-MM-DD` as the publisher wrote it (the local
 * date, not shifted to UTC). Reads ISO 8601, RFC 2822, "April 6, 2021", "6 April 2021" and epoch
 * seconds/milliseconds; anything else gives null.
 */
export function parseStamp(raw: string): string | null {
  const s = raw.trim();
  if (!s) return null;
  let m =
    /^((?:19|20)\d\d)-?(\d\d)-?(\d\d)(?:$|[T\s_])/.exec(s) ?? /^((?:19|20)\d\d)[/.](\d{1,2})[/.](\d{1,2})\b/.exec(s);
  if (m) return day(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([a-z]{3,9})\.?,?\s+((?:19|20)\d\d)\b/i.exec(s);
  if (m && monthNumberOfPrefix(m[2]!)) return day(Number(m[3]), monthNumberOfPrefix(m[2]!), Number(m[1]));
  m = /\b([a-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)\b/i.exec(s);
  if (m && monthNumberOfPrefix(m[1]!)) return day(Number(m[3]), monthNumberOfPrefix(m[1]!), Number(m[2]));
  if (/^\d{10}(?:\d{3})?$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    const d = new Date(ms);
    return day(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
  }
  return null;
}
