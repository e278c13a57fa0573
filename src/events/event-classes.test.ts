import { describe, expect, it } from 'vitest';
import { codeEvents, eventTypes as types, assertedTypes as asserted } from './test-doc.js';

// Invented sentences, one class of non-event or unasserted act each, with the same act reported as done beside it.
const names: [string, string][] = [
  ['Ivo Brandt', 'PER'],
  ['Lena Voss', 'PER'],
  ['Tomas Reel', 'PER'],
];
const code = (text: string) => codeEvents(text, names);

describe('questions are not requests', () => {
  it('asking about something, or whether, is a question', () => {
    expect(types(code('Ivo Brandt was asked about the budget during the debate.'))).not.toContain('REQUEST');
    expect(types(code('Lena Voss asked Ivo Brandt whether the plant would close.'))).not.toContain('REQUEST');
  });
  it('asking someone to act or for something is a request', () => {
    expect(types(code('Lena Voss asked Ivo Brandt to resign.'))).toContain('REQUEST');
    expect(types(code('Lena Voss asked France for help.'))).toContain('REQUEST');
  });
});

describe('meeting a requirement is no meeting', () => {
  it('meets demand, met the deadline', () => {
    expect(types(code('France built new mines to meet demand for coal.'))).not.toContain('CONSULT');
    expect(types(code('Chile failed to meet the deadline set by France.'))).not.toContain('CONSULT');
  });
  it('meeting a person stands', () => {
    expect(types(code('Lena Voss met Ivo Brandt in Paris.'))).toContain('CONSULT');
  });
});

describe('generic statements about a kind of act', () => {
  it('a bare plural before an evaluative predicate or a habitual adverb names a kind', () => {
    const risky = code('France shipped grain to Chile. Aides to Lena Voss had said airdrops were too costly.');
    expect(risky.events.filter((e) => e.trigger.text === 'airdrops')).toEqual([]);
    expect(types(code('Ivo Brandt said sanctions rarely work against Chile.'))).toEqual([]);
    expect(types(code('Lena Voss said strikes are illegal in Chile.'))).not.toContain('PROTEST');
  });
  it('a noun with its own agent or complement, or a predicate that describes it, reports the act', () => {
    expect(types(code('Lena Voss said strikes by France on Chile were illegal.')).length).toBeGreaterThan(0);
    expect(types(code('Lena Voss said protests against France were peaceful.'))).toContain('PROTEST');
  });
});

describe('irrealis and purpose', () => {
  it('an infinitive with a "for" subject is the content of a hope, no one\'s act', () => {
    // Before: a flagged possibility. A hope nobody commits to is not an event (content of another act).
    const doc = code('The only hope now is for France to oppose the plan of Ivo Brandt.');
    expect(doc.events).toEqual([]);
    // The act of the actor's own verb group stays, flagged.
    const may = code('France may oppose the plan of Ivo Brandt.');
    expect(may.events.length).toBeGreaterThan(0);
    expect(asserted(may)).toEqual([]);
  });
  it('after an evaluative adjective a for-to clause may report a fact, and is not flagged', () => {
    const doc = code('Ivo Brandt said it was wrong for Lena Voss to criticize France.');
    expect(asserted(doc)).toContain('ACCUSE');
  });
  it('a past tense after "the" + a noun is a verb', () => {
    expect(types(code('Letters revealed aides at the bureau sought talks with Ivo Brandt.'))).toContain('REQUEST');
  });
  it('a purpose is an intention', () => {
    for (const text of [
      'Lena Voss flew to Lyon on a visit aimed at pushing Chile toward calm.',
      'France sent envoys in order to negotiate with Chile.',
      'France launched a drive to punish Chile.',
    ]) {
      const doc = code(text);
      const purposed = doc.events.filter((e) => /push|negotiate|punish/.test(e.trigger.text));
      for (const e of purposed) expect(e.mode).toBe('intent');
    }
  });
  it('the same act reported is asserted', () => {
    expect(asserted(code('France opposed the plan of Ivo Brandt.'))).toContain('REJECT');
  });
});

describe('commitments and attributive participles', () => {
  it('an offer or a pledge as a noun is the commitment, its act to come', () => {
    const doc = code('France extended an offer to Chile.');
    expect(doc.events.map((e) => [e.type, e.mode])).toEqual([['AGREE', 'intent']]);
  });
  it('a participle after a determiner is an adjective: the planned protest is a planned PROTEST', () => {
    const doc = code('The planned demonstration against Ivo Brandt comes as France debates the budget.');
    expect(asserted(doc)).toEqual([]);
    expect(doc.events.map((e) => [e.type, e.mode])).toContainEqual(['PROTEST', 'intent']);
  });
});

describe('verbs of undergoing', () => {
  it('the subject of "drew criticism", "faces sanctions" is the target', () => {
    const drew = code('Ivo Brandt drew criticism from Lena Voss.');
    const accuse = drew.events.find((e) => e.type === 'ACCUSE');
    expect(accuse?.source.map((a) => a.text)).toEqual(['Lena Voss']);
    expect(accuse?.target.map((a) => a.text)).toEqual(['Ivo Brandt']);
    const faces = code('Chile faces sanctions from France.').events.find((e) => e.type === 'SANCTION');
    expect(faces?.target.map((a) => a.text)).toEqual(['Chile']);
  });
});

describe('blast: criticism, or with a weapon the explosion', () => {
  it('blasted a person is criticism; bombs blasting a bridge are an attack', () => {
    expect(types(code('Ivo Brandt blasted Lena Voss over the budget.'))).toEqual(['ACCUSE']);
    expect(types(code('Rebels blasted the bridge in Chile with bombs.'))).toContain('ASSAULT');
    expect(types(code('Ivo Brandt blasted Tomas Reel in the third round to keep his heavyweight titles.'))).toEqual([]);
  });
});

describe('clause boundaries', () => {
  it('a fronted adverbial takes no role from the main clause', () => {
    const doc = code('Despite leaflets urging calm, Ivo Brandt marched on the ministry.');
    expect(doc.events.filter((e) => e.type === 'REQUEST' && e.target.some((a) => a.text === 'Ivo Brandt'))).toEqual([]);
  });
  it('a noun does not govern an act after a comma and a new subject', () => {
    const doc = code('Despite warnings from France, Chile attacked the border post.');
    expect(types(doc)).toContain('ASSAULT');
    expect(doc.events.find((e) => e.type === 'THREATEN')?.source.map((a) => a.text)).toEqual(['France']);
  });
});

describe('speech acts, demands and conditions', () => {
  it('offering an apology is the apology; offering aid is a commitment', () => {
    expect(code('Ivo Brandt offered an apology to Chile.').events.map((e) => [e.type, e.mode])).toEqual([
      ['CONCEDE', null],
    ]);
    expect(code('France offered aid to Chile.').events.map((e) => [e.type, e.mode])).toEqual([['AGREE', 'intent']]);
  });
  it('"suggested that X should" is a demand; "said that X should" an opinion', () => {
    const doc = code('Lena Voss suggested that France should curb its complaints.');
    expect(doc.events.map((e) => [e.type, e.source[0]?.text, e.target[0]?.text])).toEqual([
      ['REQUEST', 'Lena Voss', 'France'],
    ]);
    expect(types(code('Lena Voss said that France should curb its complaints.'))).toEqual([]);
  });
  it('the act a condition asks for has not happened', () => {
    const doc = code('Ivo Brandt offered to appear on condition that France contribute money to Chile.');
    expect(asserted(doc)).toEqual([]);
  });
});

describe('intentions', () => {
  it('a headline subject with "to" + verb announces a future act', () => {
    const doc = code('Fishermen to sue Chile over harbour fees.');
    expect(doc.events.length).toBeGreaterThan(0);
    expect(asserted(doc)).toEqual([]);
  });
  it('a bill or a decision to act is not the act', () => {
    expect(asserted(code('Ivo Brandt has drafted a motion to impose sanctions on Chile.'))).toEqual([]);
    expect(asserted(code('France made a decision to boycott the summit with Chile.'))).toEqual([]);
    expect(asserted(code('France imposed sanctions on Chile.'))).toEqual(['SANCTION']);
  });
  it('the infinitive after the object of a verb of wanting is wished for; of a verb of forcing it is done', () => {
    expect(asserted(code('France wants Chile to withdraw.'))).toEqual([]);
    expect(asserted(code('France forced Chile to withdraw.'))).toEqual(['RETREAT']);
  });
});

describe('participles and compounds', () => {
  it('a participle right after a preposition modifies a noun', () => {
    const doc = code('Settled by freed sailors from Lyon, the island of Vell now sends grain to Chile.');
    expect(types(doc)).not.toContain('RETREAT');
    expect(types(code('France freed prisoners from Chile.'))).toContain('RETREAT');
  });
  it('a compound verb doubles its consonant like its last part', () => {
    expect(types(code('Pilots from Lyon kept airdropping blankets over Chile.'))).toContain('AID');
  });
});

describe('negative implicatives, verbal protest, nouns after modifiers', () => {
  it('failing to act is not acting', () => {
    const doc = code('France failed to meet Chile.');
    expect(doc.events.length).toBeGreaterThan(0);
    expect(doc.events.every((e) => e.negated)).toBe(true);
    expect(asserted(code('France managed to meet Chile.'))).toContain('CONSULT');
    // A negation before the implicative cancels it: never failing to act is acting.
    expect(asserted(code('France never failed to meet Chile.'))).toContain('CONSULT');
    expect(asserted(code('France did not fail to meet Chile.'))).toContain('CONSULT');
  });
  it('a protest in words is a complaint; a protest in the street a PROTEST', () => {
    expect(types(code('Lena Voss protested that France had ignored Chile.'))).toEqual(['ACCUSE']);
    expect(types(code('France ignored the ruling, Lena Voss protested on Monday.'))).toContain('ACCUSE');
    expect(types(code('Lena Voss protested outside the ministry in Chile on Monday.'))).toContain('PROTEST');
    // The comma of a fronted adverbial or before a coordinator opens no reporting tail; a place after the verb is
    // a protest in the street.
    expect(types(code('After the verdict, thousands of students protested in Paris on Sunday.'))).toEqual(['PROTEST']);
    expect(types(code('Police fired tear gas on Sunday, and students protested.'))).toContain('PROTEST');
    expect(types(code('Police fired tear gas on Sunday, and students protested.'))).not.toContain('ACCUSE');
  });
  it('a bare verb form after a determiner and a modifier is a noun, its modality from the verb carrying it', () => {
    const doc = code('France announced on Friday it would extend the coastal blockade of Chile.');
    expect(doc.events.map((e) => [e.type, e.mode])).toEqual([['THREATEN', 'intent']]);
    expect(types(code('The rebels attack villages in Chile every week.'))).toContain('ASSAULT');
  });
});

describe('nouns of place', () => {
  it('a noun inside a phrase of place is not the object of the verb before it', () => {
    expect(types(code('Ivo Brandt spent a week locked in a harbour prison near Vell.'))).not.toContain('COERCE');
    expect(types(code('Lena Voss took part in a protest against France.'))).toContain('PROTEST');
  });
});

describe('figurative violence', () => {
  it('fighting a problem, a fire or a charge is no assault', () => {
    expect(types(code('Ivo Brandt will fight the charges in court.'))).toEqual([]);
    expect(types(code('Chile is fighting corruption in its police.'))).toEqual([]);
    expect(types(code('France fought Chile in the border war.'))).toContain('ASSAULT');
  });
  it('attacking a plan, or a person with no sign of bodily violence, is criticism', () => {
    expect(types(code('Ivo Brandt attacked the budget plan of Lena Voss.'))).toEqual(['ACCUSE']);
    expect(types(code('Ivo Brandt attacked Lena Voss over her record on taxes.'))).toEqual(['ACCUSE']);
    expect(types(code('A man attacked Lena Voss with a knife in Chile.'))).toEqual(['ASSAULT']);
    expect(types(code('Gunmen attacked Ivo Brandt in Chile.'))).toEqual(['ASSAULT']);
    // A person attacking a person with no word of speech about it is bodily; a quote or an "over" complement makes
    // it criticism.
    expect(types(code('Ivo Brandt attacked Lena Voss outside a bar on Friday.'))).toEqual(['ASSAULT']);
    expect(types(code('Ivo Brandt attacked Lena Voss in a speech on Friday.'))).toEqual(['ACCUSE']);
  });
  it('killing a bill or shooting down a proposal is a rejection', () => {
    expect(types(code('Lena Voss shot down the proposal from France.'))).toEqual(['REJECT']);
    expect(types(code('Soldiers killed Ivo Brandt in Chile.'))).toEqual(['ASSAULT']);
  });
});

describe('agreement and adjunct clauses', () => {
  it('an -s verb after "the" + a noun is the finite verb', () => {
    expect(types(code('The petition accuses France of bullying Chile.'))).toEqual(['ACCUSE']);
  });
  it('a governing noun does not take an act in an adjunct clause as its complement', () => {
    const doc = code('France drew criticism after a ship that had been seized by Chile sank.');
    expect(types(doc)).toContain('ACCUSE');
    expect(doc.events.find((e) => e.type === 'ACCUSE')?.attributes.action).toBeUndefined();
  });
});
