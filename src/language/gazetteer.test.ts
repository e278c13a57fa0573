import { describe, expect, it } from 'vitest';
import { gazetteer } from './gazetteer.js';

const gz = gazetteer();
const key = (name: string): string | null => gz.lookup(name)?.actorKey ?? null;

describe('gazetteer', () => {
  it('knows countries by short, official and abbreviated names', () => {
    for (const n of ['United States', 'US', 'U.S.', 'USA', 'U.S.A.', 'America', 'United States of America'])
      expect(key(n), n).toBe('country:USA');
    for (const n of ['UK', 'U.K.', 'Britain', 'United Kingdom', 'Great Britain']) expect(key(n), n).toBe('country:GBR');
    for (const n of ['DPRK', 'North Korea', "Democratic People's Republic of Korea"])
      expect(key(n), n).toBe('country:PRK');
    for (const n of ['ROK', 'South Korea', 'Republic of Korea']) expect(key(n), n).toBe('country:KOR');
    for (const n of ['PRC', 'China', "People's Republic of China"]) expect(key(n), n).toBe('country:CHN');
    for (const n of ['UAE', 'United Arab Emirates']) expect(key(n), n).toBe('country:ARE');
    expect(key('Russian Federation')).toBe('country:RUS');
    expect(key('Côte d’Ivoire') ?? key("Cote d'Ivoire")).toBe('country:CIV');
  });

  it('has every UN member with its ISO alpha-3 code and canonical name', () => {
    expect(gz.country('FRA')?.canonical).toBe('France');
    expect(gz.country('kor')?.names).toContain('South Korea');
    expect(gz.actor('country:USA')?.names).toEqual(expect.arrayContaining(['U.S.', 'US', 'United States of America']));
  });

  it('keeps abbreviations case-sensitive and names case-insensitive', () => {
    expect(gz.lookup('us')).toBeNull();
    expect(gz.lookup('Us')).toBeNull();
    expect(gz.lookup('Who')).toBeNull();
    expect(key('WHO')).toBe('org:WHO');
    expect(key('UNITED STATES')).toBe('country:USA');
  });

  it('knows organizations and their abbreviations', () => {
    for (const n of ['UN', 'U.N.', 'United Nations']) expect(key(n), n).toBe('org:UN');
    for (const n of ['UN Security Council', 'U.N. Security Council', 'United Nations Security Council'])
      expect(key(n), n).toBe('org:UNSC');
    expect(key('NATO')).toBe('org:NATO');
    expect(key('EU')).toBe('org:EU');
    expect(key('IAEA')).toBe('org:IAEA');
    const kcna = gz.lookup('KCNA')!;
    expect([kcna.actorKey, kcna.iso3, kcna.sector]).toEqual(['org:KCNA', 'PRK', 'MED']);
    expect(gz.lookup('Yonhap')?.iso3).toBe('KOR');
    expect(gz.lookup('Xinhua')?.iso3).toBe('CHN');
    expect(gz.lookup('TASS')?.iso3).toBe('RUS');
  });

  it('maps capitals and seats of government to their country, with the place beside it', () => {
    const moscow = gz.lookup('Moscow')!;
    expect([moscow.kind, moscow.actorKey, moscow.placeKey, moscow.placeName]).toEqual([
      'capital',
      'country:RUS',
      'loc:moscow',
      'Moscow',
    ]);
    expect(gz.lookup('Washington')?.actorKey).toBe('country:USA');
    expect(gz.lookup('Washington')?.placeName).toBe('Washington');
    for (const [n, iso] of [
      ['Kremlin', 'RUS'],
      ['White House', 'USA'],
      ['Elysee', 'FRA'],
      ['Élysée', 'FRA'],
      ['Downing Street', 'GBR'],
      ['Whitehall', 'GBR'],
      ['Pyongyang', 'PRK'],
      ['Seoul', 'KOR'],
      ['Beijing', 'CHN'],
    ] as const) {
      expect(gz.lookup(n)?.actorKey, n).toBe(`country:${iso}`);
    }
    expect(gz.lookup('Pentagon')?.sector).toBe('MIL');
    // A city-state's name stays the country.
    expect(gz.lookup('Singapore')?.kind).toBe('country');
  });

  it('knows demonyms and their plurals', () => {
    expect(gz.lookup('South Korean')?.actorKey).toBe('country:KOR');
    expect(gz.lookup('North Korean')?.actorKey).toBe('country:PRK');
    expect(gz.lookup('Russians')?.actorKey).toBe('country:RUS');
    expect(gz.lookup('American')?.actorKey).toBe('country:USA');
    expect(gz.lookup('Chinese')?.kind).toBe('demonym');
    expect(gz.lookup('Indian')?.actorKey).toBe('country:IND');
  });

  it('matches the longest name in a token stream', () => {
    const toks = ['the', 'United', 'Nations', 'Security', 'Council', 'met'];
    expect(gz.match(toks, 0)).toBeNull();
    const m = gz.match(toks, 1)!;
    expect([m.length, m.entry.actorKey]).toEqual([4, 'org:UNSC']);
    expect(gz.match(['United', 'Nations'], 0, 1)).toBeNull();
  });
});
