// A bench article from a text and an optional publication day.
import { createDoc } from '../../dist/model/index.js';

export function makeDoc(id, text, date) {
  return createDoc(id, {
    title: '',
    url: null,
    outlet: null,
    text,
    captions: [],
    origin: id,
    warnings: [],
    dateEvidence: date
      ? [{ value: date, precision: 'day', from: 'metadata', kind: 'published', evidence: 'bench' }]
      : [],
    published: date ? { value: date, precision: 'day', from: 'metadata' } : null,
  });
}
