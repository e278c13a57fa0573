import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_MODEL_PATH, loadModel, loadTagger } from './load.js';

describe('loadTagger', () => {
  it('loads the committed model, caches it, and tags an invented sentence', () => {
    expect(existsSync(DEFAULT_MODEL_PATH)).toBe(true);
    const tagger = loadTagger();
    expect(loadTagger()).toBe(tagger);
    const [tags] = tagger.tagSentences([
      ['Maria', 'Lopez', 'flew', 'from', 'Madrid', 'to', 'Berlin', 'on', 'Monday', '.'],
    ]);
    expect(tags).toEqual(['B-PER', 'I-PER', 'O', 'O', 'B-LOC', 'O', 'B-LOC', 'O', 'O', 'O']);
    const model = loadModel();
    expect(model.provenance.data).toMatch(/CoNLL-2003/);
    // A model trained without reading dev (`--no-dev`: chosen by cross-validation on train) carries no dev figure;
    // `npm run bench:ner` reports it. Any other model records the dev F1 it was trained against.
    if (/--no-dev/.test(String(model.provenance.command))) expect(model.provenance.devF1).toBeNull();
    else expect(typeof model.provenance.devF1).toBe('number');
  });

  it('fails clearly on a missing or corrupt model file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sitrep-ner-'));
    expect(() => loadTagger(join(dir, 'missing.bin'))).toThrow(/cannot read NER model.*ENOENT/);
    const bad = join(dir, 'bad.bin');
    writeFileSync(bad, 'not a model');
    expect(() => loadTagger(bad)).toThrow(/not a sitrep NER model/);
  });
});
