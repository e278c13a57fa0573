import { describe, expect, it } from 'vitest';
import { Deduplicator } from './dedup.js';
import { LshIndex } from './lsh.js';
import {
  minhash,
  shingles,
  shinglesOfWords,
  signature,
  signatureOfWords,
  similarity,
  textHash,
  words,
} from './minhash.js';

const STORY = `The harbour authority of Northport agreed on Tuesday to a new contract with the dock workers' union,
ending a strike that had kept container ships waiting offshore for nine days. Union leader Mara Velde said the deal
raised wages by six percent over two years and limited night shifts. The port's director, Ansel Brook, said traffic
would return to normal by the weekend, though some shipping lines had already diverted cargo to southern ports.
Business groups welcomed the agreement but warned that the losses from the stoppage would take months to recover.`;

const OTHER = `Heavy rain flooded parts of the river valley on Sunday, forcing hundreds of families to leave their homes.
Emergency services opened shelters in three schools, and the regional governor asked the army for boats and trucks.
Forecasters expect more rain until Wednesday, when a dry spell should let the water fall back.`;

describe('minhash', () => {
  it('estimates Jaccard similarity: identical texts 1, unrelated ones near 0', () => {
    expect(similarity(minhash(STORY), minhash(STORY))).toBe(1);
    expect(similarity(minhash(STORY), minhash(OTHER))).toBeLessThan(0.1);
  });

  it('sees a lightly edited copy as similar', () => {
    const edited = `${STORY.replace('nine days', 'ten days').replace('welcomed', 'praised')} (Reporting by a wire service.)`;
    expect(similarity(minhash(STORY), minhash(edited))).toBeGreaterThan(0.6);
  });

  it('signs words as signature(shinglesOfWords) does, repeated shingles and short texts included', () => {
    for (const text of [
      STORY,
      OTHER,
      `${STORY} ${STORY}`,
      'a a a a a a a a a',
      '',
      'one',
      'two words',
      'three word text',
      'four words right here',
    ]) {
      const w = words(text);
      expect(signatureOfWords(w)).toEqual(signature(shinglesOfWords(w)));
    }
  });
  it('ignores case, punctuation and spacing in shingles and text hashes', () => {
    expect(textHash('Hello,  World!')).toBe(textHash('hello world'));
    expect(Array.from(shingles('A b c d e'))).toEqual(Array.from(shingles('a, B; c d  e.')));
  });
});

describe('LshIndex and Deduplicator', () => {
  it('finds the earlier near-duplicate and only above the threshold', () => {
    const index = new LshIndex();
    index.add('a', minhash(STORY));
    index.add('b', minhash(OTHER));
    const hit = index.query(minhash(`${STORY} Shares of shipping firms rose.`));
    expect(hit?.id).toBe('a');
    expect(hit!.similarity).toBeGreaterThan(0.8);
    expect(
      index.query(minhash('A completely different short note about a chess tournament in the capital city today.')),
    ).toBeNull();
  });

  it('skips exact duplicates, links near ones, keeps new ones', () => {
    const d = new Deduplicator();
    const first = d.check(STORY);
    expect(first.kind).toBe('new');
    if (first.kind === 'new') d.remember('s1', first.fingerprint);
    expect(d.check(STORY.toUpperCase().replace(/\n/g, '  '))).toEqual({ kind: 'exact', of: 's1' });
    const near = d.check(`${STORY} Further talks are planned for March.`);
    expect(near).toMatchObject({ kind: 'near', of: 's1' });
    expect(d.check(OTHER).kind).toBe('new');
  });

  it('judges against looked-up stored articles as a detector seeded with them does', () => {
    const varied = `${STORY} Further talks are planned for March.`;
    const stored = [
      { id: 's1', fingerprint: Deduplicator.fingerprint(STORY) },
      { id: 's2', fingerprint: Deduplicator.fingerprint(varied) },
      { id: 's3', fingerprint: Deduplicator.fingerprint(OTHER) },
    ];
    const seeded = new Deduplicator(stored);
    const looking = new Deduplicator();
    const candidates = stored.map((k) => looking.candidate(k));
    // The run remembers an article of its own, the same text as a stored one: the stored one comes first.
    for (const d of [seeded, looking]) d.remember('r1', Deduplicator.fingerprint(varied));
    const texts = [
      STORY,
      `${STORY} Shares of shipping firms rose.`,
      `${varied} Shares of shipping firms rose.`,
      OTHER.replace('Sunday', 'Monday'),
      'A short note on a chess tournament held in the capital city of Brelmark this weekend, won by a schoolgirl.',
    ];
    for (const text of texts) {
      const fp = Deduplicator.fingerprint(text);
      expect(looking.judge(fp, candidates)).toEqual(seeded.check(text));
    }
    expect(looking.judge(Deduplicator.fingerprint(STORY), candidates)).toEqual({ kind: 'exact', of: 's1' });
    expect(looking.judge(Deduplicator.fingerprint(varied), candidates)).toEqual({ kind: 'exact', of: 's2' });
    expect(
      looking.judge(Deduplicator.fingerprint(`${varied} Shares of shipping firms rose.`), candidates),
    ).toMatchObject({
      kind: 'near',
      of: 's2',
    });
    // Without the stored articles, only the run's own.
    expect(looking.judge(Deduplicator.fingerprint(`${varied} Shares of shipping firms rose.`))).toMatchObject({
      kind: 'near',
      of: 'r1',
    });
  });
});
