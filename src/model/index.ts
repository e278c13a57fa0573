export * from './doc.js';
export * from './export.js';
