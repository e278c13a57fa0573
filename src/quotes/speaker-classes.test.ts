import { describe, expect, it } from 'vitest';
import { taggedDoc } from '../language/test-tagger.js';
import type { Doc, Quote } from '../model/index.js';
import { annotateQuotes } from './annotate.js';

/**
 * Classes of wrong speakers an analyst cannot afford, each pinned by invented sentences that fail without its rule
 * and a counter-example that must keep working. Run with the rules alone and with the ranker (the default), since
 * the ranker keeps a `sure` rules' choice.
 */
function analyze(text: string, phrases: [string, string][] = [], ranker = true): Doc {
  const doc = taggedDoc('sc', text, phrases);
  annotateQuotes(doc, ranker ? {} : { ranker: null });
  return doc;
}

const quote = (doc: Doc, startsWith: string): Quote => {
  const q = doc.quotes.find((x) => x.text.startsWith(startsWith));
  if (!q) throw new Error(`no quote "${startsWith}" in ${JSON.stringify(doc.quotes.map((x) => x.text))}`);
  return q;
};

describe.each([true, false])('speaker classes (ranker %s)', (ranker) => {
  it('gives the words of "a statement saying …" to the one who issued it', () => {
    const doc = analyze(
      'The Veskarian Port Authority issued a statement saying the harbour “will reopen within a week.” On Tuesday, Lena Holm put out a statement calling the ruling “a disgrace to the town.”',
      [
        ['Veskarian Port Authority', 'ORG'],
        ['Lena Holm', 'PER'],
      ],
      ranker,
    );
    const a = quote(doc, '“will reopen');
    expect(a.speaker?.text).toBe('Veskarian Port Authority');
    expect(a.speakerName).toBe('Veskarian Port Authority');
    expect(quote(doc, '“a disgrace').speaker?.text).toBe('Lena Holm');
  });

  it('does not give a document to the place it was issued in, but keeps a person speaking from a place', () => {
    const doc = analyze(
      'The two sides agreed to reopen the crossing, according to a joint statement released in Corvel. The road was closed, according to a report published at Dunmere. Officials in Belmark said talks would go on.',
      [
        ['Corvel', 'LOC'],
        ['Dunmere', 'LOC'],
        ['Belmark', 'LOC'],
      ],
      ranker,
    );
    const statement = quote(doc, 'The two sides agreed');
    expect(statement.speaker?.text).toBe('a joint statement released in Corvel');
    expect(statement.speakerName).toBeNull();
    expect(quote(doc, 'The road was closed').speakerName).toBeNull();
    expect(quote(doc, 'talks would go on').speakerName).toBe('Belmark');
  });

  it('keeps the place of an author a document phrase names before it ("a statement from the police in Corvel")', () => {
    const doc = analyze(
      'The bridge will stay shut, according to a joint statement from the police in Corvel. The ferry will run again, according to a report issued in Dunmere.',
      [
        ['Corvel', 'LOC'],
        ['Dunmere', 'LOC'],
      ],
      ranker,
    );
    expect(quote(doc, 'The bridge will stay shut').speakerName).toBe('Corvel');
    expect(quote(doc, 'The ferry will run again').speakerName).toBeNull();
  });

  it('does not give a received or found letter to the one who got it', () => {
    const doc = analyze(
      'Ivo Sarr received a letter saying his licence “is revoked with immediate effect.” Police found a note saying “nobody is to blame for the fire.”',
      [['Ivo Sarr', 'PER']],
      ranker,
    );
    expect(quote(doc, '“is revoked').speaker?.text).toBe('a letter');
    expect(quote(doc, '“nobody').speaker?.text).toBe('a note');
  });

  it('gives a quote to the attribution right after it that closes the sentence, not to a cue inside its complement', () => {
    const doc = analyze(
      'Nothing the harbour master said “will calm the fishermen,” the mayor said. Arvo Kask declared the plan ready: “We sail at dawn,” he said on Monday.',
      [['Arvo Kask', 'PER']],
      ranker,
    );
    expect(quote(doc, '“will calm').speaker?.text).toBe('the mayor');
    const b = quote(doc, '“We sail');
    expect(b.speaker?.text).toBe('he');
    expect(b.speakerName).toBe('Arvo Kask');
  });

  it('keeps the speaker of a cue that introduces the quote with a comma or colon, before a closing attribution', () => {
    const doc = analyze(
      'Ivo Sarr quoted Lena Holm as saying, “The pier is sound,” the report said. Tomas Novak warned, “We sail at dawn,” the paper reported.',
      [
        ['Ivo Sarr', 'PER'],
        ['Lena Holm', 'PER'],
        ['Tomas Novak', 'PER'],
      ],
      ranker,
    );
    expect(quote(doc, '“The pier').speaker?.text).toBe('Lena Holm');
    expect(quote(doc, '“We sail').speaker?.text).toBe('Tomas Novak');
  });

  it('keeps the earlier speaker when the later attribution introduces words of its own', () => {
    const doc = analyze(
      'After Ivo Sarr said late pupils might do better at “smaller schools,” Lena Holm said: “I disagree with him.” Although Tomas Novak admitted he had “made mistakes,” he said the plan stands.',
      [
        ['Ivo Sarr', 'PER'],
        ['Lena Holm', 'PER'],
        ['Tomas Novak', 'PER'],
      ],
      ranker,
    );
    expect(quote(doc, '“smaller').speaker?.text).toBe('Ivo Sarr');
    expect(quote(doc, '“I disagree').speaker?.text).toBe('Lena Holm');
    expect(quote(doc, '“made').speaker?.text).toBe('Tomas Novak');
  });

  it('reads a user of a service as someone who speaks', () => {
    const doc = analyze(
      'Ivo Sarr spoke about the ferry fares on Monday. “The boats are always late,” a ferry user posted on the harbour forum.',
      [['Ivo Sarr', 'PER']],
      ranker,
    );
    expect(quote(doc, '“The boats').speaker?.text).toBe('a ferry user');
  });
});
