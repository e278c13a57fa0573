import { describe, expect, it } from 'vitest';
import { nounForms, verbForms } from './inflect.js';
import { matchAt, triggerLexicon } from './lexicon.js';

describe('inflection', () => {
  it('makes regular and irregular verb forms', () => {
    expect(verbForms('accuse')).toEqual(expect.arrayContaining(['accuse', 'accuses', 'accused', 'accusing']));
    expect(verbForms('ban')).toEqual(expect.arrayContaining(['bans', 'banned', 'banning']));
    expect(verbForms('visit')).toEqual(expect.arrayContaining(['visited', 'visiting']));
    expect(verbForms('supply')).toEqual(expect.arrayContaining(['supplies', 'supplied', 'supplying']));
    expect(verbForms('meet')).toEqual(expect.arrayContaining(['meets', 'met', 'meeting']));
    expect(verbForms('withdraw')).toEqual(expect.arrayContaining(['withdrew', 'withdrawn']));
    expect(verbForms('airdrop')).toEqual(expect.arrayContaining(['airdropped', 'airdropping']));
    expect(verbForms('kidnap')).toEqual(expect.arrayContaining(['kidnapped', 'kidnapping']));
    expect(verbForms('find')).toEqual(expect.arrayContaining(['found', 'finding']));
    expect(verbForms('blow')).toEqual(expect.arrayContaining(['blew', 'blown']));
    expect(verbForms('have')).toEqual(expect.arrayContaining(['has', 'had']));
    expect(verbForms('keep')).not.toContain('keeped');
  });
  it('makes plurals', () => {
    expect(nounForms('rally')).toEqual(['rally', 'rallies']);
    expect(nounForms('talks')).toEqual(['talks']);
  });
});

describe('trigger lexicon', () => {
  it('is indexed by every form of the first word, longest pattern first', () => {
    const lex = triggerLexicon();
    expect(lex.byFirst.get('imposed')!.some((t) => t.pattern === 'impose … sanctions')).toBe(true);
    const first = lex.byFirst.get('hunger')!;
    expect(first[0]!.type).toBe('PROTEST');
  });
  it('matches gaps of a few words but not across a clause', () => {
    const t = triggerLexicon()
      .byFirst.get('imposed')!
      .find((x) => x.pattern === 'impose … sanctions')!;
    const w = 'they imposed fresh trade sanctions'.split(' ');
    expect(matchAt(t, w, 1, w.length)).toBe(5);
    const v = 'they imposed curfews , and sanctions'.split(' ');
    expect(matchAt(t, v, 1, v.length)).toBe(-1);
  });
  it('every pattern word set is non-empty and lower-case', () => {
    for (const list of triggerLexicon().byFirst.values()) {
      for (const t of list) for (const w of t.words) if (w) for (const f of w) expect(f).toBe(f.toLowerCase());
    }
  });
});
