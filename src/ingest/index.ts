export { extractHtml, pageToRawArticle, decodeHtml, type ExtractedPage } from './html/index.js';
export { cleanUrl, dateFromUrl, isDomainFallback, outletFromUrl, outletNameFor } from './url.js';
