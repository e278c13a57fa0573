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
export const MODEL_FORMAT = 1;

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

function quantize(w: Float32Array): { scale: number; gaps: Uint8Array; values: Int16Array; nnz: number } {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const idx: number[] = [];
  const vals: number[] = [];
  for (let i = 0; i < w.length; i++) {
    const q = Math.round(w[i]! / scale);
    if (q !== 0) {
      idx.push(i);
      vals.push(q);
    }
  }
  const gaps: number[] = [];
  let last = 0;
  for (const i of idx) {
    let g = i - last;
    last = i;
    while (g >= 0x80) {
      gaps.push((g & 0x7f) | 0x80);
      g >>>= 7;
    }
    gaps.push(g);
  }
  return { scale, gaps: Uint8Array.from(gaps), values: Int16Array.from(vals), nnz: idx.length };
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
    const q = quantize(w);
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
  if (raw.subarray(0, MAGIC.length).toString('latin1') !== MAGIC) throw new Error('not a sitrep NER model file (bad magic)');
  let off = MAGIC.length;
  const headLen = raw.readUInt32LE(off);
  off += 4;
  const header = JSON.parse(raw.subarray(off, off + headLen).toString('utf8')) as Header;
  off += headLen;
  if (header.format !== MODEL_FORMAT) throw new Error(`unsupported NER model format ${header.format} (expected ${MODEL_FORMAT})`);
  if (header.labels.join(' ') !== BILOU_LABELS.join(' ')) throw new Error('NER model label set does not match this code');
  const readPairs = (count: number): Map<number, number> => {
    const m = new Map<number, number>();
    for (let i = 0; i < count; i++, off += 8) m.set(raw.readUInt32LE(off), raw.readUInt32LE(off + 4));
    return m;
  };
  let gazetteer: Gazetteer | null = null;
  let clusters: WordClusters | null = null;
  if (header.gazetteer) gazetteer = { lists: header.gazetteer.lists, maxLen: header.gazetteer.maxLen, entries: readPairs(header.gazetteer.count) };
  if (header.clusters) clusters = { paths: readPairs(header.clusters.count) };
  const size = (1 << header.cfg.bits) * NUM_LABELS;
  const tables: Float32Array[] = [];
  for (const t of header.tables) {
    const w = new Float32Array(size);
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
      w[idx] = raw.readInt16LE(valuesOff + 2 * e) * t.scale;
    }
    if (p !== off + t.gapBytes) throw new Error('corrupt NER model file (weight section length)');
    off = p;
    tables.push(w);
  }
  if (off !== raw.length) throw new Error('corrupt NER model file (trailing bytes)');
  return new NerModel(header.cfg, { gazetteer, clusters }, tables[0]!, tables[1] ?? null, header.provenance);
}
