import type { Doc } from '../model/index.js';
import type { ActorCandidate } from './actors.js';
import { DETERMINERS } from './data/words.js';
import { isGeneric } from './not-events.js';

/**
 * A generic state organ ("the government", "officials", "troops", "police", "lawmakers") stands for the state the
 * text is about: PLOVER and CAMEO code it as that state plus its sector ("troops" in a report on Chile → CHLMIL). The
 * state is taken only when it is unambiguous: the one state the sentence names by itself (a country or its capital,
 * not an adjective of another actor: "the Chilean warship", "Somali pirates" name the state of those actors only), apart from
 * the event's other side, else the only state the article names as a country or capital (twice or more), never a state on the event's other side. Groups that are not organs of a state (civilians, rebels,
 * criminals, businesses) keep their generic code: a place named beside them does not say whose they are.
 */

/** Sectors of the state itself (CAMEO agent codes): government, military, police, judiciary, legislature, intelligence. */
const STATE_SECTORS: ReadonlySet<string> = new Set(['GOV', 'MIL', 'COP', 'JUD', 'LEG', 'SPY']);

/** Modifiers that say the organ is not the state at hand: "a foreign navy", "enemy troops", "international police". */
const NOT_OWN: ReadonlySet<string> = new Set([
  'foreign',
  'enemy',
  'rival',
  'other',
  'another',
  'international',
  'multinational',
  'allied',
  'coalition',
  'neighbouring',
  'neighboring',
]);

/** Counts of two or more, and "both". */
const SEVERAL: ReadonlySet<string> = new Set(['both', 'two', 'three', 'four', 'five', 'several']);

/** Plural organs a state has one of (its government, navy, army, head of state or government). */
const ONE_PER_STATE =
  /^(governments|leaders|presidents|navies|armies|militaries|administrations|parliaments|regimes|cabinets|premiers|prime ministers)$/;

/**
 * A generic state organ whose owner the text leaves open: not marked as another state's ("a foreign navy"), nor
 * owned by a proper adjective the coder could not resolve ("Norvessan coast guard officers" names its state).
 */
function isStateOrgan(c: ActorCandidate, tokens: readonly { text: string }[]): boolean {
  if (!isGeneric(c) || !STATE_SECTORS.has(c.code)) return false;
  for (const k of [c.ts - 1, c.ts - 2]) {
    const t = tokens[k]?.text ?? '';
    if (NOT_OWN.has(t.toLowerCase())) return false;
  }
  // "the two leaders", "both governments", "the two navies": a state has one government, navy or head, so a count
  // of two or more of them names organs of as many states, none of which stands for all.
  const head = (tokens[c.te - 1]?.text ?? '').toLowerCase();
  if (ONE_PER_STATE.test(head) && [c.ts - 1, c.ts - 2].some((k) => SEVERAL.has((tokens[k]?.text ?? '').toLowerCase())))
    return false;
  const before = tokens[c.ts - 1]?.text ?? '';
  // "The army shelled …": a capitalised determiner opening the sentence is no proper adjective of an owner.
  if (DETERMINERS.has(before.toLowerCase())) return true;
  return !/^\p{Lu}\p{Ll}/u.test(before);
}

/**
 * An actor of the sentence tied to a place the article names but the coder has no state code for: that place acting
 * ("Veskaria ordered warships", "Veskaria's president sacked …"), or an actor written after its proper adjective
 * ("Veskarian officials", "Veskarian President Tomas Varga", "the Veskarian navy"). The sentence is about that state,
 * so the article's one coded state is not the one at hand. `others` holds the lower-cased names of such places.
 */
function namedByUncodedState(
  c: ActorCandidate,
  tokens: readonly { text: string }[],
  others: ReadonlySet<string>,
  at: number | undefined,
): boolean {
  // Only a place that acts, before the trigger: one named after it ("the navy blockaded Veskaria") is what the act is
  // done to, and says nothing about whose organ the actor is.
  if (c.kind === 'actor' && c.placeName !== null && !stateOf(c.actorKey))
    return (at === undefined || c.ts < at) && others.has(c.placeName.toLowerCase());
  const before = (tokens[c.ts - 1]?.text ?? '').toLowerCase();
  if (before.length < 4) return false;
  // The adjective is the name with an English demonym ending (-n, -an, -ian, -ese, -i): at most three letters more.
  for (const name of others) if (before.startsWith(name) && before.length - name.length <= 3) return true;
  return false;
}

/** Nouns that refer back to a state ("the country's navy", "the nation's army"). */
const STATE_NOUNS: ReadonlySet<string> = new Set(['country', 'nation', 'state', 'kingdom', 'republic']);

/**
 * An organ written with a possessive that refers back ("its navy", "their troops", "the country's navy", also inside
 * an office: "the head of the country's navy"): its owner is an antecedent, not whatever state the article names.
 */
function possessedOrgan(c: ActorCandidate, tokens: readonly { text: string }[]): boolean {
  const w = (k: number) => (tokens[k]?.text ?? '').toLowerCase();
  if (w(c.ts - 1) === 'its' || w(c.ts - 1) === 'their') return true;
  for (let k = c.ts - 1; k < c.te; k++)
    if ((w(k) === "'s" || w(k) === '’s') && STATE_NOUNS.has(w(k - 1)) && w(k - 2) === 'the') return true;
  return false;
}

/**
 * The nearest name before the organ in its sentence (a named actor or place other than a person) has no state code:
 * the possessive's antecedent is a state or group the coder cannot place.
 */
function uncodedAntecedent(c: ActorCandidate, cands: readonly ActorCandidate[]): boolean {
  for (let i = cands.length - 1; i >= 0; i--) {
    const a = cands[i]!;
    if (a.ts >= c.ts || a.actorKey === null || a.actorKey.startsWith('person:')) continue;
    return !stateOf(a.actorKey);
  }
  return false;
}

/** A state an actor may stand for: its actor key ("country:CHL") and ISO alpha-3 code. */
export interface State {
  key: string;
  code: string;
  /** For the article's state: the lower-cased names of the other places the article names with no state code. */
  others?: ReadonlySet<string>;
}

const COUNTRY = 'country:';

function stateOf(key: string | null | undefined): State | null {
  return key?.startsWith(COUNTRY) ? { key, code: key.slice(COUNTRY.length) } : null;
}

/** The state an article is about: the only one it names, named twice or more; else null. */
export function articleState(doc: Doc): State | null {
  const counts = new Map<string, number>();
  const others = new Set<string>();
  for (const e of doc.entities) {
    if (e.type !== 'GPE') continue;
    if (!stateOf(e.actorKey)) {
      others.add(e.text.toLowerCase());
      continue;
    }
    counts.set(e.actorKey!, (counts.get(e.actorKey!) ?? 0) + 1);
  }
  if (counts.size !== 1) return null;
  const [key, n] = [...counts][0]!;
  return n >= 2 ? { ...stateOf(key)!, others } : null;
}

/**
 * The side's actors with each generic one attached to its state: `cands` are the sentence's actor candidates,
 * `other` the event's other side.
 */
export function attachGeneric(
  tokens: readonly { text: string }[],
  side: readonly ActorCandidate[],
  other: readonly ActorCandidate[],
  cands: readonly ActorCandidate[],
  article: State | null,
  at?: number,
): ActorCandidate[] {
  if (!side.some((c) => isStateOrgan(c, tokens))) return [...side];
  const excluded = new Set<string>();
  for (const c of [...other, ...side]) if (stateOf(c.actorKey)) excluded.add(c.actorKey!);
  const named = new Set<string>();
  // A state named after the trigger as a party of some other act ("urged by lawmakers to aid Chile") is not the
  // organ's; one named as a place ("in Chile") or before the trigger is.
  for (const c of cands)
    if (
      c.placeName !== null &&
      /^[A-Z]{3}$/.test(c.code) &&
      stateOf(c.actorKey) &&
      !excluded.has(c.actorKey!) &&
      (c.kind === 'place' || at === undefined || c.ts < at)
    )
      named.add(c.actorKey!);
  // "Chile's army shelled the port; the army says it …": an organ the sentence has already given a state to is that state's.
  const owned = new Map<string, string>();
  for (const c of cands) {
    const m = /^([A-Z]{3})(GOV|MIL|COP|JUD|LEG|SPY)$/.exec(c.code);
    if (m && c.kind === 'actor' && !owned.has(m[2]!)) owned.set(m[2]!, m[1]!);
  }
  // "Veskaria's president sacked the head of the country's navy", "X said one of its corvettes …": an organ owned
  // through a possessive refers back to the name before it; when that name is one the coder has no state code for,
  // the article's state is not the owner.
  const anaphoric = side.some(
    (c) => isStateOrgan(c, tokens) && possessedOrgan(c, tokens) && uncodedAntecedent(c, cands),
  );
  const organ = side.find((c) => isStateOrgan(c, tokens));
  const ownerCode = organ ? owned.get(organ.code) : undefined;
  if (ownerCode && !side.some((c) => stateOf(c.actorKey)) && ![...excluded].some((k) => k === COUNTRY + ownerCode))
    return side.map((c) =>
      isStateOrgan(c, tokens) && c.code === organ!.code
        ? { ...c, code: ownerCode + c.code, actorKey: COUNTRY + ownerCode }
        : c,
    );
  for (const code of owned.values()) if (!excluded.has(COUNTRY + code)) named.add(COUNTRY + code);
  let state: State | null = null;
  if (named.size === 1) state = stateOf([...named][0]);
  // The article's state stands in only when the sentence names no state of its own: an organ owned by a state the
  // coder cannot code ("Veskarian officials accused the military", Veskaria named in the article) says the sentence
  // may be about that state.
  else if (
    named.size === 0 &&
    !anaphoric &&
    article &&
    !excluded.has(article.key) &&
    ![...cands, ...other].some((c) => namedByUncodedState(c, tokens, article.others ?? new Set(), at))
  )
    state = article;
  // A side that already names a state ("France and its troops") keeps its generic noun as written.
  if (!state || side.some((c) => stateOf(c.actorKey))) return [...side];
  return side.map((c) => (isStateOrgan(c, tokens) ? { ...c, code: state.code + c.code, actorKey: state.key } : c));
}
