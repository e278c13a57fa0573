// CPU time of this process (user + system), ms, and the CPU one in-process request to a hono app costs: shared by
// the benches that time the server's answers without a socket (list-cost, list-answer-cost, search-cost,
// search-answer-cost).

/** This process's CPU time so far, ms. */
export const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** Ask `app` for `url` in-process: the CPU it took (body read included) and the body's size; throws unless 200. */
export async function askCpu(app, url) {
  const t = cpuMs();
  const res = await app.request(`http://127.0.0.1${url}`);
  const body = new Uint8Array(await res.arrayBuffer());
  const ms = cpuMs() - t;
  if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
  return { ms, bytes: body.byteLength };
}
