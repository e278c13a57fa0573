import { isRoleWord } from '../../language/index.js';
import { isCue, type Attribution } from '../attribute.js';
import type { QuoteContext } from '../context.js';
import { AUTHORED_WORKS, AUX_BETWEEN, CUE_STANCE, SPEAKER_HEADS } from '../data/cues.js';
import { accordingSource, canSpeak, phraseFrom, subjectBefore, type TokenRange } from '../phrases.js';

/**
 * Speaker candidates of one direct statement, for the learned ranker (`ranker/model.ts`): every mention the rules
 * could pick around the quote — what each attribution rule proposes, the named people, organizations and places,
 * the pronouns, the subjects and inverted phrases of every speech verb and the "according to" phrases in the
 * quote's sentence, the two sentences before it and the one after (within the quote's paragraph and the one before),
 * and the previous statement's speaker — each with the features the ranker scores: how it is linked to the quote
 * (which rule proposed it, subject of a speech verb, "said X", "told X", "according to"), where it stands (side,
 * sentences and tokens away, nearest of its side), what it is (name, pronoun, role noun), its words either side and
 * whether the previous statement had it as speaker.
 */

/** What one attribution rule proposes for a statement, with the rule's name as a feature. */
export interface Proposal {
  src: string;
  att: Attribution | null;
}

export interface Candidate {
  range: TokenRange;
  cue: TokenRange | null;
  feats: string[];
  /** The rules' choice (its features hold `rule`). */
  rule: boolean;
}

/** The statement as the ranker sees it: token range of its quoted span, its rules' speaker and the previous one. */
export interface StatementView {
  qa: number;
  qe: number;
  /** The rules' attribution (the rules' choice among the candidates). */
  rule: Attribution | null;
  proposals: readonly Proposal[];
  /** Speaker range of the previous direct statement in the article, if any. */
  prev: TokenRange | null;
  /** Token index of the previous direct statement's end, or -1. */
  prevEnd: number;
}

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it']);
const ACTOR_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);
const TELLING = new Set(['tell', 'tells', 'told', 'telling']);
/** Left-context words kept as themselves in features; other words fold to a class. */
const CONTEXT_WORDS = new Set([
  ',',
  '.',
  ':',
  '(',
  ')',
  '—',
  '-',
  '--',
  'to',
  'by',
  'with',
  'of',
  'for',
  'against',
  'and',
  'but',
  'the',
  'a',
  'an',
  'that',
  'as',
  'at',
  'in',
  'on',
  'about',
  'from',
  'said',
  'says',
  'told',
  'asked',
  'according',
  'who',
  'which',
  "'s",
  '’s',
  'also',
  'has',
  'had',
  'was',
  'is',
  'when',
  'while',
]);

function bucket(n: number): string {
  if (n <= 0) return '0';
  if (n <= 2) return '1-2';
  if (n <= 5) return '3-5';
  if (n <= 10) return '6-10';
  if (n <= 20) return '11-20';
  if (n <= 40) return '21-40';
  return '40+';
}

function wordClass(v: QuoteContext, i: number): string {
  if (i < 0 || i >= v.doc.tokens.length) return 'EDGE';
  if (v.quoteOf[i] !== -1) return 'Q';
  const w = v.ix.lower[i]!;
  if (CONTEXT_WORDS.has(w)) return w;
  if (isCue(v, i)) return cat('cue:', CUE_STANCE.get(w)!);
  if (v.ix.entityOf[i] !== -1) return 'ENT';
  const t = v.doc.tokens[i]!.text;
  if (/^\p{Lu}/u.test(t)) return 'Cap';
  if (/^\p{Ll}/u.test(t)) return 'low';
  return 'P';
}

/** What the candidate is: an entity type, a pronoun, a role or speaking noun, an authored work, another phrase. */
function typeOf(v: QuoteContext, r: TokenRange): string {
  const last = r[1] - 1;
  const e = v.ix.entityOf[last]!;
  if (e >= 0) return v.doc.entities[e]!.type;
  const w = v.ix.lower[last]!;
  if (r[1] - r[0] === 1 && PRONOUNS.has(w)) return `pron:${w}`;
  if (r[1] - r[0] === 1 && (w === 'who' || w === 'which')) return 'rel';
  for (let i = r[0]; i < r[1]; i++) {
    const k = v.ix.entityOf[i]!;
    if (k >= 0 && v.doc.entities[k]!.type === 'PERSON') return 'np:person-inside';
  }
  if (isRoleWord(w)) return 'np:role';
  if (SPEAKER_HEADS.has(w)) return 'np:speaker';
  if (AUTHORED_WORKS.has(w)) return 'np:work';
  return 'np:other';
}

function typeClass(t: string): string {
  if (t === 'PERSON') return 'per';
  if (t === 'ORG' || t === 'GPE' || t === 'NORP') return 'org';
  if (t.startsWith('pron:')) return t === 'pron:it' || t === 'pron:they' ? 'pron-n' : 'pron-p';
  return 'np';
}

/** The first token after `b` that is not an auxiliary or adverb between a subject and its verb. */
function nextVerbish(v: QuoteContext, b: number, hi: number): number {
  let j = b;
  while (j < hi && j - b < 4 && (AUX_BETWEEN.has(v.ix.lower[j]!) || /^\p{Ll}+ly$/u.test(v.doc.tokens[j]!.text))) j++;
  return j;
}

const concatenated = new Map<string, Map<string, string>>();
const joined = new Map<string, Map<string, string>>();

/** `a + sep + b`, one string per pair for the whole process (feature names are few; this spares the allocations). */
function memo(table: Map<string, Map<string, string>>, a: string, b: string, sep: string): string {
  let m = table.get(a);
  if (!m) {
    m = new Map();
    table.set(a, m);
  }
  let r = m.get(b);
  if (r === undefined) {
    r = a + sep + b;
    m.set(b, r);
  }
  return r;
}
const cat = (a: string, b: string): string => memo(concatenated, a, b, '');
const join = (a: string, b: string): string => memo(joined, a, b, '|');

interface Mention {
  /** The token the mention was found at (its first token, or the speech verb it attaches to). */
  at: number;
  range: TokenRange;
  cue: TokenRange | null;
  feats: string[];
}

const mentionCache = new WeakMap<QuoteContext, Map<number, Mention[]>>();

/**
 * The mentions of one sentence outside quotes, read once per article: names of actors, subject pronouns, role or
 * speaking nouns standing alone, "according to" phrases, and the subject and the phrase after every speech verb.
 */
function sentenceMentions(v: QuoteContext, sent: number): Mention[] {
  let cache = mentionCache.get(v);
  if (!cache) {
    cache = new Map();
    mentionCache.set(v, cache);
  }
  const hit = cache.get(sent);
  if (hit) return hit;
  const { doc, ix } = v;
  const toks = doc.tokens;
  const lower = ix.lower;
  const entityOf = ix.entityOf;
  const out: Mention[] = [];
  const [lo, hi] = ix.sentenceTokens(sent);
  for (let i = lo; i < hi; i++) {
    if (v.quoteOf[i] !== -1) continue;
    const w = lower[i]!;
    const e = entityOf[i]!;
    if (e >= 0 && ACTOR_TYPES.has(doc.entities[e]!.type) && entityOf[i - 1] !== e) {
      let k = i;
      while (k < hi && entityOf[k] === e) k++;
      out.push({ at: i, range: [i, k], cue: null, feats: ['mention'] });
    }
    if (PRONOUNS.has(w) && toks[i]!.text !== 'US')
      out.push({ at: i, range: [i, i + 1], cue: null, feats: ['mention'] });
    // A role or speaking noun on its own ("the minister said"); before a name ("nominee Ana Ruiz") the name is the
    // mention.
    if (
      e < 0 &&
      (entityOf[i + 1] ?? -1) < 0 &&
      (SPEAKER_HEADS.has(w) || isRoleWord(w)) &&
      !SPEAKER_HEADS.has(lower[i + 1] ?? '')
    ) {
      const np = subjectBefore(v, i + 1, lo);
      if (np && np[1] === i + 1) out.push({ at: i, range: np, cue: null, feats: ['mention'] });
    }
    if (w === 'according' && lower[i + 1] === 'to') {
      const who = accordingSource(v, i + 2, hi);
      if (who) out.push({ at: i, range: who, cue: [i, i + 2], feats: ['accTo'] });
    }
    if (!isCue(v, i)) continue;
    const stance = CUE_STANCE.get(w)!;
    const subj = subjectBefore(v, i, lo);
    if (subj && canSpeak(v, subj))
      out.push({ at: i, range: subj, cue: [i, i + 1], feats: ['cueSubj', cat('cueSubj:', stance)] });
    const obj = phraseFrom(v, i + 1, hi);
    if (obj && obj[0] === i + 1)
      out.push({
        at: i,
        range: obj,
        cue: [i, i + 1],
        feats: ['cueObj', cat('cueObj:', stance), ...(TELLING.has(w) ? ['cueObj:tell'] : [])],
      });
  }
  cache.set(sent, out);
  return out;
}

/** Up to how many sentences before the quote's first sentence candidates are read. */
const SENTENCES_BEFORE = 2;

export function speakerCandidates(v: QuoteContext, s: StatementView): Candidate[] {
  const { doc, ix } = v;
  const toks = doc.tokens;
  const { qa, qe } = s;
  const sq = toks[qa]!.sentence;
  const se = toks[qe - 1]!.sentence;
  const pq = v.paragraphOf[qa]!;
  const pe = v.paragraphOf[qe - 1]!;
  let lo = ix.sentenceTokens(Math.max(0, sq - SENTENCES_BEFORE))[0];
  while (lo < qa && v.paragraphOf[lo]! < pq - 1) lo++;
  let hi = ix.sentenceTokens(se + 1)[1];
  while (hi > qe && v.paragraphOf[hi - 1]! > pe + (ix.sentLo[qe] === qe ? 1 : 0)) hi--;
  if (hi < ix.sentHi[qe - 1]!) hi = ix.sentHi[qe - 1]!;

  const byKey = new Map<number, { range: TokenRange; cue: TokenRange | null; feats: Set<string> }>();
  const add = (r: TokenRange | null, cue: TokenRange | null, ...feats: string[]): void => {
    if (!r || r[1] <= r[0]) return;
    const key = r[0] * 65536 + r[1];
    let c = byKey.get(key);
    if (!c) {
      c = { range: r, cue, feats: new Set() };
      byKey.set(key, c);
    }
    if (!c.cue && cue) c.cue = cue;
    for (const f of feats) c.feats.add(f);
  };

  // `sure`: the rules read the speaker off a construction English grammar fixes (`Attribution.sure`); the ranker
  // keeps it (`SpeakerModel.best`), and the feature lets training tell those statements apart.
  if (s.rule?.speaker) add(s.rule.speaker, s.rule.cue, 'rule', ...(s.rule.sure ? ['sure'] : []));
  for (const p of s.proposals) if (p.att?.speaker) add(p.att.speaker, p.att.cue, cat('P=', p.src));
  if (s.prev) add(s.prev, null, 'prevSpk');

  for (let sent = toks[lo]!.sentence; lo < hi && sent <= toks[hi - 1]!.sentence; sent++)
    for (const m of sentenceMentions(v, sent)) if (m.at >= lo && m.at < hi) add(m.range, m.cue, ...m.feats);

  const qParaInit = qa === 0 || v.paragraphOf[qa - 1] !== pq;
  const qSentInit = ix.sentLo[qa] === qa;
  const quoteFeats = [
    qParaInit ? 'q:paraInit' : qSentInit ? 'q:sentInit' : 'q:inside',
    s.rule?.speaker ? 'q:ruled' : s.rule?.cue ? 'q:cueOnly' : 'q:none',
    s.prevEnd >= 0 && v.paragraphOf[s.prevEnd - 1]! >= pq - 1 ? 'q:prevNear' : 'q:prevFar',
  ];
  const prevText = s.prev ? ix.lower[s.prev[1] - 1] : null;

  const out: Array<{ c: Candidate; side: string; dist: number; tc: string }> = [];
  for (const c of byKey.values()) {
    const [a, b] = c.range;
    const base = [...c.feats];
    const f = [...base];
    const type = typeOf(v, c.range);
    const tc = typeClass(type);
    const side = b <= qa ? 'B' : a >= qe ? 'A' : 'M';
    const dist = side === 'B' ? qa - b : side === 'A' ? a - qe : 0;
    const sd = side === 'B' ? toks[a]!.sentence - sq : side === 'A' ? toks[a]!.sentence - se : 0;
    const pd = v.paragraphOf[a]! - (side === 'A' ? pe : pq);
    const pos = cat(side, String(sd));
    const posF = cat('pos=', pos);
    const distF = cat(cat('d=', side), bucket(dist));
    const lw = wordClass(v, a - 1);
    const rw = wordClass(v, b);
    const left = cat('L=', lw);
    const right = cat('R=', rw);
    f.push(
      cat('t=', type),
      posF,
      join(posF, tc),
      cat(cat('para=', side), String(pd)),
      distF,
      join(distF, tc),
      left,
      right,
      join(left, tc),
      join(right, tc),
      join(cat('LR=', lw), rw),
    );
    const vb = nextVerbish(v, b, ix.sentHi[a]!);
    if (vb < toks.length && isCue(v, vb)) f.push('beforeCue');
    if (prevText && ix.lower[b - 1] === prevText) f.push('prevSpkText');
    if (b - a > 6) f.push('long');
    for (const q of quoteFeats) f.push(join(q, pos), join(q, tc));
    for (const x of base)
      if (x === 'rule' || x.startsWith('P=') || x === 'prevSpk' || x === 'cueSubj' || x === 'cueObj' || x === 'accTo') {
        f.push(join(x, tc), join(x, pos));
        for (const q of quoteFeats) f.push(join(x, q));
      }
    out.push({ c: { range: c.range, cue: c.cue, feats: f, rule: c.feats.has('rule') }, side, dist, tc });
  }
  // Nearest of its side, and nearest of its side among its kind.
  for (const side of ['B', 'A']) {
    const mine = out.filter((o) => o.side === side).sort((x, y) => x.dist - y.dist);
    const seen = new Map<string, number>();
    mine.forEach((o, k) => {
      const n = seen.get(o.tc) ?? 0;
      seen.set(o.tc, n + 1);
      o.c.feats.push(
        cat(cat('rank=', side), String(Math.min(k, 3))),
        join(cat(cat('rankT=', side), String(Math.min(n, 2))), o.tc),
      );
    });
  }
  return out.map((o) => o.c);
}
