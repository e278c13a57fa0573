import { describe, expect, it } from 'vitest';
import { createDoc, stageProblems, type Doc, type Layer } from '../model/index.js';
import { STAGES, stagesFor, type PipelineEnv } from './stages.js';

const TEXT = [
  'GENEVA, March 3 (Wire) — Foreign Minister Ana Lind said on Tuesday that Norway would send aid to Ukraine.',
  '“We will not wait for the next winter,” Lind told reporters. Russia’s army shelled Kharkiv on Monday, officials said.',
  'Moscow denied the report. The talks resume next week in Geneva, the ministry said.',
].join('\n\n');

function article(): Doc {
  return createDoc('a1', {
    title: 'Norway pledges aid',
    url: 'https://news.example/2024/03/05/aid',
    outlet: 'Example News',
    text: TEXT,
    captions: [],
    dateEvidence: [],
    origin: 'test',
    warnings: [],
    published: { value: '2024-03-05', precision: 'day', from: 'metadata' },
  });
}

/** The doc seen through a proxy that records which fields are read and written. */
function watched(doc: Doc): { doc: Doc; reads: Set<string>; writes: Set<string> } {
  const reads = new Set<string>();
  const writes = new Set<string>();
  const proxy = new Proxy(doc, {
    get(target, key, receiver) {
      if (typeof key === 'string') reads.add(key);
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver) {
      if (typeof key === 'string') writes.add(key);
      return Reflect.set(target, key, value, receiver);
    },
  });
  return { doc: proxy, reads, writes };
}

/** Without a model the entities stage falls back to the gazetteer and honorific rules: enough to feed the rest. */
const ENV: PipelineEnv = { tagger: () => undefined };

describe('STAGES', () => {
  it('are in an order where every stage finds what it requires', () => {
    expect(stageProblems(STAGES)).toEqual([]);
  });

  it('read only the layers they declare and set only the layers they assign', () => {
    const doc = article();
    for (const stage of STAGES) {
      const w = watched(doc);
      stage.run(w.doc, ENV);
      const declared = new Set<string>([...stage.requires, ...(stage.uses ?? []), ...stage.assigns]);
      expect(
        [...w.reads].filter((k) => !declared.has(k)),
        stage.name,
      ).toEqual([]);
      expect(
        [...w.writes].filter((k) => !stage.assigns.includes(k as Layer)),
        stage.name,
      ).toEqual([]);
    }
    expect(doc.entities.length).toBeGreaterThan(0);
    expect(doc.quotes.length).toBeGreaterThan(0);
    expect(doc.timexes.length).toBeGreaterThan(0);
  });

  it('plan the JSONL commands: quotes without the time stage, events with it', () => {
    expect(stagesFor(['quotes']).map((s) => s.name)).toEqual(['tokenize', 'entities', 'quotes']);
    expect(stagesFor(['events']).map((s) => s.name)).toEqual(['tokenize', 'entities', 'time', 'events']);
  });
});
