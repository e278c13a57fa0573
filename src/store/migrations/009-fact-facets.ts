import type { Migration } from './index.js';

/**
 * What the workbench's facets filter on, each read off an index: an event's actors (one row per actor and side,
 * with the event's date, filled by the resolve step and here from the events already stored), a quote's speaker,
 * a claim's claimant, an article's outlet. A filtered page then walks one index range instead of every row.
 */
export const migration009: Migration = {
  version: 9,
  name: 'fact-facets',
  sql: `
CREATE TABLE event_actors (entity_id TEXT NOT NULL, event_id TEXT NOT NULL, side TEXT NOT NULL, date TEXT,
  PRIMARY KEY (entity_id, event_id, side));
CREATE INDEX event_actors_event ON event_actors(event_id);
INSERT OR IGNORE INTO event_actors (entity_id, event_id, side, date)
  SELECT j.value, e.id, 'source', e.date FROM events e, json_each(e.data, '$.sourceIds') j
  UNION ALL SELECT j.value, e.id, 'target', e.date FROM events e, json_each(e.data, '$.targetIds') j;
CREATE INDEX actor_keys_entity ON actor_keys(entity_id);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
CREATE INDEX quotes_date ON quotes(date);
CREATE INDEX claims_claimant ON claims(claimant_key);
CREATE INDEX articles_outlet ON articles(outlet, published);
`,
  postgres: `
CREATE TABLE event_actors (entity_id TEXT NOT NULL, event_id TEXT NOT NULL, side TEXT NOT NULL, date TEXT,
  PRIMARY KEY (entity_id, event_id, side));
CREATE INDEX event_actors_event ON event_actors(event_id);
INSERT INTO event_actors (entity_id, event_id, side, date)
  SELECT j.value, e.id, 'source', e.date FROM events e, json_array_elements_text(e.data::json -> 'sourceIds') j
  UNION ALL SELECT j.value, e.id, 'target', e.date FROM events e, json_array_elements_text(e.data::json -> 'targetIds') j
  ON CONFLICT DO NOTHING;
CREATE INDEX actor_keys_entity ON actor_keys(entity_id);
CREATE INDEX quotes_speaker ON quotes(speaker_key);
CREATE INDEX quotes_date ON quotes(date);
CREATE INDEX claims_claimant ON claims(claimant_key);
CREATE INDEX articles_outlet ON articles(outlet, published);
`,
};
