import { createHash } from 'node:crypto';
import type { ClaimStance } from '../model/index.js';
import { CLAIM_STOPWORDS } from './data/stopwords.js';

/**
 * Claim groups across articles: claims about the same proposition — an accusation, the accused's denial, a
 * third party's assertion that it happened — joined by what they talk about. Two claims are linked when their
 * content words overlap enough (weighted Dice on light stems), with a lower bar when they share a target
 * actor and one accuses while the other denies. Each seed (accusations first) gathers the claims linked to it; a claim linked
 * to nothing stays alone and is not listed. Words weigh by how rare they are among the claims.
 */
export interface GroupableClaim {
  id: string;
  proposition: string;
  claimantKey: string | null;
  stance: ClaimStance;
  targetKeys: string[];
}

export interface ClaimGroup {
  id: string;
  proposition: string;
  claimIds: string[];
}

/** Overlap needed between two claims' content words. */
const LINK_OVERLAP = 0.35;
/** Overlap needed when they are about the same actor (one's target is the other's target or claimant). */
const SAME_ACTOR_OVERLAP = 0.25;
/** Overlap needed when, about the same actor, one accuses and the other denies. */
const OPPOSED_OVERLAP = 0.18;
const MIN_SHARED = 2;
/** Words found in more claims than this are too common to propose pairs. */
const MAX_POSTING = 500;

/** A light stem: enough to meet "dumped"/"dumping"/"dumps" and "seizure"/"seized" halfway. */
export function stem(word: string): string {
  let w = word.toLowerCase().replace(/['’]s$/, '');
  if (w.length > 5 && w.endsWith('ies')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && /(?:ing|ure)$/.test(w)) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es') && /(?:ss|sh|ch|x)es$/.test(w)) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export function contentWords(proposition: string): Set<string> {
  const out = new Set<string>();
  for (const m of proposition.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu)) {
    const w = m[0].toLowerCase();
    if (CLAIM_STOPWORDS.has(w) || w.length < 3) continue;
    out.add(stem(w));
  }
  return out;
}

function opposed(a: ClaimStance, b: ClaimStance): boolean {
  return (a === 'accuses' && b === 'denies') || (a === 'denies' && b === 'accuses') || (a === 'denies' && b === 'asserts') || (a === 'asserts' && b === 'denies');
}

/** Word weights: rarer words say more about what a claim is about (inverse claim frequency). */
function weights(words: readonly Set<string>[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const ws of words) for (const w of ws) df.set(w, (df.get(w) ?? 0) + 1);
  const n = words.length;
  const out = new Map<string, number>();
  for (const [w, f] of df) out.set(w, Math.log(1 + n / f));
  return out;
}

function mass(ws: Set<string>, weight: Map<string, number>): number {
  let m = 0;
  for (const w of ws) m += weight.get(w) ?? 0;
  return m;
}

function linked(a: GroupableClaim, wa: Set<string>, b: GroupableClaim, wb: Set<string>, weight: Map<string, number>): boolean {
  if (wa.size === 0 || wb.size === 0) return false;
  let shared = 0;
  let sharedMass = 0;
  for (const w of wa) {
    if (!wb.has(w)) continue;
    shared++;
    sharedMass += weight.get(w) ?? 0;
  }
  if (shared < MIN_SHARED) return false;
  // Dice on weighted words: both claims must be mostly about the shared words.
  const score = (2 * sharedMass) / (mass(wa, weight) + mass(wb, weight));
  if (score >= LINK_OVERLAP) return true;
  const sameActor = a.targetKeys.some((k) => b.targetKeys.includes(k) || k === b.claimantKey) || b.targetKeys.some((k) => k === a.claimantKey);
  if (!sameActor) return false;
  return score >= (opposed(a.stance, b.stance) ? OPPOSED_OVERLAP : SAME_ACTOR_OVERLAP);
}

/** Seeds first: accusations, then denials, then the rest — a group forms around what is alleged. */
const SEED_ORDER: Readonly<Record<ClaimStance, number>> = { accuses: 0, denies: 1, questions: 2, asserts: 3 };

export function groupClaims(claims: readonly GroupableClaim[]): ClaimGroup[] {
  const words = claims.map((c) => contentWords(c.proposition));
  const weight = weights(words);
  // Index claims by content word so only claims sharing a word are compared; a word said in very many claims
  // ("government", "country") finds no pairs by itself.
  const byWord = new Map<string, number[]>();
  words.forEach((ws, i) =>
    ws.forEach((w) => {
      const list = byWord.get(w);
      if (list) list.push(i);
      else byWord.set(w, [i]);
    }),
  );
  for (const [w, list] of byWord) if (list.length > MAX_POSTING) byWord.delete(w);
  // Star clustering: each seed takes the unassigned claims linked to it, so groups never chain through
  // loosely related statements.
  const order = claims.map((_, i) => i).sort((x, y) => SEED_ORDER[claims[x]!.stance] - SEED_ORDER[claims[y]!.stance] || x - y);
  const assigned = new Int8Array(claims.length);
  const groups: ClaimGroup[] = [];
  for (const seed of order) {
    if (assigned[seed]) continue;
    const members = [seed];
    const seen = new Set<number>([seed]);
    for (const w of words[seed]!) {
      for (const j of byWord.get(w) ?? []) {
        if (seen.has(j) || assigned[j]) continue;
        seen.add(j);
        if (linked(claims[seed]!, words[seed]!, claims[j]!, words[j]!, weight)) members.push(j);
      }
    }
    if (members.length < 2) continue;
    for (const m of members) assigned[m] = 1;
    members.sort((x, y) => x - y);
    const ids = members.map((i) => claims[i]!.id);
    groups.push({
      id: `clg_${createHash('sha1').update([...ids].sort().join('\n')).digest('hex').slice(0, 12)}`,
      proposition: claims[seed]!.proposition,
      claimIds: ids,
    });
  }
  return groups;
}
