/**
 * The GMB named-entity export (`gmb-ner/ner_dataset.csv.gz` in the shared data: Voice of America news,
 * ~48k sentences, silver labels) read as extra CoNLL-style training text.
 *
 * File: CSV `Sentence #,Word,POS,Tag`, Windows-1252, CRLF; the first column is set only on a sentence's first
 * token; tags are IOB2 over GMB's eight types (listed in `gmbToConll`).
 *
 * Types are mapped to CoNLL-2003's by its guidelines (the shared task's paper of 2003, after MUC and the
 * CoNLL annotation guide):
 * - `geo` → LOC; `org` → ORG;
 * - `gpe`: a proper noun ("Iraq", "North Korea") → LOC; an adjective or plural noun of nationality, religion or
 *   group ("Iraqi", "Kurds", "Sunni") → MISC, as CoNLL types nationalities and adjectives of places MISC;
 *   decided by the part of speech of the span's last token (NNP → LOC, anything else → MISC);
 * - `per` → PER, with leading titles and honorifics ("President", "Prime Minister", "Mr.") taken out of the span:
 *   CoNLL leaves titles outside person names;
 * - `eve` (named events: "World Cup", "Olympics") → MISC, as CoNLL types events MISC;
 * - `tim` → O (CoNLL has no time type);
 * - `art` (products, works, brands, languages) and `nat` (storms, diseases): CoNLL splits these between MISC, ORG
 *   and no entity at all, so a sentence holding one is left out rather than guessed.
 *
 * The file has no document boundaries; its sentences are in corpus order, so consecutive sentences are grouped
 * into pseudo-documents (the document-level features of the tagger see neighbours from the same story most of the
 * time, as in CoNLL's documents of ~15 sentences).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { HONORIFICS, ROLE_MODIFIERS, ROLE_SECTORS } from '../data/roles.js';
import { iobSpans } from './labels.js';
import type { TrainingDocument } from './train.js';

export interface GmbSentence {
  tokens: string[];
  pos: string[];
  /** GMB's own IOB2 tags. */
  tags: string[];
}

export const GMB_FILE = 'gmb-ner/ner_dataset.csv.gz';

/** The fields of one CSV line: quoted fields may hold commas, a doubled quote inside one is a quote. */
export function csvFields(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          field += line.slice(i);
          i = line.length;
          break;
        }
        field += line.slice(i, q);
        if (line[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    } else {
      const c = line.indexOf(',', i);
      const end = c < 0 ? line.length : c;
      field = line.slice(i, end);
      i = end;
    }
    fields.push(field);
    if (line[i] !== ',') return fields;
    i++;
  }
}

/** Parse the CSV text of the GMB export into sentences. */
export function parseGmbCsv(text: string): GmbSentence[] {
  const out: GmbSentence[] = [];
  let cur: GmbSentence | null = null;
  const lines = text.split(/\r?\n/);
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (!line) continue;
    const fields = csvFields(line);
    if (fields.length !== 4) continue;
    const [id, word, pos, tag] = fields as [string, string, string, string];
    if (id !== '' || cur === null) {
      cur = { tokens: [], pos: [], tags: [] };
      out.push(cur);
    }
    cur.tokens.push(word);
    cur.pos.push(pos);
    cur.tags.push(tag);
  }
  return out;
}

/** Sentences of the GMB export in `dataDir`, or [] when it is not there. */
export function readGmb(dataDir: string): GmbSentence[] {
  const path = resolve(dataDir, GMB_FILE);
  if (!existsSync(path)) return [];
  return parseGmbCsv(new TextDecoder('windows-1252').decode(gunzipSync(readFileSync(path))));
}

/** GMB's entity types. */
const GMB_TYPES: ReadonlySet<string> = new Set(['geo', 'org', 'gpe', 'per', 'eve', 'tim', 'art', 'nat']);

/** Lower-cased words that open a title or honorific before a name ("president", "prime", "minister", "mr."). */
const TITLE_WORDS: ReadonlySet<string> = new Set([
  ...[...ROLE_SECTORS.keys()].flatMap((k) => k.split(' ')),
  ...ROLE_MODIFIERS,
  ...HONORIFICS,
]);

function isTitleWord(token: string): boolean {
  const t = token.toLowerCase();
  return TITLE_WORDS.has(t) || TITLE_WORDS.has(t.replace(/\.$/, ''));
}

/**
 * CoNLL-2003 IOB2 tags for one GMB sentence (see the module comment), or null when the sentence holds a type
 * that CoNLL does not type consistently (`art`, `nat`) or a tag this reader does not know.
 */
export function gmbToConll(s: GmbSentence): string[] | null {
  const out = s.tokens.map(() => 'O');
  if (!s.tags.every((t) => t === 'O' || (/^[BI]-/.test(t) && GMB_TYPES.has(t.slice(2))))) return null;
  for (const span of iobSpans(s.tags)) {
    let { start } = span;
    const { end, type } = span;
    let conll: string;
    if (type === 'art' || type === 'nat') return null;
    if (type === 'tim') continue;
    if (type === 'geo') conll = 'LOC';
    else if (type === 'org') conll = 'ORG';
    else if (type === 'eve') conll = 'MISC';
    else if (type === 'gpe') conll = s.pos[end - 1] === 'NNP' ? 'LOC' : 'MISC';
    else {
      conll = 'PER';
      while (start < end && isTitleWord(s.tokens[start]!)) start++;
    }
    for (let i = start; i < end; i++) out[i] = `${i === start ? 'B' : 'I'}-${conll}`;
  }
  return out;
}

export interface GmbDocumentOptions {
  /** Sentences per pseudo-document (default 12). */
  sentencesPerDoc?: number;
  /** Take only the first `share` (0–1] of the corpus's sentences (default 1). */
  share?: number;
}

/** GMB sentences with CoNLL tags, grouped into pseudo-documents of consecutive sentences. */
export function gmbTrainingDocuments(
  sentences: readonly GmbSentence[],
  options: GmbDocumentOptions = {},
): TrainingDocument[] {
  const per = options.sentencesPerDoc ?? 12;
  const n = Math.round(sentences.length * Math.min(1, Math.max(0, options.share ?? 1)));
  const docs: TrainingDocument[] = [];
  for (let i = 0; i < n; i += per) {
    const doc: TrainingDocument = { sentences: [] };
    for (const s of sentences.slice(i, Math.min(n, i + per))) {
      const tags = gmbToConll(s);
      if (tags) doc.sentences.push({ tokens: s.tokens, tags });
    }
    if (doc.sentences.length > 0) docs.push(doc);
  }
  return docs;
}
