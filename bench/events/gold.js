// Gold event sets for the events bench, read from the shared data folder, each record split into `tune` or
// `check` by its story. Nothing here is copied into the repository: records are read at run time.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sharedDataDir } from '../devsets/load.js';

/** Salt of the split rule, fixed once: a story is `tune` when sha256(salt + story)[0] < 128. */
export const GOLD_SPLIT_SALT = 'sitrep-events-gold/1:';

export function splitOfStory(story) {
  return createHash('sha256')
    .update(GOLD_SPLIT_SALT + story, 'utf8')
    .digest()[0] < 128
    ? 'tune'
    : 'check';
}

const OLD = { DEMAND: 'REQUEST', DISAPPROVE: 'ACCUSE', INVESTIGATE: 'ACCUSE', FIGHT: 'ASSAULT' };

/** CAMEO code → PLOVER type from CAMEO2PLOVER-2021.txt; a code missing from the table falls back to its parent. */
export function cameoToPlover(dataDir = sharedDataDir()) {
  const map = new Map();
  const file = join(dataDir, 'event-coding/plover-gsr/CAMEO2PLOVER-2021.txt');
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (m && !map.has(m[1])) map.set(m[1], m[2]);
  }
  return (code) => {
    for (let c = String(code); c.length >= 2; c = c.slice(0, -1)) if (map.has(c)) return map.get(c);
    return null;
  };
}

const lines = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l));

/**
 * Every gold record as `{set, id, story, split, text, date, events: [{type, source: [text|code], target, codes}]}`.
 * `events: []` is a sentence with no event. PLOVER actors are texts; PETRARCH actors are CAMEO-style codes.
 * Stories: a PLOVER record is its own story; a PETRARCH-2 validation record's story is its AFP document
 * (id before the last "_"); a unit-test record's story is its numbered family (DEMO-0x).
 */
export function goldRecords(dataDir = sharedDataDir()) {
  const base = join(dataDir, 'event-coding');
  const toPlover = cameoToPlover(dataDir);
  const out = [];
  for (const r of lines(join(base, 'plover-gsr/PLOVER_GSR_CAMEO.dev.jsonl'))) {
    if (typeof r.text !== 'string' || !r.event || r.event === 'DOCUMENT') continue;
    const names = (v) => (Array.isArray(v) ? v.map((a) => a.actorText ?? '').filter(Boolean) : []);
    out.push({
      set: 'plover',
      id: r.id,
      story: r.id,
      text: r.text,
      date: null,
      eventText: typeof r.eventText === 'string' ? r.eventText : '',
      events: [{ type: OLD[r.event] ?? r.event, source: names(r.source), target: names(r.target), codes: false }],
    });
  }
  const petrarch = (set, file, story) => {
    for (const r of lines(join(base, file))) {
      const events = [];
      let unmapped = false;
      for (const e of r.expected ?? []) {
        if (e.noevents) continue;
        const type = toPlover(e.eventcode);
        if (!type) {
          unmapped = true;
          continue;
        }
        events.push({ type, source: [e.sourcecode ?? ''], target: [e.targetcode ?? ''].filter(Boolean), codes: true });
      }
      // A sentence whose only codings are CAMEO statements (01, 02) has no PLOVER event but is not a
      // no-event sentence either: it is left out rather than scored as one.
      if (unmapped && events.length === 0) continue;
      const d = /^(\d{4})(\d{2})(\d{2})$/.exec(r.date ?? '');
      out.push({ set, id: r.id, story: story(r.id), text: r.text, date: d ? `${d[1]}-${d[2]}-${d[3]}` : null, events });
    }
  };
  petrarch('petrarch2-gsr', 'petrarch2-gsr/PETR2_GSR_validation.jsonl', (id) => id.replace(/_[^_]*$/, ''));
  petrarch('petrarch2-unittest', 'petrarch2-unittest/PETR.UnitTest.records.jsonl', (id) => id.slice(0, -1));
  for (const r of out) r.split = splitOfStory(`${r.set}:${r.story}`);
  return out;
}
