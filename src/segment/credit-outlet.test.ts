import { describe, expect, it } from 'vitest';
import { outletFromCredits } from './credit-outlet.js';

describe('outlet from photo credits', () => {
  it('names the outlet of a staff photographer credit', () => {
    expect(outletFromCredits(['Tom Reed/The Washington Post'])).toBe('The Washington Post');
    expect(outletFromCredits(['Crowds at the harbour on Monday. Photo: Ana Lind for The Guardian'])).toBe(
      'The Guardian',
    );
  });
  it('never names a wire or picture agency, nor one of two outlets', () => {
    expect(outletFromCredits(['Ships at anchor. (AP Photo/Lee Min-ho)', 'Getty Images'])).toBeNull();
    expect(outletFromCredits(['Ana Lind/Reuters'])).toBeNull();
    expect(outletFromCredits(['Tom Reed/The Washington Post', 'Ana Lind/The Guardian'])).toBeNull();
    expect(outletFromCredits([])).toBeNull();
  });
});
