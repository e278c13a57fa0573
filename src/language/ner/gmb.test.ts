import { describe, expect, it } from 'vitest';
import { gmbToConll, gmbTrainingDocuments, parseGmbCsv, type GmbSentence } from './gmb.js';
import { prepareDocuments, trainTagger } from './train.js';
import { FeatureExtractor } from './features.js';
import { PerceptronTrainer, decodeDocument } from './perceptron.js';
import { TINY_CORPUS } from './fixtures.test-data.js';

// Invented sentences in the layout of the GMB export (header, sentence id on the first token only, CRLF).
const CSV = [
  'Sentence #,Word,POS,Tag',
  'Sentence: 1,President,NNP,B-per',
  ',Marta,NNP,I-per',
  ',Okonkwo,NNP,I-per',
  ',visited,VBD,O',
  ',Westmark,NNP,B-geo',
  ',on,IN,O',
  ',Tuesday,NNP,B-tim',
  ',",",",",O',
  ',"""",``,O',
  'Sentence: 2,Kenyan,JJ,B-gpe',
  ',officials,NNS,O',
  ',met,VBD,O',
  ',Quillmark,NNP,B-org',
  ',Holdings,NNP,I-org',
  ',in,IN,O',
  ',Lisbon,NNP,B-gpe',
  ',.,.,O',
  '',
].join('\r\n');

const sentence = (spec: string): GmbSentence => {
  const s: GmbSentence = { tokens: [], pos: [], tags: [] };
  for (const item of spec.split(' ')) {
    const [token, pos, tag] = item.split('/') as [string, string, string];
    s.tokens.push(token);
    s.pos.push(pos);
    s.tags.push(tag);
  }
  return s;
};

describe('parseGmbCsv', () => {
  it('splits sentences at the sentence column and unquotes CSV fields', () => {
    const s = parseGmbCsv(CSV);
    expect(s.map((x) => x.tokens.length)).toEqual([9, 8]);
    expect(s[0]!.tokens.slice(7)).toEqual([',', '"']);
    expect(s[0]!.pos[7]).toBe(',');
    expect(s[1]!.tags).toEqual(['B-gpe', 'O', 'O', 'B-org', 'I-org', 'O', 'B-gpe', 'O']);
  });
});

describe('gmbToConll', () => {
  it('maps types by the CoNLL guidelines: titles out of person names, times dropped', () => {
    const [first, second] = parseGmbCsv(CSV);
    expect(gmbToConll(first!)).toEqual(['O', 'B-PER', 'I-PER', 'O', 'B-LOC', 'O', 'O', 'O', 'O']);
    // a nationality adjective is MISC, a country or city named by a proper noun LOC
    expect(gmbToConll(second!)).toEqual(['B-MISC', 'O', 'O', 'B-ORG', 'I-ORG', 'O', 'B-LOC', 'O']);
  });

  it('strips multi-word titles and honorifics, and drops a span that is only a title', () => {
    expect(
      gmbToConll(sentence('Prime/NNP/B-per Minister/NNP/I-per Teodor/NNP/I-per Vance/NNP/I-per spoke/VBD/O')),
    ).toEqual(['O', 'O', 'B-PER', 'I-PER', 'O']);
    expect(gmbToConll(sentence('Mr./NNP/B-per Vance/NNP/I-per left/VBD/O'))).toEqual(['O', 'B-PER', 'O']);
    expect(gmbToConll(sentence('the/DT/O President/NNP/B-per left/VBD/O'))).toEqual(['O', 'O', 'O']);
  });

  it('types plural group nouns MISC and events MISC', () => {
    expect(gmbToConll(sentence('Westmarkers/NNPS/B-gpe marked/VBD/O Harvest/NNP/B-eve Week/NNP/I-eve'))).toEqual([
      'B-MISC',
      'O',
      'B-MISC',
      'I-MISC',
    ]);
  });

  it('leaves out sentences with artefacts or natural phenomena, and unknown tags', () => {
    expect(gmbToConll(sentence('Storm/NNP/B-nat Zelda/NNP/I-nat hit/VBD/O'))).toBeNull();
    expect(gmbToConll(sentence('the/DT/O Quillphone/NNP/B-art sold/VBD/O'))).toBeNull();
    expect(gmbToConll(sentence('Vance/NNP/B-xyz left/VBD/O'))).toBeNull();
  });
});

describe('gmbTrainingDocuments', () => {
  it('groups consecutive sentences, leaves out unmappable ones, and takes a share from the start', () => {
    const ok = sentence('Vance/NNP/B-per left/VBD/O');
    const bad = sentence('Storm/NNP/B-nat Zelda/NNP/I-nat hit/VBD/O');
    const docs = gmbTrainingDocuments([ok, ok, bad, ok, ok], { sentencesPerDoc: 2 });
    expect(docs.map((d) => d.sentences.length)).toEqual([2, 1, 1]);
    expect(docs[0]!.sentences[0]!.tags).toEqual(['B-PER', 'O']);
    expect(gmbTrainingDocuments([ok, ok, ok, ok], { sentencesPerDoc: 2, share: 0.5 })).toHaveLength(1);
  });
});

describe('trainTagger with extra training documents', () => {
  // A name and a context that only the extra text has.
  const extra = gmbTrainingDocuments(
    Array.from({ length: 4 }, () =>
      sentence('Zorvath/NNP/B-org Brennic/NNP/I-org addressed/VBD/O the/DT/O crowd/NN/O'),
    ),
  );
  const tag = (m: ReturnType<typeof trainTagger>): string[] =>
    m.tagSentences([['Zorvath', 'Brennic', 'addressed', 'the', 'crowd']])[0]!;

  it('learns names from the extra text in the first pass', () => {
    const without = trainTagger(TINY_CORPUS, { bits: 14, epochs: 6, folds: 2, stage2: false });
    const withExtra = trainTagger(TINY_CORPUS, {
      bits: 14,
      epochs: 6,
      folds: 2,
      stage2: false,
      extra: { documents: extra },
    });
    expect(tag(without)).not.toEqual(['B-ORG', 'I-ORG', 'O', 'O', 'O']);
    expect(tag(withExtra)).toEqual(['B-ORG', 'I-ORG', 'O', 'O', 'O']);
  });

  it('down-weights the extra text by the size of its updates', () => {
    const fx = new FeatureExtractor(
      { bits: 14, gazetteerLists: 0, clusters: false },
      { gazetteer: null, clusters: null },
    );
    const [doc] = prepareDocuments(fx, extra.slice(0, 1));
    const update = (rate: number): Float32Array => {
      const trainer = new PerceptronTrainer(1 << 14);
      decodeDocument(
        fx,
        trainer.w,
        { df: doc!.df, extra: null, extraK: 0, table: 0 },
        new Uint8Array(doc!.df.n),
        trainer,
        doc!.gold,
        rate,
      );
      return trainer.w;
    };
    const one = update(1);
    const quarter = update(0.25);
    let moved = 0;
    let off = 0;
    for (let i = 0; i < one.length; i++) {
      if (one[i] !== 0) moved++;
      if (quarter[i] !== one[i]! * 0.25) off++;
    }
    expect(off).toBe(0);
    expect(moved).toBeGreaterThan(0);
  });
});
