import type { Gazetteer } from './resources.js';
export function buildGazetteer(): Gazetteer { throw new Error('todo'); }
