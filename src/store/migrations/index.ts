/**
 * Numbered migrations, additive for data (a migration may replace an index, never drop a table or column a reader
 * uses). Never edit a shipped migration; add the next number.
 * Each runs in its own transaction; `schema_migrations` records what has been applied.
 */
import { migration001 } from './001-init.js';
import { migration002 } from './002-sources.js';
import { migration003 } from './003-claim-groups.js';
import { migration004 } from './004-fact-dates.js';
import { migration005 } from './005-boundary-confidence.js';
import { migration006 } from './006-list-indexes.js';
import { migration007 } from './007-quote-parts.js';
import { migration008 } from './008-stemmed-search-corrections.js';
import { migration009 } from './009-fact-facets.js';
import { migration010 } from './010-read-indexes.js';
import { migration011 } from './011-stories.js';
import { migration012 } from './012-event-flag-indexes.js';
import { migration013 } from './013-correction-snapshots.js';
import { migration014 } from './014-written-order.js';
import { migration015 } from './015-filter-indexes.js';
import { migration016 } from './016-mention-order.js';
import { migration017 } from './017-fingerprint-bands.js';
import { migration018 } from './018-event-members.js';

export interface Migration {
  version: number;
  name: string;
  /** SQLite's SQL. */
  sql: string;
  /**
   * PostgreSQL's SQL where SQLite's is not valid there (types, full-text index, JSON functions); absent when the
   * same SQL serves both.
   */
  postgres?: string;
}

export const MIGRATIONS: readonly Migration[] = [
  migration001,
  migration002,
  migration003,
  migration004,
  migration005,
  migration006,
  migration007,
  migration008,
  migration009,
  migration010,
  migration011,
  migration012,
  migration013,
  migration014,
  migration015,
  migration016,
  migration017,
  migration018,
];
