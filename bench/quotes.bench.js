// Quotes benchmark.
// 1) PolNeAR (BRAT standoff: Source, Cue, Content), direct quotes — gold Content spans holding a quotation mark.
//    A gold quote is one statement even when its span is discontinuous ("…," he said, "…").
//    - strict: one-to-one matching, best overlap first — each gold quote takes at most one prediction and each
//      prediction at most one gold quote; a match overlaps by at least half the shorter of the two (the gold
//      length summed over its fragments). A quote split in two leaves its second half a false positive.
//    - lenient (the earlier figure): a prediction is right when it matches any gold quote, a gold quote is found
//      when any prediction matches it.
//    Split / merged: gold quotes that two or more predictions overlap, predictions that overlap two or more gold quotes.
//    Speaker accuracy: over gold quotes with a Source, the matched prediction's speaker overlaps the Source
//    (strict: the one prediction matched to it; lenient: any matching prediction).
//    The dev articles are split by article into `tune` and `check` halves (sha256 of the article name, even
//    first byte: tune), the rule the real-news sets use.
// 2) The real-news claims set (bench/devsets/claims-realnews.jsonl, stand-off): system statements (quotes,
//    direct or not) matched one-to-one to gold statements of the same document; speaker accuracy (resolved
//    name), claim / not-claim precision and recall over matched statements, stance accuracy over matched claims,
//    and claim grouping across the articles of a split (pairwise P/R and B³, actor keys resolved across the split's
//    articles as the corpus resolver does), on tune and check.
// 3) Claim grouping on a fixture written for this project (test/fixtures/claim-groups.json).
// Usage: npm run bench:quotes [-- --split dev] [--errors FILE]   (errors are written for the tune halves only;
//        claim grouping errors as CL-SPLIT, a gold group over several predicted ones, and CL-MERGE, the reverse)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotateLanguage } from '../dist/language/index.js';
import { loadTagger } from '../dist/language/ner/index.js';
import { createDoc, textArticle } from '../dist/model/index.js';
import { annotateQuotes } from '../dist/quotes/index.js';
import { ActorTally, groupClaims, resolveActors } from '../dist/resolve/index.js';
import { loadDocText, sharedDataDir, splitOf } from './devsets/docs.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const split = opt('split', 'dev');
const errorsFile = opt('errors', null);
// --paraphrase W: group claims with that weight for words met through a WordNet concept (default: the grouper's).
const paraphraseOpt = opt('paraphrase', null);
const grouperOptions = paraphraseOpt === null ? {} : { paraphrase: Number(paraphraseOpt) };
// --paraphrase-cv: choose that weight by leave-one-story-out cross-validation on the tune half (check is not read).
const paraphraseCv = args.includes('--paraphrase-cv');
const PARAPHRASE_GRID = [0, 0.25, 0.5, 0.75, 1];
const DIR = join(sharedDataDir(), 'polnear/data', split);
const errors = [];

/** One annotation file per article (the first annotator's), parsed into spans and attribution relations. */
function loadPolnear() {
  const files = readdirSync(join(DIR, 'attributions')).sort();
  const seen = new Set();
  const out = [];
  for (const f of files) {
    const base = f.replace(/_[^_]+\.ann$/, '');
    if (seen.has(base)) continue;
    seen.add(base);
    const text = readFileSync(join(DIR, 'text', `${base}.txt`), 'utf8');
    const spans = new Map();
    const rels = [];
    for (const line of readFileSync(join(DIR, 'attributions', f), 'utf8').split('\n')) {
      const cols = line.split('\t');
      // A surface text holding a newline spills onto lines of its own: only "T<n>⇥…" and "E<n>⇥…" lines count.
      if (cols.length < 2 || !/^[TE]\d+$/.test(cols[0])) continue;
      if (cols[0].startsWith('T')) {
        const sp = cols[1].indexOf(' ');
        const frags = cols[1]
          .slice(sp + 1)
          .split(';')
          .map((x) => x.split(' ').map(Number));
        spans.set(cols[0], frags);
      } else {
        const args = Object.fromEntries(
          cols[1]
            .trim()
            .split(' ')
            .filter((a) => a.includes(':'))
            .map((a) => a.split(':')),
        );
        rels.push(args);
      }
    }
    const gold = [];
    for (const r of rels) {
      const content = spans.get(r.Content);
      if (!content) continue;
      const t = content.map(([s, e]) => text.slice(s, e)).join(' ');
      if (!/["“”]|''|``/.test(t)) continue;
      gold.push({ frags: content, source: r.Source ? spans.get(r.Source) : null });
    }
    out.push({ base, text, gold, half: splitOf(base) });
  }
  return out;
}

const overlap = (a, b) => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
/** Overlap of a [start, end) prediction with a gold statement given as fragments; 0 unless it is a match. */
function matchScore(pred, frags) {
  const inter = frags.reduce((n, f) => n + overlap(pred, f), 0);
  const glen = frags.reduce((n, [s, e]) => n + e - s, 0);
  return inter > 0 && inter >= Math.min(pred[1] - pred[0], glen) / 2 ? inter : 0;
}

/** One-to-one assignment, best overlap first: Map gold index → prediction index. */
function assign(preds, golds) {
  const cand = [];
  preds.forEach((p, i) => {
    golds.forEach((g, j) => {
      const s = matchScore(p, g);
      if (s > 0) cand.push([s, i, j]);
    });
  });
  cand.sort((a, b) => b[0] - a[0] || a[1] - b[1] || a[2] - b[2]);
  const usedP = new Set();
  const out = new Map();
  for (const [, i, j] of cand) {
    if (usedP.has(i) || out.has(j)) continue;
    usedP.add(i);
    out.set(j, i);
  }
  return out;
}

function prf(tp, npred, ngold) {
  const p = npred ? tp / npred : 0;
  const r = ngold ? tp / ngold : 0;
  return { p, r, f: p + r ? (2 * p * r) / (p + r) : 0 };
}
const f3 = (x) => x.toFixed(3);

let tagger = null;
function analyse(id, text) {
  tagger ??= loadTagger();
  const doc = createDoc(id, textArticle(text, id));
  annotateLanguage(doc, tagger);
  annotateQuotes(doc);
  return doc;
}

function benchPolnear() {
  const articles = loadPolnear();
  const halves = ['tune', 'check', 'all'];
  const acc = Object.fromEntries(
    halves.map((h) => [
      h,
      {
        n: 0,
        ngold: 0,
        npred: 0,
        strictTp: 0,
        lenTp: 0,
        lenRec: 0,
        src: 0,
        spkStrict: 0,
        spkLen: 0,
        split: 0,
        merged: 0,
      },
    ]),
  );
  for (const a of articles) {
    const doc = analyse(a.base, a.text);
    const preds = doc.quotes.filter((q) => q.direct);
    const spans = preds.map((q) => [q.start, q.end]);
    const golds = a.gold.map((g) => g.frags);
    const m = assign(spans, golds);
    const matchedPred = new Set(m.values());
    // A gold statement that two or more predictions touch was split (each prediction after the first is a false
    // positive one-to-one); a prediction touching two or more gold statements merged them.
    const touches = (p, g) => g.some((f) => overlap(p, f) > 0);
    const split = golds.filter((g) => spans.filter((p) => touches(p, g)).length > 1).length;
    const merged = spans.filter((p) => golds.filter((g) => touches(p, g)).length > 1).length;
    const speakerOk = (p, g) => !!p.speaker && g.source.some((f) => overlap([p.speaker.start, p.speaker.end], f) > 0);
    for (const h of [a.half, 'all']) {
      const s = acc[h];
      s.n++;
      s.ngold += golds.length;
      s.npred += preds.length;
      s.strictTp += m.size;
      s.split += split;
      s.merged += merged;
      s.lenTp += spans.filter((p) => golds.some((g) => matchScore(p, g) > 0)).length;
      a.gold.forEach((g, j) => {
        const hits = preds.filter((_, i) => matchScore(spans[i], g.frags) > 0);
        if (hits.length) s.lenRec++;
        if (!g.source) return;
        s.src++;
        if (hits.some((p) => speakerOk(p, g))) s.spkLen++;
        const i = m.get(j);
        if (i !== undefined && speakerOk(preds[i], g)) s.spkStrict++;
      });
    }
    if (!errorsFile || a.half !== 'tune') continue;
    preds.forEach((p, i) => {
      if (!matchedPred.has(i))
        errors.push({ kind: 'FP', doc: a.base, text: p.text.slice(0, 120), speaker: p.speaker?.text ?? null });
    });
    a.gold.forEach((g, j) => {
      const gtext = g.frags
        .map(([s, e]) => a.text.slice(s, e))
        .join(' … ')
        .slice(0, 160);
      const gsrc = g.source ? g.source.map(([s, e]) => a.text.slice(s, e)).join(' ') : null;
      const i = m.get(j);
      if (i === undefined) errors.push({ kind: 'FN', doc: a.base, text: gtext, gold: gsrc });
      else if (g.source && !speakerOk(preds[i], g))
        errors.push({ kind: 'SPK', doc: a.base, text: gtext, gold: gsrc, pred: preds[i].speaker?.text ?? null });
    });
  }
  for (const h of halves) {
    const s = acc[h];
    const strict = prf(s.strictTp, s.npred, s.ngold);
    const lp = s.npred ? s.lenTp / s.npred : 0;
    const lr = s.ngold ? s.lenRec / s.ngold : 0;
    const lf = lp + lr ? (2 * lp * lr) / (lp + lr) : 0;
    console.log(
      `PolNeAR ${split} ${h}: ${s.n} articles, ${s.ngold} gold direct quotes (${s.src} with a source), ${s.npred} predicted`,
    );
    console.log(
      `  quotes strict  P ${f3(strict.p)}  R ${f3(strict.r)}  F1 ${f3(strict.f)}   lenient  P ${f3(lp)}  R ${f3(lr)}  F1 ${f3(lf)}`,
    );
    console.log(`  gold quotes split over 2+ predictions ${s.split}   predictions over 2+ gold quotes ${s.merged}`);
    console.log(
      `  speaker strict ${f3(s.spkStrict / s.src)} (${s.spkStrict}/${s.src})   lenient ${f3(s.spkLen / s.src)} (${s.spkLen}/${s.src})`,
    );
  }
}

// ---- real-news claims set ----

const STANCE = {
  asserts: 'assert',
  accuses: 'accuse',
  denies: 'deny',
  questions: 'question',
  promises: 'promise',
  threatens: 'threaten',
};
const norm = (s) =>
  s
    .toLowerCase()
    .replace(/[’']s\b/g, '')
    .replace(/[^\p{L}\p{N} ]+/gu, ' ')
    .split(/\s+/)
    .filter((w) => w && !['the', 'mr', 'mrs', 'ms', 'dr', 'sen', 'rep', 'gov'].includes(w));
/** A resolved speaker name is right when it is the gold name, or one holds the other's last word (surname). */
function sameName(sys, gold) {
  const a = norm(sys);
  const b = norm(gold);
  if (!a.length || !b.length) return false;
  return a.join(' ') === b.join(' ') || a.includes(b[b.length - 1]) || b.includes(a[a.length - 1]);
}

function benchClaims() {
  const records = readFileSync(join(ROOT, 'bench/devsets/claims-realnews.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
  const byDoc = new Map();
  for (const r of records) {
    if (!byDoc.has(r.doc)) byDoc.set(r.doc, []);
    byDoc.get(r.doc).push(r);
  }
  const stats = {};
  const fresh = () => ({
    gold: 0,
    matched: 0,
    spk: 0,
    spkN: 0,
    spkOutside: 0,
    spkOutsideN: 0,
    spkNoTrain: 0,
    spkNoTrainN: 0,
    claimTp: 0,
    claimPred: 0,
    cwPred: 0,
    cwTp: 0,
    claimGold: 0,
    stanceOk: 0,
    stanceN: 0,
    toGold: 0,
    toSys: 0,
    toOk: 0,
    sysClaims: [],
    items: [],
    tally: new ActorTally(),
  });
  for (const [docId, recs] of byDoc) {
    const text = loadDocText(docId);
    const doc = analyse(docId, text);
    const half = recs[0].split;
    stats[half] ??= fresh();
    const s = stats[half];
    s.tally.addDoc(doc);
    const claimOfQuote = new Map();
    doc.claims.forEach((c, k) => {
      if (c.quote !== null) claimOfQuote.set(c.quote, k);
      s.sysClaims.push({
        id: `${docId}#${k}`,
        proposition: c.proposition,
        claimantKey: c.claimantKey,
        stance: c.stance,
        targetKeys: c.targetKeys,
      });
    });
    const spans = doc.quotes.map((q) => [q.start, q.end]);
    const m = assign(
      spans,
      recs.map((r) => [r.span]),
    );
    recs.forEach((r, j) => {
      s.gold++;
      const i = m.get(j);
      const name = r.speaker.name ? text.slice(r.speaker.name[0], r.speaker.name[1]) : null;
      const outside = !!r.speaker.name && overlap(r.speaker.mention, r.speaker.name) === 0;
      s.spkN++;
      if (outside) s.spkOutsideN++;
      const noTrain = !docId.startsWith('polnear:train/');
      if (noTrain) s.spkNoTrainN++;
      let ok = false;
      let q = null;
      if (i !== undefined) {
        s.matched++;
        q = doc.quotes[i];
        if (name) ok = !!(q.speakerName ?? q.speaker?.text) && sameName(q.speakerName ?? q.speaker.text, name);
        else ok = !!q.speaker && overlap([q.speaker.start, q.speaker.end], r.speaker.mention) > 0;
        if (ok) s.spk++;
        if (ok && outside) s.spkOutside++;
        if (ok && noTrain) s.spkNoTrain++;
        if (r.addressee) s.toGold++;
        if (q.addressee) s.toSys++;
        if (r.addressee && q.addressee && overlap([q.addressee.start, q.addressee.end], r.addressee) > 0) s.toOk++;
        const k = claimOfQuote.get(i);
        const c = k === undefined ? null : doc.claims[k];
        if (c) s.claimPred++;
        if (r.claim) s.claimGold++;
        // Claims worth checking (the ledger's single-claim cards): a claim the system holds worth checking.
        if (c?.checkworthy) s.cwPred++;
        if (c?.checkworthy && r.claim) s.cwTp++;
        if (c && r.claim) {
          s.claimTp++;
          s.stanceN++;
          if (STANCE[c.stance] === r.stance) s.stanceOk++;
        }
        if (r.claim)
          s.items.push({
            id: r.id,
            story: r.story,
            gold: r.group ?? `single:${r.id}`,
            pred: c ? `${docId}#${k}` : `none:${r.id}`,
            stance: c?.stance ?? null,
            proposition: c?.proposition ?? null,
          });
      }
      if (errorsFile && half === 'tune') {
        const k = i === undefined ? undefined : claimOfQuote.get(i);
        const c = k === undefined ? null : doc.claims[k];
        if (i === undefined)
          errors.push({ kind: 'CL-FN', id: r.id, doc: docId, text: text.slice(r.span[0], r.span[1]).slice(0, 160) });
        else if (!ok)
          errors.push({
            kind: 'CL-SPK',
            id: r.id,
            text: text.slice(r.span[0], r.span[1]).slice(0, 120),
            gold: name ?? text.slice(...r.speaker.mention),
            pred: [q.speaker?.text ?? null, q.speakerName],
          });
        if (i !== undefined && (!!c !== r.claim || (c && r.claim && STANCE[c.stance] !== r.stance)))
          errors.push({
            kind: 'CL-CLAIM',
            id: r.id,
            text: text.slice(r.span[0], r.span[1]).slice(0, 120),
            gold: r.claim ? r.stance : 'not',
            pred: c ? c.stance : 'not',
          });
      }
    });
  }
  for (const half of ['tune', 'check']) {
    const s = stats[half];
    // Actor keys read as the split's resolved actors, as the corpus resolver groups claims ("Joseph R. Biden" in one
    // article and "Biden" in another are one claimant).
    const actors = resolveActors(s.tally);
    const actorOf = (k) => actors.get(k)?.id ?? k;
    const resolved = s.sysClaims.map((c) => ({
      ...c,
      claimantKey: c.claimantKey === null ? null : actorOf(c.claimantKey),
      targetKeys: c.targetKeys.map(actorOf),
    }));
    if (paraphraseCv && half === 'tune') paraphraseCrossValidation(resolved, s.items);
    const groups = groupClaims(resolved, grouperOptions);
    const predGroup = new Map();
    for (const g of groups) for (const id of g.claimIds) predGroup.set(id, g.id);
    const items = s.items.map((it) => ({ gold: it.gold, pred: predGroup.get(it.pred) ?? it.pred }));
    // Grouping errors of the tune half: each gold group spread over several predicted ones, each predicted group
    // holding claims of several gold groups, with its members' stance and proposition.
    if (errorsFile && half === 'tune') {
      const member = (it, k) => ({
        id: it.id,
        gold: it.gold,
        pred: items[k].pred,
        stance: it.stance,
        proposition: it.proposition?.slice(0, 160) ?? null,
      });
      const spread = (key) => {
        const by = new Map();
        items.forEach((x, k) => {
          const v = key === 'gold' ? x.gold : x.pred;
          if (!by.has(v)) by.set(v, []);
          by.get(v).push(k);
        });
        return by;
      };
      for (const [gold, ks] of spread('gold'))
        if (new Set(ks.map((k) => items[k].pred)).size > 1)
          errors.push({ kind: 'CL-SPLIT', gold, members: ks.map((k) => member(s.items[k], k)) });
      for (const [pred, ks] of spread('pred'))
        if (new Set(ks.map((k) => items[k].gold)).size > 1)
          errors.push({ kind: 'CL-MERGE', pred, members: ks.map((k) => member(s.items[k], k)) });
    }
    const { tp, fp, fn } = pairCounts(items);
    let bp = 0,
      br = 0;
    for (const a of items) {
      const sameP = items.filter((b) => b.pred === a.pred);
      const sameG = items.filter((b) => b.gold === a.gold);
      const both = sameP.filter((b) => b.gold === a.gold).length;
      bp += both / sameP.length;
      br += both / sameG.length;
    }
    bp /= items.length || 1;
    br /= items.length || 1;
    const claim = { p: s.claimPred ? s.claimTp / s.claimPred : 0, r: s.claimGold ? s.claimTp / s.claimGold : 0 };
    console.log(`claims-realnews ${half}: ${s.gold} statements, ${s.matched} matched one-to-one`);
    console.log(
      `  speaker ${f3(s.spk / s.spkN)} of all (${s.spk}/${s.spkN}), ${f3(s.spk / s.matched)} of matched;  named outside the mention ${f3(s.spkOutside / s.spkOutsideN)} (${s.spkOutside}/${s.spkOutsideN})  outside PolNeAR train ${f3(s.spkNoTrain / s.spkNoTrainN)} (${s.spkNoTrain}/${s.spkNoTrainN})`,
    );
    console.log(
      `  claim P ${f3(claim.p)}  R ${f3(claim.r)} (${s.claimTp} of ${s.claimPred} predicted, ${s.claimGold} gold, matched)  stance ${f3(s.stanceN ? s.stanceOk / s.stanceN : 0)} (${s.stanceOk}/${s.stanceN})`,
    );
    console.log(
      `  checkworthy claim P ${f3(s.cwPred ? s.cwTp / s.cwPred : 0)}  R ${f3(s.claimGold ? s.cwTp / s.claimGold : 0)} (${s.cwTp} of ${s.cwPred} predicted worth checking, ${s.claimGold} gold claims, matched)`,
    );
    console.log(
      `  addressee P ${f3(s.toSys ? s.toOk / s.toSys : 0)}  R ${f3(s.toGold ? s.toOk / s.toGold : 0)} (${s.toOk} right, ${s.toSys} given, ${s.toGold} gold, matched statements)`,
    );
    console.log(
      `  grouping pairwise P ${f3(tp + fp ? tp / (tp + fp) : 0)}  R ${f3(tp + fn ? tp / (tp + fn) : 0)} (${tp + fn} gold pairs)   B³ P ${f3(bp)}  R ${f3(br)}`,
    );
  }
}

/** Pairwise counts of grouping: true positive, false positive and false negative pairs of items. */
function pairCounts(items) {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (let x = 0; x < items.length; x++)
    for (let y = x + 1; y < items.length; y++) {
      const g = items[x].gold === items[y].gold;
      const p = items[x].pred === items[y].pred;
      if (g && p) tp++;
      else if (p) fp++;
      else if (g) fn++;
    }
  return { tp, fp, fn };
}
const f1Of = ({ tp, fp, fn }) => (2 * tp) / (2 * tp + fp + fn || 1);

/**
 * The paraphrase weight by leave-one-story-out cross-validation over the tune half's stories: for each story, the
 * weight of the grid with the best pairwise F1 on the other stories (pairs within a story; ties to the smaller
 * weight), scored on the held-out story; the held-out counts are summed. Grouping runs over all the tune claims
 * (it learns nothing), so a fold only decides which weight is read.
 */
function paraphraseCrossValidation(claims, items) {
  const stories = [...new Set(items.map((it) => it.story))].sort();
  const counts = new Map(); // weight → story → counts
  for (const w of PARAPHRASE_GRID) {
    const predGroup = new Map();
    for (const g of groupClaims(claims, { paraphrase: w })) for (const id of g.claimIds) predGroup.set(id, g.id);
    const byStory = new Map();
    for (const st of stories)
      byStory.set(
        st,
        pairCounts(
          items
            .filter((it) => it.story === st)
            .map((it) => ({ gold: it.gold, pred: predGroup.get(it.pred) ?? it.pred })),
        ),
      );
    counts.set(w, byStory);
  }
  const sum = (w, keep) => {
    const t = { tp: 0, fp: 0, fn: 0 };
    for (const st of stories) if (keep(st)) for (const k of ['tp', 'fp', 'fn']) t[k] += counts.get(w).get(st)[k];
    return t;
  };
  console.log('paraphrase weight, tune stories (pairwise P / R / F1 over all tune stories):');
  for (const w of PARAPHRASE_GRID) {
    const t = sum(w, () => true);
    console.log(
      `  ${w.toFixed(2)}  P ${f3(t.tp / (t.tp + t.fp || 1))}  R ${f3(t.tp / (t.tp + t.fn || 1))}  F1 ${f3(f1Of(t))}`,
    );
  }
  const held = { tp: 0, fp: 0, fn: 0 };
  const base = { tp: 0, fp: 0, fn: 0 };
  for (const st of stories) {
    let best = PARAPHRASE_GRID[0];
    for (const w of PARAPHRASE_GRID) if (f1Of(sum(w, (x) => x !== st)) > f1Of(sum(best, (x) => x !== st))) best = w;
    const c = counts.get(best).get(st);
    const c0 = counts.get(0).get(st);
    for (const k of ['tp', 'fp', 'fn']) {
      held[k] += c[k];
      base[k] += c0[k];
    }
    console.log(
      `  fold ${st}: weight ${best}  held-out tp ${c.tp} fp ${c.fp} fn ${c.fn} (weight 0: ${c0.tp} / ${c0.fp} / ${c0.fn})`,
    );
  }
  console.log(
    `  held-out pairwise F1 ${f3(f1Of(held))} (P ${f3(held.tp / (held.tp + held.fp || 1))} R ${f3(held.tp / (held.tp + held.fn || 1))}); weight 0: ${f3(f1Of(base))}`,
  );
}

function benchGrouping() {
  const fixture = JSON.parse(readFileSync(join(ROOT, 'test/fixtures/claim-groups.json'), 'utf8'));
  const groups = groupClaims(fixture.claims);
  const predOf = new Map();
  for (const g of groups) for (const id of g.claimIds) predOf.set(id, g.id);
  const goldOf = new Map();
  fixture.groups.forEach((ids, k) => {
    for (const id of ids) goldOf.set(id, k);
  });
  let tp = 0,
    fp = 0,
    fn = 0;
  const ids = fixture.claims.map((c) => c.id);
  for (let i = 0; i < ids.length; i++) {
    for (let j = i + 1; j < ids.length; j++) {
      const gold = goldOf.has(ids[i]) && goldOf.get(ids[i]) === goldOf.get(ids[j]);
      const pred = predOf.has(ids[i]) && predOf.get(ids[i]) === predOf.get(ids[j]);
      if (gold && pred) tp++;
      else if (pred) fp++;
      else if (gold) fn++;
    }
  }
  const p = tp + fp ? tp / (tp + fp) : 1;
  const r = tp + fn ? tp / (tp + fn) : 1;
  console.log(
    `claim grouping (fixture: ${fixture.claims.length} claims, ${fixture.groups.length} gold groups, ${groups.length} predicted): pairwise P ${p.toFixed(3)}  R ${r.toFixed(3)}`,
  );
}

benchPolnear();
benchClaims();
benchGrouping();
if (errorsFile) writeFileSync(errorsFile, `${errors.map((e) => JSON.stringify(e)).join('\n')}\n`);
