/**
 * sitrep's operational limits, in one place (like trafilatura's settings.cfg): how much of one input, one record
 * or one fetch a run takes before it cuts, splits or refuses it — so that one runaway input costs bounded time
 * and memory and never stops the run. Each is documented with what happens at the limit in docs/limits.md;
 * tuning constants inside one algorithm (search windows, cache sizes) stay beside that algorithm.
 */
export const LIMITS = {
  /** A line of a plain dump longer than this is split (at a space when there is one) into several lines. */
  dumpLineChars: 100_000,
  /** A paragraph longer than this is cut at a word boundary into several (a runaway line, not prose). */
  paragraphChars: 50_000,
  /** An article longer than this is continued as a new article, "(part N)": nothing is dropped. */
  articleChars: 400_000,
  /** A page whose extracted text is longer is cut at a paragraph end, with a warning. */
  pageTextChars: 400_000,
  /** An HTML file larger than this is refused. */
  htmlFileBytes: 20 * 1024 * 1024,
  /** `extract-html --jsonl`: a record whose `html` is longer is answered with an error. */
  htmlRecordChars: 20_000_000,
  /** A JSONL line (a `.jsonl` input or a `--jsonl` sub-command's stdin) longer than this is refused unread. */
  jsonlLineBytes: 32 * 1024 * 1024,
  /**
   * `events`, `quotes` and `timex --jsonl`: a record whose `text` is longer is answered with an error (the
   * analysis of one text is not linear in its length; `analyze` splits such a text into parts instead).
   */
  recordTextChars: 400_000,
  /** A WARC record with a larger block is skipped, never buffered. */
  warcRecordBytes: 20 * 1024 * 1024,
  /** An archived HTTP body larger than this once decoded (gzip, deflate, br) is refused. */
  archivedBodyBytes: 10 * 1024 * 1024,
  /** A fetched body larger than this (also after decompression) is refused. */
  fetchBytes: 10 * 1024 * 1024,
  /** Whole-request deadline of one fetch, redirects included. */
  fetchTimeoutMs: 20_000,
  fetchRedirects: 5,
  /** How long a writer waits for another process's write lock on the store before it gives up. */
  storeBusyMs: 60_000,
} as const;
