import { lookup as dnsLookup, type LookupAddress, type LookupAllOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { LIMITS } from '../model/index.js';
import { blockedAddressReason } from './address-policy.js';

/**
 * The one way sitrep fetches from the network. Guards against server-side request forgery and abuse:
 * only http(s); every address a host resolves to (on every redirect hop, checked at connect time so DNS
 * rebinding cannot slip through) must be public unicast unless `allowPrivate`; capped size (also after
 * decompression), total time and redirects; content types checked.
 */
export interface FetchOptions {
  allowPrivate?: boolean;
  /** Largest body accepted, after decompression (default `LIMITS.fetchBytes`). */
  maxBytes?: number;
  /** Whole-request deadline including redirects (default `LIMITS.fetchTimeoutMs`). */
  timeoutMs?: number;
  maxRedirects?: number;
  /** Which content types are accepted for a 2xx answer (default: any). */
  accept?: ContentKind;
  /** Extra request headers (If-None-Match, If-Modified-Since …). */
  headers?: Record<string, string>;
  /** Name resolution (default: the system's); every address it gives is checked by the guard. */
  resolver?: Resolver;
}

export type ContentKind = 'html' | 'feed' | 'text' | 'any';

export interface FetchResult {
  /** The final URL after redirects. */
  url: string;
  status: number;
  headers: Record<string, string>;
  contentType: string | null;
  body: Buffer;
  /** A conditional request answered 304: `body` is empty. */
  notModified: boolean;
}

export type FetchErrorCode =
  | 'bad-url'
  | 'blocked'
  | 'too-large'
  | 'timeout'
  | 'redirects'
  | 'status'
  | 'content-type'
  | 'network';

export class FetchError extends Error {
  constructor(
    readonly code: FetchErrorCode,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }

  /** Worth trying again later (network trouble, 429, 5xx, time-out). */
  get retryable(): boolean {
    return (
      this.code === 'network' ||
      this.code === 'timeout' ||
      (this.code === 'status' && (this.status === 429 || (this.status ?? 0) >= 500))
    );
  }
}

export const USER_AGENT = 'sitrep/0.1 (news analysis; +https://github.com/)';
export const MAX_FETCH_BYTES = LIMITS.fetchBytes;

const CONTENT_TYPES: Record<ContentKind, RegExp> = {
  html: /^(?:text\/html|application\/xhtml\+xml)\b/i,
  feed: /^(?:application\/(?:rss|atom|rdf|feed)\+xml|application\/xml|text\/xml|application\/x-rss\+xml|text\/rss\+xml|text\/atom\+xml|text\/plain)\b/i,
  text: /^text\//i,
  any: /^/,
};

/** Name resolution: all addresses of a host (the system resolver unless a caller injects one). */
export type Resolver = (hostname: string, options: LookupAllOptions) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname, options) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, options, (err, addresses) => (err ? reject(err) : resolve(addresses))),
  );

/**
 * The guard's decision on what a host resolved to: every address must be allowed (an attacker's name can
 * resolve to one public and one private address). Returns why not, or null.
 */
export function refusedResolution(hostname: string, addresses: readonly LookupAddress[]): string | null {
  for (const a of addresses) {
    const reason = blockedAddressReason(a.address);
    if (reason) return `refused: ${hostname} resolves to ${reason} (use --allow-private to allow)`;
  }
  return null;
}

function guardedLookup(allowPrivate: boolean, resolver: Resolver): LookupFunction {
  return ((
    hostname: string,
    options: { all?: boolean },
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    const fail = (err: NodeJS.ErrnoException): void => callback(err, options.all ? [] : '');
    resolver(hostname, { ...options, all: true }).then((list) => {
      const refused = allowPrivate ? null : refusedResolution(hostname, list);
      if (refused) return fail(Object.assign(new Error(refused), { code: 'SITREP_BLOCKED' }));
      if (list.length === 0) return fail(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }));
      if (options.all) callback(null, list);
      else callback(null, list[0]!.address, list[0]!.family);
    }, fail);
  }) as unknown as LookupFunction;
}

function parseUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError('bad-url', `not a URL: ${raw}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new FetchError('bad-url', `only http and https URLs can be fetched: ${raw}`);
  if (url.username || url.password) throw new FetchError('bad-url', `URLs with credentials are refused: ${url.host}`);
  return url;
}

function checkLiteralHost(url: URL, allowPrivate: boolean): void {
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (allowPrivate || isIP(host) === 0) return;
  const reason = blockedAddressReason(host);
  if (reason) throw new FetchError('blocked', `refused: ${reason} (use --allow-private to allow)`);
}

interface Hop {
  res: IncomingMessage;
  url: URL;
}

function requestOnce(
  url: URL,
  options: Required<Pick<FetchOptions, 'allowPrivate'>> & FetchOptions,
  signal: AbortSignal,
): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = request(url, {
      method: 'GET',
      signal,
      lookup: guardedLookup(options.allowPrivate, options.resolver ?? systemResolver),
      headers: {
        'user-agent': USER_AGENT,
        accept:
          options.accept === 'feed'
            ? 'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1'
            : 'text/html, application/xhtml+xml, */*;q=0.5',
        'accept-encoding': 'gzip, deflate, br',
        ...options.headers,
      },
    });
    req.on('response', (res) => resolve({ res, url }));
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'SITREP_BLOCKED') reject(new FetchError('blocked', err.message));
      else if (signal.aborted) reject(new FetchError('timeout', `timed out fetching ${url.href}`));
      else reject(new FetchError('network', `${url.host}: ${err.message}`));
    });
    req.end();
  });
}

async function readBody(hop: Hop, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const { res } = hop;
  const declared = Number(res.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) {
    res.destroy();
    throw new FetchError('too-large', `${hop.url.href}: ${declared} bytes is over the ${maxBytes}-byte limit`);
  }
  const coding = String(res.headers['content-encoding'] ?? '')
    .toLowerCase()
    .trim();
  const stream: NodeJS.ReadableStream =
    coding === 'gzip' || coding === 'x-gzip'
      ? res.pipe(createGunzip())
      : coding === 'deflate'
        ? res.pipe(createInflate())
        : coding === 'br'
          ? res.pipe(createBrotliDecompress())
          : res;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const b = chunk as Buffer;
      total += b.length;
      if (total > maxBytes)
        throw new FetchError('too-large', `${hop.url.href}: body is over the ${maxBytes}-byte limit`);
      chunks.push(b);
    }
  } catch (err) {
    res.destroy();
    if (err instanceof FetchError) throw err;
    if (signal.aborted) throw new FetchError('timeout', `timed out reading ${hop.url.href}`);
    throw new FetchError('network', `${hop.url.host}: ${err instanceof Error ? err.message : String(err)}`);
  }
  return Buffer.concat(chunks);
}

function flatHeaders(res: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(res.headers)) if (v !== undefined) out[k] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

/** Fetch a URL under the guard. Throws `FetchError` with a clear message on any refusal or failure. */
export async function guardedFetch(raw: string, options: FetchOptions = {}): Promise<FetchResult> {
  const opts = { ...options, allowPrivate: options.allowPrivate ?? false };
  const maxBytes = options.maxBytes ?? MAX_FETCH_BYTES;
  const maxRedirects = options.maxRedirects ?? LIMITS.fetchRedirects;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? LIMITS.fetchTimeoutMs);
  try {
    let url = parseUrl(raw);
    for (let hops = 0; ; hops++) {
      checkLiteralHost(url, opts.allowPrivate);
      const hop = await requestOnce(url, opts, controller.signal);
      const status = hop.res.statusCode ?? 0;
      if (status >= 300 && status < 400 && status !== 304) {
        hop.res.resume();
        const location = hop.res.headers.location;
        if (!location) throw new FetchError('status', `${url.href}: redirect (${status}) without a Location`, status);
        if (hops >= maxRedirects) throw new FetchError('redirects', `${raw}: more than ${maxRedirects} redirects`);
        let next: URL;
        try {
          next = new URL(location, url);
        } catch {
          throw new FetchError('bad-url', `${url.href}: redirect to an invalid URL`);
        }
        url = parseUrl(next.href);
        continue;
      }
      const headers = flatHeaders(hop.res);
      const contentType = headers['content-type'] ?? null;
      if (status === 304) {
        hop.res.resume();
        return { url: url.href, status, headers, contentType, body: Buffer.alloc(0), notModified: true };
      }
      if (status < 200 || status >= 300) {
        hop.res.resume();
        throw new FetchError('status', `${url.href}: HTTP ${status}`, status);
      }
      const kind = options.accept ?? 'any';
      if (kind !== 'any' && contentType !== null && !CONTENT_TYPES[kind].test(contentType.trim())) {
        hop.res.destroy();
        throw new FetchError('content-type', `${url.href}: content type ${contentType} is not ${kind}`);
      }
      const body = await readBody(hop, maxBytes, controller.signal);
      return { url: url.href, status, headers, contentType, body, notModified: false };
    }
  } catch (err) {
    if (err instanceof FetchError) throw err;
    if (controller.signal.aborted) throw new FetchError('timeout', `timed out fetching ${raw}`);
    throw new FetchError('network', err instanceof Error ? err.message : String(err));
  } finally {
    clearTimeout(timer);
  }
}
