import type { ParsedArgs } from './args.js';
import { UsageError } from './args.js';
import { storeLocation } from '../store/index.js';

/** A PostgreSQL connection URL. */
export function isPostgresUrl(s: string | undefined): s is string {
  return s !== undefined && /^postgres(?:ql)?:\/\//i.test(s);
}

/**
 * The job queue's PostgreSQL: `--queue`, else `SITREP_QUEUE`, else the store's (`--db`, `SITREP_DB`) when that is
 * a PostgreSQL URL. A usage error when none is given.
 */
export function queueUrl(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env): string {
  const url = args.values.get('queue') ?? env.SITREP_QUEUE ?? dbFallback(args, env);
  if (!url) throw new UsageError('give the queue: --queue postgres://… (or SITREP_QUEUE, or a postgres:// --db)');
  if (!isPostgresUrl(url)) throw new UsageError(`the queue must be a postgres:// URL, not "${url}"`);
  return url;
}

function dbFallback(args: ParsedArgs, env: NodeJS.ProcessEnv): string | undefined {
  const db = args.values.get('db') ?? env.SITREP_DB;
  return isPostgresUrl(db) ? db : undefined;
}

/**
 * The store a worker writes to: `--db`, else `SITREP_DB`, else `./sitrep.db` (as `sitrep analyze`): a SQLite file, or
 * a PostgreSQL URL (the one store every worker machine shares).
 */
export function storePath(args: ParsedArgs, env: NodeJS.ProcessEnv = process.env): string {
  return storeLocation(args.values.get('db'), env);
}

/** A whole number flag at least `min`, or its default. */
export function wholeFlag(args: ParsedArgs, name: string, fallback: number, min = 0): number {
  const raw = args.values.get(name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} takes a whole number ≥ ${min}`);
  return n;
}
