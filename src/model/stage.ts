import type { Doc } from './doc.js';

/**
 * Declared pipeline stages, after spaCy's `Language.component(requires=…, assigns=…)` and
 * `nlp.analyze_pipes()`: each stage names the layers of `Doc` it reads and the layers it sets, so a
 * pipeline is a list that can be checked (no stage reads a layer nobody set yet) and planned (the stages
 * a command needs for the layers it prints).
 */

/** A layer of the document: any field of `Doc`. */
export type Layer = keyof Doc;

/** What `createDoc` fills from the article before any stage runs. */
export const INPUT_LAYERS: readonly Layer[] = [
  'id',
  'title',
  'url',
  'outlet',
  'authors',
  'text',
  'captions',
  'published',
  'dateEvidence',
  'origin',
  'warnings',
  'paragraphs',
  'duplicateOf',
  'similarity',
];

/** A pipeline component: reads `requires` (and `uses`, when set), sets `assigns`. */
export interface Stage<Env = void> {
  name: string;
  /** Layers the stage cannot work without: an earlier stage (or the input) must set them. */
  requires: readonly Layer[];
  /**
   * Layers the stage reads when an earlier stage has filled them and does without otherwise (the quotes
   * stage dates a statement from `timexes` when the time stage ran; without it, the quote's date is null).
   */
  uses?: readonly Layer[];
  assigns: readonly Layer[];
  run(doc: Doc, env: Env): void;
}

/** What is wrong with a list of stages, one line each: a required layer no earlier stage (or the input) sets. */
export function stageProblems<Env>(stages: readonly Stage<Env>[]): string[] {
  const set = new Set<Layer>(INPUT_LAYERS);
  const names = new Set<string>();
  const problems: string[] = [];
  for (const s of stages) {
    if (names.has(s.name)) problems.push(`stage "${s.name}" is listed twice`);
    names.add(s.name);
    for (const layer of s.requires)
      if (!set.has(layer)) problems.push(`stage "${s.name}" requires "${layer}", which no earlier stage assigns`);
    for (const layer of s.assigns) set.add(layer);
  }
  return problems;
}

/** Throw when a list of stages is not in an order that works (see `stageProblems`). */
export function checkStages<Env>(stages: readonly Stage<Env>[]): void {
  const problems = stageProblems(stages);
  if (problems.length > 0) throw new Error(`pipeline: ${problems.join('; ')}`);
}

/**
 * The stages, in pipeline order, that a command printing `wanted` layers must run: the stages that
 * assign them and, recursively, the stages assigning what those require. A layer the input already
 * holds needs no stage unless a stage re-assigns it (the time stage re-weighs `published`).
 */
export function planStages<Env>(stages: readonly Stage<Env>[], wanted: readonly Layer[]): Stage<Env>[] {
  const chosen = new Set<Stage<Env>>();
  const need = (layer: Layer, before: number): void => {
    for (let i = before - 1; i >= 0; i--) {
      const s = stages[i]!;
      if (!s.assigns.includes(layer)) continue;
      if (!chosen.has(s)) {
        chosen.add(s);
        for (const r of s.requires) need(r, i);
      }
      return;
    }
    if (!INPUT_LAYERS.includes(layer)) throw new Error(`pipeline: no stage assigns "${layer}"`);
  };
  for (const layer of wanted) need(layer, stages.length);
  return stages.filter((s) => chosen.has(s));
}
