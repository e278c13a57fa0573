import { createHash } from 'node:crypto';
import type { ClaimStance } from '../model/index.js';
import { CLAIM_STOPWORDS } from './data/stopwords.js';

/**
 * Claim groups across articles: claims about the same proposition — an accusation, the accused's denial, a
 * third party's assertion that it happened — joined by what they talk about. Two claims are linked when their
 * content words overlap enough (overlap coefficient on light stems), with a lower bar when they share a target
 * actor and one accuses while the other denies. Linked claims form groups (connected components); a claim linked
 * to nothing stays alone and is not listed.
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
const LINK_OVERLAP = 0.5;
/** Overlap needed when they share a target and take opposite stances (accuses / denies). */
const OPPOSED_OVERLAP = 0.25;
const MIN_SHARED = 2;

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

function linked(a: GroupableClaim, wa: Set<string>, b: GroupableClaim, wb: Set<string>): boolean {
  if (wa.size === 0 || wb.size === 0) return false;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  const score = shared / Math.min(wa.size, wb.size);
  if (shared >= MIN_SHARED && score >= LINK_OVERLAP) return true;
  const sharedTarget = a.targetKeys.some((k) => b.targetKeys.includes(k) || k === b.claimantKey) || b.targetKeys.some((k) => k === a.claimantKey);
  return sharedTarget && opposed(a.stance, b.stance) && shared >= 1 && score >= OPPOSED_OVERLAP;
}

function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

export function groupClaims(claims: readonly GroupableClaim[]): ClaimGroup[] {
  const words = claims.map((c) => contentWords(c.proposition));
  const parent = claims.map((_, i) => i);
  // Index claims by content word so only claims sharing a word are compared.
  const byWord = new Map<string, number[]>();
  words.forEach((ws, i) => ws.forEach((w) => byWord.set(w, [...(byWord.get(w) ?? []), i])));
  for (let i = 0; i < claims.length; i++) {
    const seen = new Set<number>();
    for (const w of words[i]!) {
      for (const j of byWord.get(w) ?? []) {
        if (j <= i || seen.has(j)) continue;
        seen.add(j);
        if (linked(claims[i]!, words[i]!, claims[j]!, words[j]!)) parent[find(parent, j)] = find(parent, i);
      }
    }
  }
  const members = new Map<number, number[]>();
  claims.forEach((_, i) => {
    const r = find(parent, i);
    members.set(r, [...(members.get(r) ?? []), i]);
  });
  const groups: ClaimGroup[] = [];
  for (const idx of members.values()) {
    if (idx.length < 2) continue;
    const ids = idx.map((i) => claims[i]!.id);
    // The group reads as its accusation when there is one, else its first claim.
    const lead = idx.find((i) => claims[i]!.stance === 'accuses') ?? idx[0]!;
    groups.push({
      id: `clg_${createHash('sha1').update([...ids].sort().join('\n')).digest('hex').slice(0, 12)}`,
      proposition: claims[lead]!.proposition,
      claimIds: ids,
    });
  }
  return groups;
}
