import type { DateEvidence } from '../../model/index.js';

/** What main-text extraction reads from one HTML page. */
export interface ExtractedPage {
  title: string;
  /** The article body only, paragraphs separated by a blank line. */
  text: string;
  /** Publication date `YYYY-MM-DD` from page metadata (or, failing that, the URL), else null. */
  published: string | null;
  authors: string[];
  outlet: string | null;
  /** The page's URL: the one given, else its canonical / og:url. */
  url: string | null;
  /** Photo captions removed from the body. */
  captions: string[];
  /** Dated clues: metadata published/updated stamps and the URL date. */
  dateEvidence: DateEvidence[];
}
