// CPU time of a list answer as a reader thread makes it, with the node server's lightweight Response (what the reader
// threads use: the body encoded from the string the route made) against the native one (the body read back through
// a stream), in alternating child processes on one read-only store: pages of 50 of the articles, entities, events and
// quotes lists, each asked three times (the statements and counts warm), `process.cpuUsage()` around the whole run.
//
//   node bench/reader-body-cost.js STORE.db [ROUNDS]   (after npm run build)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const [store, roundsArg = '3', mode] = process.argv.slice(2);
if (!store) {
  console.error('usage: node bench/reader-body-cost.js STORE.db [ROUNDS]');
  process.exit(2);
}
const dist = new URL('../dist/', import.meta.url);
if (mode === undefined) {
  const spent = { native: [], light: [] };
  for (let r = 0; r < Number(roundsArg); r++)
    for (const m of r % 2 === 0 ? ['native', 'light'] : ['light', 'native']) {
      const out = spawnSync(process.execPath, [fileURLToPath(import.meta.url), store, '1', m], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(out.stderr);
      spent[m].push(Number(out.stdout.trim()));
    }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  for (const [m, xs] of Object.entries(spent))
    console.log(`${m}: ${mean(xs).toFixed(3)} ms of CPU an answer (runs: ${xs.map((x) => x.toFixed(3)).join(', ')})`);
  console.log(`light / native: ${(mean(spent.light) / mean(spent.native)).toFixed(2)}`);
} else {
  const { bodyOf, useLightResponses } = await import(new URL('serve/light-response.js', dist).href);
  if (mode === 'light') useLightResponses();
  const { Hono } = await import('hono');
  const { openDb } = await import(new URL('store/index.js', dist).href);
  const { readRoutes } = await import(new URL('serve/api.js', dist).href);
  const app = new Hono().route('/api', readRoutes(openDb(store, { readonly: true })));
  const body = mode === 'light' ? bodyOf : async (res) => new Uint8Array(await res.arrayBuffer());
  const urls = [];
  for (let i = 0; i < 400; i++)
    for (const r of ['articles', 'entities', 'events', 'quotes'])
      urls.push(`/api/${r}?offset=${(i * 37) % 2000}&limit=50`);
  const ask = async (u) => {
    const res = await app.request(`http://127.0.0.1${u}`);
    res.headers.get('content-type');
    return body(res);
  };
  for (const u of urls.slice(0, 100)) await ask(u);
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const t = cpu();
  for (let k = 0; k < 3; k++) for (const u of urls) await ask(u);
  console.log(((cpu() - t) / (3 * urls.length)).toFixed(4));
}
