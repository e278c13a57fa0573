export * from './doc.js';
export * from './export.js';
export * from './plover.js';
export * from './random.js';
export * from './limits.js';
export * from './doc-index.js';
export * from './stage.js';
export * from './corrections.js';
