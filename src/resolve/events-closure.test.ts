import { describe, expect, it } from 'vitest';
import { rng } from '../model/random.js';
import { EventMerger, eventMergeKey, mayMeet, type EventMentionCore, type MergeKey } from './events.js';

/**
 * What the incremental event merge on PostgreSQL rests on (src/store/pg/events.ts): the mentions that no chain of
 * `mayMeet` links to a set cannot change how that set merges. So a set closed under `mayMeet`, merged alone in the
 * full merge's order, gives exactly the events the full merge gives its mentions.
 */

interface M {
  n: number;
  seq: number;
  e: EventMentionCore;
  key: MergeKey;
}

const ACTORS = ['ka', 'kb', 'kc', 'kd', null, null];
const DATES = [null, '2026', '2026-03', '2026-03-04', '2026-03-05', '2026-04', '2026-04-01', '2025-12-30'];

function mentions(seed: number, count: number, actorKeys: ReadonlyMap<string, string>): M[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const side = () =>
    Array.from({ length: Math.floor(r() * 3) }, () => {
      const key = pick(ACTORS);
      const name = key ?? pick(['police', 'crowd']);
      return { text: name, name, code: '', actorKey: key };
    });
  const out: M[] = [];
  for (let n = 0; n < count; n++) {
    const date = pick(DATES);
    const e: EventMentionCore = {
      type: pick(['CONSULT', 'ASSAULT']) as EventMentionCore['type'],
      mode: null,
      date:
        date === null
          ? null
          : { value: date, precision: date.length === 4 ? 'year' : date.length === 7 ? 'month' : 'day' },
      dateFrom: null,
      dateRange: null,
      reported: null,
      negated: r() < 0.1,
      hypothetical: false,
      attributes: {},
      evidence: { start: n * 10, end: n * 10 + 5 },
      source: side(),
      target: side(),
      location: null,
    };
    out.push({ n, seq: Math.floor(n / 4), e, key: eventMergeKey(e, actorKeys) });
  }
  return out;
}

/** The full merge's order within a type: date (undated first), seq, position. */
const order = (a: M, b: M): number => {
  const da = a.e.date?.value ?? null;
  const db = b.e.date?.value ?? null;
  if (da !== db) return da === null ? -1 : db === null ? 1 : da < db ? -1 : 1;
  return a.seq - b.seq || a.n - b.n;
};

/** Each mention's event, as the set of the mentions (by number) merged with it. */
function merge(ms: readonly M[], actorKeys: ReadonlyMap<string, string>): Map<number, string> {
  const out = new Map<number, string>();
  for (const type of ['ASSAULT', 'CONSULT']) {
    const merger = new EventMerger<M>(actorKeys);
    for (const m of ms.filter((x) => x.e.type === type).sort(order)) merger.add(m.e, m, m.seq);
    for (const c of merger.finish()) {
      const id = `${c.key}@${c.date}:${c.refs
        .map((m) => m.n)
        .sort((a, b) => a - b)
        .join(',')}`;
      for (const m of c.refs) out.set(m.n, id);
    }
  }
  return out;
}

function closure(ms: readonly M[], seed: M): M[] {
  const set = new Set([seed]);
  for (let grown = true; grown; ) {
    grown = false;
    for (const x of ms)
      if (
        !set.has(x) &&
        [...set].some((m) => mayMeet(m.key, m.e.date?.value ?? null, x.key, x.e.date?.value ?? null))
      ) {
        set.add(x);
        grown = true;
      }
  }
  return [...set];
}

describe('a set closed under mayMeet merges alone as in the whole corpus', () => {
  const actorKeys = new Map([
    ['ka', 'ent_a'],
    ['kb', 'ent_b'],
    ['kc', 'ent_a'],
  ]);
  it('for random corpora with undated and coarse dates, merges, folds and meetings', () => {
    let checked = 0;
    let partial = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const ms = mentions(seed, 60, actorKeys);
      const full = merge(ms, actorKeys);
      for (const start of [ms[0]!, ms[17]!, ms[42]!]) {
        const set = closure(ms, start);
        if (set.length < ms.length) partial++;
        const alone = merge(set, actorKeys);
        for (const m of set) expect(alone.get(m.n), `seed ${seed}, mention ${m.n}`).toBe(full.get(m.n));
        checked += set.length;
      }
    }
    // The closed sets were not the whole corpus every time, and the merges made events of several mentions.
    expect(partial).toBeGreaterThan(20);
    expect(checked).toBeGreaterThan(1000);
    expect(new Set(merge(mentions(1, 60, actorKeys), actorKeys).values()).size).toBeLessThan(60);
  });

  it('does not hold for a set that is not closed (the merge depends on mentions outside it)', () => {
    // "the ship was boarded by ka" folds into the one fuller event it fits; with a second fuller one it stays apart.
    const mk = (n: number, src: string[], tgt: string[]): M => {
      const e: EventMentionCore = {
        type: 'ASSAULT',
        mode: null,
        date: { value: '2026-03-04', precision: 'day' },
        dateFrom: null,
        dateRange: null,
        reported: null,
        negated: false,
        hypothetical: false,
        attributes: {},
        evidence: { start: n, end: n + 1 },
        source: src.map((k) => ({ text: k, name: k, code: '', actorKey: k })),
        target: tgt.map((k) => ({ text: k, name: k, code: '', actorKey: k })),
        location: null,
      };
      return { n, seq: n, e, key: eventMergeKey(e, actorKeys) };
    };
    const vague = mk(0, ['ka'], []);
    const one = mk(1, ['ka'], ['kb']);
    const two = mk(2, ['ka'], ['kd']);
    expect(merge([vague, one], actorKeys).get(0)).toBe(merge([vague, one], actorKeys).get(1));
    expect(merge([vague, one, two], actorKeys).get(0)).not.toBe(merge([vague, one, two], actorKeys).get(1));
    expect(closure([vague, one, two], vague)).toHaveLength(3);
  });
});
