/** Tiny hand-written training corpus for tests (invented sentences; no shared-data text). */
import type { TrainingDocument } from './train.js';

function sent(spec: string): { tokens: string[]; tags: string[] } {
  // "Word/TAG" or bare "word" (= O)
  const tokens: string[] = [];
  const tags: string[] = [];
  for (const item of spec.split(' ')) {
    const slash = item.lastIndexOf('/');
    if (slash > 0 && /^[BI]-(PER|LOC|ORG|MISC)$/.test(item.slice(slash + 1))) {
      tokens.push(item.slice(0, slash));
      tags.push(item.slice(slash + 1));
    } else {
      tokens.push(item);
      tags.push('O');
    }
  }
  return { tokens, tags };
}

export const TINY_CORPUS: TrainingDocument[] = [
  {
    sentences: [
      sent('Marta/B-PER Okonkwo/I-PER visited Lisbon/B-LOC on Tuesday .'),
      sent('She met officials of Harbourline/B-ORG Shipping/I-ORG in the port .'),
      sent('Okonkwo/B-PER said the Portuguese/B-MISC deal was fair .'),
    ],
  },
  {
    sentences: [
      sent('Teodor/B-PER Vance/I-PER flew to Nairobi/B-LOC for talks .'),
      sent('Vance/B-PER works for Quillmark/B-ORG Holdings/I-ORG .'),
      sent('The Kenyan/B-MISC minister welcomed him in Nairobi/B-LOC .'),
    ],
  },
  {
    sentences: [
      sent('Ines/B-PER Caldera/I-PER spoke in Lisbon/B-LOC about the strike .'),
      sent('Harbourline/B-ORG Shipping/I-ORG denied the report .'),
      sent('the talks ended on Friday without a deal .'),
    ],
  },
  {
    sentences: [
      sent('Quillmark/B-ORG Holdings/I-ORG opened an office in Nairobi/B-LOC .'),
      sent('Teodor/B-PER Vance/I-PER said the Kenyan/B-MISC market was growing .'),
      sent('Marta/B-PER Okonkwo/I-PER later returned to Lisbon/B-LOC .'),
    ],
  },
];
