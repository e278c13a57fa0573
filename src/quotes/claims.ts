import type { Claim, ClaimStance, Doc, Quote } from '../model/index.js';
import { CUE_STANCE } from './data/cues.js';
import { firstAtOrAfter } from './speakers.js';
import { tokenRange, type DocView } from './view.js';

/**
 * Claims from attributed quotes and reported speech: what is said (the proposition), by whom, with which
 * stance (from the speech verbs of the sentence: denied > accused > asked > said), about which actors. A denial
 * of "this" or "the allegations" takes the proposition it answers: the last accusation of the article.
 */

const STANCE_RANK: Readonly<Record<ClaimStance, number>> = { asserts: 0, questions: 1, accuses: 2, denies: 3 };
const ANAPHOR =
  /^(?:this|it|these|those|them|the (?:allegations?|accusations?|claims?|charges?|reports?|suggestion|report))\b/i;
const MARKS = /["“”«»„]/g;
/** Paragraph reach of an anaphoric denial back to the accusation it answers. */
const ANAPHOR_REACH = 2500;

/** Reporting words left at the head of a proposition ("saying the ship …", "adding that …"). */
const LEADING_REPORT =
  /^(?:saying|adding|arguing|noting|insisting|claiming|warning|telling \S+|calling)\s+(?:that\s+)?/i;

function clean(s: string): string {
  return s
    .replace(MARKS, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:]+|[\s,.;:]+$/g, '')
    .replace(LEADING_REPORT, '')
    .trim();
}

/** "X denied this", "rejected the allegations": a denial whose object points back to an accusation. */
const DENIES_ANAPHOR =
  /\b(?:denied|denies|deny|denying|rejected|rejects|dismissed|dismisses|refuted|disputed)\s+(?:this|it|these|those|them|the\s+(?:allegations?|accusations?|claims?|charges?|reports?|suggestion))\b/i;

/** The strongest stance among the speech verbs of the sentences a quote sits in (outside the quote). */
function stanceOf(v: DocView, q: Quote): ClaimStance {
  const [a, b] = tokenRange(v.doc, q);
  if (b <= a) return 'asserts';
  const lo = v.sentLo[a]!;
  const hi = v.sentHi[b - 1]!;
  let best: ClaimStance = 'asserts';
  for (let i = lo; i < hi; i++) {
    if (i >= a && i < b && q.direct) continue;
    if (v.quoteOf[i] !== -1) continue;
    const s = CUE_STANCE.get(v.lower[i]!);
    if (s && STANCE_RANK[s] > STANCE_RANK[best]) best = s;
  }
  return best;
}

/** A partial quote inside reported speech: the proposition is the reported clause after the cue. */
function propositionOf(v: DocView, q: Quote): string {
  if (!q.direct || !q.cue || q.cue.end > q.start) return clean(q.text);
  const [a] = tokenRange(v.doc, q);
  const hi = v.sentHi[a]!;
  const sentEnd = v.doc.tokens[hi - 1]!.end;
  let from = q.cue.end;
  const rest = v.doc.text.slice(from, sentEnd);
  const that = /^\s*(?:that\b)?/.exec(rest)![0].length;
  from += that;
  return clean(v.doc.text.slice(from, Math.max(sentEnd, q.end)));
}

export function buildClaims(doc: Doc, v: DocView, quotes: readonly Quote[]): Claim[] {
  const claims: Claim[] = [];
  quotes.forEach((q, index) => {
    if (!q.speaker) return;
    const stance = stanceOf(v, q);
    let proposition = propositionOf(v, q);
    const claimantKey = q.speakerKey;
    let targets: string[] = [];
    for (
      let k = firstAtOrAfter(doc.entities, Math.min(q.start, q.cue?.start ?? q.start));
      k < doc.entities.length;
      k++
    ) {
      const e = doc.entities[k]!;
      if (e.start >= q.end) break;
      if (e.end <= q.end && e.actorKey && e.actorKey !== claimantKey && e.type !== 'LOC') targets.push(e.actorKey);
    }
    const [qa, qe] = tokenRange(doc, q);
    const sentence =
      qe > qa ? doc.text.slice(doc.tokens[v.sentLo[qa]!]!.start, doc.tokens[v.sentHi[qe - 1]! - 1]!.end) : '';
    if (
      stance === 'denies' &&
      (ANAPHOR.test(proposition) || proposition.split(' ').length < 3 || DENIES_ANAPHOR.test(sentence))
    ) {
      const answered = [...claims]
        .reverse()
        .find((c) => c.stance === 'accuses' && q.start - c.end < ANAPHOR_REACH && c.claimantKey !== claimantKey);
      if (answered) {
        proposition = answered.proposition;
        targets = answered.targetKeys;
      }
    }
    if (!proposition) return;
    const start = Math.min(q.start, q.speaker.start, q.cue?.start ?? q.start);
    const end = Math.max(q.end, q.speaker.end, q.cue?.end ?? q.end);
    claims.push({
      start,
      end,
      proposition,
      claimantKey,
      claimant: q.speakerName ?? q.speaker.text,
      stance,
      targetKeys: [...new Set(targets)],
      date: q.date ?? null,
      dateFrom: q.dateFrom ?? null,
      dateRange: q.dateRange ?? null,
      reported: q.reported ?? null,
      quote: index,
    });
  });
  return claims;
}
