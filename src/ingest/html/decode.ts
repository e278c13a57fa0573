import iconv from 'iconv-lite';

/**
 * Bytes of an HTML page → text, choosing the encoding as browsers do: byte-order mark first, then the
 * HTTP `Content-Type` charset, then a `<meta charset>` / `http-equiv` declaration near the top; with none,
 * UTF-8 when the bytes are valid UTF-8, else Windows-1252 (the web's Latin-1).
 */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return utf8(bytes.subarray(3));
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe)
    return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff)
    return iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be');
  const declared = charsetLabel(contentType ?? null) ?? metaCharset(bytes);
  const label = declared ? normalizeLabel(declared) : null;
  if (label === 'utf-8') return utf8(bytes);
  if (label && label !== 'utf-8') return iconv.decode(Buffer.from(bytes), label);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return iconv.decode(Buffer.from(bytes), 'windows-1252');
  }
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** The `charset=` parameter of a Content-Type value. */
function charsetLabel(contentType: string | null): string | null {
  if (!contentType) return null;
  const m = /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType);
  return m ? m[1]! : null;
}

/** A charset declared by `<meta charset>` or `<meta http-equiv="Content-Type" content="…charset=…">` in the first 4 KB. */
function metaCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const metas = head.match(/<meta\b[^>]*>/gi) ?? [];
  for (const tag of metas) {
    const direct = /\bcharset\s*=\s*["']?\s*([\w.:-]+)/i.exec(tag);
    if (direct) return direct[1]!;
  }
  return null;
}

/** A WHATWG-style label → an encoding iconv-lite knows, or null when unknown (then we sniff). */
function normalizeLabel(label: string): string | null {
  const l = label.trim().toLowerCase();
  // Browsers read these as Windows-1252, and pages labelled so routinely contain its extra characters.
  if (
    ['iso-8859-1', 'iso8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'l1', 'cp1252', 'x-user-defined'].includes(l)
  )
    return 'windows-1252';
  // A page that reached us as bytes cannot really be UTF-16 if the meta tag was readable as ASCII.
  if (l === 'utf8' || l === 'utf-8' || l === 'unicode-1-1-utf-8' || l.startsWith('utf-16')) return 'utf-8';
  return iconv.encodingExists(l) ? l : null;
}
