import {
  openStore,
  storeLocation,
  writeCsvExport,
  writeGdeltExport,
  writeJsonExport,
  writePloverExport,
  type Db,
  type Sink,
} from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from '../commands.js';
import { openSink } from '../output.js';

/** Export writers by format name. Each streams from the store into a sink. */
export const FORMATS: Record<string, (db: Db, sink: Sink) => Promise<void>> = {
  json: writeJsonExport,
  plover: writePloverExport,
  gdelt: writeGdeltExport,
  csv: writeCsvExport,
};

export const command: Command = {
  usage: `sitrep export [--db FILE|postgres://…] [--format ${Object.keys(FORMATS).join('|')}] [--out FILE|-]`,
  async run(argv, ctx) {
    const args = parseArgs(argv, { values: ['db', 'format', 'out'] });
    if (args.positionals.length > 0) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    const format = args.values.get('format') ?? 'json';
    const write = FORMATS[format];
    if (!write) throw new UsageError(`unknown format "${format}" (one of: ${Object.keys(FORMATS).join(', ')})`);
    const store = await openStore(storeLocation(args.values.get('db')));
    try {
      const sink = await openSink(args.values.get('out') ?? '-', ctx.stdout);
      // JSON is read natively from either kind of store; the other formats through a SQLite view of it.
      if (format === 'json') await store.writeJsonExport(sink.write);
      else await store.read((db) => write(db, sink.write));
      await sink.close();
    } finally {
      await store.close();
    }
    return 0;
  },
};
