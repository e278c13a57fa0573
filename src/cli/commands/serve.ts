import {
  createServer as createHttpServer,
  type IncomingMessage,
  type RequestListener,
  type ServerOptions,
  type ServerResponse,
} from 'node:http';
import { availableParallelism } from 'node:os';
import { serve } from '@hono/node-server';
import { CopyServer, createApp, isWildcard, storeToken } from '../../serve/index.js';
import { WorkQueue } from '../../queue/index.js';
import { boundServerConnection, openDb, openStore, type Store, storeLocation } from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command, CommandContext } from '../commands.js';
import { isPostgresUrl } from '../queue-url.js';

/** How long a stopping server waits for requests under way before it closes their connections, ms. */
const STOP_GRACE_MS = 200;
/** Reader threads by default at most (one per core below that). */
const MAX_READERS = 4;
/** How often a server on a PostgreSQL store checks whether the store changed, seconds (`--refresh-every`). */
const DEFAULT_REFRESH_S = 5;

/** The store as served: its app's fetch and what stopping it takes. */
interface Served {
  /** The store, fit to print (no password). */
  label: string;
  token: string;
  fetch: (request: Request) => Response | Promise<Response>;
  /** Answer a request from the response cache before the app sees it (`ServedApp.answerCached`), when it can. */
  answerCached?: (incoming: IncomingMessage, outgoing: ServerResponse, app?: () => void) => boolean;
  stopWorkers(): void;
  close(): Promise<void>;
  queue: WorkQueue | undefined;
}

/** The job queue whose progress the Sources view shows; workers (`sitrep worker`) supervise it, not the server. */
function openQueue(url: string | undefined, ctx: CommandContext): Promise<WorkQueue | undefined> {
  if (!url) return Promise.resolve(undefined);
  return WorkQueue.open(url, {
    supervise: false,
    onError: (e) => ctx.stderr.write(`sitrep serve: queue: ${e.message}\n`),
  });
}

export const command: Command = {
  usage:
    'sitrep serve [--db FILE|postgres://…] [--host 127.0.0.1] [--port 8080] [--readers N] [--allow-private] [--queue postgres://…] [--refresh-every S]',
  async run(argv, ctx) {
    const args = parseArgs(argv, {
      values: ['db', 'host', 'port', 'readers', 'queue', 'refresh-every'],
      booleans: ['allow-private'],
    });
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
    const refreshEvery = Number(args.values.get('refresh-every') ?? DEFAULT_REFRESH_S);
    if (!Number.isFinite(refreshEvery) || refreshEvery < 0.1 || refreshEvery > 3600)
      throw new UsageError('--refresh-every takes a number of seconds from 0.1 to 3600');
    const open = isWildcard(host);
    const appOptions = { allowPrivate: args.booleans.has('allow-private'), host, tokenForReads: open };
    // The store before the queue: an open queue keeps the process alive, so nothing may throw past it unstopped.
    // A SQLite store is served in place; a PostgreSQL one from a local read copy, refreshed when it changes.
    let served: Served;
    if (isPostgresUrl(dbPath)) {
      // The queue first here: the store's first copy may take a while, and a failure stops the queue.
      const queue = await openQueue(queueUrl, ctx);
      let store: Store;
      let copies: CopyServer;
      // The first copy takes from seconds to minutes: a Ctrl-C meanwhile cuts it short and removes its file.
      const starting = new AbortController();
      const abortStart = (): void => starting.abort();
      process.once('SIGINT', abortStart);
      process.once('SIGTERM', abortStart);
      try {
        store = await openStore(dbPath);
        copies = await CopyServer.open(
          store,
          (db, o) => createApp(db, { ...appOptions, ...o, readers: o.writes ? readers : 0, queue }),
          {
            refreshMs: refreshEvery * 1000,
            onError: (e) => ctx.stderr.write(`sitrep serve: refreshing the read copy: ${e.message}\n`),
            signal: starting.signal,
          },
        );
      } catch (err) {
        await queue?.stop(1000);
        if (starting.signal.aborted) throw new Error('stopped while making the first read copy');
        throw err;
      } finally {
        process.off('SIGINT', abortStart);
        process.off('SIGTERM', abortStart);
      }
      served = {
        label: store.location,
        token: copies.apiToken,
        fetch: copies.fetch,
        stopWorkers: () => copies.stopWorkers(),
        close: () => copies.close(),
        queue,
      };
    } else {
      const db = openDb(dbPath);
      boundServerConnection(db);
      const token = storeToken(db);
      let queue: WorkQueue | undefined;
      let app: ReturnType<typeof createApp>;
      try {
        queue = await openQueue(queueUrl, ctx);
        app = createApp(db, { ...appOptions, token, readers, queue });
      } catch (err) {
        db.close();
        await queue?.stop(1000);
        throw err;
      }
      served = {
        label: dbPath,
        token,
        fetch: app.fetch,
        answerCached: app.answerCached,
        stopWorkers: () => app.stopWorkers(),
        close: async () => {
          db.close();
        },
        queue,
      };
    }
    const { token, queue } = served;
    if (open)
      ctx.stderr.write(
        `sitrep serve: warning: --host ${host} answers on every network interface; every request needs the token\n`,
      );
    await new Promise<void>((resolve, reject) => {
      // A cached answer is written by the response cache itself, before a Request is made for the app.
      const answerCached = served.answerCached;
      // (node-server calls it as `createServer(serverOptions, listener)`.)
      const createServer = answerCached
        ? (((opts: ServerOptions, listener: RequestListener) =>
            createHttpServer(opts, (incoming, outgoing) => {
              if (!answerCached(incoming, outgoing, () => listener(incoming, outgoing))) listener(incoming, outgoing);
            })) as typeof createHttpServer)
        : createHttpServer;
      const server = serve({ fetch: served.fetch, hostname: host, port, createServer }, (info) => {
        const shown = host.includes(':') ? `[${host}]` : host;
        const url = `http://${open ? '127.0.0.1' : shown}:${info.port}/`;
        ctx.stderr.write(
          `sitrep serving ${served.label} at ${open ? `${url}?token=${token}` : url} (Ctrl-C to stop)\n`,
        );
        ctx.stderr.write(`API token of this store (X-Sitrep-Token header, needed to write): ${token}\n`);
      });
      server.on('error', (err: NodeJS.ErrnoException) => {
        void served.close();
        void queue?.stop(1000);
        reject(new Error(err.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use` : err.message));
      });
      let stopping = false;
      const stop = (): void => {
        if (stopping) return;
        stopping = true;
        served.stopWorkers();
        // Keep-alive and slow clients would hold close() open: idle ones go now, the rest after a short grace.
        if ('closeIdleConnections' in server) server.closeIdleConnections();
        const force = setTimeout(() => {
          if ('closeAllConnections' in server) server.closeAllConnections();
        }, STOP_GRACE_MS);
        server.close(() => {
          clearTimeout(force);
          void served
            .close()
            .catch(() => undefined)
            .then(() => queue?.stop(1000))
            .then(resolve, resolve);
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
