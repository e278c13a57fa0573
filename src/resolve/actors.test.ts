import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { annotateLanguage } from '../language/index.js';
import { PhraseTagger } from '../language/test-tagger.js';
import { createDoc, textArticle } from '../model/index.js';
import { ActorTally, resolveActors } from './actors.js';
import { AliasFileError, loadAliasFile, parseAliasFile } from './aliases.js';

const tagger = new PhraseTagger([
  ['Emmanuel Macron', 'PER'],
  ['Macron', 'PER'],
  ['Moon Jae-in', 'PER'],
  ['Moon Jae In', 'PER'],
  ['Moon', 'PER'],
  ['Kim Jong-un', 'PER'],
  ['Kim Yo-jong', 'PER'],
  ['Kim', 'PER'],
  ['Joseph R. Biden', 'PER'],
  ['Joseph Biden', 'PER'],
  ['Biden', 'PER'],
  ['Anna Berg', 'PER'],
  ['Berg', 'PER'],
  ['Lena Berg', 'PER'],
  ['Xi Jinping', 'PER'],
  ['Xi', 'PER'],
  ['Korea Institute for National Unification', 'ORG'],
]);

function tally(texts: string[]): ActorTally {
  const t = new ActorTally();
  texts.forEach((text, i) => {
    const doc = createDoc(`a${i}`, textArticle(text, 't'));
    annotateLanguage(doc, tagger);
    t.addDoc(doc);
  });
  return t;
}

describe('an actor name set in capitals', () => {
  const caps = new PhraseTagger([
    ['KELLHAVEN', 'LOC'],
    ['Kellhaven', 'LOC'],
    ['UNCOR', 'ORG'],
    ['Uncor', 'ORG'],
  ]);
  const resolved = (texts: string[]) => {
    const t = new ActorTally();
    texts.forEach((text, i) => {
      const doc = createDoc(`c${i}`, textArticle(text, 't'));
      annotateLanguage(doc, caps);
      t.addDoc(doc);
    });
    return resolveActors(t).actors;
  };

  it('is named as the text spells it, not as a dateline sets it', () => {
    const actors = resolved([
      'KELLHAVEN — The harbour reopened on Monday.',
      'KELLHAVEN — Ferries ran again. Officials in Kellhaven said more would follow.',
    ]);
    expect(actors.map((a) => a.name)).toContain('Kellhaven');
    expect(actors.map((a) => a.name)).not.toContain('KELLHAVEN');
  });

  it('keeps an acronym written in capitals but for a spelling less than half as often', () => {
    // An invented acronym: no table of known organizations names it.
    const actors = resolved(['UNCOR met. UNCOR spoke.', 'UNCOR agreed. Uncor left.']);
    expect(actors.map((a) => a.name)).toContain('UNCOR');
  });
});

describe('resolveActors', () => {
  const corpus = [
    'Emmanuel Macron spoke in Paris. The U.S. and the United States of America were named, as was the US.',
    'Macron said little. America answered.',
    'President Moon Jae-in met Kim Jong-un. Moon smiled.',
    'Moon Jae In returned to Seoul. Mr. Moon rested.',
    'Joseph R. Biden spoke. Joseph Biden left. Biden returned.',
    'Anna Berg spoke. Lena Berg spoke too.',
    'Berg declined to comment.',
    'Xi Jinping arrived.',
    'Xi said nothing.',
  ];
  const res = resolveActors(tally(corpus));

  it('merges a country with its abbreviations and official name', () => {
    const usa = res.get('country:USA')!;
    expect(usa.name).toBe('United States');
    expect(usa.type).toBe('GPE');
    expect(usa.aliases).toEqual(expect.arrayContaining(['U.S.', 'United States of America', 'US', 'America', 'USA']));
    expect(usa.mentions).toBe(4);
  });

  it('joins a surname-only key to the unique full name in the corpus', () => {
    expect(res.get('person:macron')).toBe(res.get('person:emmanuel macron'));
    expect(res.get('person:macron')!.name).toBe('Emmanuel Macron');
    expect(res.get('person:macron')!.aliases).toEqual(expect.arrayContaining(['Emmanuel Macron', 'Macron']));
  });

  it('joins spelling variants and middle initials', () => {
    expect(res.get('person:moon jae in')!.aliases).toEqual(
      expect.arrayContaining(['Moon Jae-in', 'Moon Jae In', 'Moon']),
    );
    expect(res.get('person:joseph r biden')).toBe(res.get('person:joseph biden'));
  });

  it('joins a family-name-first surname across articles', () => {
    expect(res.get('person:xi')).toBe(res.get('person:xi jinping'));
  });

  it('leaves an ambiguous surname alone', () => {
    expect(res.get('person:berg')!.name).toBe('Berg');
    expect(res.get('person:anna berg')).not.toBe(res.get('person:lena berg'));
  });

  it('gives stable ids derived from the representative key', () => {
    const again = resolveActors(tally([...corpus].reverse()));
    expect(again.get('person:macron')!.id).toBe(res.get('person:macron')!.id);
    expect(again.get('country:USA')!.id).toBe(res.get('country:USA')!.id);
    expect(res.get('country:USA')!.id).toMatch(/^ent_[0-9a-f]{12}$/);
  });

  it('keeps roles and codes', () => {
    const moon = res.get('person:moon jae in')!;
    expect(moon.roles[0]).toBe('President');
    expect(res.get('country:USA')!.code).toBe('USA');
  });
});

describe('alias file', () => {
  it('merges, splits and renames', () => {
    const t = tally([
      'Kim Jong-un spoke. Kim Yo-jong listened. Kim left.',
      'Korea Institute for National Unification staff met. KINU researchers agreed.',
      'Anna Berg spoke.',
      'Berg declined to comment.',
    ]);
    const plain = resolveActors(t);
    expect(plain.get('person:berg')).toBe(plain.get('person:anna berg'));
    const aliases = parseAliasFile({
      merge: [
        { name: 'KINU', type: 'ORG', aliases: ['Korea Institute for National Unification', 'KINU researchers'] },
        { name: 'Kim Jong Un', aliases: ['Kim Jong-un', 'Kim Jong Eun'] },
      ],
      split: ['person:berg'],
      rename: { 'Anna Berg': 'Dr Anna Berg' },
    });
    const res = resolveActors(t, aliases);
    const kinu = res.get('org:korea institute for national unification')!;
    expect([kinu.name, kinu.type]).toEqual(['KINU', 'ORG']);
    const kim = res.get('person:kim jong un')!;
    expect(kim.name).toBe('Kim Jong Un');
    expect(kim.aliases).toContain('Kim Jong Eun');
    expect(res.get('person:berg')).not.toBe(res.get('person:anna berg'));
    expect(res.get('person:anna berg')!.name).toBe('Dr Anna Berg');
    expect(kim.id).toBe(resolveActors(t, aliases).get('person:kim jong un')!.id);
  });

  it('loads from disk and reports bad files clearly', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-alias-'));
    const good = join(dir, 'sitrep.aliases.json');
    writeFileSync(good, JSON.stringify({ rename: { 'country:PRK': 'DPRK' } }));
    expect(loadAliasFile(good).rename['country:PRK']).toBe('DPRK');
    expect(loadAliasFile(join(dir, 'missing.json'), true)).toEqual({ merge: [], split: [], rename: {} });
    expect(() => loadAliasFile(join(dir, 'missing.json'))).toThrow(AliasFileError);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "merge": [ ');
    expect(() => loadAliasFile(bad)).toThrow(/not valid JSON/);
    expect(() => parseAliasFile({ merg: [] })).toThrow(/unknown field "merg"/);
    expect(() => parseAliasFile({ merge: [{ name: 'X', aliases: 'Y' }] })).toThrow(/merge\[0\]\.aliases/);
    expect(() => parseAliasFile({ merge: [{ name: 'X', type: 'CITY', aliases: [] }] })).toThrow(/merge\[0\]\.type/);
    expect(() => parseAliasFile([])).toThrow(/JSON object/);
  });
});

describe('resolveActors outside the gazetteer', () => {
  const fictional = new PhraseTagger([
    ['Veskaria', 'ORG'],
    ['Veskarian', 'MISC'],
    ['Henrik Aalto', 'PER'],
    ['Aalto', 'ORG'],
    ['Blue Anchor Shipping Ltd.', 'ORG'],
    ['Blue Anchor Shipping', 'ORG'],
    ['Kellhaven', 'LOC'],
    ['Skarn Island', 'LOC'],
  ]);
  const personTagger = new PhraseTagger([
    ['Veskaria', 'PER'],
    ['Kellhaven', 'PER'],
    ['Henrik Aalto', 'PER'],
    ['Skarn Island', 'PER'],
  ]);
  const t = new ActorTally();
  const texts: Array<[string, PhraseTagger]> = [
    ['Veskaria said the ships were on patrol. Veskarian warships stayed near Kellhaven.', fictional],
    ['Veskaria denied it. Foreign Minister Henrik Aalto rejected the claim.', personTagger],
    ['Aalto called it an overreaction. Blue Anchor Shipping Ltd. owns the ship.', fictional],
    ['Blue Anchor Shipping declined to comment. Ferries to Kellhaven stopped.', fictional],
    ['Residents of Kellhaven waited. Skarn Island is cut off.', personTagger],
    ['Ferries to Skarn Island stopped. Skarn Island has no cable.', fictional],
  ];
  texts.forEach(([text, tg], i) => {
    const doc = createDoc(`f${i}`, textArticle(text, 't'));
    annotateLanguage(doc, tg);
    t.addDoc(doc);
  });
  const res = resolveActors(t);

  it('joins one unknown name tagged with different types into one actor', () => {
    const k = res.get('loc:kellhaven')!;
    expect(k).toBe(res.get('person:kellhaven'));
    expect(k.type).toBe('GPE');
  });

  it('makes a name with a demonym in the corpus a place, and counts the demonym for it without making it an alias', () => {
    const v = res.get('org:veskaria')!;
    expect(v).toBe(res.get('person:veskaria'));
    expect(v).toBe(res.get('misc:veskarian'));
    expect(v.type).toBe('GPE');
    expect(v.name).toBe('Veskaria');
    expect(v.aliases).not.toContain('Veskarian');
    expect(v.mentions).toBe(3);
  });

  it('reads a name ending in a natural feature as a place even where it was tagged as a person', () => {
    const skarn = res.get('loc:skarn island')!;
    // The language stage types the person-tagged "Skarn Island" by its feature noun, so no person key is left.
    expect(res.get('person:skarn island')).toBeUndefined();
    expect(skarn.mentions).toBe(3);
    expect(skarn.type).toBe('LOC');
  });

  it('joins a single-word name to the one person with that surname', () => {
    expect(res.get('org:aalto')).toBe(res.get('person:henrik aalto'));
    expect(res.get('person:henrik aalto')!.type).toBe('PERSON');
  });

  it('joins an organization with and without its legal-form suffix', () => {
    expect(res.get('org:blue anchor shipping ltd.') ?? res.get('org:blue anchor shipping ltd')).toBe(
      res.get('org:blue anchor shipping'),
    );
  });
});

describe('codes of office holders', () => {
  const tg = new PhraseTagger([
    ['Angela Merkel', 'PER'],
    ['Merkel', 'PER'],
    ['Lena Voss', 'PER'],
  ]);
  const t = new ActorTally();
  for (const [i, text] of [
    'Angela Merkel arrived late. Merkel spoke briefly.',
    'Merkel left early. Lena Voss stayed.',
  ].entries()) {
    const doc = createDoc(`m${i}`, textArticle(text, 't'));
    annotateLanguage(doc, tg);
    t.addDoc(doc);
  }
  const res = resolveActors(t);

  it('gives a person named without a title the code of their office in the Phoenix dictionaries', () => {
    const merkel = res.get('person:angela merkel')!;
    expect(merkel).toBe(res.get('person:merkel'));
    expect(merkel.roles).toEqual([]);
    expect(merkel.code).toBe('DEUGOV');
    expect(res.get('person:lena voss')!.code).toBe('');
  });
});
