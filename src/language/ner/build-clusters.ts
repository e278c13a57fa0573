import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, resolve } from 'node:path';
import { tokenizeText } from '../tokenize.js';
import { parseConll } from './conll.js';
import type { WordClusters } from './resources.js';
import { rng } from '../../model/random.js';
import { clustersFromEntries } from './cluster-file.js';

/**
 * Training-time word clusters from unlabelled text (a cheap stand-in for Brown clusters): each frequent
 * word gets a vector of its left/right neighbour distribution (log counts over the most frequent context
 * words, randomly projected to a few dozen dimensions), and recursive spherical 2-means splits the
 * vocabulary into a binary tree whose root-to-leaf bit path is the word's cluster.
 *
 * Text: CoNLL-2003 train tokens, GMB tokens, and the raw news text of the other shared data sets (Timeline17,
 * PolNeAR, ECB+, SemEval-2022 task 8, TempEval-3, the article-extraction bodies)
 * (never the CoNLL dev file, so the dev figure stays honest).
 *
 * The model now uses the exchange-algorithm classes of `models/word-clusters.tsv.gz` (exchange-clusters.ts),
 * which did better in cross-validation; these stay for comparison (`cv:ner` `clusters=built`,
 * `train:ner --clusters built`), and `unlabelledSentences` is the text of both.
 */

export interface ClusterOptions {
  minCount?: number;
  maxWords?: number;
  contextWords?: number;
  dims?: number;
  depth?: number;
}

function walk(dir: string, out: string[]): void {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** Sentences of unlabelled text (token arrays) from the shared data folder. */
export function unlabelledSentences(dataDir: string): string[][] {
  const sents: string[][] = [];
  const addText = (text: string): void => {
    const { sentences, tokens } = tokenizeText(text);
    let cur: string[] = [];
    let last = -1;
    for (const t of tokens) {
      if (t.sentence !== last && cur.length) {
        sents.push(cur);
        cur = [];
      }
      last = t.sentence;
      cur.push(text.slice(t.start, t.end));
    }
    if (cur.length) sents.push(cur);
    void sentences;
  };
  const conll = resolve(dataDir, 'conll2003/train.txt');
  if (existsSync(conll))
    for (const d of parseConll(readFileSync(conll, 'utf8'))) for (const s of d.sentences) sents.push(s.tokens);
  const gmb = resolve(dataDir, 'gmb-ner/ner_dataset.csv.gz');
  if (existsSync(gmb)) {
    const lines = new TextDecoder('windows-1252').decode(gunzipSync(readFileSync(gmb))).split(/\r?\n/);
    let cur: string[] = [];
    for (let i = 1; i < lines.length; i++) {
      const line = lines[i]!;
      const first = line.indexOf(',');
      const last = line.lastIndexOf(',');
      const prev = line.lastIndexOf(',', last - 1);
      if (first < 0 || prev <= first) continue;
      if (line.slice(0, first) !== '' && cur.length) {
        sents.push(cur);
        cur = [];
      }
      let w = line.slice(first + 1, prev);
      if (w.startsWith('"') && w.endsWith('"') && w.length >= 2) w = w.slice(1, -1).replace(/""/g, '"');
      cur.push(w);
    }
    if (cur.length) sents.push(cur);
  }
  const files: string[] = [];
  walk(resolve(dataDir, 'timeline17'), files);
  walk(resolve(dataDir, 'polnear'), files);
  for (const f of files) if (f.endsWith('.txt') && !f.includes('/timelines/')) addText(readFileSync(f, 'utf8'));
  const jsonl = (path: string, fields: string[]): void => {
    if (!existsSync(path)) return;
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const rec = JSON.parse(line) as Record<string, unknown>;
      for (const k of fields) if (typeof rec[k] === 'string') addText(rec[k] as string);
    }
  };
  jsonl(resolve(dataDir, 'ecbplus/ecbplus_documents.dev.jsonl'), ['text']);
  // TimeBank and AQUAINT news (TempEval-3): the TEXT element with its TimeML tags removed.
  const tml: string[] = [];
  walk(resolve(dataDir, 'tempeval3'), tml);
  for (const f of tml) {
    if (!f.endsWith('.tml')) continue;
    const m = /<TEXT>([\s\S]*?)<\/TEXT>/.exec(readFileSync(f, 'utf8'));
    if (m) addText(decodeEntities(m[1]!.replace(/<[^>]*>/g, '')));
  }
  jsonl(resolve(dataDir, 'semeval2022-task8-en/semeval2022_task8_en_en_pairs.jsonl'), ['text1', 'text2']);
  const gt = resolve(dataDir, 'article-extraction/ground-truth.json');
  if (existsSync(gt)) {
    const data = JSON.parse(readFileSync(gt, 'utf8')) as Record<string, { articleBody?: string }>;
    for (const k of Object.keys(data).sort())
      if (typeof data[k]?.articleBody === 'string') addText(data[k]!.articleBody!);
  }
  return sents;
}

function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) =>
    e === 'amp' ? '&' : e === 'lt' ? '<' : e === 'gt' ? '>' : e === 'quot' ? '"' : "'",
  );
}

function normalize(a: Float32Array | Float64Array, o: number, n: number): void {
  let norm = 0;
  for (let d = 0; d < n; d++) norm += a[o + d]! ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < n; d++) a[o + d]! /= norm;
}

export function clusterWords(sents: readonly string[][], options: ClusterOptions = {}): WordClusters {
  const minCount = options.minCount ?? 3;
  const maxWords = options.maxWords ?? 60_000;
  const C = options.contextWords ?? 1500;
  const D = options.dims ?? 96;
  const depth = options.depth ?? 16;
  const counts = new Map<string, number>();
  for (const s of sents) for (const w of s) counts.set(w, (counts.get(w) ?? 0) + 1);
  const byFreq = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const vocab = byFreq
    .filter(([, c]) => c >= minCount)
    .slice(0, maxWords)
    .map(([w]) => w);
  const vid = new Map(vocab.map((w, i) => [w, i]));
  const ctxId = new Map(byFreq.slice(0, C).map(([w], i) => [w, i]));
  // Context slots: left word (C + other + BOS), right word (C + other + EOS).
  const slots = 2 * (C + 2);
  const ctxCounts: Map<number, number>[] = vocab.map(() => new Map());
  for (const s of sents) {
    for (let i = 0; i < s.length; i++) {
      const v = vid.get(s[i]!);
      if (v === undefined) continue;
      const l = i === 0 ? C + 1 : (ctxId.get(s[i - 1]!) ?? C);
      const r = C + 2 + (i + 1 === s.length ? C + 1 : (ctxId.get(s[i + 1]!) ?? C));
      const m = ctxCounts[v]!;
      m.set(l, (m.get(l) ?? 0) + 1);
      m.set(r, (m.get(r) ?? 0) + 1);
    }
  }
  const random = rng(4242);
  const proj = new Float32Array(slots * D);
  for (let i = 0; i < proj.length; i++) proj[i] = random() * 2 - 1;
  const vecs = new Float32Array(vocab.length * D);
  // Positive pointwise mutual information between a word and each context slot.
  const slotTotals = new Float64Array(slots);
  const wordTotals = new Float64Array(vocab.length);
  let total = 0;
  ctxCounts.forEach((m, v) => {
    for (const [slot, c] of m) {
      slotTotals[slot]! += c;
      wordTotals[v]! += c;
      total += c;
    }
  });
  for (let v = 0; v < vocab.length; v++) {
    const o = v * D;
    for (const [slot, c] of ctxCounts[v]!) {
      const wgt = Math.max(0, Math.log((c * total) / (wordTotals[v]! * slotTotals[slot]!)));
      if (wgt === 0) continue;
      const p = slot * D;
      for (let d = 0; d < D; d++) vecs[o + d]! += wgt * proj[p + d]!;
    }
    normalize(vecs, o, D);
  }
  // Centre (remove the component all words share), then back to unit length.
  const centre = new Float64Array(D);
  for (let v = 0; v < vocab.length; v++) for (let d = 0; d < D; d++) centre[d]! += vecs[v * D + d]! / vocab.length;
  for (let v = 0; v < vocab.length; v++) {
    for (let d = 0; d < D; d++) vecs[v * D + d]! -= centre[d]!;
    normalize(vecs, v * D, D);
  }
  const paths = new Int32Array(vocab.length).fill(1);
  const dot = (a: number, c: Float64Array): number => {
    let s = 0;
    for (let d = 0; d < D; d++) s += vecs[a * D + d]! * c[d]!;
    return s;
  };
  const split = (members: number[], level: number): void => {
    if (members.length < 2 || level >= depth) return;
    // Deterministic init: the member least similar to the mean, then the one least similar to it.
    const mean = new Float64Array(D);
    for (const m of members) for (let d = 0; d < D; d++) mean[d]! += vecs[m * D + d]!;
    let a = members[0]!;
    let best = Infinity;
    for (const m of members) {
      const s = dot(m, mean);
      if (s < best) {
        best = s;
        a = m;
      }
    }
    const ca = new Float64Array(D);
    for (let d = 0; d < D; d++) ca[d] = vecs[a * D + d]!;
    let b = members[0]!;
    best = Infinity;
    for (const m of members) {
      const s = dot(m, ca);
      if (s < best) {
        best = s;
        b = m;
      }
    }
    const cb = new Float64Array(D);
    for (let d = 0; d < D; d++) cb[d] = vecs[b * D + d]!;
    let side = new Uint8Array(members.length);
    for (let it = 0; it < 8; it++) {
      const next = new Uint8Array(members.length);
      members.forEach((m, i) => {
        next[i] = dot(m, cb) > dot(m, ca) ? 1 : 0;
      });
      side = next;
      ca.fill(0);
      cb.fill(0);
      members.forEach((m, i) => {
        const c = side[i] ? cb : ca;
        for (let d = 0; d < D; d++) c[d]! += vecs[m * D + d]!;
      });
      normalize(ca, 0, D);
      normalize(cb, 0, D);
    }
    const left: number[] = [];
    const right: number[] = [];
    members.forEach((m, i) => {
      (side[i] ? right : left).push(m);
    });
    if (left.length === 0 || right.length === 0) return;
    for (const m of left) paths[m] = paths[m]! << 1;
    for (const m of right) paths[m] = (paths[m]! << 1) | 1;
    split(left, level + 1);
    split(right, level + 1);
  };
  split(
    vocab.map((_, i) => i),
    0,
  );
  return clustersFromEntries(vocab.map((word, i) => ({ word, path: paths[i]! })));
}

export function buildClusters(dataDir: string, log: (m: string) => void): { clusters: WordClusters; tokens: number } {
  const sents = unlabelledSentences(dataDir);
  let tokens = 0;
  for (const s of sents) tokens += s.length;
  log(`clusters: ${sents.length} sentences, ${tokens} tokens of unlabelled text`);
  return { clusters: clusterWords(sents), tokens };
}
