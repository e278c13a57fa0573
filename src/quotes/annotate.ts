import { isRoleWord, paragraphRanges } from '../language/index.js';
import { factDateFields } from '../time/index.js';
import { docIndex, textSpan, type Doc, type Quote, type Span } from '../model/index.js';
import { attributeAfter, attributeBefore, attributeNextSentence, isCue, type Attribution } from './attribute.js';
import { addresseeOf } from './addressee.js';
import { buildClaims } from './claims.js';
import { findIndirect, type Indirect } from './indirect.js';
import { canSpeak, phraseFrom, sentenceSubject } from './phrases.js';
import { CUE_STANCE, NP_OPENERS, PREPOSITIONS, STATEMENT_NOUNS } from './data/cues.js';
import { WEEKDAY_NAMES } from '../model/lexicon/index.js';
import { findQuoteMarks } from './marks.js';
import { GenderBook, resolveSpeaker, speakerType, type SpeakerContext } from './speakers.js';
import { quoteContext, type QuoteContext } from './context.js';
import { type Candidate, type Proposal, speakerCandidates } from './ranker/candidates.js';
import { type SpeakerModel, speakerModel } from './ranker/model.js';

/**
 * Quotes stage: direct quotes (between quotation marks, across paragraphs when a paragraph reopens the
 * quote) and reported speech without marks (`direct: false`), each with its cue and speaker as written,
 * the speaker resolved to an actor of the article; then claims normalized from them.
 */

/** Below this many words, an unattributed quoted phrase is a title or scare quote, not a quote. */
const MIN_UNATTRIBUTED_WORDS = 8;

interface Found {
  marks: Span & { turn?: Span };
  qa: number;
  qe: number;
  att: Attribution | null;
  inherited: boolean;
  /**
   * "X said Y was “…,” Z said.": the attribution right after the quote that closes its clause, when an earlier cue of
   * the sentence gave another speaker. That attribution is the sentence's main clause, whose complement holds the
   * earlier cue, so the quote is its speaker's.
   */
  own?: Attribution;
}

function words(doc: Doc, qa: number, qe: number): number {
  let n = 0;
  for (let i = qa; i < qe; i++) if (/^[\p{L}\p{N}]/u.test(doc.tokens[i]!.text)) n++;
  return n;
}

/** A quoted title ("Harbour News Sunday", ‘The Dockmaster’): every word capitalized, or a short single-quoted phrase. */
function isTitle(doc: Doc, f: Found): boolean {
  const ws: string[] = [];
  for (let i = f.qa; i < f.qe; i++) if (/^[\p{L}\p{N}]/u.test(doc.tokens[i]!.text)) ws.push(doc.tokens[i]!.text);
  if (doc.text[f.marks.start] === '‘' && ws.length < 4) return true;
  const small = new Set(['of', 'the', 'a', 'an', 'and', 'in', 'on', 'for', 'to', 'at', 'with']);
  return ws.length >= 2 && ws.length <= 6 && ws.every((w, k) => /^[\p{Lu}\p{N}]/u.test(w) || (k > 0 && small.has(w)));
}

/** The tokens a quote's own attribution may use: its sentence, up to the quotes either side. */
function attributionBounds(v: QuoteContext, found: Found[], k: number): [number, number] {
  const f = found[k]!;
  const prev = found[k - 1];
  const next = found[k + 1];
  let hi = v.ix.sentHi[f.qe - 1]!;
  if (next && next.qa < hi) hi = next.qa;
  let lo = v.ix.sentLo[f.qa]!;
  if (prev && prev.qe > lo) lo = prev.qe;
  return [lo, hi];
}

function attribute(v: QuoteContext, found: Found[], k: number): Attribution | null {
  const f = found[k]!;
  const [lo, hi] = attributionBounds(v, found, k);
  const aside = dashAside(v, f.qa, f.qe, lo);
  if (aside) return aside;
  // A quote inside a sentence that a speech verb introduces ("Tamm said Sarr was “quite right” when
  // he said …") belongs to that verb; a quote that opens its sentence is attributed after it.
  const after = attributeAfter(v, f.qe, hi) ?? (hi === f.qe ? attributeNextSentence(v, f.qe) : null);
  // "…, “…,” as a ministry memo put it": the words' own source, whatever verb the sentence opened with.
  const cue = after?.speaker ? after.cue : null;
  if (cue && v.ix.lower[cue[0]] === 'put' && v.ix.lower[cue[0] + 1] === 'it') return after;
  const before = f.qa > lo ? attributeBefore(v, f.qa, lo) : null;
  // The speaker changes after interrupted quotes are joined (which reads the attribution as found), see `own`.
  if (before?.speaker && after?.sure && ownAttribution(v, after) && !introduces(v, before, f.qa)) f.own = after;
  if (before?.speaker) return before;
  if (after?.speaker) return after;
  return after ?? before;
}

/** Tokens that may stand between a cue and the quote it introduces: a comma or colon and the opening mark. */
const INTRO_GAP: ReadonlySet<string> = new Set([',', ':', '“', '"', '``', '‘', "'"]);

/**
 * Whether the attribution before a quote introduces it as direct speech, ending with a comma or colon right before
 * the opening mark ("quoted Brandt as saying, “…”", "Brandt warned: “…”"): the quote is that cue's complement, and an
 * attribution after it ("…,” the report said") reports the whole sentence, whose speaker is a source of the report,
 * not the quote's.
 */
function introduces(v: QuoteContext, before: Attribution, qa: number): boolean {
  if (!before.cue) return false;
  const end = Math.max(before.cue[1], before.speaker?.[1] ?? 0);
  if (end >= qa) return false;
  let punct = false;
  for (let i = end; i < qa; i++) {
    const t = v.ix.lower[i]!;
    if (!INTRO_GAP.has(t)) return false;
    if (t === ',' || t === ':') punct = true;
  }
  return punct;
}

/** Words that may follow an attribution that closes its clause: punctuation, adverbials of time and occasion. */
const CLAUSE_CLOSERS: ReadonlySet<string> = new Set([
  ',',
  '.',
  ';',
  '!',
  '?',
  ')',
  '—',
  '–',
  '-',
  '--',
  ...PREPOSITIONS,
  ...WEEKDAY_NAMES,
  'today',
  'yesterday',
  'tonight',
  'last',
  'this',
  'earlier',
  'later',
  'then',
  'again',
  'twice',
  'once',
  'as',
  'while',
  'when',
  'because',
  'since',
  'though',
  'although',
  'through',
  'via',
  'after',
  'before',
]);
const TELL_FORMS = new Set(['tell', 'tells', 'told', 'telling']);

/**
 * Whether an attribution written right after a quote, its subject next to its verb ("“…,” the mayor said", "“…,” said
 * Lena Holm"), closes the clause around the quote: nothing follows it but punctuation or an adverbial of time, place
 * or occasion ("said on Monday", "told the board in a letter"). Then it is the sentence's main clause and what stands
 * before the quote is its complement ("Nothing the harbour master said “…,” the mayor said"). An attribution that
 * goes on with words of its own ("Holm said: “…”", "he said the plan stands") introduces those instead.
 */
function ownAttribution(v: QuoteContext, after: Attribution): boolean {
  const s = after.speaker!;
  const c = after.cue ?? s;
  // "“…,” condemned the harbour plan": a verb aimed at its object is never inverted, so no speaker follows it.
  const stance = CUE_STANCE.get(v.ix.lower[c[0]]!);
  if (s[0] > c[0] && (stance === 'accuses' || stance === 'threatens')) return false;
  let end = Math.max(s[1], c[1]);
  const hi = v.ix.sentHi[end - 1]!;
  // "“…,” she told the harbour board.": the addressee of "told" belongs to the attribution.
  if (end === c[1] && TELL_FORMS.has(v.ix.lower[c[0]]!)) {
    const to = phraseFrom(v, end, hi);
    if (to && to[0] === end) end = to[1];
  }
  if (end >= hi) return true;
  const next = v.ix.lower[end]!;
  return CLAUSE_CLOSERS.has(next) || /^\p{Ll}+ly$/u.test(v.doc.tokens[end]!.text);
}

/** Nouns of something said that, closing a clause with a colon, introduce the words that follow. */
const INTRODUCING_NOUNS: ReadonlySet<string> = new Set([
  ...STATEMENT_NOUNS,
  'answer',
  'response',
  'reply',
  'words',
  'message',
  'question',
]);

const ASIDE_DASHES = new Set(['--', '—', '–']);

/**
 * "… including the former mayor Lena Berg -- “It is wrong …” -- and …": a quote set off by dashes right after a
 * person's name is an aside giving that person's words.
 */
function dashAside(v: QuoteContext, qa: number, qe: number, lo: number): Attribution | null {
  const w = v.ix.lower;
  // A dash is one token ("—") or two hyphens ("--").
  const opening = ASIDE_DASHES.has(w[qa - 1] ?? '') ? 1 : w[qa - 1] === '-' && w[qa - 2] === '-' ? 2 : 0;
  const closing = ASIDE_DASHES.has(w[qe] ?? '') || (w[qe] === '-' && w[qe + 1] === '-');
  const n = qa - opening - 1;
  if (!opening || !closing || n < lo) return null;
  const e = v.ix.entityOf[n]!;
  if (e < 0 || v.doc.entities[e]!.type !== 'PERSON') return null;
  let s = n;
  while (s - 1 >= lo && v.ix.entityOf[s - 1] === e) s--;
  return { cue: null, speaker: [s, n + 1] };
}

/** "He said:" closing the sentence or paragraph before a quote. */
function colonIntro(v: QuoteContext, qa: number): Attribution | null {
  const colon = qa - 1;
  if (colon < 0 || v.ix.lower[colon] !== ':' || v.quoteOf[colon] !== -1) return null;
  const lo = v.ix.sentLo[colon]!;
  const a = attributeBefore(v, qa, lo);
  if (a?.speaker) return a;
  // "X made the following comment:", "… so I took back my reply:": a noun of something said closing the
  // clause is the words that follow, and the clause's subject said them.
  const n = colon - 1;
  if (n <= lo || !INTRODUCING_NOUNS.has(v.ix.lower[n]!)) return null;
  let from = lo;
  for (let k = lo; k < n; k++) if (v.ix.lower[k] === 'that' || v.ix.lower[k] === ',') from = k + 1;
  const subject = (from < n ? sentenceSubject(v, from, n) : null) ?? sentenceSubject(v, lo, n);
  return subject && canSpeak(v, subject) ? { cue: [n, n + 1], speaker: subject } : null;
}

/** A quote with no attribution of its own continues the previous one (same or previous paragraph). */
function inherits(v: QuoteContext, found: Found[], k: number): boolean {
  const f = found[k]!;
  const prev = found[k - 1];
  if (!prev?.att?.speaker) return false;
  const pa = v.paragraphOf[prev.qe - 1]!;
  const pb = v.paragraphOf[f.qa]!;
  if (pb - pa > 1) return false;
  const [ss, se] = prev.att.speaker;
  // Names in the sentence that attributes the previous quote are its objects ("Holm said, going on to
  // set Sarr's plans against Tamm's"), not a new speaker.
  const attribution = ss >= prev.qe ? v.doc.tokens[ss]!.sentence : -1;
  for (let i = prev.qe; i < f.qa; i++) {
    if ((i >= ss && i < se) || v.doc.tokens[i]!.sentence === attribution) continue;
    const e = v.ix.entityOf[i]!;
    if (e >= 0 && v.doc.entities[e]!.type === 'PERSON') return false;
  }
  if (pb === pa) return true;
  // A new paragraph continues the speaker only when it opens with the quote.
  return f.qa === 0 || v.paragraphOf[f.qa - 1] !== pb;
}

/**
 * A quote opening its sentence, with no attribution of its own, after a sentence of the same paragraph about a
 * person ("Holm said the ministry may be reluctant. “The second reason …”", "Berg listed … . “The
 * older workers …”"): that sentence's speaker, or its subject when it names a person.
 */
function previousSentenceSpeaker(v: QuoteContext, qa: number, indirect: readonly Indirect[]): [number, number] | null {
  if (qa === 0 || v.ix.sentLo[qa] !== qa) return null;
  const prevHi = qa;
  const prevLo = v.ix.sentLo[qa - 1]!;
  if (v.paragraphOf[prevLo] !== v.paragraphOf[qa]) return null;
  for (let i = prevLo; i < prevHi; i++) if (v.quoteOf[i] !== -1) return null;
  const start = v.doc.tokens[prevLo]!.start;
  const end = v.doc.tokens[prevHi - 1]!.end;
  const said = indirect.find((r) => r.content.start >= start && r.content.end <= end);
  if (said?.att.speaker) return said.att.speaker;
  const subject = sentenceSubject(v, prevLo, prevHi);
  if (!subject) return null;
  const e = v.ix.entityOf[subject[1] - 1]!;
  return e >= 0 && v.doc.entities[e]!.type === 'PERSON' ? subject : null;
}

/**
 * A quote inside a sentence with no speech verb ("Berg supports “fair harbour fees,”", "She has proposed
 * a “chief port inspector”"): the words are the sentence subject's, when that subject is an actor.
 */
function sentenceActor(v: QuoteContext, qa: number): [number, number] | null {
  const lo = v.ix.sentLo[qa]!;
  if (qa === lo) return null;
  const subject = sentenceSubject(v, lo, qa);
  if (!subject) return null;
  if (subject[1] - subject[0] === 1 && /^(?:he|she|they|we|i)$/.test(v.ix.lower[subject[0]]!)) return subject;
  const e = v.ix.entityOf[subject[1] - 1]!;
  if (e >= 0) return ['PERSON', 'ORG'].includes(v.doc.entities[e]!.type) ? subject : null;
  // A description opening the sentence that can speak ("The ad targets …", "the former harbour minister talked
  // about …"): the subject of the clause that carries the quoted words.
  return subject[0] === lo && canSpeak(v, subject) ? subject : null;
}

/** A quote paragraph signed by the next one: "“…” ¶ — Holm." */
function signature(v: QuoteContext, qe: number): Attribution | null {
  const next = qe;
  if (next >= v.doc.tokens.length || v.paragraphOf[next] === v.paragraphOf[qe - 1]) return null;
  if (!/^[-—–―]$/.test(v.ix.lower[next]!)) return null;
  let k = next + 1;
  const e = v.ix.entityOf[k] ?? -1;
  if (e < 0) return null;
  while (v.ix.entityOf[k] === e) k++;
  const end = v.ix.sentHi[next]!;
  if (end - k > 1 || v.paragraphOf[k - 1] !== v.paragraphOf[next]) return null;
  return { cue: [next, next + 1], speaker: [next + 1, k] };
}

/**
 * Words other than the speaker and cue that an interrupting attribution may hold: a time or place ("said on
 * Tuesday"), an apposition ("said Anna Berg, head of the harbour board,"), an occasion ("in an interview with …"),
 * a relative clause on the speaker ("said Ivo Sarr, who chaired the board from 1995 to 1997, …").
 */
const INTERRUPT_EXTRA_WORDS = 32;
const LINKING_PREPOSITIONS = new Set(['with', 'to', 'for', 'of', 'by', 'on', 'at', 'from']);
const RELATIVE_PRONOUNS = new Set(['who', 'whom', 'whose', 'which']);
const isPossessive = (w: string | undefined): boolean => /^['’]s?$/.test(w ?? '');

const sameRange = (a: [number, number] | null, b: [number, number] | null): boolean =>
  !!a && !!b && a[0] === b[0] && a[1] === b[1];

/**
 * Whether the words between two quotes may belong to the attribution of the first: no other speech verb (a cue
 * word after a determiner or possessive is a noun, "Berg's comments"), no other person as a subject (a person
 * after a preposition, a possessive or a determiner, "with River Post's Ivo Sarr", or inside a relative clause on the
 * speaker, "who has backed Ann Holm", is not one).
 */
function onlyAttribution(v: QuoteContext, att: Attribution, from: number, to: number): boolean {
  const inside = (i: number, r: [number, number] | null) => !!r && i >= r[0] && i < r[1];
  let extra = 0;
  let relative = false;
  for (let i = from; i < to; i++) {
    if (inside(i, att.speaker) || inside(i, att.cue)) continue;
    if (!/^[\p{L}\p{N}]/u.test(v.doc.tokens[i]!.text)) continue;
    const before = v.ix.lower[i - 1] ?? '';
    if (att.speaker && i >= att.speaker[1] && RELATIVE_PRONOUNS.has(v.ix.lower[i]!)) relative = true;
    if (isCue(v, i) && !NP_OPENERS.has(before) && !isPossessive(before)) return false;
    const e = v.ix.entityOf[i]!;
    if (e >= 0 && v.doc.entities[e]!.type === 'PERSON') {
      let k = i;
      while (k + 1 < to && v.ix.entityOf[k + 1] === e) k++;
      // Not a subject: a person after a preposition ("with Ivo Sarr"), a possessive ("Sarr's show") or a
      // name inside a noun phrase ("a former Dorva ministry official").
      const governed =
        relative ||
        LINKING_PREPOSITIONS.has(before) ||
        isPossessive(before) ||
        isPossessive(v.ix.lower[k + 1]) ||
        NP_OPENERS.has(before) ||
        isRoleWord(before);
      if (!governed) return false;
      i = k;
    }
    if (++extra > INTERRUPT_EXTRA_WORDS) return false;
  }
  return true;
}

/**
 * Whether quote `cur` goes on the statement of the quote before it, interrupted only by that quote's attribution:
 * "“…,” she said, “…”" or "“…,” said Anna Berg, the mayor. “…”" in one paragraph — the news convention for
 * splitting one statement around its attribution. The second part has no speaker of its own (or the same
 * attribution), and what stands between the parts is the attribution's own sentence.
 */
function continuesAfterAttribution(v: QuoteContext, prev: Found, cur: Found): boolean {
  const att = prev.att;
  if (!att?.speaker || att.speaker[0] < prev.qe || cur.qa <= prev.qe) return false;
  if (v.paragraphOf[prev.qe - 1] !== v.paragraphOf[cur.qa]) return false;
  if (cur.att?.speaker && !cur.inherited && !sameRange(cur.att.speaker, att.speaker)) return false;
  if (!/^[,.:]$/.test(v.ix.lower[cur.qa - 1]!)) return false;
  const tokens = v.doc.tokens;
  const sentences = new Set([tokens[prev.qe - 1]!.sentence, tokens[att.speaker[0]]!.sentence]);
  for (let i = prev.qe; i < cur.qa; i++) if (!sentences.has(tokens[i]!.sentence)) return false;
  return onlyAttribution(v, att, prev.qe, cur.qa);
}

/**
 * Whether quote `cur` is another fragment of the statement one speech verb reports in the same sentence ("he
 * called her “disgusting” and “a con”", "X said fraud is “a big problem” but “nobody talks about it”"): both
 * carry the same speaker, and no other speech verb or subject stands between them.
 */
function sameReportedStatement(v: QuoteContext, prev: Found, cur: Found): boolean {
  const att = prev.att;
  if (!att?.speaker || !cur.att?.speaker || !sameRange(cur.att.speaker, att.speaker)) return false;
  if (cur.att.cue && !sameRange(cur.att.cue, att.cue)) return false;
  if (att.speaker[0] >= prev.qe || cur.qa <= prev.qe) return false;
  const tokens = v.doc.tokens;
  if (tokens[prev.qe - 1]!.sentence !== tokens[cur.qa]!.sentence) return false;
  return onlyAttribution(v, att, prev.qe, cur.qa);
}

function span(v: QuoteContext, r: [number, number] | null): Span | null {
  if (!r) return null;
  return { start: v.doc.tokens[r[0]]!.start, end: v.doc.tokens[r[1] - 1]!.end };
}

/**
 * What each attribution rule proposes for quote `k` on its own, whatever the others say: the speaker candidates
 * the learned ranker weighs besides the rules' final choice.
 */
function proposals(v: QuoteContext, found: Found[], k: number, indirect: readonly Indirect[]): Proposal[] {
  const f = found[k]!;
  const [lo, hi] = attributionBounds(v, found, k);
  const bare = (speaker: [number, number] | null): Attribution | null => (speaker ? { cue: null, speaker } : null);
  return [
    { src: 'after', att: attributeAfter(v, f.qe, hi) },
    { src: 'before', att: f.qa > lo ? attributeBefore(v, f.qa, lo) : null },
    { src: 'next', att: hi === f.qe ? attributeNextSentence(v, f.qe) : null },
    { src: 'colon', att: colonIntro(v, f.qa) },
    { src: 'dash', att: dashAside(v, f.qa, f.qe, lo) },
    { src: 'sign', att: signature(v, f.qe) },
    { src: 'prevSent', att: bare(previousSentenceSpeaker(v, f.qa, indirect)) },
    { src: 'sentActor', att: bare(sentenceActor(v, f.qa)) },
    ...(f.inherited ? [{ src: 'inherit', att: f.att }] : []),
  ];
}

/** One direct statement's speaker candidates, as the training script reads them (character offsets). */
export interface CandidateDump {
  start: number;
  end: number;
  candidates: Array<{ start: number; end: number; feats: string[]; rule: boolean }>;
}

export interface QuoteOptions {
  /** The speaker ranker; by default the committed model, `null` for the rules alone. */
  ranker?: SpeakerModel | null;
  /** Called with each direct statement's candidates (training). */
  collect?: (d: CandidateDump) => void;
}

function dumpOf(v: QuoteContext, q: Span, cands: readonly Candidate[]): CandidateDump {
  const toks = v.doc.tokens;
  return {
    start: q.start,
    end: q.end,
    candidates: cands.map((c) => ({
      start: toks[c.range[0]]!.start,
      end: toks[c.range[1] - 1]!.end,
      feats: c.feats,
      rule: c.rule,
    })),
  };
}

export function annotateQuotes(doc: Doc, options: QuoteOptions = {}): void {
  const ranker = options.ranker === undefined ? speakerModel() : options.ranker;
  const ranking = !!ranker || !!options.collect;
  const paragraphs = doc.paragraphs.length > 0 ? doc.paragraphs : paragraphRanges(doc.text);
  const ix = docIndex(doc);
  const found: Found[] = [];
  for (const m of findQuoteMarks(doc.text, paragraphs)) {
    const [qa, qe] = ix.tokensIn(m);
    const f: Found = { marks: m, qa, qe, att: null, inherited: false };
    // Quoted titles ("Face the Nation") are read as ordinary words of their sentence.
    if (qe > qa && words(doc, qa, qe) > 0 && !isTitle(doc, f)) found.push(f);
  }
  const marks = found.map((f) => f.marks);
  const view = quoteContext(doc, marks, paragraphs);
  found.forEach((f, k) => {
    // A transcript turn is the labelled speaker's, whatever its words report.
    const turn = f.marks.turn ? ix.tokensIn(f.marks.turn) : null;
    if (turn && turn[1] > turn[0]) {
      f.att = { cue: null, speaker: turn };
      return;
    }
    f.att = attribute(view, found, k);
    if (!f.att?.speaker) f.att = colonIntro(view, f.qa) ?? f.att;
  });
  const indirect = findIndirect(view);
  found.forEach((f, k) => {
    if (f.att?.speaker) return;
    if (inherits(view, found, k)) {
      f.att = { cue: null, speaker: found[k - 1]!.att!.speaker };
      f.inherited = true;
      return;
    }
    const signed = signature(view, f.qe);
    if (signed) {
      f.att = signed;
      return;
    }
    const speaker = previousSentenceSpeaker(view, f.qa, indirect) ?? sentenceActor(view, f.qa);
    if (speaker) f.att = { cue: f.att?.cue ?? null, speaker };
  });

  // The quotes as found, before interrupted ones are joined: what each rule proposes is read on these.
  const asFound = ranking ? found.slice() : [];

  // Interrupted quotes become one statement: `parts` keeps each quoted fragment.
  const statements: Array<{ f: Found; parts: Span[]; k: number }> = [];
  found.forEach((f, k) => {
    const last = statements[statements.length - 1];
    if (
      last &&
      last.f === found[k - 1] &&
      (continuesAfterAttribution(view, last.f, f) || sameReportedStatement(view, last.f, f))
    ) {
      last.parts.push(f.marks);
      // The statement is scored by its first part's attribution; later parts only extend it.
      last.f = {
        ...f,
        qa: last.f.qa,
        att: last.f.att,
        inherited: last.f.inherited,
        ...(last.f.own ? { own: last.f.own } : { own: undefined }),
        marks: { start: last.parts[0]!.start, end: f.marks.end },
      };
      found[k] = last.f;
      return;
    }
    statements.push({ f, parts: [f.marks], k });
  });

  const ctx: SpeakerContext = { doc, quotes: marks, genders: new GenderBook(doc), recent: [] };
  const quotes: Quote[] = [];
  const push = (q: Span, direct: boolean, att: Attribution | null, parts: readonly Span[] = []): void => {
    const cue = span(view, att?.cue ?? null);
    const speaker = span(view, att?.speaker ?? null);
    const at = att?.cue ?? att?.speaker ?? null;
    const to = at
      ? span(view, addresseeOf(view, att?.cue ?? null, view.ix.sentLo[at[0]]!, view.ix.sentHi[at[0]]!))
      : null;
    const who = speaker ? resolveSpeaker(ctx, speaker) : { name: null, key: null };
    if (who.key) ctx.recent.push({ at: q.start, speaker: who, type: speakerType(doc, who.key) });
    quotes.push({
      ...textSpan(doc.text, q.start, q.end),
      direct,
      cue: cue ? textSpan(doc.text, cue.start, cue.end) : null,
      speaker: speaker ? textSpan(doc.text, speaker.start, speaker.end) : null,
      speakerName: who.name,
      speakerKey: who.key,
      // "said on Tuesday": the statement's date sits with its cue, else anywhere in the quote's sentence.
      ...factDateFields(doc, cue ?? q),
      ...(parts.length > 1 ? { parts: parts.map((p) => textSpan(doc.text, p.start, p.end)) } : {}),
      ...(to ? { addressee: textSpan(doc.text, to.start, to.end) } : {}),
    });
  };
  let ii = 0;
  let prev: { speaker: [number, number] | null; end: number } = { speaker: null, end: -1 };
  for (const { f, parts, k } of statements) {
    while (ii < indirect.length && indirect[ii]!.content.start < f.marks.start) {
      const r = indirect[ii++]!;
      push(r.content, false, r.att);
    }
    if (!f.att?.speaker && !f.att?.cue && words(doc, f.qa, f.qe) < MIN_UNATTRIBUTED_WORDS) continue;
    const ruled = f.own ?? f.att;
    let att = ruled;
    if (ranking) {
      const cands = speakerCandidates(view, {
        qa: f.qa,
        qe: f.qe,
        rule: ruled,
        proposals: proposals(view, asFound, k, indirect),
        prev: prev.speaker,
        prevEnd: prev.end,
      });
      options.collect?.(dumpOf(view, f.marks, cands));
      const best = ranker ? ranker.best(cands) : -1;
      const chosen = best >= 0 ? cands[best]! : null;
      // A candidate overlapping the rules' speaker is the same mention: the rules' extent stays (the resolver reads it).
      const rs = ruled?.speaker;
      if (chosen && !chosen.rule && !(rs && chosen.range[0] < rs[1] && rs[0] < chosen.range[1]))
        att = { cue: chosen.cue ?? ruled?.cue ?? null, speaker: chosen.range };
    }
    // The ranker reads the rules' speaker of the previous statement, as in training.
    prev = { speaker: ruled?.speaker ?? null, end: f.qe };
    push(f.marks, true, att, parts);
  }
  while (ii < indirect.length) {
    const r = indirect[ii++]!;
    push(r.content, false, r.att);
  }
  doc.quotes = quotes;
  doc.claims = buildClaims(doc, view, quotes);
}
