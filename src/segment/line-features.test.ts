import { describe, expect, it } from 'vitest';
import { isCaptionBeforeCredit, isCreditOnly, splitTitleSuffix } from './classify.js';
import { addStems, lineAttributes, lineFeatures, nameStemsOf, ownAttributes, type LineView } from './line-features.js';

const view = (text: string): LineView => ({ text, blankBefore: true, blankAfter: true });

describe('line features that tell prose from headlines and captions', () => {
  it('reads copulas, past tenses, contractions and a first word that points back in prose', () => {
    const own = ownAttributes('Thus far, the committee has declined to comment on the gifts.');
    expect(own).toContain('fa');
    expect(own).toContain('cop');
    expect(own).toContain('ed1');
    expect(ownAttributes("Voters don't expect the mayor to run again.")).toContain('nt');
  });

  it('leaves them out of headlinese', () => {
    const own = ownAttributes('Harbour board rejects ferry plan after storm damage');
    for (const f of ['fa', 'cop', 'ed1', 'ed2', 'nt', 'speaker']) expect(own).not.toContain(f);
  });

  it('reads a transcript speaker label', () => {
    expect(ownAttributes('HOLLAND: Do you think the council will approve it?')).toContain('speaker');
    expect(ownAttributes('Holland: a town that rebuilt itself')).not.toContain('speaker');
  });

  it("reads a caption's place and its month or weekday standing alone", () => {
    const own = ownAttributes('A fishing fleet in Portmere in October');
    expect(own).toContain('inplace');
    expect(own).toContain('when');
    expect(ownAttributes('Fishing fleet returns to port')).not.toContain('inplace');
  });

  it('names the next line opening with a pronoun or connective, and how far into its article a line stands', () => {
    const cache = new Map<LineView, ReturnType<typeof lineAttributes>>();
    const attrs = (l: LineView) => {
      let a = cache.get(l);
      if (!a) {
        a = lineAttributes(l.text);
        cache.set(l, a);
      }
      return a;
    };
    const cur = view('The ferry service ended in March.');
    const prev = view('The port authority met on Tuesday to review the harbour accounts for the year.');
    const next = view('It had carried commuters across the bay for forty years, the board said.');
    const features = lineFeatures(cur, prev, next, null, attrs, null, new Set<number>(), 4);
    expect(features).toContain('n:fa');
    expect(features).toContain('ap4');
    expect(features.some((f) => f.startsWith('ap4|'))).toBe(true);
    const first = lineFeatures(cur, prev, next, null, attrs, null, new Set<number>(), 0);
    expect(first).toContain('ap0');
  });
});

describe('features of where one story ends and the next begins', () => {
  it("reads a story's sign-off lines and leaves prose", () => {
    for (const t of [
      'Reporting by Ivo Brant; Editing by Lena Hoffmann',
      'Contributing: Ivo Brant.',
      'Correction: An earlier version of this story misstated the ferry fares.',
      '— Lena Hoffmann.',
      'A spokesman for the harbour board did not respond to a request for comment.',
      'Ivo Brant is a staff writer covering the coast.',
    ])
      expect(ownAttributes(t), t).toContain('R:signoff');
    for (const t of [
      'The harbour board met on Tuesday.',
      'Ferry fares rose by a third in March, the board said.',
      'Harbour board rejects ferry plan',
    ])
      expect(ownAttributes(t), t).not.toContain('R:signoff');
  });

  it('reads a line opening with a name', () => {
    expect(ownAttributes('Lena Hoffmann, the harbour master, said the pier was safe.')).toContain('nameopen');
    expect(ownAttributes('Sen. Ivo Brant voted against the plan.')).toContain('nameopen');
    expect(ownAttributes('The Harbour Board met on Tuesday.')).not.toContain('nameopen');
    expect(ownAttributes('After Easter the ferries run hourly.')).not.toContain('nameopen');
  });

  it("tells how many of the next paragraph's names the article has already named", () => {
    const a = lineAttributes('Lena Hoffmann told the Velmar council that Portmere would pay.');
    // The first word is left out (a sentence opens with a capital); names of four letters or more.
    expect(nameStemsOf(a).size).toBe(3);
    const cache = new Map<LineView, ReturnType<typeof lineAttributes>>();
    const attrs = (l: LineView) => {
      let x = cache.get(l);
      if (!x) {
        x = lineAttributes(l.text);
        cache.set(l, x);
      }
      return x;
    };
    const cur = view('Ferry plan rejected');
    const prev = view('The board will meet again in May.');
    const next = view('Harbour master Ivo Brant told the Velmar council on Monday that Portmere would pay.');
    const seen = new Set<number>();
    addStems('Ivo Brant said Velmar and Portmere had agreed.', seen);
    expect(lineFeatures(cur, prev, next, null, attrs, null, seen, 4)).toContain('nm.5');
    expect(lineFeatures(cur, prev, next, null, attrs, null, new Set<number>(), 4)).toContain('nm0');
  });
});

describe('credit rules', () => {
  it('takes a short credit line and leaves prose', () => {
    expect(isCreditOnly('Photo: Lena Hoffmann/AFP via Getty Images')).toBe(true);
    expect(isCreditOnly('The photo was taken by a resident who asked not to be named, the police said.')).toBe(false);
  });

  it('reads a caption over a credit line, with the credit answer given or asked', () => {
    const caption = 'Fishing boats moored in the harbour';
    const credit = 'Photo: Lena Hoffmann/AFP';
    expect(isCaptionBeforeCredit(caption, credit)).toBe(true);
    expect(isCaptionBeforeCredit(caption, credit, false)).toBe(false);
    expect(isCaptionBeforeCredit(caption, 'The harbour reopened on Monday.')).toBe(false);
  });

  it('reads a whole caption with its own credit as no credit line alone', () => {
    expect(isCreditOnly('Divers inspect the pier in Velmar. Photo: Ivo Brant/Reuters')).toBe(false);
    expect(isCreditOnly('Trawlers leave port at dawn. (Ivo Brant/Getty Images)')).toBe(false);
    // An initial is not a sentence.
    expect(isCreditOnly('(AP Photo/J. Ivo Brant)')).toBe(true);
  });

  it('takes a long line over a credit only as one dated sentence', () => {
    const credit = 'Photo: Lena Hoffmann/AFP';
    const dated =
      'Fishing boats moored three deep along the eastern quay of the old harbour in Velmar while their crews wait for the council to reopen the fishing grounds on Tuesday, March 3, 2026';
    const prose =
      'The council has kept the fishing grounds closed for a third week while inspectors test the water near the outfall. Crews have moored their boats three deep along the eastern quay and wait.';
    expect(isCaptionBeforeCredit(dated, credit)).toBe(true);
    expect(isCaptionBeforeCredit(prose, credit)).toBe(false);
  });
});

describe('a title and its site after a separator', () => {
  it('splits at the last separator and reads the site name after it', () => {
    expect(splitTitleSuffix('Ferry fares rise again in Velmar | Harbour Herald')).toEqual({
      title: 'Ferry fares rise again in Velmar',
      site: 'Harbour Herald',
    });
    expect(splitTitleSuffix('Ferry fares rise again — and again :: The Velmar Post').site).toBe('The Velmar Post');
    expect(splitTitleSuffix('Short | Harbour Herald').site).toBeNull();
    expect(splitTitleSuffix('Ferry fares rise again|Harbour Herald').site).toBeNull();
    expect(splitTitleSuffix('Ferry fares rise again | the harbour herald').site).toBeNull();
    expect(splitTitleSuffix('Ferry fares rise | Harbour Herald | page 2').site).toBeNull();
    expect(splitTitleSuffix('Ferry fares\nrise again | Harbour Herald').site).toBeNull();
  });

  it('takes time in proportion to the line, whatever whitespace it holds', () => {
    // A long run of whitespace the line clean-up keeps (vertical tab, form feed) before a bar whose suffix fails:
    // the earlier pattern tried every split of it. Counted in work, not time: the answer must come back at all.
    const line = `Ferry fares rise${'\v\f'.repeat(100_000)}| not a site`;
    expect(splitTitleSuffix(line).site).toBeNull();
  });
});
