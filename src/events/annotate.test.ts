import { describe, expect, it } from 'vitest';
import type { Doc, EventMention } from '../model/index.js';
import { codeEvents, sideWords } from './test-doc.js';

function code(text: string, phrases: [string, string][] = []): Doc {
  const doc = codeEvents(text, phrases);
  for (const e of doc.events) {
    expect(doc.text.slice(e.trigger.start, e.trigger.end)).toBe(e.trigger.text);
    for (const a of [...e.source, ...e.target]) expect(doc.text.slice(a.start, a.end)).toBe(a.text);
  }
  return doc;
}

const names = (actors: EventMention['source']): string[] => actors.map((a) => a.name);
const only = (doc: Doc, type: string): EventMention => {
  const hits = doc.events.filter((e) => e.type === type);
  if (hits.length !== 1)
    throw new Error(`expected one ${type}, got ${JSON.stringify(doc.events.map((e) => [e.type, e.trigger.text]))}`);
  return hits[0]!;
};

describe('annotateEvents: roles', () => {
  it('codes subject → source and object → target', () => {
    const e = only(code('Albania on Friday condemned Serbia over the border raid.'), 'ACCUSE');
    expect(names(e.source)).toEqual(['Albania']);
    expect(names(e.target)).toEqual(['Serbia']);
    expect(e.negated).toBe(false);
    expect(e.hypothetical).toBe(false);
  });

  it('keeps compound actors together', () => {
    const e = only(
      code('The United States and Jordan signed a treaty with Egypt on Monday.', [
        ['United States', 'LOC'],
        ['Jordan', 'LOC'],
        ['Egypt', 'LOC'],
      ]),
      'SUPPORT',
    );
    expect(names(e.source)).toEqual(['United States', 'Jordan']);
    expect(names(e.target)).toEqual(['Egypt']);
  });

  it('reads the agent of a passive as the source', () => {
    const e = only(
      code('The defence minister was dismissed by President Anna Berg on Sunday.', [['Anna Berg', 'PER']]),
      'COERCE',
    );
    expect(names(e.source)).toEqual(['Anna Berg']);
    expect(sideWords(e, 'target')).toEqual(['defence minister']);
    expect(e.attributes.person).toBe('defence minister');
  });

  it('keeps the reporter apart from the actor', () => {
    const e = only(
      code('State media reported that Anna Berg had sacked the army chief.', [['Anna Berg', 'PER']]),
      'COERCE',
    );
    expect(sideWords(e, 'source')).toEqual(['Anna Berg']);
    expect(sideWords(e, 'target')).toEqual(['army chief']);
    expect(e.source.some((a) => /media/i.test(a.text))).toBe(false);
  });

  it('treats a capital that acts as the state, and "in <city>" as the place', () => {
    const e = only(code('Moscow denied the request from Georgia.'), 'REJECT');
    expect(e.source[0]!.code).toMatch(/^RUS/);
    const t = only(code('Germany held talks with Poland in Moscow on Tuesday.'), 'CONSULT');
    expect(names(t.source)).toEqual(['Germany']);
    expect(names(t.target)).toEqual(['Poland']);
    expect(t.location?.name).toBe('Moscow');
    expect(t.attributes.venue).toBe('Moscow');
  });

  it('codes a nationality with its group noun as one actor with a sector code', () => {
    const e = only(code('Israeli troops shelled villages near the border.'), 'ASSAULT');
    expect(e.source[0]!.text).toBe('Israeli troops');
    expect(e.source[0]!.code).toBe('ISRMIL');
  });
});

describe('annotateEvents: sentence structure', () => {
  it('reads "X said that Y must …" as a demand by X on Y', () => {
    const e = only(
      code('The French government declared on Monday that Syria must withdraw its troops from the border.'),
      'REQUEST',
    );
    expect(e.source[0]!.text).toMatch(/French government/);
    expect(names(e.target)).toEqual(['Syria']);
    expect(e.attributes.action).toBe('RETREAT');
  });

  it("gives a coordinated verb the first verb's subject", () => {
    const doc = code('Chile accused Peru of piracy and sent two warships to the border.');
    expect(names(only(doc, 'ACCUSE').source)).toEqual(['Chile']);
    expect(names(only(doc, 'MOBILIZE').source)).toEqual(['Chile']);
  });

  it('takes the name before an apposition or a bracketed acronym as the actor', () => {
    const a = only(
      code("Ana Ruiz, Bolivia's leading rights activist, staged a hunger strike on Sunday.", [['Ana Ruiz', 'PER']]),
      'PROTEST',
    );
    expect(names(a.source)).toEqual(['Ana Ruiz']);
    const b = only(
      code('The Andean Trade Council (ATC) has agreed to set up an office in Lima.', [
        ['Andean Trade Council', 'ORG'],
        ['ATC', 'ORG'],
      ]),
      'AGREE',
    );
    expect(b.source[0]!.text).toBe('Andean Trade Council');
  });

  it('does not take the troops sent as the target', () => {
    const e = code('Ghana is ready to contribute 2,000 troops to a peacekeeping force in Mali.').events[0]!;
    expect(e.type).toBe('AGREE');
    expect(names(e.target)).toEqual(['Mali']);
  });

  it('takes the owner of an event noun as its source ("the navy\'s request")', () => {
    const e = only(
      code("Chile responded to the Peruvian Navy's request for more patrols.", [['Peruvian Navy', 'ORG']]),
      'REQUEST',
    );
    expect(names(e.source)).toEqual(['Peruvian Navy']);
    expect(names(e.target)).not.toContain('Chile');
  });

  it('keeps two names with ages set off by commas together, but not two clauses joined by ", and"', () => {
    const a = only(
      code('Anton Varga, 20, and Milo Brandt, 24, were arrested on Friday.', [
        ['Anton Varga', 'PER'],
        ['Milo Brandt', 'PER'],
      ]),
      'COERCE',
    );
    expect(names(a.target)).toEqual(['Anton Varga', 'Milo Brandt']);
    expect(a.source).toEqual([]);
    const doc = code('Youths threw stones at the police in Nairobi, and students tried to storm the parliament.');
    for (const e of doc.events) expect(e.source.length + e.target.length).toBeLessThanOrEqual(2);
    expect(doc.events.some((e) => e.target.some((t) => t.text === 'students'))).toBe(false);
  });

  it('reads a participle after a passive or after a comma as passive ("were arrested and held", ", charged with")', () => {
    const doc = code('Ivo Brandt was arrested on Friday and held in a jail, charged with killing a guard.', [
      ['Ivo Brandt', 'PER'],
    ]);
    const charged = only(doc, 'ACCUSE');
    expect(charged.source).toEqual([]);
    expect(charged.target[0]!.text).toBe('Ivo Brandt');
    for (const e of doc.events) expect(e.source.some((a) => a.text === 'Ivo Brandt')).toBe(false);
  });

  it('does not take the agent inside a reduced relative as the subject of the main verb', () => {
    const e = only(
      code('A panel led by Senator Ada Moss is demanding that Veskaria release the prisoners.', [
        ['Ada Moss', 'PER'],
        ['Veskaria', 'LOC'],
      ]),
      'REQUEST',
    );
    expect(e.source.some((a) => a.name === 'Ada Moss')).toBe(false);
  });

  it('reads an office in a place as one person ("the mayor of the city of X")', () => {
    const e = only(
      code('Veskaria on Wednesday released the mayor of the northern city of Dorva.', [
        ['Veskaria', 'LOC'],
        ['Dorva', 'LOC'],
      ]),
      'RETREAT',
    );
    expect(e.target.map((t) => t.text)).toEqual(['mayor of the northern city of Dorva']);
    expect(e.target[0]!.code).toBe('GOV');
  });

  it('takes the "from"/"by" phrase of an event noun as its source ("complaints from X")', () => {
    const e = only(
      code('The minister hit back at complaints from the government of Veskaria on Monday.', [['Veskaria', 'LOC']]),
      'ACCUSE',
    );
    expect(e.source[0]!.text).toBe('government of Veskaria');
    expect(e.source.some((a) => a.text === 'minister')).toBe(false);
  });

  it('does not take a group noun that modifies a thing for an actor ("military exercises")', () => {
    const e = only(code('Veskaria is conducting military exercises near Dorva.', [['Veskaria', 'LOC']]), 'MOBILIZE');
    expect(e.target.some((t) => t.text === 'military')).toBe(false);
    const a = only(code('The military attacked Ivo Brandt.', [['Ivo Brandt', 'PER']]), 'ASSAULT');
    expect(sideWords(a, 'source')).toEqual(['military']);
  });

  it('does not take the route of an act for its target ("marched through X")', () => {
    const e = only(
      code('Supporters of Ivo Brandt marched through Valparaiso on Monday.', [
        ['Ivo Brandt', 'PER'],
        ['Valparaiso', 'LOC'],
      ]),
      'PROTEST',
    );
    expect(e.target).toEqual([]);
    const c = only(code('Police imposed a curfew in Valparaiso.', [['Valparaiso', 'LOC']]), 'COERCE');
    expect(names(c.target)).toEqual(['Valparaiso']);
  });

  it('takes a government department for an actor', () => {
    const e = only(code('The state department criticized Veskaria on Monday.', [['Veskaria', 'LOC']]), 'ACCUSE');
    expect(sideWords(e, 'source')).toEqual(['state department']);
  });

  it('reads an opening participle clause: its object is not the subject, its agent is the main subject', () => {
    const doc = code('Seeing the Veskarian navy, Ivo Brandt surrendered quietly, even though he had resisted.', [
      ['Veskarian', 'MISC'],
      ['Ivo Brandt', 'PER'],
    ]);
    for (const e of doc.events) expect(sideWords(e, 'source').some((a) => /navy/.test(a))).toBe(false);
    expect(only(doc, 'RETREAT').source[0]!.text).toBe('Ivo Brandt');
    const met = only(
      code('Emerging from a meeting with Anna Berg, Dorcas Lane promised to help.', [
        ['Anna Berg', 'PER'],
        ['Dorcas Lane', 'PER'],
      ]),
      'CONSULT',
    );
    expect(names(met.source)).toEqual(['Dorcas Lane']);
    expect(names(met.target)).toEqual(['Anna Berg']);
  });

  it('gives a noun after a temporal preposition the main subject ("spoke after talks with X")', () => {
    const e = only(
      code('Dorcas Lane spoke to reporters after talks in London with Anna Berg.', [
        ['Dorcas Lane', 'PER'],
        ['Anna Berg', 'PER'],
        ['London', 'LOC'],
      ]),
      'CONSULT',
    );
    expect(names(e.source)).toEqual(['Dorcas Lane']);
    expect(names(e.target)).toEqual(['Anna Berg']);
  });

  it('gives the object of a verb of hindering the hindered act, negated ("prevented pirates from attacking")', () => {
    const e = only(
      code('The Veskarian navy prevented Ivo Brandt from attacking a tanker on Saturday.', [
        ['Veskarian', 'MISC'],
        ['Ivo Brandt', 'PER'],
      ]),
      'ASSAULT',
    );
    expect(e.source[0]!.text).toBe('Ivo Brandt');
    expect(e.negated).toBe(true);
  });

  it('reads a passive with an adverb between auxiliary and participle ("is now accused")', () => {
    const e = only(code('Anna Berg is now accused of fraud.', [['Anna Berg', 'PER']]), 'ACCUSE');
    expect(e.source).toEqual([]);
    expect(names(e.target)).toEqual(['Anna Berg']);
  });

  it('never takes a dateline or a bracket escape for an actor', () => {
    const e = only(
      code('LYON: Interpol said it will send a team to Ukraine.', [
        ['LYON', 'LOC'],
        ['Interpol', 'ORG'],
        ['Ukraine', 'LOC'],
      ]),
      'AGREE',
    );
    expect(names(e.source)).toEqual(['Interpol']);
    const b = only(
      code('The EU pledged 400m euros -LRB- $ 500m -RRB- in aid for Haiti.', [
        ['EU', 'ORG'],
        ['LRB', 'ORG'],
        ['Haiti', 'LOC'],
      ]),
      'AGREE',
    );
    expect(names(b.target)).toEqual(['Haiti']);
  });

  it('ignores newsroom boilerplate', () => {
    expect(code('The Brazilian embassy did not respond to a request for comment.').events).toEqual([]);
  });
});

describe('annotateEvents: modality', () => {
  it('flags a denial as negated', () => {
    const e = only(code('Russia denied supplying weapons to the rebels.'), 'AID');
    expect(e.negated).toBe(true);
    expect(e.mode).toBe('denied');
    expect(names(e.source)).toEqual(['Russia']);
  });

  it('flags "could supply" as hypothetical', () => {
    const e = only(code('Officials said France could supply air defence systems to Ukraine.'), 'AID');
    expect(e.hypothetical).toBe(true);
    expect(e.mode).toBe('possible');
    expect(names(e.source)).toEqual(['France']);
  });

  it('gives the act after "let" the modality of its "let"', () => {
    const refused = code('We are not going to let Veskaria board ships, the minister said.', [
      ['Veskaria', 'LOC'],
    ]).events;
    expect(refused).toHaveLength(1);
    expect(refused[0]!.negated).toBe(true);
    const offered = only(
      code('Ardavia would let Belmar attack the convoy.', [
        ['Ardavia', 'LOC'],
        ['Belmar', 'LOC'],
      ]),
      'ASSAULT',
    );
    expect(offered.hypothetical).toBe(true);
    // A plain past "let" reports what happened.
    const done = only(
      code('Ardavia let Belmar attack the convoy.', [
        ['Ardavia', 'LOC'],
        ['Belmar', 'LOC'],
      ]),
      'ASSAULT',
    );
    expect(done.negated || done.hypothetical).toBe(false);
    expect(
      only(code('The navy let the coast guard board the Ivo Brandt on Monday.', [['Ivo Brandt', 'ORG']]), 'COERCE')
        .negated,
    ).toBe(false);
  });

  it('codes "is ready to impose sanctions" as a threat with the intended sanction kept', () => {
    const e = only(code('The European Union is ready to impose sanctions on Belarus.'), 'THREATEN');
    expect(e.mode).toBe('intent');
    expect(e.attributes.action).toBe('SANCTION');
    expect(names(e.target)).toEqual(['Belarus']);
  });

  it('flags a conditional "would breach" as hypothetical', () => {
    const e = code('Analysts said that if Turkey sent troops, it would breach the ceasefire with Syria.').events.find(
      (x) => x.trigger.text.startsWith('breach'),
    );
    expect(e?.hypothetical ?? true).toBe(true);
  });

  it('flags "did not attack" as negated', () => {
    const e = only(code('Pakistan did not attack India last week.'), 'ASSAULT');
    expect(e.negated).toBe(true);
  });

  it('folds the governed act into the governing one', () => {
    const doc = code('France threatened to cut off aid to Chile.');
    expect(doc.events.map((e) => e.type)).toEqual(['THREATEN']);
    expect(doc.events[0]!.attributes.action).toBe('SANCTION');
  });
});

describe('annotateEvents: domain attributes', () => {
  it('reads a missile launch: count, class, sea area, range and altitude', () => {
    const doc = code(
      'North Korea fired two short-range ballistic missiles into the Sea of Japan on Thursday. The missiles flew about 400km and reached an altitude of 50 km.',
      [['Sea of Japan', 'LOC']],
    );
    const e = only(doc, 'MOBILIZE');
    expect(e.attributes.count).toBe(2);
    expect(e.attributes.class).toEqual(['short-range', 'ballistic']);
    expect(e.attributes.seaArea).toBe('Sea of Japan');
  });

  it('reads a military drill: participants, name and duration', () => {
    const e = only(
      code('South Korea and the United States will hold Iron Tide drills for ten days.', [['Iron Tide', 'MISC']]),
      'MOBILIZE',
    );
    expect(e.mode).toBe('intent');
    expect(e.attributes.name).toBe('Iron Tide');
    expect(e.attributes.participants).toEqual(['South Korea', 'United States']);
    expect(e.attributes.duration).toBe('10 days');
  });

  it('reads a sanction: imposer and sanctioned', () => {
    const e = only(code('Canada imposed sanctions on Venezuela on Friday.'), 'SANCTION');
    expect(e.attributes.imposer).toEqual(['Canada']);
    expect(e.attributes.sanctioned).toEqual(['Venezuela']);
  });

  it('reads a personnel change with the successor', () => {
    const e = only(
      code('President Ana Reyes sacked the navy chief, who was replaced by Admiral Luis Mora.', [
        ['Ana Reyes', 'PER'],
        ['Luis Mora', 'PER'],
      ]),
      'COERCE',
    );
    expect(e.attributes.replacedBy).toBe('Luis Mora');
  });

  it('codes nothing without an actor', () => {
    expect(code('The meeting ended late in the evening.').events).toEqual([]);
  });
  it('a meeting verb reports the meeting, an intention to meet is read from the verb group', () => {
    const met = code('The president met with Chilean leaders in Santiago.');
    expect(met.events.map((e) => [e.type, e.mode])).toEqual([['CONSULT', null]]);
    const will = code('The president will meet with Chilean leaders.');
    expect(will.events.map((e) => [e.type, e.mode, e.attributes.action])).toEqual([['AGREE', 'intent', 'CONSULT']]);
    expect(code('Chile plans talks with Peru.').events.map((e) => e.type)).toEqual(['AGREE']);
  });

  it('a meeting noun keeps its "with" phrase past a place or time', () => {
    const doc = code('Chile spoke after talks in Lima with Peru.');
    expect(doc.events.map((e) => [e.type, e.target.map((a) => a.code)])).toContainEqual(['CONSULT', ['PER']]);
    expect(code('Chile had three brief conversations with Peru.').events.map((e) => e.type)).toEqual(['CONSULT']);
  });
});
