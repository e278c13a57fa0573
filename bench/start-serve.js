// Starts `sitrep serve` of a built CLI on a free loopback port for a bench, and resolves once it listens.
import { spawn } from 'node:child_process';

/**
 * `cli` (a dist/cli/main.js), `db` (the store), extra `args`, Node options `nodeArgs` and the child's `env`.
 * Resolves `{ child, base }` (base: http://127.0.0.1:PORT); rejects if the server exits first.
 */
export function startServe({ cli, db, args = [], nodeArgs = [], env = process.env }) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, cli, 'serve', '--db', db, '--port', '0', ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    });
    let err = '';
    child.stderr.on('data', (b) => {
      err += b.toString('utf8');
      const port = /http:\/\/[^:]+:(\d+)\//.exec(err)?.[1];
      if (port) resolve({ child, base: `http://127.0.0.1:${port}` });
    });
    child.on('exit', (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
}
