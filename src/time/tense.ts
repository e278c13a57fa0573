import type { DocIndex } from '../model/index.js';
import { FUTURE_CUES, NOT_PAST_ED, PAST_CUES, PRESENT_CUES } from './data/lexicon.js';

/**
 * The tense a time expression is read in, from the verbs around it in its sentence. News is written
 * relative to its date: "toured on Friday" is the Friday before, "will travel on Friday" the one after.
 * There is no POS tagger in the pipeline, so verbs are recognized by small lexicons and the -ed suffix.
 */
export type Tense = 'past' | 'present' | 'future' | null;

const BE_OR_MODAL = new Set([
  'be',
  'been',
  'being',
  'is',
  'are',
  'am',
  'was',
  'were',
  'will',
  'would',
  'to',
  "'ll",
  '’ll',
  'could',
  'should',
  'can',
  'may',
  'might',
  'must',
  'get',
  'got',
]);

/** Verbs whose "to be done" was an obligation or wish of the past, not a plan: "had to be evacuated". */
const OBLIGATION = new Set(['had', 'has', 'have', 'needed', 'wanted', 'used']);

const DETERMINERS = new Set(['a', 'an', 'the', 'this', 'that', 'its', 'his', 'her', 'their', 'our', 'my', 'your']);

/**
 * Reporting verbs date the report, not what it reports: "the dividend is payable Dec. 15, the company
 * said" — so they are no tense cue (a bare weekday with none falls back to the past anyway).
 */
const REPORTING = new Set([
  'said',
  'says',
  'say',
  'told',
  'added',
  'noted',
  'announced',
  'reported',
  'stated',
  'disclosed',
  'according',
]);

/** Verbs whose simple past is spelled as their base form; the third person present adds -s. */
const SAME_FORM_PAST = new Set(['hit', 'cut', 'put', 'quit', 'shut', 'hurt', 'cost', 'spread', 'burst', 'split']);

/** Words before which such a verb is a base form or a noun, not a past tense. */
const BASE_FORM_BEFORE = new Set([
  'to',
  'will',
  'would',
  'could',
  'should',
  'can',
  'may',
  'might',
  'must',
  'shall',
  'do',
  'does',
  'did',
  'not',
  "n't",
  '’t',
  "'ll",
  '’ll',
  'i',
  'we',
  'you',
  'they',
  ...DETERMINERS,
]);

/** How far (in tokens) a cue is looked for on either side: a verb farther away governs something else. */
const WINDOW = 40;

const TENSES: readonly Tense[] = [null, 'past', 'present', 'future'];

/**
 * The tenses read in one sentence. A sentence's expressions look at the same verbs around them (twice
 * each: with and without reporting verbs), so each token's lower-cased text and cue are computed once.
 */
export class SentenceTenses {
  /** First token of the sentence in the document; token indices below count from it. */
  private readonly base: number;
  private readonly length: number;
  /** Per token: 0 when its cue is not read yet, else 1 + its index in TENSES. */
  private readonly cues: Uint8Array;

  constructor(
    private readonly ix: DocIndex,
    sentence: number,
  ) {
    const [lo, hi] = ix.sentenceTokens(sentence);
    this.base = lo;
    this.length = hi - lo;
    this.cues = new Uint8Array(this.length);
  }

  /** Text of token `i` of the sentence. */
  private text(i: number): string {
    return this.ix.tokens[this.base + i]!.text;
  }

  /** Token `i` lower-cased (the index's fold); '' outside the sentence. */
  private word(i: number): string {
    if (i < 0 || i >= this.length) return '';
    return this.ix.lower[this.base + i]!;
  }

  /** The tense cue carried by token `i`, or null when it carries none. */
  private cue(i: number, skipReporting: boolean): Tense {
    if (skipReporting && REPORTING.has(this.word(i))) return null;
    if (this.cues[i] === 0) this.cues[i] = 1 + TENSES.indexOf(this.readCue(i));
    return TENSES[this.cues[i]! - 1]!;
  }

  private readCue(i: number): Tense {
    const raw = this.text(i);
    const w = this.word(i);
    const next = this.word(i + 1);
    if (w === 'going' || w === 'due' || w === 'set' || w === 'slated' || w === 'poised')
      return next === 'to' ? 'future' : null;
    if (w === 'plans' || w === 'plan' || w === 'intends' || w === 'intend') return next === 'to' ? 'future' : null;
    // "planned a demonstration on Saturday", "was scheduled for Monday": what was planned lies ahead.
    if (w === 'planned' || w === 'planning' || w === 'scheduled' || w === 'expected')
      return this.prenominal(i) ? null : 'future';
    if (FUTURE_CUES.has(w)) return 'future';
    // Lower-case "may" is the modal (the month is capitalized).
    if (raw === 'may') return 'future';
    // "could dock at Portavel on Saturday" is a possibility ahead; "could have", "could not" look back.
    if (w === 'could') return next === 'have' || next === 'not' || next === "n't" || next === '’t' ? null : 'future';
    if (w === 'has' || w === 'have' || w === "'ve" || w === '’ve') {
      // Present perfect looks back: "has toured" is past; "have to go" is not a tense cue.
      return next === 'to' ? null : 'past';
    }
    if (PRESENT_CUES.has(w)) return 'present';
    if (PAST_CUES.has(w)) return 'past';
    // "since" names the start of a state lasting to the present, so what it introduces lies in the past
    // ("since revealing in October", "since he took office in May").
    if (w === 'since') return 'past';
    // Verbs whose past is their base form ("a storm hit the island in February"): past unless an infinitive
    // marker, a modal, "do" support, a negation or a determiner (the noun: "a hit", "the cut") comes before.
    if (SAME_FORM_PAST.has(w)) return BASE_FORM_BEFORE.has(this.word(i - 1)) ? null : 'past';
    if (raw.endsWith('ed') && /^\p{Ll}[\p{Ll}-]{2,}ed$/u.test(raw) && !NOT_PAST_ED.has(w)) {
      // A participle after "be"/a modal ("will be freed", "was seen") is not itself the tense.
      const before1 = this.word(i - 1);
      // An infinitival passive ("the tariffs to be debated on Thursday") names an act not yet done, unless
      // an obligation already met governs it ("had to be evacuated").
      if (before1 === 'be' && this.word(i - 2) === 'to' && !OBLIGATION.has(this.word(i - 3))) return 'future';
      if (BE_OR_MODAL.has(before1) || (BE_OR_MODAL.has(this.word(i - 2)) && /ly$/.test(before1))) return null;
      return 'past';
    }
    return null;
  }

  /**
   * Whether the participle at token `i` modifies a noun ("the planned visit", "a hastily planned trip"): after a
   * determiner, or after an -ly adverb that no auxiliary precedes ("was hastily planned" is the verb).
   */
  private prenominal(i: number): boolean {
    const before1 = this.word(i - 1);
    if (DETERMINERS.has(before1)) return true;
    return (
      /^\p{Ll}{3,}ly$/u.test(before1) && !BE_OR_MODAL.has(this.word(i - 2)) && !/^ha[sdv]e?$/.test(this.word(i - 2))
    );
  }

  /**
   * Tense of the expression covering tokens [from, to): the cue nearest to it (words to its left slightly
   * preferred, as English puts the verb before the adverbial), never crossing a quotation boundary's
   * opposite side of a clause-ending semicolon.
   */
  at(from: number, to: number, skipReporting = false): Tense {
    let best: Tense = null;
    let bestDistance = Infinity;
    for (let i = from - 1; i >= Math.max(0, from - WINDOW); i--) {
      const t = this.text(i);
      if (t === ';') break;
      const c = this.cue(i, skipReporting);
      if (c) {
        best = c;
        bestDistance = from - i;
        break;
      }
    }
    for (let i = to; i < Math.min(this.length, to + WINDOW); i++) {
      const distance = 2 * (i - to) + 1.5;
      if (distance >= bestDistance) break;
      const t = this.text(i);
      // A clause after a comma ("…, officials said") does not override a verb found before the expression.
      if (t === ';' || (best !== null && /^[,—–:]$/.test(t))) break;
      const c = this.cue(i, skipReporting);
      if (c) {
        best = c;
        break;
      }
    }
    return best;
  }
}
