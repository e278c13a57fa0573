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
