import { describe, expect, it } from 'vitest';
import { actorCode, roleSector } from './actor-code.js';

describe('actorCode', () => {
  it('combines the country with the sector of the role', () => {
    expect(actorCode('country:USA', 'government')).toBe('USAGOV');
    expect(actorCode('country:RUS', 'troops')).toBe('RUSMIL');
    expect(actorCode('country:FRA')).toBe('FRA');
    expect(actorCode('person:gabriel attal', 'spokesman', 'country:FRA')).toBe('FRAGOV');
    expect(actorCode('person:jane roe', 'Gen.', 'country:GBR')).toBe('GBRMIL');
    expect(actorCode('person:jane roe', 'former Foreign Minister', 'country:KOR')).toBe('KORGOV');
  });

  it('knows organizations', () => {
    expect(actorCode('org:UN')).toBe('IGOUNO');
    expect(actorCode('org:KCNA')).toBe('PRKMED');
    expect(actorCode('person:anna berg', 'spokeswoman', 'org:NATO')).toBe('IGOWSTNAT');
  });

  it('falls back to the sector alone, or nothing', () => {
    expect(actorCode('person:nobody', 'senator')).toBe('LEG');
    expect(actorCode('loc:moscow')).toBe('');
    expect(actorCode(null)).toBe('');
    expect(roleSector('Prime Minister')).toBe('GOV');
    expect(roleSector('poet')).toBe('');
    expect(roleSector('Chief of the General Staff')).toBe('');
    expect(roleSector('President of Ruritania')).toBe('GOV');
    expect(roleSector('Staff Sergeant')).toBe('MIL');
  });
});
