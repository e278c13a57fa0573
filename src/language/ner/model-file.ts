import { gunzipSync, gzipSync } from 'node:zlib';
import { NUM_LABELS, BILOU_LABELS } from './labels.js';
import { NerModel, type Provenance } from './model.js';
import type { FeatureConfig } from './features.js';
import type { Gazetteer, WordClusters } from './resources.js';

/**
 * Model file: gzip of `MAGIC`, a JSON header, then binary sections (little-endian):
 * gazetteer (hash, list mask) pairs, cluster (hash, path) pairs, and each weight table as sparse
 * int16-quantized entries (varint-coded index gaps + values). Weights that quantize to 0 are pruned.
 */

const MAGIC = 'SITREP-NER\n';
export const MODEL_FORMAT = 2;

interface Header {
  format: number;
  labels: readonly string[];
  cfg: FeatureConfig;
  gazetteer: { lists: string[]; maxLen: number; count: number } | null;
  clusters: { count: number } | null;
  tables: { scale: number; nnz: number; gapBytes: number }[];
  provenance: Provenance;
}

class Writer {
  private chunks: Buffer[] = [];
  u32s(values: Uint32Array): void {
    this.chunks.push(Buffer.from(values.buffer, values.byteOffset, values.byteLength));
  }
  bytes(b: Uint8Array): void {
    this.chunks.push(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
  }
  concat(): Buffer {
    return Buffer.concat(this.chunks);
  }
}

/** Non-zero weights of a compact table as (full index, int16) pairs, index-ordered. */
function quantize(
  model: NerModel,
  table: Float32Array,
): { scale: number; gaps: Uint8Array; values: Int16Array; nnz: number } {
  let max = 0;
  for (let i = 0; i < table.length; i++) max = Math.max(max, Math.abs(table[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const gaps: number[] = [];
  const vals: number[] = [];
  let last = 0;
  const remap = model.remap;
  for (let r = 0; r < remap.length; r++) {
    const o = remap[r]!;
    if (o < 0) continue;
    for (let l = 0; l < NUM_LABELS; l++) {
      const q = Math.round(table[o + l]! / scale);
      if (q === 0) continue;
      const i = r * NUM_LABELS + l;
      let g = i - last;
      last = i;
      while (g >= 0x80) {
        gaps.push((g & 0x7f) | 0x80);
        g >>>= 7;
      }
      gaps.push(g);
      vals.push(q);
    }
  }
  return { scale, gaps: Uint8Array.from(gaps), values: Int16Array.from(vals), nnz: vals.length };
}

function mapPairs(m: Map<number, number>): Uint32Array {
  const keys = [...m.keys()].sort((a, b) => a - b);
  const out = new Uint32Array(keys.length * 2);
  keys.forEach((k, i) => {
    out[2 * i] = k;
    out[2 * i + 1] = m.get(k)!;
  });
  return out;
}

export function serializeModel(model: NerModel): Buffer {
  const body = new Writer();
  const gz = model.resources.gazetteer;
  const cl = model.resources.clusters;
  if (gz) body.u32s(mapPairs(gz.entries));
  if (cl) body.u32s(mapPairs(cl.paths));
  const tables: Header['tables'] = [];
  for (const w of model.stage2 ? [model.stage1, model.stage2] : [model.stage1]) {
    const q = quantize(model, w);
    tables.push({ scale: q.scale, nnz: q.nnz, gapBytes: q.gaps.length });
    body.bytes(new Uint8Array(q.values.buffer, q.values.byteOffset, q.values.byteLength));
    body.bytes(q.gaps);
  }
  const header: Header = {
    format: MODEL_FORMAT,
    labels: BILOU_LABELS,
    cfg: model.cfg,
    gazetteer: gz ? { lists: gz.lists, maxLen: gz.maxLen, count: gz.entries.size } : null,
    clusters: cl ? { count: cl.paths.size } : null,
    tables,
    provenance: model.provenance,
  };
  const head = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(head.length);
  return gzipSync(Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, head, body.concat()]), { level: 9 });
}

export function deserializeModel(file: Uint8Array): NerModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(file);
  } catch {
    throw new Error('not a sitrep NER model file (not gzip)');
  }
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC)
    throw new Error('not a sitrep NER model file (bad magic)');
  let off = MAGIC.length;
  const headLen = raw.readUInt32LE(off);
  off += 4;
  const header = JSON.parse(raw.subarray(off, off + headLen).toString('utf8')) as Header;
  off += headLen;
  if (header.format !== MODEL_FORMAT)
    throw new Error(`unsupported NER model format ${header.format} (expected ${MODEL_FORMAT})`);
  if (header.labels.join(' ') !== BILOU_LABELS.join(' '))
    throw new Error('NER model label set does not match this code');
  const readPairs = (count: number): Map<number, number> => {
    const m = new Map<number, number>();
    for (let i = 0; i < count; i++, off += 8) m.set(raw.readUInt32LE(off), raw.readUInt32LE(off + 4));
    return m;
  };
  let gazetteer: Gazetteer | null = null;
  let clusters: WordClusters | null = null;
  if (header.gazetteer)
    gazetteer = {
      lists: header.gazetteer.lists,
      maxLen: header.gazetteer.maxLen,
      entries: readPairs(header.gazetteer.count),
    };
  if (header.clusters) clusters = { paths: readPairs(header.clusters.count) };
  const rows = 1 << header.cfg.bits;
  const size = rows * NUM_LABELS;
  const sparse: { idx: Int32Array; val: Float32Array }[] = [];
  const usedRow = new Uint8Array(rows);
  for (const t of header.tables) {
    const idxs = new Int32Array(t.nnz);
    const vals = new Float32Array(t.nnz);
    const valuesOff = off;
    off += t.nnz * 2;
    let idx = 0;
    let p = off;
    for (let e = 0; e < t.nnz; e++) {
      let g = 0;
      let shift = 0;
      let b: number;
      do {
        b = raw[p++]!;
        g += (b & 0x7f) * 2 ** shift;
        shift += 7;
      } while (b & 0x80);
      idx += g;
      if (idx >= size) throw new Error('corrupt NER model file (weight index out of range)');
      idxs[e] = idx;
      vals[e] = raw.readInt16LE(valuesOff + 2 * e) * t.scale;
      usedRow[Math.floor(idx / NUM_LABELS)] = 1;
    }
    if (p !== off + t.gapBytes) throw new Error('corrupt NER model file (weight section length)');
    off = p;
    sparse.push({ idx: idxs, val: vals });
  }
  const remap = new Int32Array(rows).fill(-1);
  let used = 0;
  for (let r = 0; r < rows; r++) if (usedRow[r]) remap[r] = used++ * NUM_LABELS;
  const tables = sparse.map(({ idx, val }) => {
    const w = new Float32Array(used * NUM_LABELS);
    for (let e = 0; e < idx.length; e++) {
      const i = idx[e]!;
      const r = Math.floor(i / NUM_LABELS);
      w[remap[r]! + (i - r * NUM_LABELS)] = val[e]!;
    }
    return w;
  });
  if (off !== raw.length) throw new Error('corrupt NER model file (trailing bytes)');
  return new NerModel(header.cfg, { gazetteer, clusters }, remap, tables[0]!, tables[1] ?? null, header.provenance);
}
