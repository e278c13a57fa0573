import type { ExportEvent, PloverType } from '../model/index.js';

/**
 * One line in words for an event, built from its type, its actors and the attributes the coder read from the
 * sentence ("Veskaria fires 3 ballistic missiles into the Halder Sea"). A template per PLOVER type; attributes
 * the sentence did not give are left out, never guessed.
 */

const list = (names: readonly string[]): string =>
  names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

const strings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x !== '') : typeof v === 'string' ? [v] : [];

/** "3 ballistic missiles", "a missile", "missiles". */
function missiles(a: Record<string, unknown>): string {
  // "short-range ballistic": the range before the kind, as the words go in English.
  const classes = strings(a.class)
    .sort((x, y) => Number(!/range$/.test(x)) - Number(!/range$/.test(y)))
    .join(' ');
  const count = typeof a.count === 'number' ? a.count : null;
  const noun = count === 1 ? 'missile' : 'missiles';
  return [count === 1 ? 'a' : count, classes, noun].filter((x) => x !== null && x !== '').join(' ');
}

/** A verb agreeing with the subject: "calls" after one actor, "call" after several or a plural noun. */
type Verb = (singular: string) => string;
type Template = (s: string, t: string, a: Record<string, unknown>, v: Verb) => string;

const plural = (singular: string): string =>
  singular.endsWith('es') && /(sh|ch|ss|x)es$/.test(singular) ? singular.slice(0, -2) : singular.replace(/s$/, '');

/**
 * Several actors, or one written as a plural common noun, take a plural verb. A plural noun is told by the
 * endings of English plural agent and group nouns ("officials", "Lawmakers", "troops", "forces"), so that a
 * place ending in s ("Paris", "Athens") stays singular.
 */
const PLURAL_NOUN = /^\p{L}[\p{Ll}-]*(ers|als|ists|ans|ies|ors|ents|ops|ces|ships|ives)$/u;
function verbFor(names: readonly string[]): Verb {
  const many = names.length > 1 || (names.length === 1 && PLURAL_NOUN.test(names[0]!));
  return (singular) => (many ? plural(singular) : singular);
}

const launch: Template = (s, t, a, v) =>
  `${s} ${v('fires')} ${missiles(a)}${t ? ` at ${t}` : ''}${typeof a.seaArea === 'string' ? ` into the ${a.seaArea.replace(/^the /i, '')}` : ''}${
    typeof a.rangeKm === 'number' ? ` (about ${a.rangeKm} km)` : ''
  }`;

const meeting: Template = (s, t, a, v) => {
  const who = strings(a.participants);
  const parties = who.length >= 2 ? list(who) : [s, t].filter(Boolean).join(' and ');
  return `${parties || s} ${who.length >= 2 || t ? 'hold' : v('holds')} talks${typeof a.venue === 'string' ? ` in ${a.venue}` : ''}`;
};

const TEMPLATES: Record<PloverType, Template> = {
  AGREE: (s, t, _a, v) => (t ? `${s.replace(/ and /g, ', ')} and ${t} agree` : `${s} ${v('agrees')}`),
  CONSULT: meeting,
  SUPPORT: (s, t, _a, v) => `${s} ${v('backs')} ${t || 'a position'}`,
  CONCEDE: (s, t, _a, v) => `${s} ${v('makes')} a concession${t ? ` to ${t}` : ''}`,
  COOPERATE: (s, t, _a, v) => `${s} ${v('cooperates')}${t ? ` with ${t}` : ''}`,
  AID: (s, t, _a, v) => `${s} ${v('sends')} aid${t ? ` to ${t}` : ''}`,
  RETREAT: (s, t, _a, v) => `${s} ${v('pulls')} back${t ? ` from ${t}` : ''}`,
  REQUEST: (s, t, _a, v) => `${s} ${v('calls')} on ${t || 'others'}`,
  ACCUSE: (s, t, _a, v) => `${s} ${v('accuses')} ${t || 'another party'}`,
  REJECT: (s, t, _a, v) => `${s} ${v('rejects')} ${t ? `${t}’s position` : 'a demand'}`,
  THREATEN: (s, t, _a, v) => `${s} ${v('threatens')} ${t || 'action'}`,
  PROTEST: (s, t, _a, v) => `${s} ${v('protests')}${t ? ` against ${t}` : ''}`,
  SANCTION: (s, t, a, v) => {
    const on = strings(a.sanctioned);
    return `${list(strings(a.imposer)) || s} ${v('imposes')} sanctions${on.length || t ? ` on ${list(on) || t}` : ''}`;
  },
  MOBILIZE: (s, t, a, v) =>
    typeof a.name === 'string'
      ? `${s} ${v('holds')} the ${a.name} drill${typeof a.duration === 'string' ? ` (${a.duration})` : ''}`
      : `${s} ${v('mobilizes')} forces${t ? ` against ${t}` : ''}`,
  COERCE: (s, t, a, v) =>
    typeof a.person === 'string'
      ? `${s} ${v('dismisses')} ${a.person}${typeof a.replacedBy === 'string' ? `, replaced by ${a.replacedBy}` : ''}`
      : `${s} ${v('takes')} coercive action${t ? ` against ${t}` : ''}`,
  ASSAULT: (s, t, _a, v) => `${s} ${v('attacks')} ${t || 'a target'}`,
};

/** Letters are coded as the event their verb says (often REQUEST or SUPPORT); their attributes name a sender. */
const isLetter = (a: Record<string, unknown>): boolean => Array.isArray(a.from) && Array.isArray(a.to);
const isLaunch = (e: ExportEvent): boolean =>
  (e.type === 'ASSAULT' || e.type === 'MOBILIZE') && (a(e).count !== undefined || a(e).class !== undefined);
const a = (e: ExportEvent): Record<string, unknown> => e.attributes ?? {};

export function eventHeadline(e: ExportEvent): string {
  const sources = e.sourceEntities ?? e.source;
  const source = list(sources) || 'Someone';
  const v = verbFor(sources);
  const target = list(e.targetEntities ?? e.target);
  const attrs = a(e);
  let line: string;
  if (isLaunch(e)) line = launch(source, target, attrs, v);
  else if (isLetter(attrs))
    line = `${list(strings(attrs.from)) || source} ${v('writes')} to ${list(strings(attrs.to)) || target || 'an addressee'}${
      typeof attrs.occasion === 'string' ? ` on ${attrs.occasion}` : ''
    }`;
  else
    line = (TEMPLATES[e.type as PloverType] ?? ((s: string) => `${s}: ${e.type.toLowerCase()}`))(
      source,
      target,
      attrs,
      v,
    );
  if (e.negated) line = `Not so: ${line}`;
  else if (e.hypothetical) line = `Possibly: ${line}`;
  else if (e.mode === 'intent') line = `Intends: ${line}`;
  return line.charAt(0).toUpperCase() + line.slice(1);
}
