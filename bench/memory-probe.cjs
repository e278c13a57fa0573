// Preloaded into a server by the load bench (`node --require bench/memory-probe.cjs`; Node preloads it into every
// worker thread too): each thread appends, once a second, one JSON line of its own memory to the file named by
// SITREP_MEMORY_PROBE — its V8 heap (used, total, old space), external memory and array buffers — and the main thread
// adds the process's RSS and /proc/self/smaps_rollup (anonymous, file-backed). Nothing else is changed in the server.
const { appendFileSync, readFileSync } = require('node:fs');
const v8 = require('node:v8');
const { isMainThread, threadId, workerData } = require('node:worker_threads');

const file = process.env.SITREP_MEMORY_PROBE;
if (file) {
  const mb = (n) => Math.round((n / 1048576) * 10) / 10;
  const kind = isMainThread ? 'main' : workerData?.api ? 'reader' : 'worker';
  const sample = () => {
    const m = process.memoryUsage();
    const h = v8.getHeapStatistics();
    const old = v8.getHeapSpaceStatistics().find((s) => s.space_name === 'old_space');
    const line = {
      t: Date.now(),
      thread: threadId,
      kind,
      heapUsed: mb(h.used_heap_size),
      heapTotal: mb(h.total_heap_size),
      heapLimit: mb(h.heap_size_limit),
      oldUsed: mb(old?.space_used_size ?? 0),
      oldSize: mb(old?.space_size ?? 0),
      external: mb(m.external),
      arrayBuffers: mb(m.arrayBuffers),
      malloced: mb(h.malloced_memory),
    };
    if (isMainThread) {
      line.rss = mb(m.rss);
      const smaps = readFileSync('/proc/self/smaps_rollup', 'utf8');
      for (const k of ['Anonymous', 'Private_Dirty', 'Shared_Clean', 'Private_Clean']) {
        const kb = Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(smaps)?.[1] ?? Number.NaN);
        line[k] = Math.round(kb / 102.4) / 10;
      }
    }
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  };
  setInterval(sample, 1000).unref();
}
