// Distractors for the story benches: articles that belong to no ECB+ story, read at bench time from the shared data
// folder (never kept in the repository), taken in turn from three sources, each source's order shuffled with a fixed
// seed:
//   - Timeline17 input articles, at most one per collection and day (a collection's days are one long story, so
//     two days of one collection may still be the same story: a cost every setting pays alike);
//   - PolNeAR article texts (2016 US politics);
//   - SemEval-2022 task 8 English texts, one text per pair (text1), unique by article id.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rng } from '../dist/model/random.js';
import { sharedData } from './shared-data.js';

/** Up to `n` distractors `{id, text()}` (id: source and origin), and the sources they were taken from. */
export function distractorPool(n, seed) {
  const T17 = sharedData('timeline17', { optional: true });
  const POLNEAR = sharedData('polnear/data', { optional: true });
  const SEMEVAL = sharedData('semeval2022-task8-en/semeval2022_task8_en_en_pairs.jsonl', { optional: true });

  function shuffle(xs, rnd) {
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    return xs;
  }

  const rnd = rng(seed);
  const sources = [];
  if (T17) {
    const picks = [];
    for (const collection of readdirSync(T17).sort()) {
      const dir = join(T17, collection, 'InputDocs');
      if (!existsSync(dir)) continue;
      for (const day of readdirSync(dir).sort()) {
        const files = readdirSync(join(dir, day))
          .sort()
          .filter((f) => readFileSync(join(dir, day, f), 'utf8').trim().length > 200);
        if (files.length) picks.push({ id: `t17:${collection}:${day}`, path: join(dir, day, files[0]) });
      }
    }
    sources.push(shuffle(picks, rnd).map((p) => ({ id: p.id, text: () => readFileSync(p.path, 'utf8') })));
  }
  if (POLNEAR) {
    const picks = [];
    for (const part of ['train', 'dev', 'test']) {
      const dir = join(POLNEAR, part, 'text');
      if (existsSync(dir)) for (const f of readdirSync(dir).sort()) picks.push(join(dir, f));
    }
    sources.push(
      shuffle(picks, rnd).map((path) => ({ id: `polnear:${path}`, text: () => readFileSync(path, 'utf8') })),
    );
  }
  if (SEMEVAL) {
    const seen = new Set();
    const picks = [];
    for (const line of readFileSync(SEMEVAL, 'utf8').split('\n').filter(Boolean)) {
      const p = JSON.parse(line);
      const id = String(p.pair_id).split('_')[0];
      if (seen.has(id) || !p.text1?.trim()) continue;
      seen.add(id);
      picks.push({ id: `semeval:${id}`, text: () => p.text1 });
    }
    sources.push(shuffle(picks, rnd));
  }
  const pool = [];
  for (let k = 0; pool.length < n && sources.some((s) => k < s.length); k++)
    for (const s of sources) if (k < s.length && pool.length < n) pool.push(s[k]);
  return { pool, sources };
}
