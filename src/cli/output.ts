import { createWriteStream, renameSync } from 'node:fs';
import type { Writable } from 'node:stream';

export interface OutputSink {
  write: (chunk: string) => Promise<void>;
  close: () => Promise<void>;
}

function writer(stream: Writable): (chunk: string) => Promise<void> {
  return async (chunk) => {
    if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', () => resolve()));
  };
}

/**
 * `-` → stdout; a path → a temporary file renamed into place on close, so a failed run never leaves a
 * half-written export behind.
 */
export async function openSink(target: string, stdout: Writable): Promise<OutputSink> {
  if (target === '-') return { write: writer(stdout), close: async () => {} };
  const tmp = `${target}.tmp-${process.pid}`;
  const stream = createWriteStream(tmp);
  await new Promise<void>((resolve, reject) => {
    stream.once('open', () => resolve());
    stream.once('error', reject);
  });
  return {
    write: writer(stream),
    close: () =>
      new Promise<void>((resolve, reject) => {
        stream.end((err?: Error | null) => {
          if (err) return reject(err);
          renameSync(tmp, target);
          resolve();
        });
      }),
  };
}
