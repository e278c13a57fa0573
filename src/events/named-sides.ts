import type { ActorCandidate } from './actors.js';

/**
 * Every side of an event names an actor a reader can identify. CAMEO/PLOVER code an actor as a country or
 * organization plus an optional sector: an agent word ("officials", "people", "police") is coded only when the
 * text attaches it to one ("Russian officials" → RUSGOV; see the PETRARCH-2 agents dictionary, whose entries are
 * sector suffixes added to an actor code). So a side whose only actors are such bare nouns is resolved or left out:
 *
 * - a definite description corefers with the actor the article introduced with that description: "President Anna
 *   Berg … the president said" → Anna Berg, "India's navy … the navy says" → India's navy (English refers back to a
 *   named referent by the head noun it was introduced with);
 * - a group noun with a place or origin phrase in the subject ("opposition parties in Chile") is that country's;
 * - otherwise an agent noun with a sector code stays as an agent-only actor ("officials" → GOV, "police" → COP),
 *   as PETRARCH-2 codes one when the text names no state (its gold records hold `---GOV`, `---REB`); dropping
 *   them cost the PLOVER check split 0.076 of type + source + target and a fifth of real-news recall;
 * - a side with nothing to code (an unresolved pronoun, a noun with no sector) is dropped, and its words are kept as
 *   `attributes.unnamedSource`/`unnamedTarget` so nothing the text said is lost; an event with neither side named is
 *   not coded (the coder needs at least one actor).
 *
 * A generic state organ already attached to its state (`attachGeneric`: "troops" in a report on Chile → CHLMIL)
 * carries an actor key and stays.
 */

/**
 * A bare noun or an unresolved pronoun: no actor key, at most a sector code, and no name inside it (an office of a
 * named place, "the mayor of Dorva", is one identifiable person).
 */
export function unnamed(c: ActorCandidate, entityOf: Int32Array | readonly number[]): boolean {
  if (c.actorKey !== null || c.code.length > 3 || (c.kind !== 'actor' && c.kind !== 'pronoun')) return false;
  for (let k = c.ts; k < c.te; k++) if ((entityOf[k] ?? -1) >= 0) return false;
  return true;
}

/**
 * What an article has named, by the head noun a definite description would use to refer back to it: a person by
 * the title the name was given ("President Anna Berg" → president, "Foreign Minister X" → minister), any other
 * named actor by the group noun that heads its phrase ("India's navy" → navy, "the Dorva State Police" → police).
 */
export class DefiniteAntecedents {
  private readonly byHead = new Map<string, ActorCandidate[]>();

  private add(head: string, c: ActorCandidate): void {
    const list = this.byHead.get(head);
    if (list) list.push(c);
    else this.byHead.set(head, [c]);
  }

  /** Record the named actors of a sentence (`entityOf` tells a title's tokens from the name's). */
  note(
    cands: readonly ActorCandidate[],
    words: readonly string[],
    entityOf: Int32Array | readonly number[],
    isGroupNoun: (w: string) => boolean,
  ): void {
    for (const c of cands) {
      if (c.kind !== 'actor' || c.actorKey === null || c.media) continue;
      if (c.actorKey.startsWith('person:')) {
        let k = c.ts;
        while (k < c.te && (entityOf[k] ?? -1) < 0) k++;
        if (k > c.ts && k < c.te) this.add(words[k - 1]!, c);
        continue;
      }
      const head = words[c.te - 1]!;
      if (isGroupNoun(head)) this.add(head, c);
    }
  }

  /**
   * The actor a definite description refers back to: "the president", "the navy" (the article's latest actor with
   * that head before it), or "police", which English uses without an article in the same definite sense. Only one
   * or two words, so a description that says more ("the navy of another state") is not taken as a repetition.
   */
  antecedent(c: ActorCandidate, words: readonly string[]): ActorCandidate | null {
    if (c.kind !== 'actor' || c.te - c.ts > 2) return null;
    const head = words[c.te - 1]!;
    if (words[c.ts - 1] !== 'the' && !(head === 'police' && c.te - c.ts === 1)) return null;
    const list = this.byHead.get(head);
    if (!list) return null;
    for (let i = list.length - 1; i >= 0; i--) if (list[i]!.te <= c.ts) return list[i]!;
    return null;
  }
}

/**
 * "Opposition parties in Chile will stage …": a prepositional phrase of place or origin right after a group
 * noun in the subject, before the verb, can only modify that noun, and names its country as a nationality adjective
 * would ("Chilean opposition parties"). After the verb the phrase may be the event's place ("fired on students in
 * X"), so only a group before the trigger `ts` takes it. The country candidate, or null.
 */
function countryAfter(
  c: ActorCandidate,
  cands: readonly ActorCandidate[],
  words: readonly string[],
  ts: number,
): ActorCandidate | null {
  if (c.kind !== 'actor' || c.te >= ts || !/^(in|of|from)$/.test(words[c.te] ?? '')) return null;
  const at = words[c.te + 1] === 'the' ? c.te + 2 : c.te + 1;
  const n = cands.find((x) => x.ts === at);
  if (!n || n.te > ts || !n.actorKey?.startsWith('country:') || !/^[A-Z]{3}/.test(n.code)) return null;
  return n;
}

/** A side with its bare nouns resolved to an antecedent where the article gives one; agents kept, the rest left out. */
export function namedSide(
  side: readonly ActorCandidate[],
  words: readonly string[],
  titled: DefiniteAntecedents,
  cands: readonly ActorCandidate[],
  ts: number,
  entityOf: Int32Array | readonly number[],
): { side: ActorCandidate[]; dropped: string[] } {
  if (side.length === 0 || !side.every((c) => unnamed(c, entityOf))) return { side: [...side], dropped: [] };
  const out: ActorCandidate[] = [];
  const dropped: string[] = [];
  for (const c of side) {
    const a = titled.antecedent(c, words);
    const country = a ? null : countryAfter(c, cands, words, ts);
    if (a) out.push({ ...c, name: a.name, code: a.code, actorKey: a.actorKey, person: a.person });
    else if (country)
      out.push({ ...c, end: country.end, code: country.code.slice(0, 3) + c.code, actorKey: country.actorKey });
    else if (c.code.length > 0) out.push(c);
    else dropped.push(c.name);
  }
  return { side: out, dropped };
}
