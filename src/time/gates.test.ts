import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATES, openRules } from './gates.js';
import { RULES } from './grammar.js';

/** Text the rules are tested on elsewhere, and the example dumps: every sentence-sized piece of it. */
function corpus(): string[] {
  const files = [
    'src/time/timexes.test.ts',
    'src/time/annotate.test.ts',
    'examples/dump-harbour/harbour-crisis.txt',
    'examples/dump-second/doping-inquiry.txt',
  ];
  const pieces: string[] = [];
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    pieces.push(...text.split(/\n+|(?<=[.!?])\s+/));
    // String literals of the test files, so every phrase a rule is tested on is here on its own.
    for (const m of text.matchAll(/'((?:[^'\\\n]|\\.)*)'/g)) pieces.push(m[1]!.replace(/\\(.)/g, '$1'));
  }
  return pieces.filter((p) => p.trim() !== '');
}

describe('time grammar gates', () => {
  it('every rule has gates', () => {
    expect(RULES.filter((r) => !GATES[r.name]?.length).map((r) => r.name)).toEqual([]);
    expect(Object.keys(GATES).filter((name) => !RULES.some((r) => r.name === name))).toEqual([]);
  });

  it("a rule's matches always pass its gates, so gating never loses an expression", () => {
    const pieces = corpus();
    let matches = 0;
    const failures: string[] = [];
    for (const text of pieces) {
      const open = openRules(RULES, text);
      RULES.forEach((rule, i) => {
        for (const m of text.matchAll(rule.re)) {
          if (m[0] === '') continue;
          matches++;
          if (!open[i]) failures.push(`${rule.name}: ${m[0]}`);
          // Stronger: the gates hold within the match and the little it looks behind at.
          const near = text.slice(Math.max(0, m.index - 40), m.index + m[0].length);
          if (!GATES[rule.name]!.every((g) => g.test(near))) failures.push(`${rule.name} (near): ${m[0]}`);
        }
      });
    }
    expect(failures).toEqual([]);
    expect(matches).toBeGreaterThan(300);
  });

  it('opens exactly the rules whose gates all pass, each tested as a regex', () => {
    // Case folding as the `iu` regexes do it: "ſ" (long s) folds to "s", the Kelvin sign to "k", "İ" to nothing.
    const odd = [
      'ſeconds later',
      'WEEK OF',
      'last weeK',
      'İn the past',
      'yesterdaY',
      'mid-Decade',
      'the 1990s',
      '(Tue)',
      'Q3 results',
    ];
    for (const text of [...corpus(), ...odd]) {
      const expected = RULES.map((r) => GATES[r.name]!.every((g) => g.test(text)));
      expect(openRules(RULES, text), text).toEqual(expected);
    }
  });

  it('closes rules whose words are absent', () => {
    const open = openRules(RULES, 'The envoy toured the port.');
    const names = RULES.filter((_, i) => open[i]).map((r) => r.name);
    expect(names).not.toContain('month');
    expect(names).not.toContain('weekday');
    expect(names).not.toContain('duration');
  });
});
