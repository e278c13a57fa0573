export { writeJsonExport, type Sink } from './json.js';
export { writePloverExport } from './plover.js';
export { writeGdeltExport, GDELT_COLUMNS } from './gdelt.js';
export { writeCsvExport, CSV_COLUMNS } from './csv.js';
export { CAMEO_OF_PLOVER } from './cameo.js';
