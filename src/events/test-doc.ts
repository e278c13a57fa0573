import { taggedDoc } from '../language/test-tagger.js';
import type { Doc, EventMention } from '../model/index.js';
import { annotateEvents } from './annotate.js';

/** For tests: `text` as a document, tagged with the given [phrase, entity type] pairs, its events coded. */
export function codeEvents(text: string, phrases: [string, string][] = []): Doc {
  const doc = taggedDoc('t', text, phrases);
  annotateEvents(doc);
  return doc;
}

/** The words that fill a side of an event: its named actors' texts, then the bare nouns the coder left out of it. */
export function sideWords(e: EventMention, side: 'source' | 'target'): string[] {
  const left = e.attributes[side === 'source' ? 'unnamedSource' : 'unnamedTarget'];
  return [...e[side].map((a) => a.text), ...(Array.isArray(left) ? (left as string[]) : [])];
}

/** The types of a document's events, in order. */
export const eventTypes = (doc: Doc): string[] => doc.events.map((e) => e.type);

/** The types of the events a document asserts (neither modal, negated nor hypothetical), in order. */
export const assertedTypes = (doc: Doc): string[] =>
  doc.events.filter((e) => !e.mode && !e.negated && !e.hypothetical).map((e) => e.type);

/** Each event of `type` as "source+source → target+target", by its actors' texts. */
export const eventSides = (doc: Doc, type: string): string[] =>
  doc.events
    .filter((e) => e.type === type)
    .map((e) => `${e.source.map((a) => a.text).join('+')} → ${e.target.map((a) => a.text).join('+')}`);
