import type { PloverType } from '../../model/index.js';

/**
 * PLOVER types as CAMEO codes for GDELT-style rows: the general CAMEO code the CAMEO→PLOVER table (2021)
 * maps to each type (its code with no mode), and that code's Goldstein scale value. GDELT's QuadClass comes
 * from the PLOVER type (`QUAD_CLASS`), so a REQUEST stays verbal cooperation even though CAMEO 100 scores
 * negative on the Goldstein scale.
 */
export const CAMEO_OF_PLOVER: Readonly<Record<PloverType, { code: string; goldstein: number }>> = {
  AGREE: { code: '030', goldstein: 4.0 },
  CONSULT: { code: '040', goldstein: 1.0 },
  SUPPORT: { code: '050', goldstein: 3.5 },
  COOPERATE: { code: '060', goldstein: 6.0 },
  AID: { code: '070', goldstein: 7.0 },
  CONCEDE: { code: '080', goldstein: 5.0 },
  RETREAT: { code: '084', goldstein: 7.0 },
  REQUEST: { code: '100', goldstein: -5.0 },
  ACCUSE: { code: '110', goldstein: -2.0 },
  REJECT: { code: '120', goldstein: -4.0 },
  THREATEN: { code: '130', goldstein: -4.4 },
  PROTEST: { code: '140', goldstein: -6.5 },
  MOBILIZE: { code: '150', goldstein: -7.2 },
  SANCTION: { code: '160', goldstein: -4.0 },
  COERCE: { code: '170', goldstein: -7.0 },
  ASSAULT: { code: '180', goldstein: -9.0 },
};
