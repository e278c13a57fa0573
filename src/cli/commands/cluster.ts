import type { Command } from '../commands.js';
import { parseArgs, UsageError } from '../args.js';
import { readJsonlRecords, writeJsonl } from '../jsonl-batch.js';
import { requireText } from '../jsonl.js';
import { runStages, stagesFor } from '../../analyze/stages.js';
import type { NerTagger } from '../../language/index.js';
import { loadTagger } from '../../language/ner/index.js';
import { createDoc } from '../../model/index.js';
import { clusterStories, storyFeatures, type StoryFeatures } from '../../resolve/index.js';

const DAY = /^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** A record's `published` as `YYYY-MM-DD` (a timestamp is cut to its day), or null. */
export function publishedDay(record: Record<string, unknown>): string | null {
  const raw = record.published ?? null;
  if (raw === null) return null;
  const m = typeof raw === 'string' ? DAY.exec(raw.trim()) : null;
  if (!m || Number.isNaN(Date.parse(`${m[1]}T00:00:00Z`)))
    throw new Error('field "published" must be "YYYY-MM-DD" (or an ISO timestamp)');
  return m[1]!;
}

/** The stages a record goes through: what story features read (entities, time, events). */
const STAGES = stagesFor(['events']);

/**
 * The story features of one `{"id","text","title"?,"published"?}` record: language, time and events stages.
 * `facts`: with the record's facts, for options that weigh them (the default ones do not).
 */
export function clusterFeatures(
  record: Record<string, unknown>,
  tagger: NerTagger | undefined,
  { facts = false }: { facts?: boolean } = {},
): StoryFeatures {
  const text = requireText(record);
  if (record.title !== undefined && record.title !== null && typeof record.title !== 'string')
    throw new Error('field "title" must be a string');
  const published = publishedDay(record);
  const doc = createDoc(String(record.id ?? ''), {
    title: typeof record.title === 'string' ? record.title : '',
    url: null,
    outlet: typeof record.outlet === 'string' ? record.outlet : null,
    text,
    captions: [],
    origin: String(record.id ?? 'stdin'),
    warnings: [],
    dateEvidence: published
      ? [{ value: published, precision: 'day', from: 'metadata', kind: 'published', evidence: 'input record' }]
      : [],
    published: published ? { value: published, precision: 'day', from: 'metadata' } : null,
  });
  return storyFeatures(runStages(doc, STAGES, { tagger: () => tagger }), { facts });
}

export const command: Command = {
  stages: STAGES.map((s) => s.name).join(' → '),
  usage: 'sitrep cluster --jsonl < articles.jsonl   (lines {"id","text","title"?,"published"?:"YYYY-MM-DD"})',
  async run(argv, ctx) {
    const args = parseArgs(argv, { booleans: ['jsonl'] });
    if (args.positionals.length) throw new UsageError(`unexpected argument "${args.positionals[0]}"`);
    if (!args.booleans.has('jsonl')) throw new UsageError('sitrep cluster needs --jsonl');
    const tagger = loadTagger();
    // Stories are assigned over the whole input, so every record is read (and analyzed) before any is written.
    const rows = await readJsonlRecords(ctx.stdin, (record) => clusterFeatures(record, tagger));
    const ok = rows.flatMap((r) => ('value' in r ? [r.value] : []));
    const { assignment } = clusterStories(ok);
    let k = 0;
    await writeJsonl(
      ctx.stdout,
      rows.map((r) => ('value' in r ? { id: r.id, cluster: `story-${assignment[k++]! + 1}` } : r)),
    );
    return 0;
  },
};
