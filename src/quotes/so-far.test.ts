import { describe, expect, it } from 'vitest';
import { taggedDoc } from '../language/test-tagger.js';
import { annotateQuotes } from './annotate.js';

/**
 * "so far" / "thus far" is one adverb (up to now) between an auxiliary and its verb, like "already": the word "far"
 * is never the speaker of "…, a demand X has so far rejected".
 */
function speakers(text: string, phrases: [string, string][]): string[] {
  const doc = taggedDoc('sf', text, phrases);
  annotateQuotes(doc);
  return doc.quotes.map((q) => (q.speaker ? text.slice(q.speaker.start, q.speaker.end) : ''));
}

const names: [string, string][] = [
  ['Kelmar', 'LOC'],
  ['Dorvan', 'MISC'],
];

describe('"so far" between an auxiliary and the verb', () => {
  it('skips the adverb to the subject', () => {
    expect(
      speakers(
        'The Dorvan council says the ferry may dock only after a customs search at sea, a demand Kelmar has so far rejected.',
        names,
      ),
    ).toEqual(['Kelmar']);
    expect(
      speakers(
        'The Dorvan council says the ferry may dock only after a customs search at sea, a demand Kelmar has thus far rejected.',
        names,
      ),
    ).toEqual(['Kelmar']);
  });
  it('counterpart: without the adverb the subject is found as before', () => {
    expect(
      speakers(
        'The Dorvan council says the ferry may dock only after a customs search at sea, a demand Kelmar has rejected.',
        names,
      ),
    ).toEqual(['Kelmar']);
  });
});
