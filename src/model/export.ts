import type { Correction } from './corrections.js';
/**
 * The export record types — a stable contract (see schema/export.schema.json and the README codebook).
 * Extend with new optional fields; never rename, remove or change the type of a shipped field.
 */
import type { ClaimStance, EntityType, Precision, DateSource, FactDateSource } from './doc.js';

export const EXPORT_SCHEMA_VERSION = '1.0.0';

export interface Evidence {
  articleId: string;
  start: number;
  end: number;
}

export interface ExportArticle {
  id: string;
  title: string;
  url: string | null;
  outlet: string | null;
  published: string | null;
  publishedPrecision: Precision | null;
  publishedFrom: DateSource | null;
  text: string;
  captions: string[];
  authors?: string[];
  anchor?: string | null;
  anchorFrom?: DateSource | null;
  duplicateOf?: string | null;
  similarity?: number | null;
  /** Dump articles: how sure segmentation is of where the article starts and ends (0–1). */
  boundaryConfidence?: number;
}

export interface ExportEntity {
  id: string;
  name: string;
  type: EntityType;
  aliases: string[];
  mentions: number;
  code?: string | null;
  roles?: string[];
}

export interface ExportQuote {
  id: string;
  articleId: string;
  start: number;
  end: number;
  text: string;
  direct: boolean;
  speakerId: string | null;
  speaker: string | null;
  cue?: { start: number; end: number; text: string } | null;
  speakerSpan?: { start: number; end: number; text: string } | null;
  date?:
    | string
    | null /** Precision of `date`; where it comes from (see `FactDateSource`); its days for a week; the article's date. */;
  datePrecision?: Precision | null;
  dateFrom?: FactDateSource | null;
  dateRange?: { start: string; end: string } | null;
  reported?: string | null;
  /** The quoted parts of a statement interrupted by its attribution; absent for a quote in one piece. */
  parts?: { start: number; end: number; text: string }[];
  /** Whom the statement is addressed to, when the text names them ("told X", "in a letter to X"). */
  addressee?: { start: number; end: number; text: string };
}

export interface ExportEvent {
  id: string;
  type: string;
  sourceIds: string[];
  targetIds: string[];
  source: string[];
  target: string[];
  date: string | null;
  location: string | null;
  articleIds: string[];
  evidence: Evidence[];
  attributes: Record<string, unknown>;
  mode?: string | null;
  negated?: boolean;
  hypothetical?: boolean;
  mentions?: number;
  datePrecision?: Precision | null;
  /** The actors as written in the first mention, with their CAMEO-style codes and entity ids. */
  sourceActors?: ExportEventActor[];
  targetActors?: ExportEventActor[];
  /** Canonical names of the source and target actors: the resolved entity's name (after the alias file's merges
   * and renames), else the name the coder gave; one per distinct actor, in order. */
  sourceEntities?: string[];
  targetEntities?: string[];
  /** The ids of the analyst's corrections that changed this event (see the export's `corrections`). */
  corrections?: number[];
}

export interface ExportEventActor {
  text: string;
  name: string;
  code: string;
  id: string | null;
  /** The canonical name of the entity `id` (after the alias file's merges and renames); null when unresolved. */
  entity?: string | null;
}

export interface ExportClaim {
  id: string;
  proposition: string;
  claimantId: string | null;
  claimant?: string | null;
  stance: ClaimStance;
  targetIds: string[];
  date: string | null;
  /** Precision of `date`; where it comes from (see `FactDateSource`); its days for a week; the article's date. */
  datePrecision?: Precision | null;
  dateFrom?: FactDateSource | null;
  dateRange?: { start: string; end: string } | null;
  reported?: string | null;
  evidence: Evidence[];
}

export interface ExportClaimGroup {
  id: string;
  proposition: string;
  claimIds: string[];
}

export interface ExportData {
  schemaVersion?: string;
  articles: ExportArticle[];
  entities: ExportEntity[];
  quotes: ExportQuote[];
  events: ExportEvent[];
  claims?: ExportClaim[];
  claimGroups?: ExportClaimGroup[];
  /** The analyst's corrections, undone ones included (with `undoneAt`), oldest first. */
  corrections?: Correction[];
}
