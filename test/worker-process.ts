import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const CLI = join(ROOT, 'dist/cli/main.js');

/**
 * A `sitrep worker` process with tracing on, its stderr collected; `onLine` sees each line as it comes. `env` adds
 * to the environment (the PostgreSQL writer test makes batches small with `SITREP_PG_BATCH`).
 */
export function startWorker(
  args: string[],
  onLine: (line: string) => void = () => undefined,
  env: Record<string, string> = {},
) {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'worker', ...args], {
    cwd: ROOT,
    env: { ...process.env, SITREP_TRACE: '1', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let partial = '';
  child.stderr!.on('data', (d: Buffer) => {
    stderr += d.toString();
    partial += d.toString();
    const lines = partial.split('\n');
    partial = lines.pop()!;
    for (const l of lines) onLine(l);
  });
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );
  return { child, exit, stderr: () => stderr };
}
