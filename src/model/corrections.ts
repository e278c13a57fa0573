import type { EntityType } from './doc.js';
import type { Evidence } from './export.js';

/**
 * An analyst's correction of the derived picture, as stored (`corrections` table) and exported. The target is
 * named by what survives a re-analysis: actor keys and names (not entity ids, which follow the canonical name),
 * evidence spans (not event ids, which follow the merged cluster), a quote's article and span.
 */
export type Correction =
  | CorrectionOf<'actor.merge', { name: string; type?: EntityType; aliases: string[] }>
  | CorrectionOf<'actor.split', { keys: string[] }>
  | CorrectionOf<'actor.rename', { name: string; keys: string[] }>
  | CorrectionOf<'event.type', { type: string; evidence: Evidence[] }>
  | CorrectionOf<'event.actors', { sourceKeys: string[]; targetKeys: string[]; evidence: Evidence[] }>
  | CorrectionOf<'event.wrong', { evidence: Evidence[] }>
  | CorrectionOf<
      'quote.speaker',
      {
        articleId: string;
        start: number;
        end: number;
        speakerKey: string;
        speakerName: string;
        /** The speaker before the correction, put back when it is undone. */
        before: { speakerKey: string | null; speakerName: string | null };
      }
    >
  | CorrectionOf<
      'article.split',
      {
        /** The article the segmenter made of two, and where (a UTF-16 offset into its text) the second begins. */
        articleId: string;
        offset: number;
        /** The ids of the two articles it became (derived from `articleId` and `offset`, so a re-analysis finds them). */
        parts: [string, string];
      }
    >
  | CorrectionOf<
      'article.join',
      {
        /** Two articles of one source, in source order, that the segmenter cut out of one. */
        articleIds: [string, string];
        /** The id of the article they became (derived from the two). */
        joined: string;
      }
    >;

interface CorrectionOf<K extends string, P> {
  id: number;
  kind: K;
  /** What was corrected when the correction was made: an entity, event or quote id (for people; see payload). */
  target: string;
  payload: P;
  note: string | null;
  createdAt: string;
  undoneAt: string | null;
}

export type CorrectionKind = Correction['kind'];

export const CORRECTION_KINDS: readonly CorrectionKind[] = [
  'actor.merge',
  'actor.split',
  'actor.rename',
  'event.type',
  'event.actors',
  'event.wrong',
  'quote.speaker',
  'article.split',
  'article.join',
];
