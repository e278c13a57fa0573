import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PolNeAR (BRAT stand-off: Source, Cue, Content) as the speaker ranker's training data: per article, the direct
 * quotes (gold Content spans holding a quotation mark, as fragments) and their Source spans. One annotation file
 * per article (the first annotator's), as `bench/quotes.bench.js` reads it.
 */
export interface GoldQuote {
  frags: Array<[number, number]>;
  source: Array<[number, number]> | null;
}

export interface PolnearArticle {
  base: string;
  text: string;
  gold: GoldQuote[];
}

export function loadPolnear(dir: string): PolnearArticle[] {
  const files = readdirSync(join(dir, 'attributions')).sort();
  const seen = new Set<string>();
  const out: PolnearArticle[] = [];
  for (const f of files) {
    const base = f.replace(/_[^_]+\.ann$/, '');
    if (seen.has(base)) continue;
    seen.add(base);
    const text = readFileSync(join(dir, 'text', `${base}.txt`), 'utf8');
    const spans = new Map<string, Array<[number, number]>>();
    const rels: Array<Record<string, string>> = [];
    for (const line of readFileSync(join(dir, 'attributions', f), 'utf8').split('\n')) {
      const cols = line.split('\t');
      if (cols.length < 2 || !/^[TE]\d+$/.test(cols[0]!)) continue;
      if (cols[0]!.startsWith('T')) {
        const body = cols[1]!;
        const frags = body
          .slice(body.indexOf(' ') + 1)
          .split(';')
          .map((x) => x.split(' ').map(Number) as [number, number]);
        spans.set(cols[0]!, frags);
      } else {
        const args = cols[1]!
          .trim()
          .split(' ')
          .filter((a) => a.includes(':'))
          .map((a) => a.split(':') as [string, string]);
        rels.push(Object.fromEntries(args));
      }
    }
    const gold: GoldQuote[] = [];
    for (const r of rels) {
      const content = r.Content ? spans.get(r.Content) : undefined;
      if (!content) continue;
      const t = content.map(([s, e]) => text.slice(s, e)).join(' ');
      if (!/["“”]|''|``/.test(t)) continue;
      gold.push({ frags: content, source: r.Source ? (spans.get(r.Source) ?? null) : null });
    }
    out.push({ base, text, gold });
  }
  return out;
}

export const overlap = (a: readonly [number, number], b: readonly [number, number]): number =>
  Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));

/** Overlap of a [start, end) prediction with a gold quote given as fragments; 0 unless it is a match. */
function matchScore(pred: readonly [number, number], frags: ReadonlyArray<[number, number]>): number {
  const inter = frags.reduce((n, f) => n + overlap(pred, f), 0);
  const glen = frags.reduce((n, [s, e]) => n + e - s, 0);
  return inter > 0 && inter >= Math.min(pred[1] - pred[0], glen) / 2 ? inter : 0;
}

/** One-to-one assignment, best overlap first (the bench's strict matching): Map gold index → prediction index. */
export function assign(
  preds: ReadonlyArray<readonly [number, number]>,
  golds: ReadonlyArray<ReadonlyArray<[number, number]>>,
): Map<number, number> {
  const cand: Array<[number, number, number]> = [];
  preds.forEach((p, i) => {
    golds.forEach((g, j) => {
      const s = matchScore(p, g);
      if (s > 0) cand.push([s, i, j]);
    });
  });
  cand.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedP = new Set<number>();
  const out = new Map<number, number>();
  for (const [, i, j] of cand) {
    if (usedP.has(i) || out.has(j)) continue;
    usedP.add(i);
    out.set(j, i);
  }
  return out;
}
