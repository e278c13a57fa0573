export { createApp, MAX_BODY_BYTES, type AppOptions, type ServedApp } from './app.js';
export type { Api } from './api.js';
export { TOKEN_HEADER, isWildcard } from './guard.js';
export { storeToken } from './token.js';
export { CopyServer, type CopyAppOptions } from './copy-server.js';
