import { describe, expect, it } from 'vitest';
import { parseInterval } from './watch.js';

describe('parseInterval', () => {
  it('reads minutes by default and s/m/h/d units', () => {
    expect(parseInterval('15')).toBe(15 * 60_000);
    expect(parseInterval('90s')).toBe(90_000);
    expect(parseInterval('1.5h')).toBe(5_400_000);
    expect(parseInterval('1d')).toBe(86_400_000);
    expect(parseInterval('0m')).toBeNull();
    expect(parseInterval('soon')).toBeNull();
  });
});
