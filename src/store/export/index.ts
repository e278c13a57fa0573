export { writeJsonExport, type Sink } from './json.js';
