import { isCapitalized } from '../model/lexicon/index.js';
import { FAMILY_NAME_FIRST, MODALS } from './data/context.js';
import { CAPITALIZED_ROLES, HONORIFICS, ROLE_MODIFIERS, ROLE_SECTORS } from './data/roles.js';
import { compactName, fold, personKeyName } from './normalize.js';

/**
 * Person names: peeling titles off a span, reading the role written beside a name, and linking short
 * forms to full names within one article ("Moon Jae-in" … "Mr. Moon" … "Moon"; "Emmanuel Macron" …
 * "Mr Macron").
 */

/** True when a token (any case) is a role word or role modifier ("President", "spokesman", "Foreign"). */
export function isRoleWord(t: string): boolean {
  const l = t.toLowerCase();
  return ROLE_SECTORS.has(l) || ROLE_MODIFIERS.has(l);
}

export function isHonorific(t: string): boolean {
  return HONORIFICS.has(t.toLowerCase());
}

/**
 * Read a role backwards from token `end` (exclusive): role words and modifiers ("former Foreign Minister"),
 * whose last word is a role head. Returns the first token index of the role, or -1.
 */
export function roleBefore(words: readonly string[], end: number, lo: number): number {
  let i = end - 1;
  if (i < lo) return -1;
  // The head must be a role (not a bare modifier), possibly two words ("prime minister").
  const last = words[i]!.toLowerCase();
  if (!ROLE_SECTORS.has(last)) return -1;
  // "general", "queen", "head" … are roles only as capitalized titles ("Gen.", "General", "Queen").
  if (CAPITALIZED_ROLES.has(last) && !isCapitalized(words[i]!)) return -1;
  // After a modal, a lower-case role word is the verb it is spelled like ("we will judge X", "she may head X"):
  // English puts a verb there, never a noun. (Not after "to", which is also the preposition of "a letter to minister X".)
  if (i > lo && !isCapitalized(words[i]!) && MODALS.has(words[i - 1]!.toLowerCase())) return -1;
  let start = i;
  for (i = i - 1; i >= lo && end - i <= 5; i--) {
    const w = words[i]!.toLowerCase();
    // The first word of a two-word head counts only with the word after it ("prime" of "prime minister").
    if (ROLE_SECTORS.has(w) || ROLE_MODIFIERS.has(w) || w === '-' || twoWordHead(w, words[i + 1]!)) start = i;
    else break;
  }
  return start;
}

/** True when `first` and the word after it make a role of two words ("prime minister", "field marshal"). */
function twoWordHead(first: string, next: string): boolean {
  return ROLE_SECTORS.has(`${first} ${next.toLowerCase()}`);
}

/** Read a role forwards from token `start`: modifiers then a head ("the Elysee spokesman" is handled by the caller). */
export function roleAfter(words: readonly string[], start: number, hi: number): number {
  let i = start;
  let headEnd = -1;
  while (i < hi && i - start < 5) {
    const w = words[i]!.toLowerCase();
    if (ROLE_SECTORS.has(w)) headEnd = i + 1;
    else if (i + 1 < hi && twoWordHead(w, words[i + 1]!)) headEnd = ++i + 1;
    else if (!ROLE_MODIFIERS.has(w)) break;
    i++;
  }
  // Two-word heads such as "prime minister" are covered since both words are role words.
  return headEnd;
}

/** One person mention as the coreference sees it. */
export interface PersonMention {
  /** Index into the article's mention list. */
  index: number;
  /** Name tokens without titles ("Moon", "Jae-in"). */
  name: string[];
  /** First token index of the name in the article (document order). */
  position: number;
  /** The name as written in the text ("Moon Jae-in"). */
  surface: string;
}

/** A person's identity within one article. */
export interface PersonCluster {
  key: string;
  canonical: string;
  members: number[];
}

/** True when a full name is written family name first ("Moon Jae-in", "Xi Jinping"). */
export function familyFirst(name: readonly string[]): boolean {
  if (name.length < 2) return false;
  if (FAMILY_NAME_FIRST.has(fold(name[0]!).toLowerCase())) return true;
  // Hyphenated two-syllable given name written last: "Jae-in", "Jong-un", "Yo-jong".
  const last = name[name.length - 1]!;
  return name.length === 2 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(last);
}

/**
 * Link person mentions of one article into clusters. Full names (two or more tokens) give clusters keyed by
 * their normalized form; spelling variants with the same letters join one cluster. A lone surname joins the
 * full name whose surname it is (last token, or first token for family-name-first names); when several full
 * names share it, the nearest one mentioned before wins, else the first after. Unmatched short forms keep
 * their own key (the resolver may join them to a full name seen elsewhere in the corpus).
 */
export function clusterPersons(mentions: readonly PersonMention[]): Map<number, PersonCluster> {
  const out = new Map<number, PersonCluster>();
  const byKey = new Map<string, PersonCluster>();
  const byCompact = new Map<string, PersonCluster>();
  const fulls: { cluster: PersonCluster; surnames: string[]; position: number }[] = [];
  const ordered = [...mentions].sort((a, b) => a.position - b.position);
  for (const m of ordered) {
    if (m.name.length < 2) continue;
    const key = personKeyName(m.name);
    const compact = compactName(key);
    let c = byKey.get(key) ?? byCompact.get(compact);
    if (!c) {
      c = { key, canonical: m.surface, members: [] };
      byKey.set(key, c);
      byCompact.set(compact, c);
    } else if (!byKey.has(key)) byKey.set(key, c);
    c.members.push(m.index);
    out.set(m.index, c);
    const folded = m.name.map((t) => personKeyName([t]));
    const surnames = [folded[folded.length - 1]!];
    if (familyFirst(m.name)) surnames.push(folded[0]!);
    fulls.push({ cluster: c, surnames, position: m.position });
  }
  // Lone surnames.
  for (const m of ordered) {
    if (out.has(m.index)) continue;
    const key = personKeyName(m.name);
    let best: { cluster: PersonCluster; position: number } | null = null;
    for (const f of fulls) {
      const matches = f.surnames.includes(key);
      if (!matches) continue;
      if (!best) best = f;
      else if (f.cluster !== best.cluster) {
        const fBefore = f.position <= m.position;
        const bBefore = best.position <= m.position;
        if (fBefore && (!bBefore || f.position > best.position)) best = f;
        else if (!fBefore && !bBefore && f.position < best.position) best = f;
      }
    }
    let c = best?.cluster;
    if (!c) {
      c = byKey.get(key);
      if (!c) {
        c = { key, canonical: m.surface, members: [] };
        byKey.set(key, c);
      }
    }
    c.members.push(m.index);
    out.set(m.index, c);
  }
  return out;
}
