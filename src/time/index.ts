export { annotateTime } from './annotate.js';
export { dateOfSpan, calendarDate } from './date-of-span.js';
export { factDate, factDateFields } from './fact-date.js';
export { findTimexes, type TimexOptions } from './timexes.js';
export { documentDates, type DocumentDates } from './document-date.js';
export { readDateline } from './dateline.js';
export type { Tense } from './tense.js';
export { timexesOfText } from './text.js';
export { ownDate, storyEvidence } from './story-date.js';
