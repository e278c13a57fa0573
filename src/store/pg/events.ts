import type pg from 'pg';
import type { Correction, EventMention, ExportEvent } from '../../model/index.js';
import {
  EventMerger,
  applyEventCorrections,
  eventMergeKey,
  exportEvent,
  mayMeet,
  type CorrectionActors,
  type MergeKey,
} from '../../resolve/index.js';
import { EVENTS_MERGED, copyRows } from './mirror.js';

/**
 * Events merged in the PostgreSQL store itself, by what new articles touch (docs/scale.md, "Incremental resolve",
 * step 3). `EventMerger`'s result depends on the order mentions come in (a mention joins the first compatible event
 * of its key; folds go weakest first, in the order events were made, and a fold makes an event's date finer) and on
 * other mentions than a new one's (a vague mention folds only into the one event it fits). What it cannot depend on
 * are mentions no chain of `mayMeet` links to it: so the merge of a set closed under that relation, in the full
 * merge's order (per type: date, undated first, then article seq and position), gives that set exactly the events a
 * full merge gives it. The step finds that set from the new articles' mentions, merges it, and replaces only its
 * events (their old members are read from `event_members` and pulled in too).
 *
 * Event ids are the merge's own (a hash of the event's key and date), not an order of arrival; every reader orders
 * events by (date, id), never by `rowid`, which is a locator only (drawn from `events_rowid_seq`): so the rows an
 * incremental merge leaves are a full merge's rows, `rowid` aside.
 */

export interface EventStepInput {
  /** The resolve's stamp: articles up to it are merged (later ones wait for the next resolve). */
  stamp: number;
  /** actor key → entity id, as this resolve made it. */
  actorKeys: ReadonlyMap<string, string>;
  /** …and as the store held it before (what the stored events were merged with). */
  oldActorKeys: ReadonlyMap<string, string>;
  corrections: readonly Correction[];
  entity: CorrectionActors['entity'];
}

export interface EventStepSummary {
  /** Whether every event was merged again (no mark: a new store, or after a working copy's write-back). */
  full: boolean;
  /** Event mentions read from the store, and those merged again (the closed set). */
  read: number;
  merged: number;
  /** Events deleted and written. */
  removed: number;
  written: number;
  /** Events in the store after the step. */
  events: number;
}

interface Row {
  id: string;
  seq: number;
  idx: number;
  article: string;
  type: string;
  date: string | null;
  event: EventMention;
  key: MergeKey;
  /** Its key under the actor keys the stored events were merged with (the same object when no key moved). */
  oldKey: MergeKey;
}

/**
 * The share of a type's mentions a closure may read before the type is merged whole, once the type holds at least
 * WHOLE_TYPE_MIN mentions (below that, reading by pieces is cheap either way).
 */
const WHOLE_TYPE = 0.25;
const WHOLE_TYPE_MIN = 2000;
/** WHOLE_TYPE_MIN, or another size from the environment (the tests merge small types whole too). */
const wholeTypeMin = (): number => Number(process.env.SITREP_EVENTS_WHOLE_MIN ?? WHOLE_TYPE_MIN);

const ROW_SELECT = `SELECT e.article_seq AS seq, e.idx, a.id AS article, e.type, e.date, e.data
                    FROM event_mentions e JOIN articles a ON a.seq = e.article_seq`;

/** The full merge's order of one type's mentions: date (undated first), article seq, position. */
function mergeOrder(a: Row, b: Row): number {
  if (a.date !== b.date) {
    if (a.date === null) return -1;
    if (b.date === null) return 1;
    return a.date < b.date ? -1 : 1;
  }
  return a.seq - b.seq || a.idx - b.idx;
}

/** The index keys a row is found by: each named actor by side and kind, or its key when it names none. */
function indexKeys(k: MergeKey): string[] {
  if (!k.named) return [`K|${k.key}`];
  return [...k.src.map((a) => `S|${k.kind}|${a}`), ...k.tgt.map((a) => `T|${k.kind}|${a}`)];
}

/** Strings that start with `d` lie in [d, after(d)) in byte order (dates are ASCII). */
const after = (d: string): string => d.slice(0, -1) + String.fromCharCode(d.charCodeAt(d.length - 1) + 1);

/**
 * Merge the events of what changed since the mark, in the caller's transaction (holding the resolve lock), and
 * write them; every event when there is no mark.
 */
export async function mergeEventsInPlace(client: pg.ClientBase, input: EventStepInput): Promise<EventStepSummary> {
  const { rows: markRows } = await client.query<{ value: string }>('SELECT value FROM meta WHERE key = $1', [
    EVENTS_MERGED,
  ]);
  const mark = markRows[0] ? Number(markRows[0].value) : null;
  const summary =
    mark === null || mark > input.stamp ? await fullMerge(client, input) : await partialMerge(client, input, mark);
  await client.query(
    'INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    [EVENTS_MERGED, String(input.stamp)],
  );
  summary.events = Number((await client.query<{ n: string }>('SELECT COUNT(*) AS n FROM events')).rows[0]!.n);
  return summary;
}

function toRow(
  r: { seq: number | string; idx: number; article: string; type: string; date: string | null; data: string },
  input: EventStepInput,
  moved: boolean,
): Row {
  const event = JSON.parse(r.data) as EventMention;
  const key = eventMergeKey(event, input.actorKeys);
  const seq = Number(r.seq);
  return {
    id: `${seq}:${r.idx}`,
    seq,
    idx: r.idx,
    article: r.article,
    type: r.type,
    date: r.date,
    event,
    key,
    oldKey: moved ? eventMergeKey(event, input.oldActorKeys) : key,
  };
}

interface Merged {
  events: ExportEvent[];
  /** Each member's event id (before corrections: a dropped event keeps its members). */
  members: Array<[Row, string]>;
}

/** Merge `rows` (any order) one type at a time, types in byte order, as the full resolve does. */
function merge(rows: Row[], input: EventStepInput): Merged {
  const byType = new Map<string, Row[]>();
  for (const r of rows) {
    const list = byType.get(r.type);
    if (list) list.push(r);
    else byType.set(r.type, [r]);
  }
  const events: ExportEvent[] = [];
  const members: Array<[Row, string]> = [];
  for (const type of [...byType.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const list = byType.get(type)!.sort(mergeOrder);
    const merger = new EventMerger<Row>(input.actorKeys);
    for (const r of list) merger.add(r.event, r, r.seq);
    for (const c of merger.finish()) {
      const e = exportEvent(
        c,
        c.refs.map((r) => ({ articleId: r.article, event: r.event })),
        input.actorKeys,
      );
      events.push(e);
      for (const r of c.refs) members.push([r, e.id]);
    }
  }
  const corrected = [
    ...applyEventCorrections(events, input.corrections, { actorKeys: input.actorKeys, entity: input.entity }),
  ];
  return { events: corrected, members };
}

async function fullMerge(client: pg.ClientBase, input: EventStepInput): Promise<EventStepSummary> {
  const removed = Number((await client.query('DELETE FROM events')).rowCount ?? 0);
  await client.query('DELETE FROM event_articles');
  await client.query('DELETE FROM event_actors');
  await client.query('DELETE FROM event_members');
  await client.query('DELETE FROM event_mention_keys');
  await client.query("SELECT setval('events_rowid_seq', 1, false)");
  // One type at a time (events never merge across types), types in byte order: the rows and rowids of SQLite's.
  const { rows: types } = await client.query<{ type: string }>(
    'SELECT DISTINCT type FROM event_mentions WHERE article_seq <= $1 ORDER BY type',
    [input.stamp],
  );
  let read = 0;
  let written = 0;
  for (const { type } of types) {
    const { rows } = await client.query<Parameters<typeof toRow>[0]>(
      `${ROW_SELECT} WHERE e.type = $1 AND e.article_seq <= $2`,
      [type, input.stamp],
    );
    const all = rows.map((r) => toRow(r, input, false));
    read += all.length;
    const { events, members } = merge(all, input);
    written += events.length;
    await writeEvents(client, events, members, all);
  }
  return { full: true, read, merged: read, removed, written, events: 0 };
}

async function writeEvents(
  client: pg.ClientBase,
  events: readonly ExportEvent[],
  members: ReadonlyArray<[Row, string]>,
  fresh: readonly Row[],
): Promise<void> {
  let first = 1;
  if (events.length > 0) {
    const { rows } = await client.query<{ last: string }>(
      "SELECT setval('events_rowid_seq', nextval('events_rowid_seq') + $1 - 1) AS last",
      [events.length],
    );
    first = Number(rows[0]!.last) - events.length + 1;
  }
  await copyRows(
    client,
    'events (rowid, id, type, date, data)',
    events.map((e, i) => [first + i, e.id, e.type, e.date, JSON.stringify(e)]),
  );
  await copyRows(
    client,
    'event_articles (event_id, article_id)',
    events.flatMap((e) => e.articleIds.map((a) => [e.id, a])),
  );
  await copyRows(
    client,
    'event_actors (entity_id, event_id, side, date)',
    events.flatMap((e) => [
      ...e.sourceIds.map((id) => [id, e.id, 'source', e.date]),
      ...e.targetIds.map((id) => [id, e.id, 'target', e.date]),
    ]),
  );
  await copyRows(
    client,
    'event_members (article_seq, idx, event_id)',
    members.map(([r, id]) => [r.seq, r.idx, id]),
  );
  await copyRows(
    client,
    'event_mention_keys (actor_key, article_seq, idx)',
    fresh.flatMap((r) =>
      [
        ...new Set(
          [...r.event.source, ...r.event.target].map((a) => a.actorKey).filter((k): k is string => k !== null),
        ),
      ].map((k) => [k, r.seq, r.idx]),
    ),
  );
}

async function partialMerge(client: pg.ClientBase, input: EventStepInput, mark: number): Promise<EventStepSummary> {
  const { stamp, actorKeys, oldActorKeys } = input;
  // Keys another entity took (or that have one now, or none any more): their mentions are merged again.
  const movedKeys = new Set<string>();
  for (const [k, id] of actorKeys) if (oldActorKeys.get(k) !== id) movedKeys.add(k);
  for (const k of oldActorKeys.keys()) if (!actorKeys.has(k)) movedKeys.add(k);
  const moved = movedKeys.size > 0;

  const known = new Map<string, Row>();
  const members = new Map<string, Row>();
  /** Rows read and not (yet) members, by index key; members leave it as they join. */
  const knownBy = new Map<string, Set<Row>>();
  const memberBy = new Map<string, Row[]>();
  const keysOfRow = (r: Row): Set<string> => new Set([...indexKeys(r.key), ...indexKeys(r.oldKey)]);
  /** Types merged whole: every mention of theirs joins, with no look around it. */
  const wholeType = new Set<string>();
  const meet = (a: Row, b: Row): boolean =>
    mayMeet(a.key, a.date, b.key, b.date) || (moved && mayMeet(a.oldKey, a.date, b.oldKey, b.date));
  /** Mentions joined and not yet looked around. */
  let frontier: Row[] = [];
  const join = (first: Row): void => {
    const stack = [first];
    while (stack.length) {
      const r = stack.pop()!;
      if (members.has(r.id)) continue;
      members.set(r.id, r);
      frontier.push(r);
      const keys = keysOfRow(r);
      for (const k of keys) {
        knownBy.get(k)?.delete(r);
        const list = memberBy.get(k);
        if (list) list.push(r);
        else memberBy.set(k, [r]);
      }
      if (wholeType.has(r.type)) continue;
      for (const k of keys) for (const x of knownBy.get(k) ?? []) if (meet(r, x)) stack.push(x);
    }
  };
  /** A row read: it joins when it meets a member (or `force`: a member of an event being replaced). */
  const seen = (raw: Parameters<typeof toRow>[0], force = false): void => {
    const id = `${Number(raw.seq)}:${raw.idx}`;
    let r = known.get(id);
    if (!r) {
      r = toRow(raw, input, moved);
      known.set(id, r);
      if (!members.has(id))
        for (const k of keysOfRow(r)) {
          const set = knownBy.get(k);
          if (set) set.add(r);
          else knownBy.set(k, new Set([r]));
        }
    }
    if (members.has(id)) return;
    if (force || wholeType.has(r.type)) {
      join(r);
      return;
    }
    for (const k of keysOfRow(r))
      for (const m of memberBy.get(k) ?? [])
        if (meet(r, m)) {
          join(r);
          return;
        }
  };
  let read = 0;
  const select = async (where: string, params: unknown[]): Promise<Array<Parameters<typeof toRow>[0]>> => {
    const { rows } = await client.query<Parameters<typeof toRow>[0]>(`${ROW_SELECT} ${where}`, params);
    read += rows.length;
    return rows;
  };
  const byIds = async (pairs: Array<[number, number]>): Promise<Array<Parameters<typeof toRow>[0]>> => {
    const want = pairs.filter(([s, i]) => !known.has(`${s}:${i}`));
    const rows =
      want.length === 0
        ? []
        : await select('WHERE (e.article_seq, e.idx) IN (SELECT * FROM unnest($1::bigint[], $2::int[]))', [
            want.map((p) => p[0]),
            want.map((p) => p[1]),
          ]);
    return [
      ...rows,
      ...pairs.filter(([s, i]) => known.has(`${s}:${i}`)).map(([s, i]) => rawOf(known.get(`${s}:${i}`)!)),
    ];
  };
  const rawOf = (r: Row): Parameters<typeof toRow>[0] => ({
    seq: r.seq,
    idx: r.idx,
    article: r.article,
    type: r.type,
    date: r.date,
    data: '',
  });

  // Seeds: the new articles' mentions, those naming a moved key, those an analyst's correction names.
  for (const raw of await select('WHERE e.article_seq > $1 AND e.article_seq <= $2', [mark, stamp])) seen(raw, true);
  if (moved) {
    const { rows } = await client.query<{ seq: string; idx: number }>(
      'SELECT article_seq AS seq, idx FROM event_mention_keys WHERE actor_key = ANY($1) AND article_seq <= $2',
      [[...movedKeys], mark],
    );
    for (const raw of await byIds(rows.map((r) => [Number(r.seq), r.idx]))) seen(raw, true);
  }
  const spans = new Map<string, Set<number>>();
  for (const c of input.corrections) {
    if (c.undoneAt || !c.kind.startsWith('event.')) continue;
    for (const e of (c.payload as { evidence: Array<{ articleId: string; start: number }> }).evidence) {
      const set = spans.get(e.articleId) ?? new Set<number>();
      set.add(e.start);
      spans.set(e.articleId, set);
    }
  }
  if (spans.size > 0)
    for (const raw of await select('WHERE a.id = ANY($1) AND e.article_seq <= $2', [[...spans.keys()], stamp])) {
      const r = known.get(`${Number(raw.seq)}:${raw.idx}`) ?? toRow(raw, input, moved);
      if (spans.get(r.article)?.has(r.event.evidence.start)) seen(raw, true);
    }

  // Around each member: the other members of its stored event; the mentions of its type whose date is compatible
  // with its own (by the (type, date) index); for an undated one, the mentions naming its actors (any date).
  const undatedRead = new Set<string>();
  const datesRead = new Map<string, Set<string>>();
  const keysRead = new Map<string, Set<string>>();
  let reverse: { now: Map<string, string[]>; old: Map<string, string[]> } | null = null;
  const keysOf = (identity: string, old: boolean): string[] => {
    if (identity.startsWith('key:')) return [identity.slice(4)];
    if (!reverse) {
      const build = (map: ReadonlyMap<string, string>): Map<string, string[]> => {
        const out = new Map<string, string[]>();
        for (const [k, id] of map) {
          const list = out.get(id);
          if (list) list.push(k);
          else out.set(id, [k]);
        }
        return out;
      };
      reverse = { now: build(actorKeys), old: moved ? build(oldActorKeys) : new Map() };
    }
    return (old ? reverse.old : reverse.now).get(identity) ?? [];
  };
  // A large type whose closure has read more than WHOLE_TYPE of its mentions is merged whole (read once, every mention a
  // member: trivially closed): an undated mention with a common actor reaches nearly all of its type, and reading it
  // by pieces then costs more than reading it in one query.
  const { rows: counts } = await client.query<{ type: string; n: string }>(
    'SELECT type, COUNT(*) AS n FROM event_mentions WHERE article_seq <= $1 GROUP BY type',
    [stamp],
  );
  const typeSize = new Map(counts.map((r) => [r.type, Number(r.n)]));
  const readOf = (type: string): number => {
    let n = 0;
    for (const r of known.values()) if (r.type === type) n++;
    return n;
  };
  const whole = async (type: string): Promise<void> => {
    wholeType.add(type);
    for (const raw of await select('WHERE e.type = $1 AND e.article_seq <= $2', [type, stamp])) seen(raw, true);
  };
  while (frontier.length > 0) {
    const round = frontier;
    frontier = [];
    for (const type of new Set(round.map((r) => r.type)))
      if (
        !wholeType.has(type) &&
        (typeSize.get(type) ?? 0) >= wholeTypeMin() &&
        readOf(type) > WHOLE_TYPE * (typeSize.get(type) ?? 0)
      )
        await whole(type);
    const { rows: co } = await client.query<{ seq: string; idx: number }>(
      `SELECT b.article_seq AS seq, b.idx FROM event_members a JOIN event_members b ON b.event_id = a.event_id
       WHERE (a.article_seq, a.idx) IN (SELECT * FROM unnest($1::bigint[], $2::int[]))`,
      [round.map((r) => r.seq), round.map((r) => r.idx)],
    );
    for (const raw of await byIds(co.map((r) => [Number(r.seq), r.idx]))) seen(raw, true);
    const byType = new Map<string, Row[]>();
    for (const r of round) {
      const list = byType.get(r.type);
      if (list) list.push(r);
      else byType.set(r.type, [r]);
    }
    for (const [type, list] of byType) {
      if (wholeType.has(type)) continue;
      if (!undatedRead.has(type)) {
        undatedRead.add(type);
        for (const raw of await select('WHERE e.type = $1 AND e.date IS NULL AND e.article_seq <= $2', [type, stamp]))
          seen(raw);
      }
      const read = datesRead.get(type) ?? new Set<string>();
      datesRead.set(type, read);
      const exact = new Set<string>();
      const lows: string[] = [];
      const highs: string[] = [];
      const actorKeysWanted = new Set<string>();
      const keysDone = keysRead.get(type) ?? new Set<string>();
      keysRead.set(type, keysDone);
      for (const r of list) {
        if (r.date === null) {
          for (const k of [r.key, r.oldKey])
            for (const identity of [...k.src, ...k.tgt])
              for (const key of keysOf(identity, k !== r.key)) if (!keysDone.has(key)) actorKeysWanted.add(key);
          continue;
        }
        if (read.has(r.date)) continue;
        read.add(r.date);
        for (let n = 1; n < r.date.length; n++) exact.add(r.date.slice(0, n));
        lows.push(r.date);
        highs.push(after(r.date));
      }
      if (lows.length > 0)
        for (const raw of await select(
          `WHERE e.type = $1 AND e.article_seq <= $2 AND (e.date = ANY($3) OR EXISTS
             (SELECT 1 FROM unnest($4::text[], $5::text[]) r(lo, hi) WHERE e.date >= r.lo AND e.date < r.hi))`,
          [type, stamp, [...exact], lows, highs],
        ))
          seen(raw);
      if (actorKeysWanted.size > 0) {
        for (const k of actorKeysWanted) keysDone.add(k);
        const { rows } = await client.query<{ seq: string; idx: number }>(
          `SELECT k.article_seq AS seq, k.idx FROM event_mention_keys k
           JOIN event_mentions e ON e.article_seq = k.article_seq AND e.idx = k.idx
           WHERE k.actor_key = ANY($1) AND e.type = $2 AND k.article_seq <= $3`,
          [[...actorKeysWanted], type, stamp],
        );
        for (const raw of await byIds(rows.map((r) => [Number(r.seq), r.idx]))) seen(raw);
      }
    }
  }

  const set = [...members.values()];
  const { rows: old } = await client.query<{ event_id: string; article_id: string }>(
    `SELECT DISTINCT m.event_id, a.id AS article_id FROM event_members m JOIN articles a ON a.seq = m.article_seq
     WHERE (m.article_seq, m.idx) IN (SELECT * FROM unnest($1::bigint[], $2::int[]))`,
    [set.map((r) => r.seq), set.map((r) => r.idx)],
  );
  const oldIds = [...new Set(old.map((r) => r.event_id))];
  const { events, members: membership } = merge(set, input);
  const removed = Number((await client.query('DELETE FROM events WHERE id = ANY($1)', [oldIds])).rowCount ?? 0);
  await client.query('DELETE FROM event_actors WHERE event_id = ANY($1)', [oldIds]);
  await client.query(
    'DELETE FROM event_articles WHERE (article_id, event_id) IN (SELECT * FROM unnest($1::text[], $2::text[]))',
    [old.map((r) => r.article_id), old.map((r) => r.event_id)],
  );
  await client.query('DELETE FROM event_members WHERE event_id = ANY($1)', [oldIds]);
  await writeEvents(
    client,
    events,
    membership,
    set.filter((r) => r.seq > mark),
  );
  return { full: false, read, merged: set.length, removed, written: events.length, events: 0 };
}
