import { describe, expect, it } from 'vitest';
import { taggedDoc } from '../language/test-tagger.js';
import { annotateQuotes } from './annotate.js';
import { checkworthy } from './claims.js';

describe('checkworthy', () => {
  it('holds charges, denials and commitments worth checking, whatever their words', () => {
    expect(checkworthy('accuses', 'they lied to us', false)).toBe(true);
    expect(checkworthy('denies', 'we never did that', false)).toBe(true);
    expect(checkworthy('promises', 'we will pay', false)).toBe(true);
    expect(checkworthy('questions', 'whether it works', false)).toBe(true);
  });

  it('leaves out first-person opinions and feelings with nothing checkable in them', () => {
    expect(checkworthy('asserts', 'I think the stew is the best thing on the menu', false)).toBe(false);
    expect(checkworthy('asserts', 'We really love the food here', false)).toBe(false);
    expect(checkworthy('asserts', 'I felt at home the moment I arrived', false)).toBe(false);
    // With a number, a named actor or a target, the opinion carries something others can check.
    expect(checkworthy('asserts', 'I think the pier cost 40 million', false)).toBe(true);
    expect(checkworthy('asserts', 'I believe the ferry left Vik without a permit', false)).toBe(true);
    expect(checkworthy('asserts', 'I think they broke the rules', true)).toBe(true);
  });

  it('leaves out an evaluation of "it" with no other verb, and keeps events', () => {
    expect(checkworthy('asserts', "It's a very good fish stew", false)).toBe(false);
    expect(checkworthy('asserts', 'That was wonderful', false)).toBe(false);
    expect(checkworthy('asserts', 'It was closed after the storm damaged the hull', false)).toBe(true);
    expect(checkworthy('asserts', 'the pier collapsed', false)).toBe(true);
    expect(checkworthy('asserts', 'the harbour master ignored the warnings', false)).toBe(true);
  });

  it('marks the claims of an article and keeps every one of them', () => {
    const text =
      'Ivo Sarr visited the port. "I think the soup is lovely," Sarr said. "The council sold the pier for 3 million," he said.';
    const doc = taggedDoc('cw1', text, [
      ['Ivo Sarr', 'PER'],
      ['Sarr', 'PER'],
    ]);
    annotateQuotes(doc);
    expect(doc.claims.map((c) => [c.proposition, c.checkworthy])).toEqual([
      ['I think the soup is lovely', false],
      ['The council sold the pier for 3 million', true],
    ]);
  });
});
