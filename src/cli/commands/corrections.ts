import { writeFileSync } from 'node:fs';
import { resolveCorpus } from '../../analyze/index.js';
import { aliasFileCorrections, correctionsAliasFile, loadAliasFile } from '../../resolve/index.js';
import { addCorrection, allCorrections, openStore, storeLocation } from '../../store/index.js';
import { parseArgs, UsageError } from '../args.js';
import type { Command } from '../commands.js';
import { stringifyLine } from '../jsonl.js';

/**
 * The store's corrections: listed (one JSON line each), the actor part written as an alias file
 * (`--aliases-out FILE`, `-` for stdout) or an alias file imported as corrections (`--import-aliases FILE`,
 * then the corpus is resolved again).
 */
export const command: Command = {
  usage: 'sitrep corrections [--db FILE|postgres://…] [--aliases-out FILE|-] [--import-aliases FILE]',
  async run(argv, ctx) {
    const args = parseArgs(argv, { values: ['db', 'aliases-out', 'import-aliases'], booleans: [] });
    if (args.positionals.length > 0) throw new UsageError('corrections takes no positional arguments');
    const store = await openStore(storeLocation(args.values.get('db')));
    try {
      const imported = args.values.get('import-aliases');
      if (imported) {
        const file = loadAliasFile(imported);
        // On PostgreSQL a working copy, written back at the end (docs/scale.md).
        const made = await store.write(async (db) => {
          const added = aliasFileCorrections(file).map((c) =>
            addCorrection(db, { ...c, note: `imported from ${imported}` }),
          );
          await resolveCorpus(db);
          return added;
        });
        ctx.stderr.write(`imported ${made.length} correction(s) from ${imported}; the corpus is resolved again\n`);
      }
      // On SQLite the file is opened as it always was, read-write: a store not made yet is made, and has none.
      const corrections = await (store.kind === 'sqlite' ? store.write : store.read)((db) => allCorrections(db));
      const out = args.values.get('aliases-out');
      if (out) {
        const text = `${JSON.stringify(correctionsAliasFile(corrections), null, 2)}\n`;
        if (out === '-') ctx.stdout.write(text);
        else writeFileSync(out, text);
      }
      if (!imported && !out) for (const c of corrections) ctx.stdout.write(`${stringifyLine(c)}\n`);
    } finally {
      await store.close();
    }
    return 0;
  },
};
