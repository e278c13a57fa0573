/**
 * What the caches of a connection count against their budgets, in bytes. A V8 string holds one byte a character
 * when every character fits in Latin-1 and two otherwise, so two bytes a character is what a string can take, whatever
 * its text; a kept entry adds its Map slot and object headers, counted as ENTRY_BYTES.
 */
export const stringBytes = (s: string): number => 2 * s.length;

/** A cache entry's own overhead besides its strings (Map slot, object header, a number or two), in bytes. */
export const ENTRY_BYTES = 64;
