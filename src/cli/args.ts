/** Minimal, strict argument parsing: `--name value`, `--flag`, positionals. Unknown flags are usage errors. */

export class UsageError extends Error {}

export interface FlagSpec {
  /** Flags that take a value. */
  values?: readonly string[];
  /** Boolean flags. */
  booleans?: readonly string[];
}

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  booleans: Set<string>;
}

export function parseArgs(argv: readonly string[], spec: FlagSpec): ParsedArgs {
  const values = new Map<string, string>();
  const booleans = new Set<string>();
  const positionals: string[] = [];
  const valueFlags = new Set(spec.values ?? []);
  const booleanFlags = new Set(spec.booleans ?? []);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (arg.startsWith('--') && arg.length > 2) {
      const eq = arg.indexOf('=');
      const name = eq >= 0 ? arg.slice(2, eq) : arg.slice(2);
      if (valueFlags.has(name)) {
        const value = eq >= 0 ? arg.slice(eq + 1) : argv[++i];
        if (value === undefined) throw new UsageError(`--${name} needs a value`);
        values.set(name, value);
      } else if (booleanFlags.has(name) && eq < 0) {
        booleans.add(name);
      } else {
        throw new UsageError(`unknown option --${name}`);
      }
    } else {
      positionals.push(arg);
    }
  }
  return { positionals, values, booleans };
}
