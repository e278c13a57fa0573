import type { AliasFile } from '../resolve/index.js';
import type { Db } from './db.js';

/**
 * The alias file the last `sitrep analyze` resolved with, kept in the store so that a resolve started elsewhere
 * (a correction made in the workbench, a worker adding articles) applies the same merges, splits and renames
 * instead of silently dropping them. `analyze` replaces it each run (an empty file clears it).
 */
export function storedAliasFile(db: Db): unknown | null {
  const row = db.prepare("SELECT value FROM meta WHERE key = 'alias_file'").get() as { value: string } | undefined;
  if (!row) return null;
  try {
    return JSON.parse(row.value);
  } catch {
    throw new Error('the alias file kept in the store is not valid JSON; run `sitrep analyze --aliases FILE` again');
  }
}

/** Keep `file` as the store's alias file (see `storedAliasFile`). */
export function storeAliasFile(db: Db, file: AliasFile): void {
  db.prepare(
    "INSERT INTO meta (key, value) VALUES ('alias_file', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
  ).run(JSON.stringify(file));
}
