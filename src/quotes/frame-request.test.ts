import { describe, expect, it } from 'vitest';
import { taggedDoc } from '../language/test-tagger.js';
import { annotateQuotes } from './annotate.js';

/**
 * The stance of the sentence before frames a statement that is a claim; a request ("urged both sides to show
 * restraint") is no claim, and a denial in the sentence before does not make it one.
 */
function stances(text: string, phrases: [string, string][]): [string, string][] {
  const doc = taggedDoc('fr', text, phrases);
  annotateQuotes(doc);
  return doc.claims.map((c) => [c.stance, c.proposition]);
}

const names: [string, string][] = [
  ['Kelmar', 'LOC'],
  ['Dorva', 'LOC'],
];

describe('a denial in the sentence before does not turn a request into a claim', () => {
  it('the request after the denial is no denial', () => {
    const out = stances(
      'Dorva calls the new dam a danger to its farms, a charge Kelmar has rejected. Kelmar urged both villages to stay calm.',
      names,
    );
    expect(out.filter(([s]) => s === 'denies').map(([, p]) => p)).not.toContain('both villages to stay calm');
  });
  it('counterpart: a statement of fact after the denial still takes the frame', () => {
    const out = stances(
      'Dorva calls the new dam a danger to its farms, a charge Kelmar has rejected. Kelmar said the dam holds back no water from the farms.',
      names,
    );
    expect(out.some(([s, p]) => s === 'denies' && p.includes('holds back no water'))).toBe(true);
  });
});
