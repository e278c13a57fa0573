import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDoc, textArticle, type Doc, type EntityMention, type Sentence, type Token } from './doc.js';
import { docIndex, foldWord } from './doc-index.js';

/** A doc whose tokens are the given words, separated by one space; `breaks` are indices starting a new sentence. */
function docOf(words: readonly string[], breaks: ReadonlySet<number> = new Set()): Doc {
  const doc = createDoc('d', textArticle(words.join(' '), 'test'));
  const tokens: Token[] = [];
  const sentences: Sentence[] = [];
  let at = 0;
  let sentence = -1;
  words.forEach((w, i) => {
    if (i === 0 || breaks.has(i)) {
      sentence++;
      sentences.push({ start: at, end: at + w.length });
    }
    tokens.push({ start: at, end: at + w.length, text: w, sentence });
    sentences[sentence]!.end = at + w.length;
    at += w.length + 1;
  });
  doc.tokens = tokens;
  doc.sentences = sentences;
  return doc;
}

function entity(doc: Doc, a: number, b: number): EntityMention {
  const start = doc.tokens[a]!.start;
  const end = doc.tokens[b - 1]!.end;
  return { start, end, text: doc.text.slice(start, end), type: 'PERSON', actorKey: null, canonical: null };
}

describe('docIndex', () => {
  const doc = docOf(['Moscow', 'denied', 'it', '.', 'Kyiv', 'didn’t', '.'], new Set([4]));

  it('gives each sentence its token range and each token its sentence bounds', () => {
    const ix = docIndex(doc);
    expect(ix.sentenceStart).toEqual([0, 4, 7]);
    expect(ix.sentenceTokens(1)).toEqual([4, 7]);
    expect([...ix.sentLo]).toEqual([0, 0, 0, 0, 4, 4, 4]);
    expect([...ix.sentHi]).toEqual([4, 4, 4, 4, 7, 7, 7]);
  });

  it('finds tokens by start, by end and by an offset inside them', () => {
    const ix = docIndex(doc);
    expect(ix.tokenByStart(7)).toBe(1);
    expect(ix.tokenByStart(8)).toBe(-1);
    expect(ix.tokenByEnd(13)).toBe(1);
    expect(ix.tokenByEnd(12)).toBe(-1);
    expect(ix.tokenAt(9)).toBe(1);
    expect(ix.tokenAt(6)).toBe(-1);
  });

  it('aligns character spans strictly, contracted or expanded', () => {
    const ix = docIndex(doc);
    expect(ix.charSpan(0, 13)).toEqual([0, 2]);
    expect(ix.charSpan(2, 13)).toBeNull();
    expect(ix.charSpan(2, 13, 'contract')).toEqual([1, 2]);
    expect(ix.charSpan(2, 10, 'expand')).toEqual([0, 2]);
  });

  it('folds case and the typographic apostrophe the same way for every token', () => {
    expect(docIndex(doc).lower).toEqual(['moscow', 'denied', 'it', '.', 'kyiv', "didn't", '.']);
    expect(foldWord('RUSSIA’S')).toBe("russia's");
  });

  it('finds the entity covering a token, and sees a replaced entity layer', () => {
    const d = docOf(['The', 'Kremlin', 'said', 'Vladimir', 'Putin', 'left']);
    expect([...docIndex(d).entityOf]).toEqual([-1, -1, -1, -1, -1, -1]);
    d.entities = [entity(d, 1, 2), entity(d, 3, 5)];
    const ix = docIndex(d);
    expect([...ix.entityOf]).toEqual([-1, 0, -1, 1, 1, -1]);
    expect(ix.entityAt(4)?.text).toBe('Vladimir Putin');
    expect(ix.entityAt(2)).toBeNull();
  });

  it('is built once per doc and rebuilt when the tokens are replaced', () => {
    const d = docOf(['a', 'b']);
    const first = docIndex(d);
    expect(docIndex(d)).toBe(first);
    const other = docOf(['a', 'b', 'c']);
    d.tokens = other.tokens;
    d.sentences = other.sentences;
    expect(docIndex(d)).not.toBe(first);
    expect(docIndex(d).lower).toEqual(['a', 'b', 'c']);
  });

  it('tokenAt and tokensIn agree with token offsets (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'B', '’', '.'), minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.nat(), fc.nat(), (words, x, y) => {
        const d = docOf(words);
        const ix = docIndex(d);
        const len = d.text.length + 1;
        const offset = x % len;
        for (let o = 0; o < len; o++) {
          const i = ix.tokenAt(o);
          const inside = d.tokens.findIndex((t) => t.start <= o && o < t.end);
          expect(i).toBe(inside);
        }
        const start = Math.min(offset, y % len);
        const end = Math.max(offset, y % len);
        const [a, b] = ix.tokensIn({ start, end });
        const inside = d.tokens.flatMap((t, k) => (t.start >= start && t.end <= end ? [k] : []));
        expect(b - a).toBe(inside.length);
        if (inside.length > 0) expect(a).toBe(inside[0]);
        const [ea, eb] = ix.charSpan(start, end, 'expand')!;
        const touched = d.tokens.flatMap((t, k) => (t.end > start && t.start < end ? [k] : []));
        expect(eb - ea).toBe(touched.length);
        if (touched.length > 0) expect(ea).toBe(touched[0]);
        const strict = ix.charSpan(start, end, 'strict');
        const aligned = d.tokens.some((t) => t.start === start) && d.tokens.some((t) => t.end === end);
        if (strict) expect(d.tokens[strict[0]]!.start === start && d.tokens[strict[1] - 1]!.end === end).toBe(true);
        else expect(aligned && end > start).toBe(false);
      }),
    );
  });
});
