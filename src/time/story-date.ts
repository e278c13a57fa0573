import type { DateEvidence, DocumentDate } from '../model/index.js';
import { datelineEvidence } from './dateline.js';

/**
 * Story dates: an article that carries no date of its own may take one from a near-duplicate of it
 * (the same wire copy republished, a lightly edited version). Its text is the dated article's text,
 * so its relative expressions were written against the same day — that is the rule's soundness.
 * Nothing weaker (same topic, same actors) dates an article.
 */

/**
 * The date an article's own evidence gives, read before analysis (no tokens needed): URL → published
 * metadata → caption or dateline → updated metadata. Evidence from a story never passes on.
 */
export function ownDate(raw: {
  text: string;
  dateEvidence: readonly DateEvidence[];
  published?: DocumentDate | null;
}): DateEvidence | null {
  if (raw.published && raw.published.from !== 'story') return { ...raw.published, evidence: 'source' };
  const own = raw.dateEvidence.filter((e) => e.from !== 'story');
  const latest = (list: DateEvidence[]): DateEvidence | null =>
    list.reduce<DateEvidence | null>((b, e) => (!b || e.value > b.value ? e : b), null);
  const yearHint = latest(own)?.value ?? null;
  const dateline = datelineEvidence(raw.text, yearHint);
  const tiers = [
    own.filter((e) => e.from === 'url'),
    own.filter((e) => e.from === 'metadata' && e.kind !== 'updated'),
    [...own.filter((e) => e.from === 'caption'), ...(dateline ? [dateline] : [])],
    own.filter((e) => e.from === 'metadata' && e.kind === 'updated'),
  ];
  for (const tier of tiers) {
    const e = latest(tier);
    if (e) return e;
  }
  return null;
}

/** The evidence a near-duplicate of a dated article (`originalId`) carries about its own date. */
export function storyEvidence(original: DateEvidence, originalId: string): DateEvidence {
  return {
    value: original.value,
    precision: original.precision,
    from: 'story',
    evidence: `near-duplicate of article ${originalId} (dated by ${original.from}: ${original.evidence})`,
  };
}
