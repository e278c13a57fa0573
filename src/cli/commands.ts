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
  usage: string;
  /** For commands that run the article pipeline (or part of it) per record: which stages, shown by `--help`. */
  stages?: string;
  run(argv: string[], ctx: CommandContext): Promise<number>;
}

interface CommandEntry {
  /** One line for `sitrep --help`: kept here so listing the commands loads none of them. */
  summary: string;
  load(): Promise<Command>;
}

export const COMMANDS: Record<string, CommandEntry> = {
  analyze: {
    summary:
      'ingest dumps, HTML files and folders, JSONL, WARC and URLs; analyze and store them, optionally write the export',
    load: async () => (await import('./commands/analyze.js')).command,
  },
  brief: {
    summary: 'a situation report of the stored stories: key developments and conflicting claims, every sentence cited',
    load: async () => (await import('./commands/brief.js')).command,
  },
  cluster: {
    summary: 'cluster articles into stories (JSONL in, one story id per article out)',
    load: async () => (await import('./commands/cluster.js')).command,
  },
  corrections: {
    summary: "list the analyst's corrections; write their actor part as an alias file or import one",
    load: async () => (await import('./commands/corrections.js')).command,
  },
  enqueue: {
    summary: 'split files, folders, WARC crawls, pages and feeds into jobs on the PostgreSQL job queue',
    load: async () => (await import('./commands/enqueue.js')).command,
  },
  events: {
    summary: 'code PLOVER events (JSONL in, events out)',
    load: async () => (await import('./commands/events.js')).command,
  },
  export: {
    summary: 'write the store as JSON, or its events as PLOVER records, GDELT rows or CSV',
    load: async () => (await import('./commands/export.js')).command,
  },
  quotes: {
    summary: 'find quotes and reported speech with their speakers (JSONL in/out)',
    load: async () => (await import('./commands/quotes.js')).command,
  },
  'extract-html': {
    summary: 'extract the main text and metadata of HTML pages (JSONL in, JSONL out)',
    load: async () => (await import('./commands/extract-html.js')).command,
  },
  search: {
    summary: 'full-text search over titles and text (bm25 ranking)',
    load: async () => (await import('./commands/search.js')).command,
  },
  serve: {
    summary: 'serve the web UI and the JSON API (127.0.0.1:8080 by default)',
    load: async () => (await import('./commands/serve.js')).command,
  },
  status: {
    summary: "the job queue's progress: queued, running, done and failed jobs, articles per second",
    load: async () => (await import('./commands/status.js')).command,
  },
  tag: {
    summary: 'tag named entities (CoNLL in, CoNLL + IOB2 column out)',
    load: async () => (await import('./commands/tag.js')).command,
  },
  timeline: {
    summary: 'timeline of a collection: its important dates, a few sentences each (JSON)',
    load: async () => (await import('./commands/timeline.js')).command,
  },
  timex: {
    summary: 'find and normalize time expressions (JSONL in/out)',
    load: async () => (await import('./commands/timex.js')).command,
  },
  watch: {
    summary:
      'poll RSS/Atom feeds, fetch and analyze new entries into the store (politely, with state kept across restarts)',
    load: async () => (await import('./commands/watch.js')).command,
  },
  worker: {
    summary: 'run jobs from the PostgreSQL job queue into the store (as many workers and machines as you like)',
    load: async () => (await import('./commands/worker.js')).command,
  },
};
