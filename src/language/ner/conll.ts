/**
 * CoNLL-2003 reading: `token [POS chunk …] [NER]`, one token per line, blank line between sentences,
 * `-DOCSTART-` lines between documents.
 */

export interface ConllSentence {
  tokens: string[];
  /** The last column of each line (the gold tag) when the file carries one. */
  tags: string[];
}

export interface ConllDocument {
  sentences: ConllSentence[];
}

export function isDocStart(line: string): boolean {
  return line.startsWith('-DOCSTART-');
}

/** The token of a CoNLL line (its first whitespace-separated field). */
export function lineToken(line: string): string {
  const m = /^\S+/.exec(line);
  if (!m) throw new Error(`not a CoNLL token line: ${JSON.stringify(line.slice(0, 40))}`);
  return m[0];
}

/** Parse a labelled CoNLL file (tag = last column) into documents. */
export function parseConll(text: string): ConllDocument[] {
  const docs: ConllDocument[] = [];
  let doc: ConllDocument = { sentences: [] };
  let sent: ConllSentence = { tokens: [], tags: [] };
  const endSentence = (): void => {
    if (sent.tokens.length > 0) doc.sentences.push(sent);
    sent = { tokens: [], tags: [] };
  };
  const endDoc = (): void => {
    endSentence();
    if (doc.sentences.length > 0) docs.push(doc);
    doc = { sentences: [] };
  };
  const lines = text.split(/\r?\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (isDocStart(line)) endDoc();
    else if (line.trim() === '') endSentence();
    else {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 2) throw new Error(`line ${n + 1}: expected "token … tag", got ${JSON.stringify(line)}`);
      sent.tokens.push(cols[0]!);
      sent.tags.push(cols[cols.length - 1]!);
    }
  }
  endDoc();
  return docs;
}

/** Token count of a corpus. */
export function countTokens(docs: readonly { sentences: readonly { tokens: readonly string[] }[] }[]): number {
  let n = 0;
  for (const d of docs) for (const s of d.sentences) n += s.tokens.length;
  return n;
}
