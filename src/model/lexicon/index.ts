export * from './case.js';
export * from './months.js';
export * from './numbers.js';
export * from './stop-words.js';
export * from './weekdays.js';
