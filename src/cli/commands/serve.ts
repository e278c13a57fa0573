import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { createApp, isWildcard, storeToken } from '../../serve/index.js';
import { WorkQueue } from '../../queue/index.js';
import { openDb, storeLocation } from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from '../commands.js';
import { isPostgresUrl } from '../queue-url.js';

/** How long a stopping server waits for requests under way before it closes their connections, ms. */
const STOP_GRACE_MS = 200;
/** Reader threads by default at most (one per core below that). */
const MAX_READERS = 4;

export const command: Command = {
  usage:
    'sitrep serve [--db FILE] [--host 127.0.0.1] [--port 8080] [--readers N] [--allow-private] [--queue postgres://…]',
  async run(argv, ctx) {
    const args = parseArgs(argv, { values: ['db', 'host', 'port', 'readers', 'queue'], booleans: ['allow-private'] });
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const host = args.values.get('host') ?? '127.0.0.1';
    const port = Number(args.values.get('port') ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError('--port takes a number from 0 to 65535');
    // Reader threads for the read routes (0: the request thread answers everything): one per core by default.
    const readers = Number(args.values.get('readers') ?? Math.min(MAX_READERS, availableParallelism()));
    if (!Number.isInteger(readers) || readers < 0 || readers > 64)
      throw new UsageError('--readers takes a number from 0 to 64');
    const dbPath = storeLocation(args.values.get('db'));
    const queueUrl = args.values.get('queue') ?? process.env.SITREP_QUEUE;
    if (queueUrl !== undefined && !isPostgresUrl(queueUrl))
      throw new UsageError(`the queue must be a postgres:// URL, not "${queueUrl}"`);
    // The store before the queue: an open queue keeps the process alive, so nothing may throw past it unstopped.
    const db = openDb(dbPath);
    const open = isWildcard(host);
    const token = storeToken(db);
    // The jobs' progress in the Sources view; workers (`sitrep worker`) supervise the queue, not the server.
    const queue = queueUrl
      ? await WorkQueue.open(queueUrl, {
          supervise: false,
          onError: (e) => ctx.stderr.write(`sitrep serve: queue: ${e.message}\n`),
        })
      : undefined;
    let app: ReturnType<typeof createApp>;
    try {
      app = createApp(db, {
        allowPrivate: args.booleans.has('allow-private'),
        host,
        token,
        tokenForReads: open,
        readers,
        queue,
      });
    } catch (err) {
      db.close();
      await queue?.stop(1000);
      throw err;
    }
    if (open)
      ctx.stderr.write(
        `sitrep serve: warning: --host ${host} answers on every network interface; every request needs the token\n`,
      );
    await new Promise<void>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
        const shown = host.includes(':') ? `[${host}]` : host;
        const url = `http://${open ? '127.0.0.1' : shown}:${info.port}/`;
        ctx.stderr.write(`sitrep serving ${dbPath} at ${open ? `${url}?token=${token}` : url} (Ctrl-C to stop)\n`);
        ctx.stderr.write(`API token of this store (X-Sitrep-Token header, needed to write): ${token}\n`);
      });
      server.on('error', (err: NodeJS.ErrnoException) => {
        db.close();
        void queue?.stop(1000);
        reject(new Error(err.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use` : err.message));
      });
      let stopping = false;
      const stop = (): void => {
        if (stopping) return;
        stopping = true;
        app.stopWorkers();
        // Keep-alive and slow clients would hold close() open: idle ones go now, the rest after a short grace.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, STOP_GRACE_MS);
        server.close(() => {
          clearTimeout(force);
          db.close();
          if (queue) void queue.stop(1000).then(resolve, resolve);
          else resolve();
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
