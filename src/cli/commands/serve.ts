import { serve } from '@hono/node-server';
import { createApp } from '../../serve/index.js';
import { openDb } from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from '../commands.js';

export const command: Command = {
  usage: 'sitrep serve [--db FILE] [--host 127.0.0.1] [--port 8080] [--allow-private]',
  async run(argv, ctx) {
    const args = parseArgs(argv, { values: ['db', 'host', 'port'], booleans: ['allow-private'] });
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const host = args.values.get('host') ?? '127.0.0.1';
    const port = Number(args.values.get('port') ?? 8080);
    if (!Number.isInteger(port) || port < 0 || port > 65535)
      throw new UsageError('--port takes a number from 0 to 65535');
    const dbPath = args.values.get('db') ?? 'sitrep.db';
    const db = openDb(dbPath);
    const app = createApp(db, { allowPrivate: args.booleans.has('allow-private') });
    await new Promise<void>((resolve, reject) => {
      const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
        const shown = host.includes(':') ? `[${host}]` : host;
        ctx.stderr.write(`sitrep serving ${dbPath} at http://${shown}:${info.port}/ (Ctrl-C to stop)\n`);
      });
      server.on('error', (err: NodeJS.ErrnoException) => {
        db.close();
        reject(new Error(err.code === 'EADDRINUSE' ? `port ${port} on ${host} is already in use` : err.message));
      });
      const stop = (): void => {
        server.close(() => {
          db.close();
          resolve();
        });
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    return 0;
  },
};
