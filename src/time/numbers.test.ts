import { describe, expect, it } from 'vitest';
import { parseCount, parseOrdinal } from './numbers.js';

describe('parseCount and parseOrdinal', () => {
  it('read number words, compounds and digits', () => {
    expect(parseCount('three')).toBe(3);
    expect(parseCount('twenty-five')).toBe(25);
    expect(parseCount('12')).toBe(12);
    expect(parseCount('several')).toBeNull();
    expect(parseOrdinal('third')).toBe(3);
    expect(parseOrdinal('21st')).toBe(21);
  });

  it('do not take names of the object prototype for numbers', () => {
    for (const w of ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'constructor constructor']) {
      expect(parseCount(w)).toBeNull();
      expect(parseOrdinal(w)).toBeNull();
    }
  });
});
