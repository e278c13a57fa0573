import { constants, gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { rng } from '../model/random.js';
import { decodedRuns, GzipDamageError, gunzipMembers } from './gzip-members.js';

async function* chunks(b: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
}

async function decode(
  b: Buffer,
  size = 1 << 16,
): Promise<{ data: Buffer; damage: Array<{ offset: number; message: string }> }> {
  const data: Buffer[] = [];
  const damage: Array<{ offset: number; message: string }> = [];
  for await (const p of gunzipMembers(chunks(b, size))) {
    if (p.kind === 'data') data.push(p.data);
    else damage.push({ offset: p.offset, message: p.message });
  }
  return { data: Buffer.concat(data), damage };
}

/**
 * What `gzip -dc` gets out of the first `length` bytes of a file of members: the whole members, then what
 * zlib decodes of the cut one. (Node's gunzipSync does not return on some multi-member cuts, so member by member.)
 */
function recoverable(members: Buffer[], length: number): Buffer {
  const out: Buffer[] = [];
  let at = 0;
  for (const m of members) {
    if (at + m.length <= length) out.push(gunzipSync(m));
    else if (length - at > 10)
      out.push(gunzipSync(m.subarray(0, length - at), { finishFlush: constants.Z_SYNC_FLUSH }));
    else break;
    at += m.length;
  }
  return Buffer.concat(out);
}

/** Text that compresses the way a record does: repetitive with some variety. */
function text(r: () => number, words: number): Buffer {
  const vocab = ['harbour', 'minister', 'said', 'the', 'ships', 'on', 'Tuesday', 'talks', 'port', 'of'];
  return Buffer.from(Array.from({ length: words }, () => vocab[Math.floor(r() * vocab.length)]!).join(' '));
}

describe('gunzipMembers', () => {
  it('decodes what zlib decodes, member by member, whatever the chunking and header fields', async () => {
    const r = rng(1);
    const parts = Array.from({ length: 6 }, (_, i) => text(r, 200 + i * 700));
    // A member with FEXTRA, FNAME, FCOMMENT and FHCRC set, written by hand around a zlib member's body.
    const plain = gzipSync(parts[0]!);
    const fancy = Buffer.concat([
      Buffer.from([0x1f, 0x8b, 0x08, 0x1e, 0, 0, 0, 0, 0, 3]),
      Buffer.from([4, 0, 1, 2, 3, 4]),
      Buffer.from('name.warc\0comment\0'),
      Buffer.from([0xaa, 0xbb]),
      plain.subarray(10),
    ]);
    const file = Buffer.concat([fancy, ...parts.slice(1).map((p) => gzipSync(p))]);
    for (const size of [7, 100, 4096, 1 << 20]) {
      const { data, damage } = await decode(file, size);
      expect(damage).toEqual([]);
      expect(data.equals(Buffer.concat(parts))).toBe(true);
    }
  });

  it('recovers every member around garbage, and says where the garbage was', async () => {
    const members = Array.from({ length: 10 }, (_, i) => gzipSync(Buffer.from(`record ${i}\n`)));
    const at = members.slice(0, 5).reduce((n, m) => n + m.length, 0);
    const file = Buffer.concat([...members.slice(0, 5), Buffer.from('GARBAGE!'), ...members.slice(5)]);
    const { data, damage } = await decode(file, 7);
    expect(data.toString()).toBe(Array.from({ length: 10 }, (_, i) => `record ${i}\n`).join(''));
    expect(damage).toEqual([{ offset: at, message: `skipped 8 byte(s) at byte ${at} that are not a gzip member` }]);
  });

  it('skips garbage before the first member and a false member header inside garbage', async () => {
    const file = Buffer.concat([
      Buffer.from('junk\x1f\x8b\x08\x00more junk'),
      gzipSync('one\n'),
      Buffer.from([0x1f, 0x8b, 0x08, 0, 0, 0, 0, 0, 0, 3, 0xff, 0xff, 0xff]),
      gzipSync('two\n'),
    ]);
    const { data, damage } = await decode(file, 5);
    expect(data.toString()).toBe('one\ntwo\n');
    expect(damage.length).toBeGreaterThanOrEqual(2);
  });

  it('keeps everything gzip -dc recovers from a file cut anywhere', async () => {
    const r = rng(2);
    const single = [gzipSync(text(r, 30_000))];
    const multi = Array.from({ length: 30 }, () => gzipSync(text(r, 1500)));
    for (const members of [single, multi]) {
      const file = Buffer.concat(members);
      for (let n = 0; n < 40; n++) {
        const cut = file.subarray(0, Math.floor(r() * file.length));
        const { data, damage } = await decode(cut, 1 + Math.floor(r() * 70_000));
        const reference = recoverable(members, cut.length);
        expect(data.length, `cut at ${cut.length}`).toBeGreaterThanOrEqual(reference.length);
        expect(
          data.equals(reference.subarray(0, data.length)) || reference.equals(data.subarray(0, reference.length)),
        ).toBe(true);
        if (cut.length > 0 && cut.length < file.length) expect(damage.length).toBeGreaterThan(0);
      }
    }
  });

  it('a damaged member costs only itself, even when the inflater reads on into the next one', async () => {
    const r = rng(3);
    const parts = Array.from({ length: 8 }, () => text(r, 800));
    const members = parts.map((p) => gzipSync(p));
    for (const damaged of [0, 3, 7]) {
      const broken = members.map((m, i) => {
        if (i !== damaged) return m;
        // Cut the member's second half out: its stream runs into the next member's bytes before failing.
        return m.subarray(0, Math.floor(m.length / 2));
      });
      const { data, damage } = await decode(Buffer.concat(broken), 1000);
      expect(damage.length).toBeGreaterThan(0);
      for (const [i, p] of parts.entries()) if (i !== damaged) expect(data.includes(p), `member ${i}`).toBe(true);
    }
  });

  it('reports a CRC mismatch', async () => {
    const m = gzipSync('some text\n');
    m[m.length - 8]! ^= 0xff;
    const { data, damage } = await decode(m);
    expect(data.toString()).toBe('some text\n');
    expect(damage).toMatchObject([{ offset: 0, message: expect.stringMatching(/CRC mismatch/) }]);
  });
});

describe('decodedRuns', () => {
  it('splits the decoded data at damage: each run ends with the damage that cut it', async () => {
    const file = Buffer.concat([gzipSync('a1'), gzipSync('a2'), Buffer.from('xx'), gzipSync('b1'), Buffer.from('yy')]);
    const runs: Array<{ offset: number; text: string; ended: string }> = [];
    for await (const run of decodedRuns(chunks(file, 3))) {
      let t = '';
      let ended = 'end';
      try {
        for await (const b of run.data) t += b.toString();
      } catch (err) {
        expect(err).toBeInstanceOf(GzipDamageError);
        ended = (err as GzipDamageError).message;
      }
      runs.push({ offset: run.offset, text: t, ended });
    }
    expect(runs.map((x) => [x.offset, x.text])).toEqual([
      [0, 'a1a2'],
      [4, 'b1'],
      [6, ''],
    ]);
    expect(runs[0]!.ended).toMatch(/skipped 2 byte/);
    expect(runs[1]!.ended).toMatch(/skipped 2 byte/);
    expect(runs[2]!.ended).toBe('end');
  });
});
