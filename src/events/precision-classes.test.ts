import { describe, expect, it } from 'vitest';
import { codeEvents, eventTypes as types } from './test-doc.js';

const code = codeEvents;

// Classes of false events, each with a sentence that must code nothing of the class and its counterpart that must.
describe('precision classes', () => {
  it('a question reports no act', () => {
    expect(types(code('Has France ever called for sanctions on Chile?'))).toEqual([]);
    expect(types(code('Would it not be better for France to send aid to Chile?'))).toEqual([]);
    expect(types(code('France asked Chile to hold elections.'))).toContain('REQUEST');
  });
  it('"help" governing a verb is the governed act, not aid', () => {
    expect(types(code('The French envoy helped prepare the summit with Chile.'))).not.toContain('AID');
    expect(types(code('A French envoy was sent to help to rebuild the bridge.'))).not.toContain('AID');
    // With a beneficiary between, the help is given to a party.
    expect(types(code('France helped Chile rebuild the bridge.'))).toContain('AID');
    expect(types(code('France helped Chile after the floods.'))).toContain('AID');
  });
  it('publishing a statement or a video is no release', () => {
    expect(types(code('France released a video of the talks with Chile.'))).not.toContain('RETREAT');
    expect(types(code('In a statement released by France, Chile was praised.'))).not.toContain('RETREAT');
    expect(types(code('Chile released two French prisoners.'))).toContain('RETREAT');
  });
  it('coming back is no return of persons or property', () => {
    expect(
      types(code('Ivo Brandt returned to Paris for a meeting of the Chilean council.', [['Ivo Brandt', 'PER']])),
    ).not.toContain('RETREAT');
    expect(types(code('Chile returned the seized ship to France.'))).toContain('RETREAT');
  });
  it('"push back" and "push through" are no demand', () => {
    expect(types(code('The French government pushed back on claims by Chile.'))).not.toContain('REQUEST');
    expect(types(code('The French government pushed Chile to hold elections.'))).toContain('REQUEST');
  });
  it('teams and players with no political actor do nothing PLOVER codes', () => {
    expect(
      types(
        code('Ivo Brandt helped rally the Lions to the playoffs.', [
          ['Ivo Brandt', 'PER'],
          ['Lions', 'ORG'],
        ]),
      ),
    ).toEqual([]);
    expect(types(code('The referee asked Ivo Brandt to stop the fight.', [['Ivo Brandt', 'PER']]))).toEqual([]);
    // A state at a sports event still acts.
    expect(types(code('France praised Chile at the Olympics.'))).toEqual(['SUPPORT']);
  });
  it('an -ed form after a preposition describes a noun, it reports no act', () => {
    expect(
      types(code('Ivo Brandt spoke of a shortfall in pledged funds from Chile.', [['Ivo Brandt', 'PER']])),
    ).toEqual([]);
    expect(types(code('Ivo Brandt pledged support to Chile.', [['Ivo Brandt', 'PER']]))).toContain('AGREE');
  });
  it('denying having done something is no rejection', () => {
    expect(types(code('France denied sending envoys to the talks with Chile.'))).not.toContain('REJECT');
    expect(types(code('France denied the request from Chile.'))).toContain('REJECT');
  });
  it('talking about a topic is no meeting', () => {
    expect(types(code('The Chilean minister talked about France on Monday.'))).not.toContain('CONSULT');
    expect(types(code('The French envoy talked about trade with Chile.'))).toContain('CONSULT');
  });
  it('"jail" as a noun is a place, not an act', () => {
    const held = code('Ivo Brandt was seen in a Chilean police jail.', [['Ivo Brandt', 'PER']]);
    expect(types(held)).toEqual([]);
    expect(types(code('Chile will jail Ivo Brandt.', [['Ivo Brandt', 'PER']]))).toHaveLength(1);
  });
  it('helping with a task names no recipient of aid', () => {
    expect(types(code('The French envoy helped with the talks in Chile.'))).not.toContain('AID');
    expect(types(code('France helped Chile with the damage claims.'))).toContain('AID');
  });
  it('a participle clause after an attack tells its result, not a second attack', () => {
    const doc = code('Rebels opened fire on a Chilean army post, killing two soldiers.');
    expect(types(doc).filter((t) => t === 'ASSAULT')).toHaveLength(1);
    const two = code('Rebels shelled a Chilean army post and later killed two French soldiers.');
    expect(types(two).filter((t) => t === 'ASSAULT').length).toBeGreaterThan(1);
  });
  it('an accident in the main clause is the cause of a participle clause of killing', () => {
    expect(types(code('A bus crashed into a ravine in Peru, killing 20 passengers.'))).not.toContain('ASSAULT');
    expect(types(code('A fire swept through a factory in Chile, killing 40 workers.'))).not.toContain('ASSAULT');
    expect(types(code('Rebels stormed a village in Chile, killing 20 farmers.'))).toContain('ASSAULT');
    expect(types(code('Gunmen opened fire on a bus in Chile, killing 20 passengers.'))).toContain('ASSAULT');
  });
  it('a game with a score is no attack', () => {
    expect(types(code('Chile beat Peru 2-1 in Santiago.'))).not.toContain('ASSAULT');
    expect(types(code('Chile attacked Peru in 2019.'))).toContain('ASSAULT');
  });
  it('people who evacuate leave; evacuating others is aid', () => {
    expect(types(code('Floods hit the coast of Chile, forcing thousands to evacuate.'))).not.toContain('AID');
    expect(types(code('The French navy evacuated 300 civilians from Chile.'))).toContain('AID');
  });
  it('a disaster named as the cause after the verb kills, no one attacks', () => {
    expect(types(code('Dozens of people in Chile were killed in the floods.'))).not.toContain('ASSAULT');
    expect(types(code('Dozens of people in Chile were killed in a bomb explosion.'))).toContain('ASSAULT');
  });
  it('capturing people is seizure or arrest (COERCE), as CAMEO codes it', () => {
    expect(types(code('The French navy captured eight pirates off Chile.'))).toEqual(['COERCE']);
  });
  it('causing, paying for a thing and figurative giving are no aid', () => {
    expect(types(code('Low oil prices contributed to the decline of the French economy.'))).not.toContain('AID');
    expect(types(code('France contributed troops to the mission in Chile.'))).toContain('AID');
    expect(types(code('The French ministry is funding research on cancer.'))).not.toContain('AID');
    expect(types(code('The French ministry is funding rebels in Chile.'))).toContain('AID');
    expect(types(code('France supplied the evidence to the court.'))).not.toContain('AID');
    expect(types(code('Ivo Brandt lent his voice to the campaign.', [['Ivo Brandt', 'PER']]))).not.toContain('AID');
    expect(types(code('France supplied weapons to Chile.'))).toContain('AID');
  });
  it('a legal appeal is court procedure, not a request to an actor', () => {
    expect(types(code('Ivo Brandt appealed the ruling of the French court.', [['Ivo Brandt', 'PER']]))).toEqual([]);
    expect(types(code('Ivo Brandt will appeal to a higher court in France.', [['Ivo Brandt', 'PER']]))).toEqual([]);
    expect(types(code('Chile appealed to France for help.'))).toEqual(['REQUEST']);
  });
});

// What the precision classes above must leave alone: the same words in a real event.
describe('precision classes keep the events they resemble', () => {
  it('a published thing that only modifies the object is no publication', () => {
    expect(types(code('The Taliban freed the film crew on Monday.'))).toContain('RETREAT');
    expect(types(code('The junta released the poll workers detained in Niamey.'))).toContain('RETREAT');
    expect(types(code('Militants freed a video journalist held in Syria.'))).toContain('RETREAT');
    expect(types(code('France released a video showing the talks with Chile.'))).not.toContain('RETREAT');
  });
});
describe('a question after a colon or a quote', () => {
  it('asks only in its own clause; the report before it stands', () => {
    const doc = code('Israel bombed a school in Gaza on Monday, prompting the question: who will stop this?');
    expect(types(doc)).toContain('ASSAULT');
    expect(types(code('The French envoy asked: will Chile ever call for sanctions on Peru?'))).not.toContain(
      'SANCTION',
    );
    expect(types(code('France said "Will Chile attack Peru?"'))).toEqual([]);
  });
});
describe('a fire or an accident verb with an agent is no disaster', () => {
  it('keeps attacks near a fire that is no cause, or a sinking someone did', () => {
    const hotel = code('Under cover of the fire, gunmen stormed the hotel in Mogadishu, killing 12 guests.');
    expect(types(hotel)).toContain('ASSAULT');
    expect(types(code('Two protesters were killed in the fire that police started at the camp.'))).toContain('ASSAULT');
    expect(types(code('Three soldiers were killed when rebels sank their patrol boat.'))).toContain('ASSAULT');
    // The fire or the sinking as the cause still kills with no one attacking.
    expect(types(code('Two people in Chile were killed in the fire.'))).not.toContain('ASSAULT');
    expect(types(code('The ferry sank off Chile, killing 40 passengers.'))).not.toContain('ASSAULT');
  });
});
describe('a participle clause of killing after an attack', () => {
  it('gives its victims to the attack, and an abduction stays an act of its own', () => {
    const fire = code('Troops returned fire, killing three militants.').events.filter((e) => e.type === 'ASSAULT');
    expect(fire.map((e) => e.target.map((a) => a.code))).toEqual([['REB']]);
    const raid = code('Russian troops attacked the village on Monday, abducting 20 Ukrainian civilians.');
    expect(raid.events.flatMap((e) => e.target.map((a) => a.code))).toContain('UKRCVL');
  });
});
describe('"capture"', () => {
  it('takes persons (COERCE) or places by force (ASSAULT); on video it records', () => {
    expect(types(code('Rebels captured the city of Goma on Sunday.'))).toEqual(['ASSAULT']);
    expect(types(code('Rebels captured two Chilean soldiers.'))).toEqual(['COERCE']);
    expect(types(code('Police in Chile captured the attack on camera.'))).toEqual([]);
  });
});
describe('talk, contribute and help keep the events they code', () => {
  it('two parties talking about a topic meet', () => {
    const doc = code('Russian and Ukrainian negotiators talked about a ceasefire in Istanbul.');
    expect(types(doc)).toContain('CONSULT');
  });
  it('contributing to a party and helping a party named after the governed verb is aid', () => {
    expect(types(code('Japan contributed to the reconstruction of Ukraine.'))).toContain('AID');
    expect(types(code('Russia helped rebuild the Syrian army after 2015.'))).toContain('AID');
    expect(types(code('Low oil prices contributed to the decline of the French economy.'))).not.toContain('AID');
  });
});
describe('sports words', () => {
  it('after a request between people do not make it a game', () => {
    const doc = code('Ali Hassan, a mechanic, asked Omar Saleh to lend him money for the match tickets.', [
      ['Ali Hassan', 'PER'],
      ['Omar Saleh', 'PER'],
    ]);
    expect(types(doc)).toContain('REQUEST');
  });
});
describe('help with an owner in the object', () => {
  it('helping sort a party’s files gives that party no aid', () => {
    const doc = code('Ivo Brandt, a French clerk, helped sort Chile’s customs files.', [['Ivo Brandt', 'PER']]);
    expect(types(doc)).not.toContain('AID');
  });
});
