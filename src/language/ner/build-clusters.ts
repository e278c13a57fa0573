import type { WordClusters } from './resources.js';
export function buildClusters(_d: string, _l: (m: string) => void): { clusters: WordClusters; tokens: number } { throw new Error('todo'); }
