import { describe, expect, it } from 'vitest';
import {
  BoundaryModel,
  CANDIDATE_FEATURES,
  type CandidateContext,
  candidateFeatures,
  trainBoundary,
} from './boundary-model.js';
import { addStems, leadOf, lineAttributes } from './line-features.js';

const stems = (t: string): Set<number> => {
  const s = new Set<number>();
  addStems(t, s);
  return s;
};
const names = (t: string): Set<number> => {
  const s = new Set<number>();
  const n = new Set<number>();
  addStems(t, s, n);
  return n;
};

const running =
  'The Varlen harbour board voted to close the eastern quay after inspectors found cracks in the pilings. Harbour master Edda Quist said repairs would take a year.';

function context(headline: string, para: string, next: string | null): CandidateContext {
  return {
    headline: 0.6,
    caption: 0.05,
    subhead: 0.1,
    body: 0.2,
    headlineQuestion: false,
    headlineWords: headline.split(' ').length,
    headlineOwn: [],
    headlineStems: stems(headline),
    headlineEndsPeriod: false,
    paragraphStems: stems(para),
    paragraphNames: names(para),
    paragraphOwn: [],
    paragraphWords: para.split(' ').length,
    paragraphOpensWithName: false,
    paragraphReportsSpeech: false,
    nextStems: next ? stems(next) : null,
    runningStems: stems(running),
    lastParagraphStems: stems(running),
    runningParagraphs: 4,
    bylineOrStamp: false,
    paragraphLead: leadOf(lineAttributes(para)),
  };
}

describe('candidate boundary features', () => {
  it('gives one value per named feature, each within [-1, 1]', () => {
    const x = candidateFeatures(
      context('Orchard growers fear late frost', 'Apple growers in the Tessin valley lit fires overnight.', null),
    );
    expect(x).toHaveLength(CANDIDATE_FEATURES.length);
    for (const v of x) expect(Math.abs(v)).toBeLessThanOrEqual(1);
  });

  it('reads a new story as new: its lead repeats the headline, not the running article', () => {
    const fresh = candidateFeatures(
      context(
        'Orchard growers fear late frost',
        'Orchard growers in the Tessin valley lit fires overnight as a late frost threatened the blossom.',
        'Growers Brana Lusk and Ottavio Renn said frost had not come this late in twenty years.',
      ),
    );
    const same = candidateFeatures(
      context(
        'Repairs to take a year',
        'The harbour board said the quay repairs would cost more than the pilings inspectors flagged.',
        'Quist said the eastern quay would reopen in stages.',
      ),
    );
    const at = (name: string) => CANDIDATE_FEATURES.indexOf(name as (typeof CANDIDATE_FEATURES)[number]);
    expect(fresh[at('headlineInLead')]!).toBeGreaterThan(same[at('headlineInLead')]!);
    expect(fresh[at('paraInRunning')]!).toBeLessThan(same[at('paraInRunning')]!);
    expect(fresh[at('nextInRunning')]!).toBeLessThan(same[at('nextInRunning')]!);
  });

  it('reads whether the paragraph under a candidate opens a story: a name in full, a verb of news, a when', () => {
    const at = (name: string) => CANDIDATE_FEATURES.indexOf(name as (typeof CANDIDATE_FEATURES)[number]);
    const lead = candidateFeatures(
      context(
        'Port board names new harbour master',
        'Harbour master Edda Quist resigned on Tuesday after the board voted to close the eastern quay for a year.',
        null,
      ),
    );
    // Counterpart: more of the same story, told from a pronoun that points back to a name already given.
    const more = candidateFeatures(
      context(
        'Repairs to take a year',
        'She told the board that the pilings would need to be replaced before the quay could reopen to ferries.',
        null,
      ),
    );
    expect(lead[at('leadName')]).toBe(1);
    expect(lead[at('leadWhen')]).toBe(1);
    expect(lead[at('leadPronoun')]).toBe(0);
    expect(more[at('leadPronoun')]).toBe(1);
    expect(lead[at('leadSigns')]!).toBeGreaterThan(more[at('leadSigns')]!);
  });
});

describe('boundary scorer', () => {
  it('learns a separable toy problem', () => {
    const xs = [
      [1, 0.9],
      [1, 0.8],
      [1, 0.2],
      [1, 0.1],
    ];
    const w = trainBoundary(xs, [1, 1, 0, 0], { l2: 0, iterations: 2000, rate: 1 });
    const pad = (ws: number[]) => [...ws, ...new Array(CANDIDATE_FEATURES.length - ws.length).fill(0)];
    const m = new BoundaryModel({
      format: 1,
      features: [...CANDIDATE_FEATURES],
      keep: { weights: pad(w), threshold: 0.5 },
      veto: { weights: pad(w), threshold: 0.5 },
      provenance: {},
    });
    expect(m.keeps([1, 0.85])).toBe(true);
    expect(m.keeps([1, 0.15])).toBe(false);
    expect(m.vetoes([1, 0.15])).toBe(true);
    expect(m.vetoes([1, 0.85])).toBe(false);
    // Threshold 0: the veto never undoes a cut.
    expect(
      new BoundaryModel({
        ...m,
        format: 1,
        features: [...CANDIDATE_FEATURES],
        provenance: {},
        veto: { weights: pad(w), threshold: 0 },
      }).vetoes([1, 0.15]),
    ).toBe(false);
  });

  it('reads a candidate only the layout rule let in by its own scorer when the file has one', () => {
    const bias = (b: number) => [b, ...new Array(CANDIDATE_FEATURES.length - 1).fill(0)];
    const file = {
      format: 1 as const,
      features: [...CANDIDATE_FEATURES],
      keep: { weights: bias(3), threshold: 0.5 },
      veto: { weights: bias(3), threshold: 0.5 },
      provenance: {},
    };
    const x = bias(1);
    const own = new BoundaryModel({
      ...file,
      layoutCandidates: true,
      layoutKeep: { weights: bias(-3), threshold: 0.5 },
    });
    expect(own.keeps(x, true)).toBe(false);
    // Counterparts: a provisional headline over the floor is read by the keep scorer; without a scorer of their own,
    // laid-out candidates are too.
    expect(own.keeps(x, false)).toBe(true);
    expect(new BoundaryModel(file).keeps(x, true)).toBe(true);
  });

  it('refuses a model file whose features differ from this build; one trained on its first features reads the rest at 0', () => {
    const first = new BoundaryModel({
      format: 1,
      features: ['bias', 'headline'],
      keep: { weights: [-1, 4], threshold: 0.5 },
      veto: { weights: [0, 0], threshold: 0 },
      provenance: {},
    });
    const x = candidateFeatures(context('Repairs to take a year', 'She told the board more.', null));
    expect(first.keeps(x)).toBe(true);
    expect(first.keeps([1, 0.1, ...x.slice(2)])).toBe(false);
    expect(
      () =>
        new BoundaryModel({
          format: 1,
          features: ['bias', 'caption'],
          keep: { weights: [0], threshold: 0.5 },
          veto: { weights: [0], threshold: 0 },
          provenance: {},
        }),
    ).toThrow(/features differ/);
  });
});
