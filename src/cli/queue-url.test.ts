import { describe, expect, it } from 'vitest';
import { parseArgs, UsageError } from './args.js';
import { queueUrl, storePath } from './queue-url.js';

const args = (...argv: string[]) => parseArgs(argv, { values: ['queue', 'db'] });

describe('queueUrl', () => {
  it('takes --queue, then SITREP_QUEUE, then a postgres --db or SITREP_DB', () => {
    const env = { SITREP_QUEUE: 'postgres://q/env', SITREP_DB: 'postgres://db/env' };
    expect(queueUrl(args('--queue', 'postgres://q/flag', '--db', 'postgres://db/flag'), env)).toBe('postgres://q/flag');
    expect(queueUrl(args('--db', 'postgres://db/flag'), env)).toBe('postgres://q/env');
    expect(queueUrl(args('--db', 'postgresql://db/flag'), {})).toBe('postgresql://db/flag');
    expect(queueUrl(args(), { SITREP_DB: 'postgres://db/env' })).toBe('postgres://db/env');
  });

  it('refuses a SQLite store as the queue, and no queue at all', () => {
    expect(() => queueUrl(args('--db', 'sitrep.db'), {})).toThrow(UsageError);
    expect(() => queueUrl(args('--queue', 'sitrep.db'), {})).toThrow(/must be a postgres:\/\/ URL/);
  });
});

describe('storePath', () => {
  it('takes --db, then SITREP_DB, then ./sitrep.db', () => {
    expect(storePath(args('--db', 'a.db'), { SITREP_DB: 'b.db' })).toBe('a.db');
    expect(storePath(args(), { SITREP_DB: 'b.db' })).toBe('b.db');
    expect(storePath(args(), {})).toBe('sitrep.db');
  });

  it('takes a PostgreSQL store, which workers write to natively', () => {
    expect(storePath(args('--db', 'postgres://db/flag'), {})).toBe('postgres://db/flag');
    expect(storePath(args(), { SITREP_DB: 'postgresql://db/env' })).toBe('postgresql://db/env');
  });
});
