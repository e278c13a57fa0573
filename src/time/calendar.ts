/**
 * Calendar arithmetic on UTC dates, and the TIMEX3 value formats built from them. A `Day` is a plain
 * {y, m, d} (month 1–12) so values never drift with the machine's time zone.
 */
export interface Day {
  y: number;
  m: number;
  d: number;
}

/** A reference point that may be known only to the month or year (an anchor read from a month-only URL). */
export interface PartialDay {
  y: number;
  m: number | null;
  d: number | null;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function fmtDay(t: Day): string {
  return `${pad(t.y, 4)}-${pad(t.m)}-${pad(t.d)}`;
}

export function fmtMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function fmtYear(y: number): string {
  return pad(y, 4);
}

function toUtc(t: Day): Date {
  const date = new Date(Date.UTC(2000, t.m - 1, t.d));
  date.setUTCFullYear(t.y);
  return date;
}

function fromUtc(date: Date): Day {
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay(y: number, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Whether `s` is a day of the calendar written `YYYY-MM-DD` ("2024-02-30" and "2024-13-01" are not). */
export function isIsoDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isValidDay(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function addDays(t: Day, n: number): Day {
  const date = toUtc(t);
  date.setUTCDate(date.getUTCDate() + n);
  return fromUtc(date);
}

/** Shift by whole months, as a month (day dropped). */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (((k % 12) + 12) % 12) + 1 };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function weekday(t: Day): number {
  const w = toUtc(t).getUTCDay();
  return w === 0 ? 7 : w;
}

/** ISO 8601 week of a day. */
export function isoWeek(t: Day): { y: number; w: number } {
  const thursday = addDays(t, 4 - weekday(t));
  const jan1: Day = { y: thursday.y, m: 1, d: 1 };
  const ordinal = Math.round((toUtc(thursday).getTime() - toUtc(jan1).getTime()) / 86_400_000);
  return { y: thursday.y, w: Math.floor(ordinal / 7) + 1 };
}

export function fmtWeek(t: Day): string {
  const { y, w } = isoWeek(t);
  return `${pad(y, 4)}-W${pad(w)}`;
}

/** The days of an ISO week (Monday first). */
export function weekDays(t: Day): Day[] {
  const monday = addDays(t, 1 - weekday(t));
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i));
}

export function quarterOf(m: number): number {
  return Math.floor((m - 1) / 3) + 1;
}

export function compareDays(a: Day, b: Day): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function dayDiff(a: Day, b: Day): number {
  return Math.round((toUtc(a).getTime() - toUtc(b).getTime()) / 86_400_000);
}

/** Parse `YYYY`, `YYYY-MM`, `YYYY-MM-DD` or `YYYY-MM-DDThh:mm…` into a partial day; null if malformed. */
export function parsePartialDay(value: string): PartialDay | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(
    value.trim(),
  );
  if (!m) return null;
  const y = Number(m[1]);
  const mo = m[2] ? Number(m[2]) : null;
  const d = m[3] ? Number(m[3]) : null;
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  if (d !== null && !isValidDay(y, mo!, d)) return null;
  if (m[3] === undefined && value.includes('T')) return null;
  return { y, m: mo, d };
}

export function fullDay(p: PartialDay | null): Day | null {
  return p && p.m !== null && p.d !== null ? { y: p.y, m: p.m, d: p.d } : null;
}
