import { createDoc, type DateEvidence, type Doc, textArticle } from '../model/index.js';
import { annotateLanguage } from './annotate.js';
import type { NerTagger } from './tagger.js';

/** For tests: `text` as an article of its own (no title, URL or outlet beyond a placeholder), with its date evidence. */
export function textDoc(id: string, text: string, dateEvidence: DateEvidence[] = []): Doc {
  return createDoc(id, textArticle(text, 'test', { title: 'T', dateEvidence }));
}

/** For tests: `text` as an article, its language layers added with a `PhraseTagger` of the given [phrase, type] pairs. */
export function taggedDoc(id: string, text: string, phrases: [string, string][] = []): Doc {
  const doc = textDoc(id, text);
  annotateLanguage(doc, new PhraseTagger(phrases));
  return doc;
}

/**
 * A small rule-based tagger for tests and examples: it labels the token sequences it is given (longest
 * first) and nothing else, so tests can reproduce what a statistical model does — including its mistakes
 * (a split name, a missed name, a wrong type).
 */
export class PhraseTagger implements NerTagger {
  private readonly phrases: { tokens: string[]; type: string }[];

  /** `phrases`: [space-separated tokens, CoNLL type] pairs, e.g. ["Moon Jae-in", "PER"]. */
  constructor(phrases: readonly (readonly [string, string])[]) {
    this.phrases = phrases
      .map(([p, type]) => ({ tokens: p.split(' '), type }))
      .sort((a, b) => b.tokens.length - a.tokens.length);
  }

  tagSentences(sentences: readonly (readonly string[])[]): string[][] {
    return sentences.map((words) => {
      const out = new Array<string>(words.length).fill('O');
      for (let i = 0; i < words.length; i++) {
        const hit = this.phrases.find((p) => p.tokens.every((t, k) => words[i + k] === t));
        if (!hit) continue;
        hit.tokens.forEach((_, k) => {
          out[i + k] = (k === 0 ? 'B-' : 'I-') + hit.type;
        });
        i += hit.tokens.length - 1;
      }
      return out;
    });
  }
}
