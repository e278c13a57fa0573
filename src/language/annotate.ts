import type { Doc, EntityMention } from '../model/index.js';
import { tokenize } from './tokenize.js';

/**
 * Language stage: sentences, tokens and entity mentions.
 * First version: capitalized token runs not at a sentence start are proposed as MISC mentions;
 * the trained NER model and the gazetteer replace this (issue 3).
 */
export function annotateLanguage(doc: Doc): void {
  tokenize(doc);
  const entities: EntityMention[] = [];
  let run: number[] = [];
  const flush = (): void => {
    if (run.length === 0) return;
    const first = doc.tokens[run[0]!]!;
    const last = doc.tokens[run[run.length - 1]!]!;
    const text = doc.text.slice(first.start, last.end);
    entities.push({ start: first.start, end: last.end, text, type: 'MISC', actorKey: `misc:${text.toLowerCase()}`, canonical: text });
    run = [];
  };
  for (let i = 0; i < doc.tokens.length; i++) {
    const t = doc.tokens[i]!;
    const sentenceStart = i === 0 || doc.tokens[i - 1]!.sentence !== t.sentence;
    if (/^\p{Lu}/u.test(t.text) && !sentenceStart) run.push(i);
    else flush();
  }
  flush();
  doc.entities = entities;
}
