export { annotateTime } from './annotate.js';
export { dateOfSpan, calendarDate } from './dateOfSpan.js';
export { findTimexes, type TimexOptions } from './timexes.js';
export { documentDates, type DocumentDates } from './documentDate.js';
export { readDateline } from './dateline.js';
export { tenseAt, type Tense } from './tense.js';
export { timexesOfText } from './text.js';
export { ownDate, storyEvidence } from './storyDate.js';
