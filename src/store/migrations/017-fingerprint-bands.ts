import type { Migration } from './index.js';

/**
 * The duplicate detector's LSH bands of each stored fingerprint, indexed on PostgreSQL, so that a writer looks up
 * only the stored articles that may be duplicates of the ones it is about to store (an index lookup by text hash or
 * band) instead of reading every stored fingerprint when it starts (`src/store/pg/article-writer.ts`).
 *
 * A band is 4 rows of the 128-number MinHash signature (`src/resolve/lsh.ts`: 32 bands × 4 rows), 16 bytes of
 * `minhash` as stored (little-endian 32-bit numbers); `sitrep_minhash_bands` cuts the signature into them and a GIN
 * index holds them, so `sitrep_minhash_bands(minhash) && $1` finds the signatures sharing a band with any of `$1`.
 * An expression index: no column is added (the working copy and the export see the table as before), and the rows
 * a store already holds are indexed by this migration.
 *
 * SQLite's store keeps reading every fingerprint into its in-memory index: nothing changes there.
 */
export const migration017: Migration = {
  version: 17,
  name: 'fingerprint-bands',
  sql: `
-- SQLite: the duplicate detector reads the fingerprints into memory; no index.
`,
  postgres: `
CREATE FUNCTION sitrep_minhash_bands(minhash BYTEA) RETURNS BYTEA[]
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT ARRAY(SELECT substring(minhash FROM i FOR 16) FROM generate_series(1, length(minhash), 16) AS i ORDER BY i) $$;
CREATE INDEX article_fingerprints_bands ON article_fingerprints USING gin (sitrep_minhash_bands(minhash));
`,
};
