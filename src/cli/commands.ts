/**
 * The sub-command registry — the CLI's public surface. Each command lives in its own module under
 * `commands/` and is loaded only when called, so start-up stays fast.
 */
export interface CommandContext {
  stdin: NodeJS.ReadableStream & import('node:stream').Readable;
  stdout: NodeJS.WritableStream & import('node:stream').Writable;
  stderr: NodeJS.WritableStream & import('node:stream').Writable;
}

export interface Command {
  summary: string;
  usage: string;
  run(argv: string[], ctx: CommandContext): Promise<number>;
}

type Loader = () => Promise<Command>;

export const COMMANDS: Record<string, Loader> = {
  analyze: async () => (await import('./commands/analyze.js')).command,
  cluster: async () => (await import('./commands/cluster.js')).command,
  events: async () => (await import('./commands/events.js')).command,
  export: async () => (await import('./commands/export.js')).command,
  quotes: async () => (await import('./commands/quotes.js')).command,
  'extract-html': async () => (await import('./commands/extract-html.js')).command,
  search: async () => (await import('./commands/search.js')).command,
  serve: async () => (await import('./commands/serve.js')).command,
  tag: async () => (await import('./commands/tag.js')).command,
  timeline: async () => (await import('./commands/timeline.js')).command,
  timex: async () => (await import('./commands/timex.js')).command,
  watch: async () => (await import('./commands/watch.js')).command,
};
