export { extractHtml, pageToRawArticle } from './extract.js';
export { decodeHtml } from './decode.js';
export type { ExtractedPage } from './types.js';
