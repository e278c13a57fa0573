/** Shapes of the JSON API (mirrors the export records). */
export interface ArticleSummary {
  id: string;
  title: string;
  outlet: string | null;
  url: string | null;
  published: string | null;
  publishedPrecision: string | null;
}
export interface Page<T> {
  offset: number;
  limit: number;
  total: number;
  items: T[];
}
export interface Mention {
  start: number;
  end: number;
  text: string;
  type: string;
  entityId: string | null;
  name: string | null;
  role: string | null;
}
export interface Paragraph {
  start: number;
  end: number;
  kind: 'body' | 'subhead' | 'standfirst';
}
export interface Quote {
  id: string;
  articleId: string;
  start: number;
  end: number;
  text: string;
  direct: boolean;
  speaker: string | null;
  speakerId: string | null;
}
export interface EventRecord {
  id: string;
  type: string;
  source: string[];
  target: string[];
  sourceIds: string[];
  targetIds: string[];
  date: string | null;
  datePrecision?: string | null;
  location: string | null;
  articleIds: string[];
  evidence: Array<{ articleId: string; start: number; end: number }>;
  attributes: Record<string, unknown>;
  mode?: string | null;
  negated?: boolean;
  hypothetical?: boolean;
  mentions?: number;
}
export interface ArticleDetail extends ArticleSummary {
  text: string;
  captions: string[];
  paragraphs: Paragraph[];
  mentions: Mention[];
  quotes: Quote[];
  events: EventRecord[];
  publishedFrom: string | null;
  anchor: string | null;
  warnings: string[];
  authors: string[];
}
export interface Entity {
  id: string;
  name: string;
  type: string;
  aliases: string[];
  mentions: number;
  code?: string | null;
  roles?: string[];
}
export interface SearchHit {
  id: string;
  title: string;
  outlet: string | null;
  published: string | null;
  score: number;
  snippet: string;
}
export interface ActorMentions {
  offset: number;
  limit: number;
  total: number;
  entity: Entity;
  items: Array<{
    id: string;
    title: string;
    outlet: string | null;
    published: string | null;
    mentions: number;
    snippets: Array<{ start: number; end: number; before: string; text: string; after: string }>;
  }>;
}
