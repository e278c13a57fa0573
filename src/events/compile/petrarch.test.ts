import { describe, expect, it } from 'vitest';
import { ploverOf, postVerbSlots, readAgents, readCameoPlover, readVerbDictionary } from './petrarch.js';

// Small inputs written for this test in the dictionaries' formats (see dictionaries.rst of PETRARCH-2).
const VERBS = `# comment
####### SYNONYM SETS #######

&CROWD_
+MOB
+THRONG
+LARGE_GROUP

####### VERB PATTERNS #######
---  SCATTER   [---]  ---
SCATTER
DISPERSE {DISPERSES DISPERSED DISPERSING }  [1451]
+BREAK_UP
- * &CROWD  [175]  # scatter the mob
- * {PEACEFUL MARCH} (WITH FORCE) [175]
- &CROWD *  [145]  # pre-verb noun: not read
- * $ (TO + ROOM)  [---]
`;

describe('readVerbDictionary', () => {
  const dict = readVerbDictionary(VERBS);
  it('reads verbs with their own or their block code and their irregular forms', () => {
    expect(dict.verbs.get('scatter')).toBeNull();
    expect(dict.verbs.get('disperse')).toBe('1451');
    expect(dict.verbs.get('break up')).toBeNull();
    expect(dict.forms.get('disperse')).toEqual(['disperses', 'dispersed', 'dispersing']);
  });
  it('reads post-verb patterns, expanding one-word set members and skipping pre-verb and null-coded ones', () => {
    expect(dict.patterns.map((p) => [p.slots, p.code])).toEqual([
      [[null, ['mob', 'throng']], '175'],
      [[null, ['peaceful'], ['march'], null, ['with'], null, ['force']], '175'],
    ]);
    expect(dict.patterns[0]!.verbs).toEqual(['scatter', 'disperse', 'break up']);
  });
  it('keeps the block verb a pattern comment names, else null', () => {
    const named = readVerbDictionary(
      '####### VERB PATTERNS\n---  SEIZE   [171]  ---\nSEIZE\nTAKE\n- * PART  [030]  # TAKE\n- * BOAT  [171]  # OY 2003\n',
    );
    expect(named.patterns.map((p) => p.verb)).toEqual(['take', null]);
  });
  it('reads a code for the reverse direction only ([:code]) as reversed, and [A:B] by its forward code', () => {
    const dict = readVerbDictionary(
      '####### VERB PATTERNS\n---  FACE   [---]  ---\nFACE\nMEET\n- * CENSURE  [:111]  # FACE\n- * ENVOY  [043:042]  # FACE\n- * RIVAL  [---:190]\n',
    );
    expect(dict.patterns.map((p) => [p.code, p.reversed, p.verb])).toEqual([
      ['111', true, 'face'],
      ['043', false, 'face'],
    ]);
  });
  it('refuses a pattern with an undefined set', () => {
    expect(postVerbSlots('&NOSUCH', new Map())).toBeNull();
  });
});

describe('readAgents', () => {
  it('expands macros and makes regular plurals unless told otherwise', () => {
    const agents = readAgents(
      '!PERSON! = MAN, WOMAN\nRIOT_POLICE {} [~COP]\nFISHER!PERSON! [~AGR]\nREBEL [~REB]\nSPY_AGENCY [~SPY]\nMINISTRY_ [~GOV]\n',
    );
    expect(agents.get('riot police')).toBe('COP');
    expect(agents.has('riot polices')).toBe(false);
    expect(agents.get('fisherman')).toBe('AGR');
    expect(agents.get('fishermen')).toBe('AGR');
    expect(agents.get('rebels')).toBe('REB');
    expect(agents.get('spy agencies')).toBe('SPY');
    expect(agents.has('ministries')).toBe(false);
  });
});

describe('ploverOf', () => {
  const table = readCameoPlover(
    '# header\n17: COERCE\n173: COERCE, arrest, legal # Arrest\n175: ASSAULT, , military # Repress\n',
  );
  it('maps a code, else its parent, else nothing', () => {
    expect(ploverOf(table, '175')).toBe('ASSAULT');
    expect(ploverOf(table, '1731')).toBe('COERCE');
    expect(ploverOf(table, '171')).toBe('COERCE');
    expect(ploverOf(table, '010')).toBeNull();
  });
});
