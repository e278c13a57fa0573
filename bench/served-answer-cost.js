import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startServe } from './start-serve.js';

const [store, roundsArg = '3', other, requestsArg = '6000', connectionsArg = '50'] = process.argv.slice(2);
if (!store) {
  console.error('usage: node bench/served-answer-cost.js STORE.db [ROUNDS] [OTHER_BUILD_CLI] [REQUESTS] [CONNECTIONS]');
  process.exit(2);
}
const ROUNDS = Number(roundsArg);
const REQUESTS = Number(requestsArg);
const CONNECTIONS = Number(connectionsArg);
const ONLY = process.env.SERVED_COST_ONLY;
const builds = { this: fileURLToPath(new URL('../dist/cli/main.js', import.meta.url)) };
if (other) builds.other = other;

/** CPU seconds the process has used so far, every thread (Linux clock ticks of 1/100 s). */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

function serve(cli, db) {
  const nodeArgs = (process.env.SERVED_COST_NODE_ARGS ?? '').split(' ').filter(Boolean);
  // SERVED_COST_ARGS: more arguments of `sitrep serve` (`--readers 0`).
  const args = (process.env.SERVED_COST_ARGS ?? '').split(' ').filter(Boolean);
  return startServe({ cli, db, args, nodeArgs });
}

// A seeded random (mulberry32): every build and round asks the same URLs in the same order.
function seeded(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const LISTS = ['articles', 'entities', 'events', 'quotes', 'claims', 'timeline'];
const workloads = {
  hit: () => () => '/api/events?offset=123&limit=50',
  // The load bench's lists scenario: its five lists (no claims), random offsets among the first 5,000 rows.
  'load-lists': () => {
    const random = seeded(20261207);
    const five = LISTS.filter((l) => l !== 'claims');
    return () => `/api/${five[Math.floor(random() * five.length)]}?offset=${Math.floor(random() * 5000)}&limit=50`;
  },
  // A miss whose route does no store work (the counts are kept): what the path of a missed answer costs by itself.
  miss: () => {
    let i = 0;
    return () => `/api/stats?miss=${i++}`;
  },
  lists: () => {
    const random = seeded(20261207);
    return () => `/api/${LISTS[Math.floor(random() * LISTS.length)]}?offset=${Math.floor(random() * 5000)}&limit=50`;
  },
};

async function measure(cli, workload) {
  const db = store.replace(/\.db$/, '.cost.db');
  for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  copyFileSync(store, db);
  const { child, base } = await serve(cli, db);
  try {
    // Warm-up (statements, counts, the first page reads), not counted.
    for (const l of LISTS) await (await fetch(`${base}/api/${l}?limit=50`)).arrayBuffer();
    const next = workloads[workload]();
    const before = cpuSeconds(child.pid);
    const r = await autocannon({
      url: base,
      connections: CONNECTIONS,
      amount: REQUESTS,
      timeout: 30,
      requests: [{ setupRequest: (req) => ({ ...req, path: next() }) }],
    });
    const cpu = cpuSeconds(child.pid) - before;
    const answers = r.requests.total;
    return { ms: (1000 * cpu) / answers, errors: r.errors + r.non2xx, answers, rps: r.requests.average };
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    for (const f of [db, `${db}-wal`, `${db}-shm`]) rmSync(f, { force: true });
  }
}

const names = Object.keys(builds);
for (const workload of Object.keys(workloads).filter((w) => !ONLY || ONLY.split(',').includes(w))) {
  const spent = Object.fromEntries(names.map((n) => [n, []]));
  for (let round = 0; round < ROUNDS; round++)
    for (const n of round % 2 === 0 ? names : [...names].reverse()) {
      const m = await measure(builds[n], workload);
      spent[n].push(m.ms);
      console.log(
        `  ${workload} round ${round + 1} ${n}: ${m.ms.toFixed(3)} ms of server CPU an answer (${m.answers} answers, ` +
          `${m.errors} errors, ${m.rps.toFixed(0)} req/s; load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`,
      );
    }
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `${workload}: ${names.map((n) => `${n} ${mean(spent[n]).toFixed(3)} ms`).join(', ')}` +
      (names.length > 1 ? ` (this / other ${(mean(spent.this) / mean(spent.other)).toFixed(2)})` : ''),
  );
}
