import type { EventMention } from '../model/index.js';
import { CARDINALS } from '../model/lexicon/index.js';
import type { EventContext } from './actors.js';

/**
 * Domain attributes read from the trigger's sentence: missile launches, meetings and visits, letters,
 * sanctions, personnel changes, military drills. Only what the sentence states; nothing is guessed.
 */

/** Counts read as numbers: "a"/"an" and "one" … "twelve". */
const NUMBER_WORDS: Readonly<Record<string, number>> = Object.fromEntries([
  ['a', 1],
  ['an', 1],
  ...CARDINALS.slice(0, 12).map((w, i) => [w, i + 1] as const),
]);

/** A span in days, weeks or months with its count ("three-day", "10-week"). */
const COUNTED_SPAN = new RegExp(`^(\\d+|${CARDINALS.slice(0, 10).join('|')})-(day|week|month)$`);

const MISSILE_CLASSES: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(icbm|icbms|intercontinental)$/, 'ICBM'],
  [/^(slbm|slbms|submarine-launched)$/, 'SLBM'],
  [/^hypersonic$/, 'hypersonic'],
  [/^cruise$/, 'cruise'],
  [/^(short-range|srbm|srbms)$/, 'short-range'],
  [/^(medium-range|intermediate-range|mrbm|irbm)$/, 'medium-range'],
  [/^ballistic$/, 'ballistic'],
];

function numberAt(w: string): number | null {
  if (/^\d+$/.test(w)) return Number(w);
  return Object.hasOwn(NUMBER_WORDS, w) ? NUMBER_WORDS[w]! : null;
}

/** A distance like "310km", "310 km", "190 miles" in tokens [a, b) after one of the cue words; in km. */
function distanceAfter(words: readonly string[], a: number, b: number, cues: RegExp): number | null {
  for (let i = a; i < b; i++) {
    if (!cues.test(words[i]!)) continue;
    for (let k = i + 1; k < Math.min(b, i + 7); k++) {
      const m = /^(\d[\d,.]*)(km|kilometres|kilometers|miles?|mi)?$/.exec(words[k]!);
      if (!m) continue;
      const value = Number(m[1]!.replace(/,/g, ''));
      const unit = m[2] ?? words[k + 1] ?? '';
      if (/^(km|kilometres|kilometers)$/.test(unit)) return value;
      if (/^(miles?|mi)$/.test(unit)) return Math.round(value * 1.609);
    }
  }
  return null;
}

function launchAttributes(view: EventContext, s0: number, s1: number): Record<string, unknown> {
  const { doc } = view;
  const words = view.ix.lower;
  const out: Record<string, unknown> = {};
  for (let i = s0; i < s1; i++) {
    if (!/^(missiles?|rockets?|icbms?|slbms?)$/.test(words[i]!)) continue;
    const classes: string[] = [];
    for (let k = Math.max(s0, i - 4); k <= i; k++) {
      for (const [re, cls] of MISSILE_CLASSES) if (re.test(words[k]!) && !classes.includes(cls)) classes.push(cls);
      const n = numberAt(words[k]!);
      if (n !== null && k < i && out.count === undefined && words[k] !== 'a' && words[k] !== 'an') out.count = n;
    }
    if (classes.length) out.class = classes;
    if (out.count === undefined && /s$/.test(words[i]!) === false && /^(a|an|one)$/.test(words[i - 1] ?? ''))
      out.count = 1;
    break;
  }
  const range = distanceAfter(words, s0, s1, /^(flew|travelled|traveled|range|flying|distance)$/);
  if (range !== null) out.rangeKm = range;
  const altitude = distanceAfter(words, s0, s1, /^(altitude|apogee|height)$/);
  if (altitude !== null) out.altitudeKm = altitude;
  for (const e of doc.entities) {
    if (e.start < doc.tokens[s0]!.start || e.end > doc.tokens[s1 - 1]!.end) continue;
    if (/\b(sea|ocean|gulf|bay|strait|waters)\b/i.test(e.text) && out.seaArea === undefined)
      out.seaArea = e.canonical ?? e.text;
  }
  // "launched from a site near Brask", "from the Sohae launch site".
  for (let i = s0; i < s1; i++) {
    if (words[i] !== 'from') continue;
    for (let k = i + 1; k < Math.min(s1, i + 8); k++) {
      const ei = view.ix.entityOf[k]!;
      if (ei >= 0) {
        const e = doc.entities[ei]!;
        if (e.type === 'GPE' || e.type === 'LOC') out.launchSite = e.canonical ?? e.text;
        break;
      }
      if (words[k] === ',' || words[k] === '.') break;
    }
    if (out.launchSite) break;
  }
  const time = doc.timexes.find(
    (t) => t.type === 'TIME' && t.start >= doc.tokens[s0]!.start && t.end <= doc.tokens[s1 - 1]!.end,
  );
  if (time) out.time = time.value;
  return out;
}

function names(actors: EventMention['source']): string[] {
  return [...new Set(actors.map((a) => a.name))];
}

function drillAttributes(
  view: EventContext,
  event: EventMention,
  s0: number,
  s1: number,
  ts: number,
): Record<string, unknown> {
  const { doc } = view;
  const words = view.ix.lower;
  const out: Record<string, unknown> = { participants: names([...event.source, ...event.target]) };
  // A drill's name: a quoted or capitalized name right before or after the drill noun ("Freedom Shield exercises").
  for (let i = Math.max(s0, ts - 1); i < Math.min(s1, ts + 6); i++) {
    const ei = view.ix.entityOf[i]!;
    if (ei >= 0 && doc.entities[ei]!.type === 'MISC') {
      out.name = doc.entities[ei]!.text;
      break;
    }
  }
  for (let i = s0; i < s1; i++) {
    const m = COUNTED_SPAN.exec(words[i]!);
    if (m) {
      out.duration = `${numberAt(m[1]!) ?? m[1]} ${m[2]}s`.replace(/^1 (\w+)s$/, '1 $1');
      break;
    }
    if (
      words[i] === 'for' &&
      numberAt(words[i + 1] ?? '') !== null &&
      /^(days?|weeks?|months?)$/.test(words[i + 2] ?? '')
    ) {
      out.duration = `${numberAt(words[i + 1]!)} ${words[i + 2]}`;
      break;
    }
  }
  if (event.date) out.start = event.date.value;
  return out;
}

function personnelAttributes(view: EventContext, event: EventMention, s0: number, s1: number): Record<string, unknown> {
  const { doc } = view;
  const words = view.ix.lower;
  const out: Record<string, unknown> = {};
  const person = event.type === 'RETREAT' ? event.source[0] : event.target[0];
  if (person) {
    out.person = person.name;
    const e = doc.entities.find((x) => x.start === person.start);
    if (e?.role) out.oldRole = e.role;
    else {
      // "sacked the head of the country's navy": the role noun phrase is the person.
      out.oldRole = person.text;
    }
  }
  for (let i = s0; i < s1; i++) {
    if (
      (words[i] === 'replaced' && words[i + 1] === 'by') ||
      words[i] === 'replacing' ||
      (words[i] === 'succeeded' && words[i + 1] === 'by')
    ) {
      for (let k = i + 1; k < Math.min(s1, i + 10); k++) {
        const ei = view.ix.entityOf[k]!;
        if (ei >= 0 && doc.entities[ei]!.type === 'PERSON') {
          out.replacedBy = doc.entities[ei]!.canonical ?? doc.entities[ei]!.text;
          break;
        }
      }
    }
    if (words[i] === 'as' && event.type !== 'RETREAT') {
      const start = doc.tokens[i + 1];
      let k = i + 1;
      while (k < s1 && !/^[,.;]$/.test(words[k]!) && k < i + 6) k++;
      if (start && k > i + 1) out.newRole = doc.text.slice(start.start, doc.tokens[k - 1]!.end);
    }
  }
  return out;
}

function letterAttributes(view: EventContext, event: EventMention, s0: number, s1: number): Record<string, unknown> {
  const { doc } = view;
  const words = view.ix.lower;
  const out: Record<string, unknown> = { from: names(event.source), to: names(event.target) };
  for (let i = s0; i < s1; i++) {
    const occasion =
      words[i] === 'occasion' && words[i + 1] === 'of'
        ? i + 2
        : words[i] === 'to' && words[i + 1] === 'mark'
          ? i + 2
          : words[i] === 'congratulating' || words[i] === 'congratulated'
            ? -1
            : -2;
    if (occasion >= 0) {
      let k = occasion;
      while (k < s1 && !/^[,.;]$/.test(words[k]!) && k < occasion + 8) k++;
      if (k > occasion) out.occasion = doc.text.slice(doc.tokens[occasion]!.start, doc.tokens[k - 1]!.end);
      break;
    }
    if (occasion === -1) {
      const on = words.indexOf('on', i);
      if (on > 0 && on < s1) {
        let k = on + 1;
        while (k < s1 && !/^[,.;]$/.test(words[k]!) && k < on + 8) k++;
        if (k > on + 1) out.occasion = doc.text.slice(doc.tokens[on + 1]!.start, doc.tokens[k - 1]!.end);
      }
      break;
    }
  }
  return out;
}

function meetingAttributes(view: EventContext, event: EventMention, kind: string): Record<string, unknown> {
  const out: Record<string, unknown> = { participants: names([...event.source, ...event.target]) };
  if (event.location) out.venue = event.location.name;
  const hosted =
    /^host/i.test(event.trigger.text) || /^receiv/i.test(event.trigger.text) || /welcome/i.test(event.trigger.text);
  if (hosted) out.host = names(event.source)[0] ?? null;
  else if (kind === 'visit') out.host = names(event.target)[0] ?? event.location?.name ?? null;
  void view;
  return out;
}

/** The attributes an event of this kind carries. */
export function domainAttributes(
  view: EventContext,
  kind: string | null,
  event: EventMention,
  s0: number,
  s1: number,
  ts: number,
  te: number,
): Record<string, unknown> {
  void te;
  const launchy =
    kind === 'launch' ||
    ((event.type === 'ASSAULT' || event.type === 'MOBILIZE') &&
      view.ix.lower.slice(s0, s1).some((w) => /^(missiles?|icbms?|rockets?)$/.test(w)));
  if (launchy) return launchAttributes(view, s0, s1);
  if (kind === 'drill') return drillAttributes(view, event, s0, s1, ts);
  if (kind === 'personnel') return personnelAttributes(view, event, s0, s1);
  if (kind === 'letter') return letterAttributes(view, event, s0, s1);
  if (kind === 'meeting' || kind === 'visit' || kind === 'call') return meetingAttributes(view, event, kind);
  if (event.type === 'SANCTION') return { imposer: names(event.source), sanctioned: names(event.target) };
  return {};
}
