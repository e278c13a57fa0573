export { segmentDump, segmentText } from './segmenter.js';
export { outletFromCredits } from './credit-outlet.js';
export { cleanUrl, dateFromUrl, outletFromUrl } from './url.js';
export { repairMojibake } from './mojibake.js';
export { isCaption, isChrome, isSubhead, parseSourceLine, parseDateline } from './classify.js';
