import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { annotateLanguage } from '../../language/index.js';
import { loadTagger } from '../../language/ner/index.js';
import { createDoc, type Doc, type PloverType, publishedOn, textArticle } from '../../model/index.js';
import { annotateQuotes } from '../../quotes/index.js';
import { annotateTime } from '../../time/index.js';
import { annotateEvents, type CollectedCandidate } from '../annotate.js';

/**
 * Training candidates for the events model: the candidates the rules emit on the TUNING parts of the events bench's
 * gold sets (PLOVER dev half, PETRARCH-2 validation and unit-test sentences, the real-news dev set), each labelled
 * from its sentence's gold. The check parts are never read: the split rules are the bench's own
 * (bench/events/gold.js, bench/devsets/load.js), imported here so the two cannot drift apart.
 */

/** A labelled candidate. `event`: the candidate is (part of) an event of its sentence; null when the gold cannot say. */
export interface Candidate {
  set: string;
  /** The story it belongs to: folds never split one. */
  group: string;
  c: CollectedCandidate;
  event: boolean | null;
  /** The PLOVER type of the act, when the candidate is an event whose type the gold gives. */
  type: PloverType | null;
}

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function makeDoc(id: string, text: string, date: string | null): Doc {
  return createDoc(id, textArticle(text, id, publishedOn(date, 'bench')));
}

const words = (s: string) =>
  new Set(
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 2),
  );

/**
 * The type label of a candidate that is the gold event `goldType`: an intention the rules coded AGREE/THREATEN
 * right keeps the rules' act type (the chooser picks the act; the intention is coded after it).
 */
function actLabel(c: CollectedCandidate, goldType: PloverType, goldAction: PloverType | null): PloverType {
  if (c.view.mode === 'intent' && c.emitted === goldType && c.emitted !== c.view.type) return c.view.type;
  return goldAction ?? goldType;
}

interface GoldEvent {
  type: PloverType;
}

/** Candidates of the training parts, labelled. */
export async function trainingCandidates(): Promise<Candidate[]> {
  const goldModule = await import(pathToFileURL(resolve(ROOT, 'bench/events/gold.js')).href);
  const devModule = await import(pathToFileURL(resolve(ROOT, 'bench/devsets/load.js')).href);
  const tagger = loadTagger();
  const out: Candidate[] = [];
  const run = (doc: Doc, quotes: boolean): CollectedCandidate[] => {
    annotateLanguage(doc, tagger);
    annotateTime(doc);
    if (quotes) annotateQuotes(doc);
    const got: CollectedCandidate[] = [];
    annotateEvents(doc, { model: null, collect: (c) => got.push(c) });
    return got;
  };
  for (const r of goldModule.goldRecords() as Array<{
    set: string;
    id: string;
    story: string;
    split: string;
    text: string;
    date: string | null;
    events: GoldEvent[];
    eventText?: string;
  }>) {
    if (r.split !== 'tune') continue;
    const cands = run(makeDoc(r.id, r.text, r.date), false);
    // The unit-test sentences are variants of a few sentences across their numbered families ("restore … ties" in
    // a dozen): they are one group, so that no fold is scored on a sentence it trained on in another wording.
    const group = r.set === 'petrarch2-unittest' ? r.set : `${r.set}:${r.story}`;
    const types = new Set(r.events.map((e) => e.type));
    for (const c of cands) {
      let event: boolean | null = null;
      let type: PloverType | null = null;
      if (r.events.length === 0) event = false;
      else if (types.has(c.emitted)) {
        event = true;
        type = actLabel(c, c.emitted, null);
      } else if (r.set === 'plover' && r.events.length === 1) {
        // PLOVER gives the event's words: a candidate whose trigger is among them is the gold event, of its type.
        const ev = words(r.eventText ?? '');
        const tw = words(r.text.slice(c.start, c.end));
        if ([...tw].some((w) => ev.has(w))) {
          event = true;
          type = actLabel(c, r.events[0]!.type, null);
        }
      } else if (r.events.length === 1 && cands.length === 1) {
        event = true;
        type = actLabel(c, r.events[0]!.type, null);
      }
      out.push({ set: r.set, group, c, event, type });
    }
  }
  // Real news: the annotation is exhaustive per sentence, with trigger spans.
  const store = new devModule.DocumentStore();
  const records = (
    devModule.loadDevset({ store }) as Array<{
      doc: string;
      split: string;
      published: string | null;
      text: string;
      sentence: { start: number; end: number };
      events: Array<{
        type: PloverType;
        mode: string | null;
        action?: PloverType;
        trigger: { start: number; end: number };
      }>;
    }>
  ).filter((r) => r.split === 'tune');
  const byDoc = new Map<string, CollectedCandidate[]>();
  for (const r of records) {
    if (!byDoc.has(r.doc)) byDoc.set(r.doc, run(makeDoc(r.doc, r.text, r.published), true));
    const group = `realnews:${store.group(r.doc)}`;
    for (const c of byDoc.get(r.doc)!) {
      if (!(c.start < r.sentence.end && c.end > r.sentence.start)) continue;
      const hit =
        r.events.find((g) => c.start < g.trigger.end && c.end > g.trigger.start) ??
        r.events.find((g) => g.type === c.emitted);
      out.push({
        set: 'realnews',
        group,
        c,
        event: !!hit,
        type: hit ? actLabel(c, hit.type, hit.mode === 'intent' ? (hit.action ?? null) : null) : null,
      });
    }
  }
  return out;
}
