import { describe, expect, it } from 'vitest';
import { readPhoenixActors } from './phoenix-actors.js';

// Entries written in the dictionaries' format for this test (fictional actors).
const TEXT = `# comment line
RURITANIA_  [RUR]
+RURITANIAN_REPUBLIC_

ANNA_VOSS_  # note
+A._VOSS
\t[RURELI 800101-991231]
\t[RURGOV >20000101]
FREE_HILLS_FRONT_(FHF)_ [RURREB] # added later
+HILLS_FRONT_
`;

describe('readPhoenixActors', () => {
  it('reads names, synonyms, inline and dated codes', () => {
    const actors = readPhoenixActors(TEXT);
    expect(actors).toEqual([
      { names: ['RURITANIA', 'RURITANIAN REPUBLIC'], codes: [{ code: 'RUR', from: null, to: null }], dated: false },
      {
        names: ['ANNA VOSS', 'A. VOSS'],
        codes: [
          { code: 'RURELI', from: '800101', to: '991231' },
          { code: 'RURGOV', from: '20000101', to: null },
        ],
        dated: true,
      },
      { names: ['FREE HILLS FRONT', 'HILLS FRONT'], codes: [{ code: 'RURREB', from: null, to: null }], dated: false },
    ]);
  });
});
