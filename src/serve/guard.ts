import { networkInterfaces, hostname } from 'node:os';
import type { Context, MiddlewareHandler } from 'hono';
import { tokenMatches } from './token.js';

/** The header the UI (and any script) sends the store's token in; `Authorization: Bearer` works too. */
export const TOKEN_HEADER = 'X-Sitrep-Token';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** A wildcard address: the server answers on every interface. */
export function isWildcard(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '[::]';
}

/**
 * The names a client may reach the server by: the loopback names, the `--host` given, and for a wildcard bind
 * this machine's name and addresses. A Host header naming anything else is a DNS-rebinding page (a name the
 * attacker controls, pointed at 127.0.0.1) and is refused.
 */
export function allowedHosts(bound: string): Set<string> {
  const names = new Set(LOOPBACK_NAMES);
  const add = (h: string): void => {
    names.add(h.includes(':') && !h.startsWith('[') ? `[${h.toLowerCase()}]` : h.toLowerCase());
  };
  add(bound);
  if (isWildcard(bound)) {
    add(hostname());
    for (const list of Object.values(networkInterfaces())) for (const i of list ?? []) add(i.address.split('%')[0]!);
  }
  return names;
}

export function hostCheck(hosts: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    // The request URL's host is the Host header's (the node server builds it from that header).
    const name = new URL(c.req.url).hostname.toLowerCase();
    if (!hosts.has(name))
      return c.json({ error: `unknown Host; open the server by one of: ${[...hosts].join(', ')}` }, 403);
    return next();
  };
}

export function presentedToken(c: Context): string | undefined {
  const bearer = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
  return c.req.header(TOKEN_HEADER) ?? bearer;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes (every method but GET/HEAD) need the store's token and must be same-origin JSON: JSON so that a plain
 * HTML form cannot send one, same-origin by `Origin` and `Sec-Fetch-Site` where the browser sends them. With
 * `reads` set (a server open to the network) every API request needs the token.
 */
export function apiGuard(token: string, reads: boolean): MiddlewareHandler {
  return async (c, next) => {
    const write = !SAFE.has(c.req.method);
    if (write || reads) {
      if (!tokenMatches(presentedToken(c), token))
        return c.json(
          { error: `this needs the store's token (${TOKEN_HEADER} header), as sitrep serve prints it` },
          401,
        );
    }
    if (write) {
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? ''))
        return c.json({ error: 'send JSON (Content-Type: application/json)' }, 415);
      const site = c.req.header('sec-fetch-site');
      const origin = c.req.header('origin');
      if (
        (site && site !== 'same-origin' && site !== 'none') ||
        (origin && originHost(origin) !== new URL(c.req.url).host)
      )
        return c.json({ error: 'cross-origin requests are refused' }, 403);
    }
    return next();
  };
}

function originHost(origin: string): string | null {
  try {
    return new URL(origin).host;
  } catch {
    return null;
  }
}
