import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import type { NerTagger } from '../tagger.js';
import { deserializeModel } from './model-file.js';
import type { NerModel } from './model.js';

/** The committed model: `models/ner.bin` at the repository root (same depth from `src/` and `dist/`). */
export const DEFAULT_MODEL_PATH = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models/ner.bin');

const cache = new Map<string, NerModel>();

/** Load a model file (cached per resolved path). */
export function loadModel(modelPath: string = process.env.SITREP_NER_MODEL ?? DEFAULT_MODEL_PATH): NerModel {
  const path = resolve(modelPath);
  let model = cache.get(path);
  if (!model) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new Error(`cannot read NER model ${path}${code ? ` (${code})` : ''}; run "npm run train:ner" to build it`);
    }
    model = deserializeModel(bytes);
    cache.set(path, model);
  }
  return model;
}

/** The NER tagger for the language stage (the committed model unless `modelPath` or SITREP_NER_MODEL says otherwise). */
export function loadTagger(modelPath?: string): NerTagger {
  return loadModel(modelPath);
}
