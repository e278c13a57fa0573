/**
 * Readers for the PETRARCH-2 dictionaries (Open Event Data Alliance, MIT): the CAMEO verb-pattern dictionary and
 * the Phoenix agents dictionary, in the formats of their `dictionaries.rst`. Pure functions over the file text;
 * `compile-main.ts` reads the files and writes the project's data modules.
 */

/** A verb pattern: the verbs of its block, the word slots after them (`null` a gap), its CAMEO code. */
export interface VerbPattern {
  verbs: readonly string[];
  slots: readonly (readonly string[] | null)[];
  code: string;
  /** The verb of the block the pattern was written for, when its comment names one ("- * PART [030] # TAKE"). */
  verb: string | null;
  /**
   * The code is for the reverse direction only (`[:code]`, "- * (UNDER FIRE) [:111] # COME"): the event's source is
   * the party the phrase after the verb names ("came under fire from X": X), its target the verb's subject.
   */
  reversed: boolean;
}

export interface VerbDictionary {
  /** Each verb with the code it has on its own (its own or its block's), `null` when it codes nothing alone. */
  verbs: Map<string, string | null>;
  /** Irregular forms given in `{…}` after a verb. */
  forms: Map<string, string[]>;
  patterns: VerbPattern[];
}

const lower = (w: string) => w.toLowerCase().replace(/_/g, ' ').trim();
const stripComment = (line: string) => line.replace(/#.*$/, '').trim();
const codeOf = (s: string): string | null => {
  const m = /\[([^\]]*)\]/.exec(s);
  if (!m) return null;
  const code = m[1]!.trim().split(':')[0]!.trim();
  return /^\d{2,4}$/.test(code) ? code : null;
};

/**
 * A pattern's code: `[A]`, or `[A:B]` where B is the code of the reverse direction (the object's act on the subject:
 * "- * ENVOY [043:042] # RECEIVE"); the forward code A is used when there is one. `[:B]` codes the reverse direction
 * only, and the pattern is `reversed`.
 */
function directedCodeOf(s: string): { code: string; reversed: boolean } | null {
  const m = /\[([^\]]*)\]/.exec(s);
  if (!m) return null;
  const [forward = '', reverse = ''] = m[1]!.split(':').map((c) => c.trim());
  if (/^\d{2,4}$/.test(forward)) return { code: forward, reversed: false };
  if (!forward && /^\d{2,4}$/.test(reverse)) return { code: reverse, reversed: true };
  return null;
}

/** Synonym sets: `&LABEL` followed by `+WORD` lines. */
export function readSynsets(text: string): Map<string, string[]> {
  const sets = new Map<string, string[]>();
  let current: string[] | null = null;
  for (const raw of text.split('\n')) {
    const line = stripComment(raw);
    if (/^&[A-Z_]+$/.test(line)) sets.set(line.replace(/_$/, ''), (current = []));
    else if (line.startsWith('+') && current) current.push(lower(line.slice(1)));
    else if (!line) current = null;
  }
  return sets;
}

/**
 * The post-verb part of a pattern as word slots (`$ + % ^` role markers dropped): a bare word is one slot,
 * `{A B}` consecutive slots, `(PREP X)` the preposition then its object; `&SET` is one slot holding the set's
 * one-word members. `null` stands for a gap between separate phrases. Returns null for a pattern this reader
 * does not take (an undefined set, or one with no one-word member).
 */
export function postVerbSlots(
  post: string,
  synsets: ReadonlyMap<string, readonly string[]>,
): (readonly string[] | null)[] | null {
  const tokens = post
    .replace(/[{}()]/g, (c) => ` ${c} `)
    .split(/\s+/)
    .filter(Boolean);
  const slots: (readonly string[] | null)[] = [];
  let inGroup = false;
  let groupStarted = false;
  for (const t of tokens) {
    if (t === '$' || t === '+' || t === '%' || t === '^' || t === ')') continue;
    if (t === '{' || t === '(') {
      inGroup = t === '{';
      groupStarted = false;
      if (t === '(') slots.push(null);
      continue;
    }
    if (t === '}') {
      inGroup = false;
      continue;
    }
    let words: readonly string[];
    if (t.startsWith('&')) {
      const set = synsets.get(t.replace(/_$/, ''));
      if (!set) return null;
      words = set.filter((w) => !w.includes(' '));
      if (!words.length) return null;
    } else words = [lower(t)];
    if (!(inGroup && groupStarted) && slots[slots.length - 1] !== null) slots.push(null);
    groupStarted = true;
    slots.push(words);
  }
  return slots.some((s) => s !== null) ? slots : null;
}

/** The verb section of CAMEO.2.0.txt: blocks `--- NAME [code] ---`, verb lines, `- … * …  [code]` patterns. */
export function readVerbDictionary(text: string): VerbDictionary {
  const start = text.indexOf('####### VERB PATTERNS');
  const synsets = readSynsets(start >= 0 ? text.slice(0, start) : '');
  const verbs = new Map<string, string | null>();
  const forms = new Map<string, string[]>();
  const patterns: VerbPattern[] = [];
  let blockCode: string | null = null;
  let blockVerbs: string[] = [];
  for (const raw of (start >= 0 ? text.slice(start) : text).split('\n')) {
    if (raw.startsWith('---')) {
      blockCode = codeOf(raw);
      blockVerbs = [];
      continue;
    }
    const line = stripComment(raw);
    if (!line || line.startsWith('~')) continue;
    if (line.startsWith('-')) {
      const named = /#\s*([A-Za-z_+-]+)\s*$/.exec(raw);
      const verb = named ? lower(named[1]!.replace(/\+/g, '')) : null;
      const coded = directedCodeOf(line);
      const body = line.slice(1).replace(/\[[^\]]*\]/, '');
      const star = body.indexOf('*');
      if (!coded || star < 0 || body.slice(0, star).trim()) continue;
      const slots = postVerbSlots(body.slice(star + 1), synsets);
      if (slots && blockVerbs.length)
        patterns.push({
          verbs: blockVerbs,
          slots,
          code: coded.code,
          verb: verb && blockVerbs.includes(verb) ? verb : null,
          reversed: coded.reversed,
        });
      continue;
    }
    // A verb line: "WORD {FORMS} [code]". A multi-word verb must start with its verb ("+CORDON_OFF").
    const m = /^(\S+)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(line);
    if (!m || m[1]!.startsWith('&')) continue;
    const head = m[1]!;
    if (head.includes('+') && !head.startsWith('+')) continue;
    const verb = lower(head.replace(/\+/g, ''));
    if (!/^[a-z][a-z' -]*$/.test(verb)) continue;
    blockVerbs.push(verb);
    verbs.set(verb, (m[3] ? codeOf(m[3]) : null) ?? blockCode);
    if (m[2]) {
      const irregular = m[2]
        .slice(1, -1)
        .split(/\s+/)
        .filter(Boolean)
        .map((f) => lower(f.replace(/\+/g, '')));
      if (irregular.length) forms.set(verb, irregular);
    }
  }
  return { verbs, forms, patterns };
}

/**
 * Phoenix.agents.txt: `PHRASE {PLURALS} [~CODE]` records with `!MACRO!` substitutions (`!PERSON! = MAN, MEN`).
 * Returns lower-case phrase → agent code (the part after `~`), plurals included.
 */
export function readAgents(text: string): Map<string, string> {
  const macros = new Map<string, string[]>();
  const out = new Map<string, string>();
  for (const raw of text.split('\n')) {
    const line = stripComment(raw);
    if (!line) continue;
    const macro = /^(![A-Z]+!)\s*=\s*(.+)$/.exec(line);
    if (macro) {
      macros.set(
        macro[1]!,
        macro[2]!.split(',').map((w) => w.trim()),
      );
      continue;
    }
    const m = /^([^[{]+?)\s*(\{[^}]*\})?\s*\[~?([A-Z]+)\]/.exec(line);
    if (!m) continue;
    const code = m[3]!;
    let phrases = [m[1]!.trim()];
    for (const [name, values] of macros)
      phrases = phrases.flatMap((p) => (p.includes(name) ? values.map((v) => p.split(name).join(v)) : [p]));
    const explicitPlurals = m[2] ? m[2].slice(1, -1).split(/\s+/).filter(Boolean) : null;
    for (const p of phrases) {
      const noPlural = p.endsWith('_');
      const phrase = lower(p.replace(/_$/, ''));
      if (!/^[a-z][a-z .'-]*$/.test(phrase)) continue;
      if (!out.has(phrase)) out.set(phrase, code);
      if (explicitPlurals) {
        for (const q of explicitPlurals) if (!out.has(lower(q))) out.set(lower(q), code);
      } else if (!noPlural) {
        const plural = /(s|x|ch|sh)$/.test(phrase)
          ? `${phrase}es`
          : /[^aeiou]y$/.test(phrase)
            ? `${phrase.slice(0, -1)}ies`
            : /man$/.test(phrase)
              ? `${phrase.slice(0, -3)}men`
              : `${phrase}s`;
        if (!out.has(plural)) out.set(plural, code);
      }
    }
  }
  return out;
}

/** CAMEO2PLOVER-2021.txt: `CODE: TYPE, mode, context # description` → code → PLOVER type. */
export function readCameoPlover(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^(\d{2,4}):\s*([A-Z]+)/.exec(line);
    if (m && !map.has(m[1]!)) map.set(m[1]!, m[2]!);
  }
  return map;
}

/** The PLOVER type of a CAMEO code: the code's own row, else its parent's; `null` for statements and appeals (01, 02). */
export function ploverOf(map: ReadonlyMap<string, string>, code: string): string | null {
  for (let c = code; c.length >= 2; c = c.slice(0, -1)) {
    const t = map.get(c);
    if (t) return t;
  }
  return null;
}
