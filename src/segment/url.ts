/** The pure URL helpers live in ingest (the first stage) so that HTML extraction can use them too. */
export { cleanUrl, dateFromUrl, isDomainFallback, outletFromUrl, outletNameFor } from '../ingest/url.js';
