/**
 * Keyset ("seek") paging: a page after a position in a list's order instead of after a count of rows. A page at
 * `OFFSET n` walks n index entries before its first row, so a deep page costs in proportion to its depth; a page
 * after a cursor starts at its key in the same index and costs what the first page costs, whatever its depth.
 *
 * A cursor is opaque to clients: the list's name and the sort key of the last row a page returned, as base64url
 * JSON. Every paged list answers `next`, the cursor of its last row (null on the last page); a client passes it back
 * as `cursor` for the following page. The rows are exactly those offset paging gives (the same order, ties broken by
 * the same unique key), only cheaper to reach.
 */

/** A cursor that is not one this list made (mistyped, cut, another list's): the caller answers 400. */
export class CursorError extends Error {}

/** The lists that page by cursor, each with the types of its key's parts. */
const KEYS = {
  articles: ['string?', 'number'],
  entities: ['number', 'string', 'number'],
  events: ['string?', 'string'],
  quotes: ['number', 'number'],
  claims: ['number', 'number'],
} as const;

export type CursorList = keyof typeof KEYS;
export type CursorKey = Array<string | number | null>;

/** The cursor after a row whose sort key is `key`. */
export function encodeCursor(list: CursorList, key: CursorKey): string {
  return Buffer.from(JSON.stringify([list, ...key]), 'utf8').toString('base64url');
}

/** The sort key a cursor of `list` carries; throws `CursorError` for anything else. */
export function decodeCursor(list: CursorList, cursor: string): CursorKey {
  const bad = (): never => {
    throw new CursorError('cursor is not valid here: pass back the `next` of a page of this list');
  };
  if (cursor.length > 2000 || !/^[A-Za-z0-9_-]+$/.test(cursor)) bad();
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return bad();
  }
  const types = KEYS[list];
  if (!Array.isArray(parsed) || parsed[0] !== list || parsed.length !== types.length + 1) bad();
  const key = (parsed as unknown[]).slice(1);
  types.forEach((t, i) => {
    const v = key[i];
    const ok =
      (v === null && t.endsWith('?')) ||
      (typeof v === 'string' && t.startsWith('string')) ||
      (typeof v === 'number' && t === 'number' && Number.isSafeInteger(v));
    if (!ok) bad();
  });
  return key as CursorKey;
}

/** A page of `limit` rows read as `limit + 1`: the rows, and the cursor after the last when more follow. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string): { items: T[]; next: string | null } {
  if (rows.length <= limit) return { items: rows, next: null };
  const items = rows.slice(0, limit);
  return { items, next: keyOf(items.at(-1)!) };
}
