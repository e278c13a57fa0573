// Scoring for the events bench: strict (best-ranked event, one-to-one matching) beside lenient (any event).
const STOP = new Set([
  'the',
  'a',
  'an',
  'of',
  'in',
  'and',
  'for',
  'to',
  'on',
  'at',
  'by',
  'from',
  'with',
  's',
  'its',
  'their',
]);

const contentWords = (s) =>
  String(s)
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !STOP.has(w));

/** An event is asserted when the text reports it as done: no mode, not negated, not hypothetical. */
export const asserted = (e) => !e.mode && !e.negated && !e.hypothetical;

/** Events in rank order: asserted ones first, then in the order the coder emitted them. */
export const ranked = (events) => [...events.filter(asserted), ...events.filter((e) => !asserted(e))];

/** Does one of the coded actors stand for one of the gold actors? Texts share a content word; codes share a country. */
function actorsAgree(found, gold, codes) {
  if (gold.length === 0) return true;
  if (codes) {
    const g = new Set(gold.map((c) => c.slice(0, 3)));
    return found.some((a) => a.code && g.has(a.code.slice(0, 3)));
  }
  const g = new Set(gold.flatMap(contentWords));
  return found.some((a) => [...contentWords(a.text), ...contentWords(a.name)].some((w) => g.has(w)));
}

const fullMatch = (e, g) => actorsAgree(e.source, g.source, g.codes) && actorsAgree(e.target, g.target, g.codes);

/** One-to-one greedy matching in rank order; `ok(system, gold)` decides a pair. Returns gold index per system event. */
export function matchOneToOne(system, gold, ok) {
  const used = new Set();
  return system.map((e) => {
    const k = gold.findIndex((g, i) => !used.has(i) && ok(e, g));
    if (k >= 0) used.add(k);
    return k;
  });
}

export class Tally {
  constructor() {
    this.n = 0;
    this.c = new Map();
    this.types = new Map();
    this.confusions = new Map();
  }
  add(key, k = 1) {
    this.c.set(key, (this.c.get(key) ?? 0) + k);
  }
  get(key) {
    return this.c.get(key) ?? 0;
  }
  type(t) {
    let s = this.types.get(t);
    if (!s) this.types.set(t, (s = { gold: 0, sys: 0, hit: 0 }));
    return s;
  }
  confuse(gold, sys) {
    const key = `${gold} → ${sys}`;
    this.confusions.set(key, (this.confusions.get(key) ?? 0) + 1);
  }
}

/**
 * Score one gold sentence (`gold.events`, each `{type, source, target, codes}`) against the coded events.
 * Single-event sentences (PLOVER) give accuracy; every sentence feeds P/R by one-to-one matching.
 */
export function scoreGold(t, gold, events) {
  const sys = ranked(events);
  const best = sys[0];
  t.n++;
  if (gold.events.length === 0) {
    t.add('noevent');
    if (sys.some(asserted)) t.add('noevent.asserted');
  }
  if (gold.events.length === 1) {
    const g = gold.events[0];
    t.add('single');
    if (best?.type === g.type) t.add('acc.strict');
    if (best?.type === g.type && fullMatch(best, g)) t.add('full.strict');
    const typed = sys.filter((e) => e.type === g.type);
    if (typed.length) t.add('acc.lenient');
    if (typed.some((e) => fullMatch(e, g))) t.add('full.lenient');
  }
  // One-to-one: every system event against the gold events of its sentence.
  const m = matchOneToOne(sys, gold.events, (e, g) => e.type === g.type);
  const mf = matchOneToOne(sys, gold.events, (e, g) => e.type === g.type && fullMatch(e, g));
  t.add('gold', gold.events.length);
  t.add('sys', sys.length);
  t.add('hit', m.filter((k) => k >= 0).length);
  t.add('hit.full', mf.filter((k) => k >= 0).length);
  t.add('hit.lenient', gold.events.filter((g) => sys.some((e) => e.type === g.type)).length);
  t.add('sys.lenient', sys.filter((e) => gold.events.some((g) => g.type === e.type)).length);
  for (const g of gold.events) t.type(g.type).gold++;
  for (const [i, e] of sys.entries()) {
    t.type(e.type).sys++;
    if (m[i] >= 0) t.type(e.type).hit++;
  }
  const matchedGold = new Set(m.filter((k) => k >= 0));
  const spare = sys.filter((_, i) => m[i] < 0);
  for (const [i, g] of gold.events.entries())
    if (!matchedGold.has(i)) t.confuse(g.type, spare.shift()?.type ?? '(none)');
  for (const e of spare) t.confuse('(none)', e.type);
  return { best, m, mf };
}

const overlaps = (a, b) => a.start < b.end && b.start < a.end;

/** Real-news roles: every gold role is found (a coded actor overlaps one of its spans); strict also wants no extra role. */
function rolesAgree(e, g, strict) {
  const role = (found, gold) =>
    gold.length ? found.some((a) => gold.some((s) => overlaps(a, s))) : !strict || found.length === 0;
  return role(e.source, g.source) && role(e.target, g.target);
}

const typesOf = (g, lenient) =>
  lenient ? [g.type, ...(g.alt ?? []), g.action ?? g.attributes?.action].filter(Boolean) : [g.type];

/** Score one real-news sentence: gold events carry spans, `alt` types and an `action`. */
export function scoreRealnews(t, record, events) {
  const sys = ranked(events);
  const gold = record.events.map((g) => ({ ...g, action: g.action ?? null }));
  t.n++;
  if (gold.length === 0) {
    t.add('noevent');
    if (sys.some(asserted)) t.add('noevent.asserted');
  }
  t.add('gold', gold.length);
  t.add('sys', sys.length);
  for (const lenient of [false, true]) {
    const k = lenient ? 'lenient' : 'strict';
    const okType = (e, g) => typesOf(g, lenient).includes(e.type);
    const m = matchOneToOne(sys, gold, okType);
    const mf = matchOneToOne(sys, gold, (e, g) => okType(e, g) && rolesAgree(e, g, !lenient));
    t.add(`hit.${k}`, m.filter((x) => x >= 0).length);
    t.add(`full.${k}`, mf.filter((x) => x >= 0).length);
    if (!lenient) {
      for (const g of gold) t.type(g.type).gold++;
      for (const [i, e] of sys.entries()) {
        t.type(e.type).sys++;
        if (m[i] >= 0) t.type(e.type).hit++;
      }
      const matched = new Set(m.filter((x) => x >= 0));
      const spare = sys.filter((_, i) => m[i] < 0);
      for (const [i, g] of gold.entries()) if (!matched.has(i)) t.confuse(g.type, spare.shift()?.type ?? '(none)');
      for (const e of spare) t.confuse('(none)', e.type);
    }
  }
  // Flags: of the gold events found (strict type), how many carry the gold's assertion status.
  return sys;
}
