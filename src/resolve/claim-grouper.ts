import type { ClaimStance } from '../model/index.js';
import { claimWords, LOWER, NAME, OPENING, UNCASED, type WordCase } from './claim-words.js';
import { WORDNET_CONCEPTS } from './data/wordnet-senses.js';
import { IntList, Interner } from './packed.js';

/**
 * Claim groups across articles: claims about the same proposition — an accusation, the accused's denial, a
 * third party's assertion that it happened — joined by what they talk about. Two claims are linked when their
 * content words overlap enough (weighted Dice on light stems), with a lower bar when one answers the other (the
 * claimant of one is a target of the other), lowest when one of them accuses and the other denies. Each seed
 * (accusations first) gathers the claims linked to it; two groups join when a member of one is linked to the other's
 * seed; a claim linked to nothing stays alone and is not listed. Words weigh by how rare they are among the claims.
 * A group is one proposition: a link needs a shared word that is no name (MIN_SHARED_COMMON), not only the same
 * actors and places.
 *
 * A corpus can hold millions of claims, so the grouper keeps them packed: words and actors interned to
 * numbers in typed arrays (~60 bytes a claim), no proposition text. Claims are numbered in the order added.
 */

/** Overlap needed between two claims' content words. */
const LINK_OVERLAP = 0.3;
/** Overlap needed when they are about the same actor (one's target is the other's target or claimant). */
const SAME_ACTOR_OVERLAP = 0.22;
/** Overlap needed when, about the same actor, one accuses and the other denies. */
const OPPOSED_OVERLAP = 0.15;
const MIN_SHARED = 2;
/**
 * Shared words that are no names, needed for any link: two claims are about one proposition when they say the same
 * thing happened (an act, a thing acted on), not when they only name the same actors and places ("Skarn Island" in
 * a charge of jamming and in a denial of a landing plan).
 */
const MIN_SHARED_COMMON = 1;
/** Shared words that are no names, needed for the lower bars of claims that answer each other. */
const ANSWER_SHARED_COMMON = 2;
/** Linked pairs between the members of two groups that join them when neither seed is reached. */
const CROSS_LINKS = 3;
/** Overlap needed for the accused's denial to join a group whose claim it answers (one shared word may do). */
const ACCUSED_DENIAL_OVERLAP = 0.1;
/** A denial with at most this many content words says only that it denies ("denied the allegations"). */
const BARE_DENIAL_WORDS = 3;
/** Words found in more claims than this are too common to propose pairs. */
const MAX_POSTING = 500;
/**
 * What a word met only through a shared WordNet concept (a synonym, or a derivation: "supply" / "provide",
 * "accuse" / "accusation") counts for, against a word met as written (1). Chosen by cross-validation over the
 * stories of the real-news claims set's tune half (`npm run bench:quotes -- --paraphrase-cv`).
 */
export const PARAPHRASE_WEIGHT = 0;

/** Token → WordNet concepts (see compile-wordnet.ts), read once when a grouper first needs it. */
let conceptTable: Map<string, number[]> | null = null;
function conceptsOf(token: string): readonly number[] | undefined {
  if (conceptTable === null) {
    conceptTable = new Map();
    for (const line of WORDNET_CONCEPTS.split('\n')) {
      const sp = line.indexOf(' ');
      conceptTable.set(
        line.slice(0, sp),
        line
          .slice(sp + 1)
          .split(',')
          .map((n) => Number.parseInt(n, 36)),
      );
    }
  }
  return conceptTable.get(token);
}

export interface ClaimGrouperOptions {
  /** Weight of a word met through a shared concept (0: words meet only as written). Default PARAPHRASE_WEIGHT. */
  paraphrase?: number;
}

const STANCES: readonly ClaimStance[] = ['accuses', 'denies', 'threatens', 'questions', 'promises', 'asserts'];
/** Seeds first: accusations, then denials, then the rest — a group forms around what is alleged (STANCES order). */
const STANCE_CODE: Readonly<Record<ClaimStance, number>> = {
  accuses: 0,
  denies: 1,
  threatens: 2,
  questions: 3,
  promises: 4,
  asserts: 5,
};

function opposed(a: number, b: number): boolean {
  const [x, y] = [STANCES[a], STANCES[b]];
  return (
    (x === 'accuses' && y === 'denies') ||
    (x === 'denies' && y === 'accuses') ||
    (x === 'denies' && y === 'asserts') ||
    (x === 'asserts' && y === 'denies')
  );
}

/** A group: its seed claim and its members (seed included), by the numbers `add` returned, ascending. */
export interface ClaimCluster {
  seed: number;
  members: number[];
}

export class ClaimGrouper {
  private readonly words = new Interner();
  private readonly actors = new Interner();
  /** Claim i's words are wordIds[wordStart[i] .. wordStart[i + 1]), in the order claimWords gives them. */
  private readonly wordIds = new IntList();
  /** How each of those words is written in the claim (LOWER, NAME, OPENING, UNCASED). */
  private readonly wordCases = new IntList();
  private readonly wordStart = new IntList();
  private readonly targetIds = new IntList();
  private readonly targetStart = new IntList();
  private readonly claimants = new IntList();
  private readonly stances = new IntList();
  /** Claim i's concepts are conceptIds[conceptStart[i] .. conceptStart[i + 1]), each from word conceptSrc (an index into wordIds). */
  private readonly conceptIds = new IntList();
  private readonly conceptSrc = new IntList();
  private readonly conceptStart = new IntList();
  private readonly paraphrase: number;

  constructor(options: ClaimGrouperOptions = {}) {
    this.paraphrase = options.paraphrase ?? PARAPHRASE_WEIGHT;
    this.wordStart.push(0);
    this.targetStart.push(0);
    this.conceptStart.push(0);
  }

  get size(): number {
    return this.claimants.length;
  }

  /** Add a claim (actor keys as resolved entities); returns its number. */
  add(proposition: string, claimantKey: string | null, stance: ClaimStance, targetKeys: readonly string[]): number {
    for (const [w, c] of claimWords(proposition)) {
      if (this.paraphrase > 0 && c !== NAME) {
        for (const x of conceptsOf(w) ?? []) {
          this.conceptIds.push(x);
          this.conceptSrc.push(this.wordIds.length);
        }
      }
      this.wordIds.push(this.words.id(w, w));
      this.wordCases.push(c);
    }
    this.wordStart.push(this.wordIds.length);
    this.conceptStart.push(this.conceptIds.length);
    for (const k of targetKeys) this.targetIds.push(this.actors.id(k, k));
    this.targetStart.push(this.targetIds.length);
    this.claimants.push(claimantKey === null ? -1 : this.actors.id(claimantKey, claimantKey));
    this.stances.push(STANCE_CODE[stance]);
    return this.size - 1;
  }

  finish(): ClaimCluster[] {
    const n = this.size;
    const words = this.wordIds.done();
    const cases = this.wordCases.done();
    const wordStart = this.wordStart.done();
    const targets = this.targetIds.done();
    const targetStart = this.targetStart.done();
    const claimants = this.claimants.done();
    const stances = this.stances.done();
    const vocabulary = this.words.size;
    const concepts = this.conceptIds.done();
    const conceptSrc = this.conceptSrc.done();
    const conceptStart = this.conceptStart.done();
    const paraphrase = this.paraphrase;

    // Word weights: rarer words say more about what a claim is about (inverse claim frequency).
    const df = new Int32Array(vocabulary);
    for (let k = 0; k < words.length; k++) df[words[k]!]!++;
    const weight = new Float64Array(vocabulary);
    for (let w = 0; w < vocabulary; w++) weight[w] = Math.log(1 + n / df[w]!);
    const mass = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let m = 0;
      for (let k = wordStart[i]!; k < wordStart[i + 1]!; k++) m += weight[words[k]!]!;
      mass[i] = m;
    }

    // Claims by content word (postings in claim order), so only claims sharing a word are compared; a word
    // said in very many claims ("government", "country") finds no pairs by itself.
    const postStart = new Int32Array(vocabulary + 1);
    for (let w = 0; w < vocabulary; w++) postStart[w + 1] = postStart[w]! + df[w]!;
    const postings = new Int32Array(words.length);
    const fill = postStart.slice(0, vocabulary);
    for (let i = 0; i < n; i++)
      for (let k = wordStart[i]!; k < wordStart[i + 1]!; k++) postings[fill[words[k]!]!++] = i;
    // Claims by WordNet concept, the same way, so that claims sharing no word but a synonym's concept meet.
    let conceptCount = 0;
    for (let k = 0; k < concepts.length; k++) conceptCount = Math.max(conceptCount, concepts[k]! + 1);
    const cdf = new Int32Array(conceptCount);
    for (let k = 0; k < concepts.length; k++) cdf[concepts[k]!]!++;
    const cpostStart = new Int32Array(conceptCount + 1);
    for (let x = 0; x < conceptCount; x++) cpostStart[x + 1] = cpostStart[x]! + cdf[x]!;
    const cpostings = new Int32Array(concepts.length);
    const cfill = cpostStart.slice(0, conceptCount);
    for (let i = 0; i < n; i++)
      for (let k = conceptStart[i]!; k < conceptStart[i + 1]!; k++) cpostings[cfill[concepts[k]!]!++] = i;
    /**
     * Visit the claims that share a word with claim i (word postings, then concept postings), in posting order, a
     * claim possibly more than once; stop when `visit` returns true.
     */
    const neighbors = (i: number, visit: (j: number) => unknown): void => {
      for (let k = wordStart[i]!; k < wordStart[i + 1]!; k++) {
        const w = words[k]!;
        if (df[w]! > MAX_POSTING) continue;
        for (let p = postStart[w]!; p < postStart[w + 1]!; p++) if (visit(postings[p]!)) return;
      }
      for (let k = conceptStart[i]!; k < conceptStart[i + 1]!; k++) {
        const x = concepts[k]!;
        if (cdf[x]! > MAX_POSTING) continue;
        for (let p = cpostStart[x]!; p < cpostStart[x + 1]!; p++) if (visit(cpostings[p]!)) return;
      }
    };

    // Names: words written with a capital inside a sentence; one capitalized only where a sentence opens is a name
    // unless the claims write it in lower case more often than as a name ("Veskaria has …" a name, "Reports say …"
    // not, when other claims say "reports"); one in a claim capitalized throughout (a headline) is a name only when
    // the claims write it as one more often than in lower case (none of them writing it: a common word).
    const asName = new Int32Array(vocabulary);
    const asLower = new Int32Array(vocabulary);
    for (let k = 0; k < words.length; k++) {
      if (cases[k] === NAME) asName[words[k]!]!++;
      else if (cases[k] === LOWER) asLower[words[k]!]!++;
    }
    const isName = new Uint8Array(words.length);
    for (let k = 0; k < words.length; k++) {
      const c = cases[k] as WordCase;
      const w = words[k]!;
      isName[k] =
        c === NAME || (c === OPENING && asName[w]! >= asLower[w]!) || (c === UNCASED && asName[w]! > asLower[w]!)
          ? 1
          : 0;
    }
    /** Where claim i holds word w (an index into words), or -1. */
    const indexIn = (i: number, w: number): number => {
      for (let k = wordStart[i]!; k < wordStart[i + 1]!; k++) if (words[k] === w) return k;
      return -1;
    };
    // The overlap of two claims: shared words, shared words that are a name in neither, weighted Dice. A word of
    // one met in the other only through a shared concept (neither a name, neither met as written) counts once, one
    // to one, with `paraphrase` times the mean weight of the two words.
    let shared = 0;
    let sharedCommon = 0;
    const met = new Int32Array(words.length).fill(-1);
    const conceptAt = new Int32Array(conceptCount).fill(-1);
    const conceptStamp = new Int32Array(conceptCount).fill(-1);
    let stamp = 0;
    const overlap = (a: number, b: number): number => {
      shared = 0;
      sharedCommon = 0;
      let sharedMass = 0;
      stamp++;
      for (let k = wordStart[a]!; k < wordStart[a + 1]!; k++) {
        const w = words[k]!;
        const kb = indexIn(b, w);
        if (kb < 0) continue;
        shared++;
        if (!isName[k] && !isName[kb]) sharedCommon++;
        sharedMass += weight[w]!;
        met[k] = stamp;
        met[kb] = stamp;
      }
      if (paraphrase > 0 && conceptStart[a] !== conceptStart[a + 1] && conceptStart[b] !== conceptStart[b + 1]) {
        for (let q = conceptStart[b]!; q < conceptStart[b + 1]!; q++) {
          const x = concepts[q]!;
          if (conceptStamp[x] === stamp) continue;
          conceptStamp[x] = stamp;
          conceptAt[x] = q;
        }
        for (let q = conceptStart[a]!; q < conceptStart[a + 1]!; q++) {
          const ka = conceptSrc[q]!;
          const x = concepts[q]!;
          if (met[ka] === stamp || isName[ka] || conceptStamp[x] !== stamp) continue;
          const kb = conceptSrc[conceptAt[x]!]!;
          if (met[kb] === stamp || isName[kb]) continue;
          met[ka] = stamp;
          met[kb] = stamp;
          shared++;
          sharedCommon++;
          sharedMass += (paraphrase * (weight[words[ka]!]! + weight[words[kb]!]!)) / 2;
        }
      }
      return (2 * sharedMass) / (mass[a]! + mass[b]!);
    };
    const targetOf = (i: number, actor: number): boolean => {
      for (let k = targetStart[i]!; k < targetStart[i + 1]!; k++) if (targets[k] === actor) return true;
      return false;
    };
    // One answers the other: the claimant of one is whom the other is about (the accused denying, the accuser
    // answering). Two claims that merely name the same actor ("BP" in every report of a hearing) may be about
    // different propositions, so they clear the ordinary bar.
    const answers = (a: number, b: number): boolean =>
      (claimants[b]! >= 0 && targetOf(a, claimants[b]!)) || (claimants[a]! >= 0 && targetOf(b, claimants[a]!));
    /** Whether a denies what b says of a's claimant (b no denial itself). */
    const accusedDenies = (a: number, b: number): boolean =>
      STANCES[stances[a]!] === 'denies' &&
      STANCES[stances[b]!] !== 'denies' &&
      claimants[a]! >= 0 &&
      targetOf(b, claimants[a]!);
    const linked = (a: number, b: number): boolean => {
      if (wordStart[a] === wordStart[a + 1] || wordStart[b] === wordStart[b + 1]) return false;
      // Dice on weighted words: both claims must be mostly about the shared words.
      const score = overlap(a, b);
      if (shared < MIN_SHARED || sharedCommon < MIN_SHARED_COMMON) return false;
      if (score >= LINK_OVERLAP) return true;
      // The lower bars take the answer between the two as evidence, but never in place of what they say: two words
      // that are no names ("navigation" alone is said of jamming and of free passage). The accused denying what is
      // said of it answers that very charge, and one such word will do, as for joining its group (denialTarget).
      if (!answers(a, b)) return false;
      if (sharedCommon < (accusedDenies(a, b) || accusedDenies(b, a) ? MIN_SHARED_COMMON : ANSWER_SHARED_COMMON))
        return false;
      return score >= (opposed(stances[a]!, stances[b]!) ? OPPOSED_OVERLAP : SAME_ACTOR_OVERLAP);
    };

    // Star clustering: each seed takes the unassigned claims linked to it, so groups never chain through
    // loosely related statements.
    const order = Array.from({ length: n }, (_, i) => i).sort((x, y) => stances[x]! - stances[y]! || x - y);
    const assigned = new Uint8Array(n);
    const seenAt = new Int32Array(n).fill(-1);
    const groups: ClaimCluster[] = [];
    for (const seed of order) {
      if (assigned[seed]) continue;
      const members = [seed];
      seenAt[seed] = seed;
      neighbors(seed, (j) => {
        if (seenAt[j] === seed || assigned[j]) return;
        seenAt[j] = seed;
        if (linked(seed, j)) members.push(j);
      });
      if (members.length < 2) continue;
      for (const m of members) assigned[m] = 1;
      groups.push({ seed, members });
    }
    // A claim left alone joins the group of a member it is linked to (a paraphrase of a member rather than of
    // the seed: the same accusation worded the way one of its reports worded it). Newcomers do not recruit.
    const groupOf = new Int32Array(n).fill(-1);
    groups.forEach((g, k) => {
      for (const m of g.members) groupOf[m] = k;
    });
    const joined: Array<[number, number]> = [];
    for (let i = 0; i < n; i++) {
      if (assigned[i]) continue;
      let best = -1;
      neighbors(i, (j) => {
        if (groupOf[j]! >= 0 && linked(i, j)) best = groupOf[j]!;
        return best >= 0;
      });
      if (best >= 0) joined.push([best, i]);
    }
    for (const [k, i] of joined) {
      groups[k]!.members.push(i);
      assigned[i] = 1;
      groupOf[i] = k;
    }
    // Two groups about one proposition (its seeds worded apart, "founder of ISIS" and "founder of the Islamic
    // State"), joined when a member of one is linked to the other's seed, or when members of the two are linked
    // pairwise at least CROSS_LINKS times (the seeds of both long quotes that no short paraphrase reaches).
    const parent = groups.map((_, k) => k);
    const find = (k: number): number => (parent[k] === k ? k : (parent[k] = find(parent[k]!)));
    const cross = new Map<number, number>();
    const pairSeen = new Int32Array(n).fill(-1);
    groups.forEach((g, k) => {
      for (const m of g.members) {
        neighbors(m, (j) => {
          const gj = groupOf[j]!;
          if (gj <= k || pairSeen[j] === m || find(gj) === find(k)) return;
          pairSeen[j] = m;
          // Joining two groups joins all their members: only on the ordinary bar, never on the lower ones of an
          // answer (a denial copying a charge's words, "…, saying a ferry …", would carry its group to the ferry's).
          if (overlap(m, j) < LINK_OVERLAP || shared < MIN_SHARED || sharedCommon < MIN_SHARED_COMMON) return;
          const key = k * groups.length + gj;
          const links = (cross.get(key) ?? 0) + 1;
          cross.set(key, links);
          if (groups[gj]!.seed === j || g.seed === m || links >= CROSS_LINKS) parent[find(gj)] = find(k);
        });
      }
    });
    const merged: ClaimCluster[] = [];
    const at = new Map<number, ClaimCluster>();
    groups.forEach((g, k) => {
      const r = find(k);
      const into = at.get(r);
      if (into) into.members.push(...g.members);
      else {
        const c = { seed: groups[r]!.seed, members: [...g.members] };
        at.set(r, c);
        merged.push(c);
      }
    });
    groups.length = 0;
    groups.push(...merged);
    groups.forEach((g, k) => {
      for (const m of g.members) groupOf[m] = k;
    });
    // A denial answers the claim it rejects: the accused (or whoever the claim is about) denying it in words of its
    // own ("did not send a single weapon" against "supplied arms to"). A denial left alone, or a group that only
    // denials started, joins the group of a claim it answers, against any member of the group, not only its seed.
    const denialTarget = (i: number, own: number): [number, number] => {
      let best = -1;
      let bestScore = 0;
      neighbors(i, (j) => {
        const gj = groupOf[j]!;
        if (gj < 0 || gj === own || STANCES[stances[j]!] === 'denies' || !answers(i, j)) return;
        if (STANCES[stances[groups[gj]!.seed]!] === 'denies') return;
        const score = overlap(i, j);
        // The accused denying (its claimant is whom the claim is about) in words of its own may share a single
        // word with the claim; otherwise the bar of an opposed pair. Either way a word that is no name.
        const accused = claimants[i]! >= 0 && targetOf(j, claimants[i]!);
        const ok =
          sharedCommon >= MIN_SHARED_COMMON &&
          (accused ? shared >= 1 && score >= ACCUSED_DENIAL_OVERLAP : shared >= MIN_SHARED && score >= OPPOSED_OVERLAP);
        if (ok && score > bestScore) [best, bestScore] = [gj, score];
      });
      return [best, bestScore];
    };
    const dropped = new Uint8Array(groups.length);
    groups.forEach((g, k) => {
      if (STANCES[stances[g.seed]!] !== 'denies') return;
      let best = -1;
      let bestScore = 0;
      for (const m of g.members) {
        if (STANCES[stances[m]!] !== 'denies') continue;
        const [gj, score] = denialTarget(m, k);
        if (gj >= 0 && score > bestScore) [best, bestScore] = [gj, score];
      }
      if (best < 0) return;
      for (const m of g.members) {
        groups[best]!.members.push(m);
        groupOf[m] = best;
      }
      g.members = [];
      dropped[k] = 1;
    });
    for (let i = 0; i < n; i++) {
      if (assigned[i] || STANCES[stances[i]!] !== 'denies') continue;
      const [gj] = denialTarget(i, -1);
      if (gj < 0) continue;
      groups[gj]!.members.push(i);
      assigned[i] = 1;
      groupOf[i] = gj;
    }
    if (dropped.some((d) => d === 1)) {
      const kept = groups.filter((_, k) => !dropped[k]);
      groups.length = 0;
      groups.push(...kept);
      groups.forEach((g, k) => {
        for (const m of g.members) groupOf[m] = k;
      });
    }
    // "X denied the allegations", reported on its own: a denial saying little beyond that it denies answers the
    // accusation aimed at its claimant.
    // Only when what it answers is plain: the charges aimed at the claimant are one proposition (one group, or one
    // claim). Accused of several things, the denial does not say which it denies.
    const accusedIn = new Map<number, number>();
    const ambiguous = new Set<number>();
    for (const i of order) {
      if (STANCES[stances[i]!] !== 'accuses') continue;
      for (let k = targetStart[i]!; k < targetStart[i + 1]!; k++) {
        const t = targets[k]!;
        const prev = accusedIn.get(t);
        if (prev !== undefined && prev !== i && (groupOf[prev]! < 0 || groupOf[prev] !== groupOf[i])) ambiguous.add(t);
        if (prev === undefined) accusedIn.set(t, i);
      }
    }
    for (let i = 0; i < n; i++) {
      if (assigned[i] || STANCES[stances[i]!] !== 'denies' || claimants[i]! < 0) continue;
      if (wordStart[i + 1]! - wordStart[i]! > BARE_DENIAL_WORDS) continue;
      if (ambiguous.has(claimants[i]!)) continue;
      const acc = accusedIn.get(claimants[i]!);
      if (acc === undefined || acc === i) continue;
      if (groupOf[acc]! < 0) {
        groupOf[acc] = groups.length;
        assigned[acc] = 1;
        groups.push({ seed: acc, members: [acc] });
      }
      groups[groupOf[acc]!]!.members.push(i);
      assigned[i] = 1;
    }
    for (const g of groups) g.members.sort((x, y) => x - y);
    return groups;
  }
}
