import type { PloverType } from './doc.js';

/** Whether a PLOVER event type is cooperative or conflictual, verbal or material (GDELT's QuadClass 1–4). */
export const QUAD_CLASS: Readonly<Record<PloverType, 1 | 2 | 3 | 4>> = {
  AGREE: 1,
  CONSULT: 1,
  SUPPORT: 1,
  CONCEDE: 1,
  REQUEST: 1,
  COOPERATE: 2,
  AID: 2,
  RETREAT: 2,
  ACCUSE: 3,
  REJECT: 3,
  THREATEN: 3,
  PROTEST: 3,
  SANCTION: 4,
  MOBILIZE: 4,
  COERCE: 4,
  ASSAULT: 4,
};

export function isCooperative(type: PloverType): boolean {
  return QUAD_CLASS[type] <= 2;
}
