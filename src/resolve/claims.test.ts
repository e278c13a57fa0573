import { describe, expect, it } from 'vitest';
import { ClaimGrouper } from './claim-grouper.js';
import { claimWords, LOWER, NAME, OPENING, UNCASED } from './claim-words.js';
import { claimGroupId, contentWords, groupClaims, type GroupableClaim } from './claims.js';

const claim = (
  id: string,
  proposition: string,
  stance: GroupableClaim['stance'],
  claimantKey: string | null,
  targetKeys: string[] = [],
): GroupableClaim => ({ id, proposition, stance, claimantKey, targetKeys });

const CLAIMS: GroupableClaim[] = [
  claim('a:c0', 'the ministry said the harbour authority let the tanker dump oil near the reef', 'asserts', 'ministry'),
  claim(
    'a:c1',
    'the coast guard accused the harbour authority of covering up the oil dumping',
    'accuses',
    'coastguard',
    ['authority'],
  ),
  claim('b:c0', 'the harbour authority denied that any oil was dumped near the reef', 'denies', 'authority', [
    'authority',
  ]),
  claim('b:c1', 'fishing crews said catches fell by half this season', 'asserts', 'crews'),
  claim('c:c0', 'the mayor promised a new ferry terminal by next summer', 'asserts', 'mayor'),
];

describe('claim groups', () => {
  it('groups an accusation with the denial and the assertion about the same proposition, seeded by the accusation', () => {
    const groups = groupClaims(CLAIMS);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.claimIds).toEqual(['a:c0', 'a:c1', 'b:c0']);
    expect(groups[0]!.proposition).toBe(CLAIMS[1]!.proposition);
    expect(groups[0]!.id).toBe(claimGroupId(['b:c0', 'a:c1', 'a:c0']));
  });

  it('puts a bare denial by the accused beside the accusation it answers, in another report', () => {
    const groups = groupClaims([
      claim('a:c0', 'the harbour authority let the tanker dump oil near the reef', 'accuses', 'coastguard', [
        'authority',
      ]),
      claim('b:c0', 'the allegations', 'denies', 'authority'),
      claim('c:c0', 'the reports', 'denies', 'ferries'),
    ]);
    expect(groups.map((g) => g.claimIds)).toEqual([['a:c0', 'b:c0']]);
  });

  it('reads contractions of function words as function words, with either apostrophe', () => {
    expect([...contentWords("We don’t know why the ferry didn't sail; they're sure it won't, I've heard")]).toEqual([
      'know',
      'ferry',
      'sail',
      'sure',
      'heard',
    ]);
    // A possessive is a name's, not a contraction; a word with an apostrophe inside stays a word.
    expect([...contentWords("Skarn's ferry left at nine o'clock")]).toEqual([
      'skarn',
      'ferry',
      'left',
      'nine',
      "o'clock",
    ]);
  });

  it('does not group two claims that share only a contraction and a name', () => {
    expect(
      groupClaims([
        claim('a:c0', 'Skarn don’t pay the harbour toll', 'accuses', 'ports', ['skarn']),
        claim('b:c0', 'we don’t trust Skarn with the lighthouse', 'asserts', 'crews', ['skarn']),
      ]),
    ).toEqual([]);
  });

  it('leaves claims about other things alone', () => {
    const ids = groupClaims(CLAIMS).flatMap((g) => g.claimIds);
    expect(ids).not.toContain('b:c1');
    expect(ids).not.toContain('c:c0');
  });

  it('needs a shared actor for a weak overlap: an opposed pair about the same actor links, strangers do not', () => {
    const weak = [
      claim(
        'x:c0',
        'Belmar shelled the border villages overnight, killing civilians in the market square',
        'accuses',
        'ardavia',
        ['belmar'],
      ),
      claim(
        'x:c1',
        'Belmar said its forces never shelled villages and blamed rebel mortar crews operating nearby',
        'denies',
        'belmar',
        ['belmar'],
      ),
    ];
    expect(groupClaims(weak)).toHaveLength(1);
    const strangers = weak.map((c) => ({ ...c, claimantKey: null, targetKeys: [] }));
    expect(groupClaims(strangers)).toHaveLength(0);
  });

  it('numbers claims in the order added and reports groups by those numbers', () => {
    const g = new ClaimGrouper();
    for (const c of CLAIMS) g.add(c.proposition, c.claimantKey, c.stance, c.targetKeys);
    expect(g.size).toBe(CLAIMS.length);
    expect(g.finish()).toEqual([{ seed: 1, members: [0, 1, 2] }]);
  });

  it('a word said in very many claims proposes no pairs by itself', () => {
    const many = Array.from({ length: 600 }, (_, i) =>
      claim(`m:c${i}`, `officials warned about the blockade again number${i}`, 'asserts', null),
    );
    const groups = groupClaims(many);
    // "officials", "warned", "blockade" are in all 600 claims: too common to link anything.
    expect(groups).toHaveLength(0);
  });

  it('does not lower the bar for two claims that only name the same actor', () => {
    const groups = groupClaims([
      claim('a:c0', 'the harbour authority crane ignored warnings about rust before the collapse', 'accuses', 'union', [
        'authority',
      ]),
      claim(
        'b:c0',
        'the harbour authority will buy a crane, tugboats and pilot launches next spring',
        'asserts',
        'mayor',
        ['authority'],
      ),
    ]);
    // Three shared words of seven and eight: below the ordinary bar, above the one for claims that answer each other.
    expect(groups).toHaveLength(0);
    const answered = groupClaims([
      claim('a:c0', 'the harbour authority crane ignored warnings about rust before the collapse', 'accuses', 'union', [
        'authority',
      ]),
      claim(
        'b:c0',
        'the harbour authority will buy a crane, tugboats and pilot launches next spring',
        'asserts',
        'authority',
      ),
    ]);
    expect(answered).toHaveLength(1);
  });

  it('joins two groups when a member of one is linked to the seed of the other', () => {
    const groups = groupClaims([
      claim('a:c0', 'Varga founded the smuggling ring that runs the northern port', 'accuses', 'police', ['varga']),
      claim('b:c0', 'Varga is the founder of the smuggling ring at the northern harbour', 'asserts', 'paper', [
        'varga',
      ]),
      claim('c:c0', 'the founder of the smuggling ring, Varga, controls the harbour docks', 'asserts', 'mayor'),
      claim('d:c0', 'Varga controls the harbour docks and the customs sheds', 'accuses', 'union', ['varga']),
      claim('e:c0', 'the customs sheds at the docks are controlled by Varga', 'asserts', 'guard'),
    ]);
    expect(groups.map((g) => g.claimIds)).toEqual([['a:c0', 'b:c0', 'c:c0', 'd:c0', 'e:c0']]);
  });

  it('puts an accusation and every reported denial of it in one group, whatever words each report uses', () => {
    // One proposition in five reports: supplied / delivering / transferred / sent; shells, missiles / weapons /
    // munitions / arms; the denials call it groundless or baseless or say it did not happen.
    const groups = groupClaims([
      claim('a:c0', 'Veskaria has supplied artillery shells and missiles to the Brask militia', 'accuses', 'nor', [
        'ves',
        'militia',
      ]),
      claim('a:c1', 'the accusation was groundless and a provocation', 'denies', 'ves', ['nor']),
      claim('b:c0', 'Portavel has been delivering weapons to the militia for months', 'accuses', 'nor', [
        'ves',
        'militia',
      ]),
      claim(
        'b:c1',
        'Veskaria never transferred any munitions to the militia, and the claim is baseless',
        'denies',
        'ves',
        ['militia'],
      ),
      claim('c:c0', 'we have not sent a single weapon across the border', 'denies', 'ves'),
      claim(
        'd:c0',
        'the reports of arms deliveries were fabricated by Aldmark to justify its blockade',
        'denies',
        'ves',
        ['nor'],
      ),
      claim('d:c1', 'the harbour will reopen on Monday', 'asserts', 'port'),
      claim('e:c0', 'the militia received arms supplies from Veskaria', 'asserts', 'observers', ['militia', 'ves']),
    ]);
    expect(groups.map((g) => g.claimIds)).toEqual([['a:c0', 'a:c1', 'b:c0', 'b:c1', 'c:c0', 'd:c0', 'e:c0']]);
    expect(groups[0]!.proposition).toBe('Veskaria has supplied artillery shells and missiles to the Brask militia');
  });

  it('joins a group that denials started to the accusation they answer', () => {
    const groups = groupClaims([
      claim(
        'a:c0',
        'Veskaria has been arming the Brask militia with rockets through the mountain passes',
        'accuses',
        'nor',
        ['ves', 'militia'],
      ),
      claim(
        'b:c0',
        'not a single Veskarian missile has crossed the mountain border, the ministry of defence stated',
        'denies',
        'ves',
      ),
      claim(
        'c:c0',
        'no Veskarian missile has crossed the mountain border, the defence ministry stated',
        'denies',
        'ves',
      ),
      claim('d:c0', 'the harbour will reopen on Monday after repairs to the mountain road', 'asserts', 'port'),
    ]);
    expect(groups.map((g) => g.claimIds)).toEqual([['a:c0', 'b:c0', 'c:c0']]);
    // A denial by someone the accusation is not about stays apart when it shares little.
    const stranger = groupClaims([
      claim(
        'a:c0',
        'Veskaria has been arming the Brask militia with rockets through the mountain passes',
        'accuses',
        'nor',
        ['ves'],
      ),
      claim('b:c0', 'the ferry company denies that the mountain tunnel will close in the spring', 'denies', 'ferries'),
    ]);
    expect(stranger).toHaveLength(0);
  });
});

describe('claim groups joined through their members', () => {
  // Two seeds worded apart, each gathering its paraphrases; the paraphrases of one link to those of the other.
  const A = claim('a:c0', 'Varga bribed the clerks with brandy', 'accuses', null);
  const B = claim('b:c0', 'stolen engines were waved through for cash', 'accuses', null);
  const ferry = claim('g:c0', 'the ferry to the islands will run twice a day in summer', 'asserts', null);

  it('joins two groups whose members are linked pairwise three times or more, though neither seed is reached', () => {
    const groups = groupClaims([
      A,
      B,
      claim('c:c0', 'Varga bribed customs officers', 'asserts', null),
      claim('d:c0', 'Varga bribed the customs officers at the quay', 'asserts', null),
      claim('e:c0', 'customs officers waved through stolen engines', 'asserts', null),
      claim('f:c0', 'stolen engines passed the customs officers at night', 'asserts', null),
      ferry,
    ]);
    expect(groups.map((g) => g.claimIds)).toEqual([['a:c0', 'b:c0', 'c:c0', 'd:c0', 'e:c0', 'f:c0']]);
  });

  it('keeps them apart on a single link between members', () => {
    const groups = groupClaims([
      A,
      B,
      claim('c:c0', 'Varga bribed customs officers', 'asserts', null),
      claim('e:c0', 'customs officers waved through stolen engines', 'asserts', null),
      ferry,
    ]);
    expect(groups.map((g) => g.claimIds)).toEqual([
      ['a:c0', 'c:c0'],
      ['b:c0', 'e:c0'],
    ]);
  });
});

describe('content words', () => {
  it('reads a known organization by any of its names or abbreviations as one word', () => {
    expect(contentWords('the World Health Organization closed the clinic')).toEqual(
      contentWords('the WHO closed the clinic'),
    );
    expect([...contentWords('the Red Cross closed the clinic')]).toContain('@icrc');
    // Whole names as written: a lower-case "who", a longer word holding a name, are not the organization.
    expect([...contentWords('who closed the clinic')]).not.toContain('@who');
    expect([...contentWords('the WHOLESALE market closed')]).not.toContain('@who');
  });
});

describe('a claim group is one proposition', () => {
  // One accused state, one island, three different acts: jamming signals, landing troops, cutting a power line.
  const jamming = claim('a:c0', 'Belmar of jamming radio signals around Ostrel Island', 'accuses', 'tarv', ['bel']);

  it('does not join claims that share only the names of actors and places', () => {
    const groups = groupClaims([
      jamming,
      claim('b:c0', 'any plan to land troops on Ostrel Island', 'denies', 'bel'),
      claim('c:c0', 'sabotaging a power line near Ostrel Island, telling the council Tarvonia lied', 'denies', 'bel', [
        'tarv',
      ]),
      claim('d:c0', 'Belmar had shipped rifles to Ostrel Island', 'accuses', 'tarv', ['bel']),
    ]);
    expect(groups).toEqual([]);
  });

  it('still joins the accused denying the same act in words of its own', () => {
    const groups = groupClaims([
      jamming,
      claim('b:c0', 'any plan to land troops on Ostrel Island', 'denies', 'bel'),
      claim('c:c0', 'our navy has never interfered with a single signal near the island', 'denies', 'bel', ['tarv']),
      claim('d:c0', 'Belmar jammed the radio of two fishing boats off Ostrel Island', 'accuses', 'tarv', ['bel']),
    ]);
    expect(groups.map((g) => g.claimIds)).toEqual([['a:c0', 'c:c0', 'd:c0']]);
  });
});

describe('what joins a claim to a group', () => {
  it('a bare denial by an actor accused of several things joins none of them', () => {
    const charges = [
      claim('a:c0', 'Belmar jammed radio signals over the strait', 'accuses', 'tarv', ['bel']),
      claim('b:c0', 'Belmar cut the power cable to the lighthouse', 'accuses', 'tarv', ['bel']),
    ];
    expect(groupClaims([...charges, claim('c:c0', 'the vessel was sheltering from a gale', 'denies', 'bel')])).toEqual(
      [],
    );
    // Accused of one thing, the same denial answers it.
    expect(
      groupClaims([charges[0]!, claim('c:c0', 'the vessel was sheltering from a gale', 'denies', 'bel')]).map(
        (g) => g.claimIds,
      ),
    ).toEqual([['a:c0', 'c:c0']]);
  });

  it('an answer shares two words that are no names to clear the lower bar', () => {
    const jam = claim(
      'a:c0',
      'Belmar of jamming satellite navigation signals around Ostrel Island',
      'accuses',
      'tarv',
      ['bel'],
    );
    const other = claim('x:c0', 'the ferry timetable changes in spring', 'asserts', 'port');
    // "navigation" of free passage is not the jammed navigation signals.
    const freedom = claim('b:c0', 'Belmar and Tarvonia must restore navigation', 'asserts', 'lee', ['bel', 'tarv']);
    expect(groupClaims([jam, freedom, other])).toEqual([]);
    const denial = claim('c:c0', 'its ships never jammed any navigation signals', 'denies', 'bel', ['tarv']);
    expect(groupClaims([jam, denial, other]).map((g) => g.claimIds)).toEqual([['a:c0', 'c:c0']]);
  });

  it('joins two groups only on the ordinary bar, not on the lower bar of an answer', () => {
    const charge = 'Belmar of jamming radio signals, saying a ferry and two fishing boats off the coast lost contact';
    const ferries = [
      claim('c:c0', 'the ferry to the coast will resume sailing on Friday', 'asserts', 'port', ['bel']),
      claim('d:c0', 'ferry services to the coast will resume on Friday', 'asserts', 'tarv'),
    ];
    const groups = groupClaims([
      claim('a:c0', charge, 'accuses', 'tarv', ['bel']),
      claim('b:c0', charge, 'denies', 'bel', ['bel']),
      ...ferries,
    ]);
    expect(groups.map((g) => g.claimIds)).toEqual([
      ['a:c0', 'b:c0'],
      ['c:c0', 'd:c0'],
    ]);
  });
});

describe('claim words', () => {
  it('tells names from common words by their capitals, not at the opening of a sentence', () => {
    const w = claimWords('Ships saw the Ostrel Island lights. Island ferries stopped; the island port closed');
    expect(w.get('ostrel')).toBe(NAME);
    expect(w.get('island')).toBe(LOWER);
    expect(w.get('ship')).toBe(OPENING);
    expect(w.get('light')).toBe(LOWER);
  });
});

describe('one proposition across outlets', () => {
  it('puts the accusation and the denials of four reports on one card, apart from another charge against the same state', () => {
    const groups = groupClaims([
      // Outlet A: the charge and the accused's denial in its own words.
      claim('a:c0', 'Belmar has been shipping rifles and mortars to the Hollow Ridge militia', 'accuses', 'tarv', [
        'bel',
        'ridge',
      ]),
      claim('a:c1', 'Belmar has never delivered a single weapon to any militia', 'denies', 'bel'),
      // Outlet B: the same charge in other words, denied again.
      claim('b:c0', 'Belmarian trucks carried weapons to the militia at Hollow Ridge', 'accuses', 'tarv', ['bel']),
      claim('b:c1', 'no Belmarian arms have reached the militia', 'denies', 'bel', ['ridge']),
      // Outlet C: only the denial is reported, in words of its own.
      claim('c:c0', 'its army supplied no munitions to the Hollow Ridge militia', 'denies', 'bel', ['ridge']),
      // Outlet D: the denial, and another charge against the same state on the same ridge.
      claim('d:c0', 'the stories of arms shipments to the militia were invented in Tarvonia', 'denies', 'bel', [
        'tarv',
      ]),
      claim('d:c1', 'Belmar of jamming radio signals around Hollow Ridge', 'accuses', 'tarv', ['bel']),
      claim('e:c0', 'Belmarian drones jammed the radio signals of border posts near Hollow Ridge', 'accuses', 'tarv', [
        'bel',
      ]),
    ]);
    expect(groups.map((g) => g.claimIds)).toEqual([
      ['a:c0', 'a:c1', 'b:c0', 'b:c1', 'c:c0', 'd:c0'],
      ['d:c1', 'e:c0'],
    ]);
  });
});

describe('claims whose capitals say nothing (headlines in capitals or title case)', () => {
  const lower = claim('b:c0', 'Veskaria shelled the border village of Lusk overnight', 'accuses', 'dren', ['vesk']);

  it('joins a charge written in capitals or in title case to the same charge in running text', () => {
    for (const headline of ['VESKARIA SHELLED THE BORDER VILLAGE OF LUSK', 'Veskaria Shelled Border Village of Lusk']) {
      const groups = groupClaims([claim('a:c0', headline, 'accuses', 'dren', ['vesk']), lower]);
      expect(groups.map((g) => g.claimIds)).toEqual([['a:c0', 'b:c0']]);
    }
    // Two headlines in capitals, no running text to say which words are names: the words count as common ones.
    const caps = [
      claim('a:c0', 'VESKARIA SHELLED THE BORDER VILLAGE OF LUSK', 'accuses', 'dren', ['vesk']),
      claim('c:c0', 'VESKARIAN GUNS SHELLED BORDER VILLAGE', 'accuses', 'dren', ['vesk']),
    ];
    expect(groupClaims(caps).map((g) => g.claimIds)).toEqual([['a:c0', 'c:c0']]);
  });

  it('still tells the names of a headline from its words when running text writes them', () => {
    // Counterpart: the headline shares only the names (and no act) with a charge of poisoning wells.
    const wells = claim('b:c0', 'Veskaria poisoned the wells of Lusk', 'accuses', 'dren', ['vesk']);
    const headline = claim('a:c0', 'VESKARIA SHELLED THE BORDER VILLAGE OF LUSK', 'accuses', 'dren', ['vesk']);
    expect(groupClaims([headline, wells])).toEqual([]);
    // A claim of two names and nothing else keeps its capitals as names.
    expect(claimWords('the Ostrel Island').get('ostrel')).toBe(NAME);
    expect(claimWords('VESKARIA SHELLED THE BORDER VILLAGE').get('shell')).toBe(UNCASED);
  });
});

describe('the accused denying a charge that stands alone', () => {
  const charge = claim(
    'a:c0',
    'Belmar of shelling the border village of Orvik, saying artillery fire destroyed a school',
    'accuses',
    'tarv',
    ['bel'],
  );

  it('joins the charge when it names the act and the place, in words of its own', () => {
    const denial = claim('b:c0', 'as baseless the charge that its troops shelled Orvik', 'denies', 'bel', ['tarv']);
    expect(groupClaims([charge, denial]).map((g) => g.claimIds)).toEqual([['a:c0', 'b:c0']]);
  });

  it('does not join when someone else denies, or when only the place is shared', () => {
    // A third party denying with the same words: the lower bar of an answer still needs two words that are no names.
    const other = claim('b:c0', 'as baseless the charge that its troops shelled Orvik', 'denies', 'lee', ['tarv']);
    expect(groupClaims([charge, other])).toEqual([]);
    // The accused denying something else at the same place.
    const landing = claim('c:c0', 'as baseless the story that its troops landed at Orvik', 'denies', 'bel', ['tarv']);
    expect(groupClaims([charge, landing])).toEqual([]);
  });
});
