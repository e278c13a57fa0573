/**
 * Mojibake repair: UTF-8 bytes that were decoded as Windows-1252 ("â€™" for "’", "Ã©" for "é").
 * A suspicious run is re-encoded to Windows-1252 bytes and decoded as UTF-8; it is replaced only when
 * that decoding is valid — unambiguous repairs only. U+FFFD (characters already lost) is flagged.
 */

/** Windows-1252 bytes 0x80–0x9F by the character they decode to. */
const CP1252_HIGH: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

const CONT = '[\\u0080-\\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ]';
/** A lead byte (Â–ô as Latin-1) followed by the continuation bytes its sequence needs. */
const SUSPECT = new RegExp(`[\\u00C2-\\u00DF]${CONT}|[\\u00E0-\\u00EF]${CONT}{2}|[\\u00F0-\\u00F4]${CONT}{3}`, 'g');

function toCp1252Bytes(s: string): number[] | null {
  const out: number[] = [];
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff) || (code >= 0x80 && code <= 0x9f)) out.push(code);
    else if (CP1252_HIGH[ch] !== undefined) out.push(CP1252_HIGH[ch]!);
    else return null;
  }
  return out;
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export interface MojibakeResult {
  text: string;
  repaired: number;
  /** Characters already lost (U+FFFD) or mojibake that could not be repaired unambiguously. */
  lost: number;
}

/**
 * "â€" whose third byte was dropped (0x9D has no Windows-1252 character, so many pipelines lose it):
 * it is a closing double quote only when an opening one precedes it on the line; otherwise it stays
 * and is counted as lost.
 */
function repairOrphanQuote(line: string): { text: string; repaired: number; unresolved: number } {
  let repaired = 0;
  let unresolved = 0;
  let open = 0;
  const text = line.replace(/“|”|â€(?![\u0080-\u00BF€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ])/g, (m) => {
    if (m === '“') open++;
    else if (m === '”') open = Math.max(0, open - 1);
    else if (open > 0) {
      open--;
      repaired++;
      return '”';
    } else unresolved++;
    return m;
  });
  return { text, repaired, unresolved };
}

export function repairMojibake(text: string): MojibakeResult {
  let repaired = 0;
  const fixed = /[\u00C2-\u00F4]/.test(text)
    ? text.replace(SUSPECT, (m) => {
        const bytes = toCp1252Bytes(m);
        if (!bytes) return m;
        try {
          const decoded = decoder.decode(Uint8Array.from(bytes));
          repaired++;
          return decoded;
        } catch {
          return m;
        }
      })
    : text;
  let lost = 0;
  let out = fixed;
  if (fixed.includes('â€')) {
    const orphan = repairOrphanQuote(fixed.replace(/\u009D/g, ''));
    out = orphan.text;
    repaired += orphan.repaired;
    lost += orphan.unresolved;
  }
  for (let i = out.indexOf('\uFFFD'); i >= 0; i = out.indexOf('\uFFFD', i + 1)) lost++;
  return { text: out, repaired, lost };
}
