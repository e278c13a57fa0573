import { describe, expect, it } from 'vitest';
import { taggedDoc } from './test-tagger.js';

describe('a role word used as a verb', () => {
  it('is no title after a modal: "will judge X" names no judge', () => {
    for (const text of [
      '"We will judge Veskaria by its actions," the spokesman said.',
      'Voters may judge Veskaria on its record.',
    ]) {
      const doc = taggedDoc('t1', text, [['Veskaria', 'LOC']]);
      const m = doc.entities.find((e) => e.text.endsWith('Veskaria'))!;
      expect(m.text, text).toBe('Veskaria');
      expect(m.role ?? null, text).toBe(null);
      expect(m.type, text).toBe('GPE');
    }
  });

  it('is still a title before a name otherwise ("federal judge Ana Ruiz", "a letter to minister Ivo Sarr")', () => {
    const doc = taggedDoc('t1', 'Federal judge Ana Ruiz ruled on Monday.', [['Ana Ruiz', 'PER']]);
    expect(doc.entities.find((e) => e.text === 'Ana Ruiz')?.role).toBe('judge');
    const letter = taggedDoc('t2', 'She sent a letter to minister Ivo Sarr on Monday.', [['Ivo Sarr', 'PER']]);
    expect(letter.entities.find((e) => e.text === 'Ivo Sarr')?.role).toBe('minister');
  });
});
