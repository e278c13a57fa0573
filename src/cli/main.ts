#!/usr/bin/env node
import { COMMANDS, type CommandContext } from './commands.js';
import { UsageError } from './args.js';

/** Exit codes: 0 ok, 2 usage error, 1 failure. Errors are one clear line on stderr. */
async function main(argv: string[]): Promise<number> {
  const ctx: CommandContext = { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const lines = ['usage: sitrep <command> [options]', '', 'commands:'];
    for (const [cmd, entry] of Object.entries(COMMANDS)) lines.push(`  ${cmd.padEnd(14)} ${entry.summary}`);
    ctx.stderr.write(`${lines.join('\n')}\n`);
    return name === undefined ? 2 : 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    ctx.stderr.write(`sitrep: unknown command "${name}" (try sitrep --help)\n`);
    return 2;
  }
  const command = await entry.load();
  if (rest.includes('--help') || rest.includes('-h')) {
    ctx.stderr.write(`usage: ${command.usage}\n${command.stages ? `stages: ${command.stages}\n` : ''}`);
    return 0;
  }
  try {
    return await command.run(rest, ctx);
  } catch (err) {
    if (err instanceof UsageError) {
      ctx.stderr.write(`sitrep ${name}: ${err.message}\nusage: ${command.usage}\n`);
      return 2;
    }
    const message = err instanceof Error ? err.message : String(err);
    ctx.stderr.write(`sitrep ${name}: ${message.split('\n')[0]}\n`);
    if (process.env.SITREP_DEBUG && err instanceof Error) ctx.stderr.write(`${err.stack}\n`);
    return 1;
  }
}

process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
    // For benchmarks: peak resident memory of the whole process (all worker threads included).
    if (process.env.SITREP_STATS) {
      const u = process.resourceUsage();
      process.stderr.write(
        `sitrep-stats: maxRSS=${u.maxRSS}KB cpu=${Math.round((u.userCPUTime + u.systemCPUTime) / 1000)}ms\n`,
      );
    }
  },
  (err: unknown) => {
    process.stderr.write(`sitrep: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
