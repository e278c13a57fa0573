import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

const ROOT = new URL('..', import.meta.url).pathname;
const DIR = join(ROOT, 'test/fixtures/events-aliases');
const ARTICLES = ['expulsion-fjord-wire.txt', 'expulsion-harbour-post.txt'].map((f) => join(DIR, f));

interface ExportedEvent {
  type: string;
  source: string[];
  sourceIds: string[];
  sourceEntities: string[];
  target: string[];
  targetIds: string[];
  targetEntities: string[];
  sourceActors: Array<{ id: string | null; entity: string | null }>;
  articleIds: string[];
}

describe('sitrep analyze --aliases: canonical actors reach the event exports', () => {
  it('renames and merges from the alias file show on events in JSON, CSV, GDELT and PLOVER exports', async () => {
    const db = join(mkdtempSync(join(tmpdir(), 'sitrep-evalias-')), 's.db');
    const run = await runCli([
      'analyze',
      ...ARTICLES,
      '--db',
      db,
      '--aliases',
      join(DIR, 'aliases.json'),
      '--json',
      '-',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as { entities: Array<{ id: string; name: string }>; events: ExportedEvent[] };
    const nameOf = new Map(out.entities.map((e) => [e.id, e.name]));
    expect([...nameOf.values()]).toEqual(expect.arrayContaining(['Kingdom of Norway', 'Republic of Chile']));
    // Every resolved actor carries its entity's canonical name; unresolved ones keep the coder's name.
    for (const e of out.events) {
      for (const a of e.sourceActors) expect(a.entity).toBe(a.id ? nameOf.get(a.id) : null);
      for (const id of e.sourceIds) expect(e.sourceEntities).toContain(nameOf.get(id));
      for (const id of e.targetIds) expect(e.targetEntities).toContain(nameOf.get(id));
    }
    // Both articles report the expulsion: one event, Norway's act against Chile, under the canonical names.
    const expulsion = out.events.find(
      (e) => e.sourceEntities.includes('Kingdom of Norway') && e.targetEntities.includes('Republic of Chile'),
    );
    expect(expulsion?.articleIds).toHaveLength(2);
    expect(expulsion?.source).toEqual(['Norway']);
    const csv = await runCli(['export', '--db', db, '--format', 'csv']);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/,sourceEntities,targetEntities,corrections$/);
    expect(csv.stdout).toContain(',Kingdom of Norway,Republic of Chile');
    const gdelt = await runCli(['export', '--db', db, '--format', 'gdelt']);
    expect(gdelt.stdout).toContain('\tKINGDOM OF NORWAY\t');
    const plover = await runCli(['export', '--db', db, '--format', 'plover']);
    const records = plover.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { source: Array<{ entityName: string | null }> });
    expect(records.some((r) => r.source.some((a) => a.entityName === 'Kingdom of Norway'))).toBe(true);
  });
});
