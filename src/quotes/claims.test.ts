import { describe, expect, it } from 'vitest';
import { taggedDoc } from '../language/test-tagger.js';
import { annotateQuotes } from './annotate.js';
import { claimKind } from './claims.js';

const plain = { hasTarget: false, label: false };
const aimed = { hasTarget: true, label: false };

describe('claimKind', () => {
  it('leaves out statements that are no claims', () => {
    expect(claimKind('asserts', 'Thank you all for coming tonight', plain)).toBeNull();
    expect(claimKind('asserts', 'We are deeply saddened by the news', plain)).toBeNull();
    expect(claimKind('asserts', "Let's get this road open", plain)).toBeNull();
    expect(claimKind('questions', 'Where were the inspectors?', plain)).toBeNull();
    expect(claimKind('asserts', 'Is the pier safe, OK?', plain)).toBeNull();
    // A question tag asks to be agreed with: the statement before it stands.
    expect(claimKind('asserts', 'He built the pier without a permit, OK?', plain)).toBe('asserts');
    expect(claimKind('asserts', "The pier was closed for a reason, wasn't it?", plain)).toBe('asserts');
    expect(claimKind('asserts', 'grilled harbour fish', { hasTarget: false, label: true })).toBeNull();
    // A toast names what is toasted; "To be clear, …" opens a statement.
    expect(claimKind('asserts', 'To the friendship of our two ports!', plain)).toBeNull();
    expect(claimKind('asserts', 'To be clear, the port stays closed', plain)).toBe('asserts');
    expect(claimKind('promises', 'to ensure the safety of the port', plain)).toBe('promises');
  });

  it('leaves out a short fragment with no verb, unless a naming cue makes it a predicate', () => {
    expect(claimKind('asserts', 'quite carefully', plain)).toBeNull();
    expect(claimKind('asserts', 'a shaky state of the harbour', plain)).toBeNull();
    expect(claimKind('asserts', 'as a rusty wreck', plain)).toBeNull();
    expect(claimKind('asserts', "the mayor's fish stew", plain)).toBeNull();
    // "called the mayor the port's worst enemy": the cue is the verb.
    expect(claimKind('asserts', "the port's worst enemy", { ...plain, naming: true })).toBe('asserts');
    // A verb makes it a statement, however short.
    expect(claimKind('asserts', "the mayor doesn't fish", plain)).toBe('asserts');
    expect(claimKind('asserts', 'the pier collapsed', plain)).toBe('asserts');
    expect(claimKind('asserts', 'they sail tonight', plain)).toBe('asserts');
    expect(claimKind('asserts', 'the ferries sank', plain)).toBe('asserts');
    expect(claimKind('asserts', "it's over", plain)).toBe('asserts');
    expect(claimKind('asserts', 'sinking fast', plain)).toBe('asserts');
    expect(claimKind('asserts', 'the nets were mended', plain)).toBe('asserts');
    // A pronoun that looks like a determiner can be the subject; "'s" may be "is".
    expect(claimKind('asserts', 'that happened twice', plain)).toBe('asserts');
    expect(claimKind('asserts', 'this changed everything', plain)).toBe('asserts');
    expect(claimKind('asserts', 'some resigned', plain)).toBe('asserts');
    expect(claimKind('asserts', 'a storm that flooded the town', plain)).toBe('asserts');
    expect(claimKind('asserts', "the ship's sinking", plain)).toBe('asserts');
    // A form in -ed or -ing after a determiner is a noun or an adjective; some words only look like one; hyphenated
    // compounds are modifiers and capitalized words names.
    expect(claimKind('asserts', 'a building on the quay', plain)).toBeNull();
    expect(claimKind('asserts', 'the damaged hull', plain)).toBeNull();
    expect(claimKind('asserts', 'morning market by the quay', plain)).toBeNull();
    expect(claimKind('asserts', 'during the storm', plain)).toBeNull();
    expect(claimKind('asserts', 'according to the harbour master', plain)).toBeNull();
    expect(claimKind('asserts', 'very good indeed', plain)).toBeNull();
    expect(claimKind('asserts', 'the fastest-growing port', plain)).toBeNull();
    expect(claimKind('asserts', 'more talks in Redding', plain)).toBeNull();
    expect(claimKind('asserts', 'nothing special', plain)).toBeNull();
    // Other stances come from the verb and stay.
    expect(claimKind('accuses', 'as a walking menace', aimed)).toBe('accuses');
  });

  it('keeps the stance of the speech verb', () => {
    expect(claimKind('denies', 'the gate was left open', plain)).toBe('denies');
    expect(claimKind('accuses', 'the board ignored the warnings', aimed)).toBe('accuses');
    expect(claimKind('questions', 'whether the dam was ever inspected', plain)).toBe('questions');
  });

  it('reads the stance of an assertion from its own words', () => {
    expect(claimKind('asserts', 'The report is not true', plain)).toBe('denies');
    expect(claimKind('asserts', 'the story about the pier is false', plain)).toBe('denies');
    expect(claimKind('asserts', 'the brochure gave buyers false hope', plain)).toBe('asserts');
    expect(claimKind('asserts', 'We will pay every valid claim', plain)).toBe('promises');
    expect(claimKind('asserts', 'we will punish whoever broke the law', plain)).toBe('threatens');
    expect(claimKind('asserts', 'The board is responsible for the flooding', aimed)).toBe('accuses');
    expect(claimKind('asserts', 'he lied about the inspections', plain)).toBe('accuses');
    // Rejecting a charge: no evidence, not the cause, an accident rather than intent, one's words a joke.
    expect(claimKind('asserts', 'there is no hard evidence the guard opened the gate', aimed)).toBe('denies');
    expect(claimKind('asserts', 'the pump was not the root cause of the flooding', plain)).toBe('denies');
    expect(claimKind('asserts', 'the skipper is in no way a suspect', plain)).toBe('denies');
    expect(claimKind('asserts', 'the collision with the pier was an accident', plain)).toBe('denies');
    expect(claimKind('asserts', "the fire was purely accidental, and we'll rebuild", plain)).toBe('denies');
    expect(claimKind('asserts', 'my remark was just sarcasm', plain)).toBe('denies');
    expect(claimKind('asserts', 'the search was not technically a raid', plain)).toBe('denies');
    expect(claimKind('asserts', "it isn't technically a breach of the treaty", plain)).toBe('denies');
    // Words that reject no charge: a thing "not really a surprise", an accident narrated.
    expect(claimKind('asserts', "It isn't really a surprise after such a dry summer", plain)).toBe('asserts');
    expect(claimKind('asserts', 'the storm was not actually a hurricane by then', plain)).toBe('asserts');
    expect(claimKind('asserts', 'a hunter accidentally shot his neighbour near the ridge', plain)).toBe('asserts');
    // A charge needs someone it is aimed at.
    expect(claimKind('asserts', 'the pump failed in the night', plain)).toBe('asserts');
    expect(claimKind('asserts', 'The water rose two metres overnight', plain)).toBe('asserts');
  });
});

describe('claimKind: a wrongful or hostile act charged to another party', () => {
  it('reads an act wrong by definition, said of another party, as an accusation', () => {
    expect(claimKind('asserts', 'the Tarn militia shelled the grain depot at Vellby', aimed)).toBe('accuses');
    expect(claimKind('asserts', 'the council violated the fishing accord twice', aimed)).toBe('accuses');
    expect(claimKind('asserts', 'Orsa Kell was behind the bombing of the ferry office', aimed)).toBe('accuses');
    expect(claimKind('asserts', 'the skipper never mentioned the cracked hull to the inspectors', aimed)).toBe(
      'accuses',
    );
    expect(claimKind('asserts', 'he is playing on the fears of the island families', aimed)).toBe('accuses');
  });

  it('leaves an act of the speaker\'s own side, a negated act and "behind" a plan as assertions', () => {
    expect(claimKind('asserts', 'we shelled the ridge before dawn', aimed)).toBe('asserts');
    expect(claimKind('asserts', 'the Tarn militia did not attack the depot', aimed)).toBe('asserts');
    expect(claimKind('asserts', 'Orsa Kell was behind the plan to rebuild the pier', aimed)).toBe('asserts');
    expect(claimKind('asserts', 'I never mentioned the pier to the board', aimed)).toBe('asserts');
    expect(claimKind('asserts', 'the skipper had a heart attack at sea', aimed)).toBe('asserts');
    expect(claimKind('asserts', 'the Tarn militia moved to the grain depot at Vellby', aimed)).toBe('asserts');
    // With no party aimed at, the act is told, not charged.
    expect(claimKind('asserts', 'the guards tampered with the cargo seals', plain)).toBe('asserts');
  });
});

describe('claimKind: stance and non-claims from the structure of the statement', () => {
  it('reads founding, recruiting for or funding an armed group, charged to someone, as an accusation', () => {
    const armed = { hasTarget: true, label: false, armedGroup: true, otherTarget: true };
    expect(claimKind('asserts', 'Ivo Sarr is the founder of the Sable Front militia', armed)).toBe('accuses');
    expect(
      claimKind('asserts', 'he was the best recruiter the militants ever had', {
        ...armed,
        hasTarget: false,
        otherTarget: false,
      }),
    ).toBe('accuses');
    // The group acting on its own, or founding something that is no armed group, charges no one.
    expect(
      claimKind('asserts', 'the Sable Front militia recruits in the hills', { ...armed, otherTarget: false }),
    ).toBe('asserts');
    expect(claimKind('asserts', 'Ivo Sarr founded the fishing cooperative', { ...armed, armedGroup: false })).toBe(
      'asserts',
    );
  });

  it('reads a harm with its cause and an actor as blame', () => {
    expect(claimKind('asserts', "the mayor's remarks made the port a danger to sailors", aimed)).toBe('accuses');
    expect(claimKind('asserts', 'the danger grew because of the mayor', aimed)).toBe('accuses');
    // No actor to blame, or no cause named.
    expect(claimKind('asserts', 'the storm raised the risk of flooding', plain)).toBe('asserts');
    expect(claimKind('asserts', 'the mayor spoke of the danger of the reef', aimed)).toBe('asserts');
  });

  it('reads a defence of compliance as a denial', () => {
    const charged = { ...aimed, charged: true };
    expect(claimKind('asserts', "the crew sealed the hatch according to the shipyard's specifications", charged)).toBe(
      'denies',
    );
    expect(claimKind('asserts', 'the divers worked at the direction of the harbour board', charged)).toBe('denies');
    expect(claimKind('asserts', 'the ferry leaves according to the timetable', plain)).toBe('asserts');
    // With no charge in play, compliance is a plain report of what was done.
    expect(claimKind('asserts', 'the divers worked at the direction of the harbour board', aimed)).toBe('asserts');
    expect(claimKind('asserts', 'the mill cut its noise in line with the town rules', aimed)).toBe('asserts');
  });

  it('leaves out wishes, one-sentence counterfactuals and instructions to the hearer', () => {
    expect(claimKind('asserts', 'We want to do right by the fishermen', plain)).toBeNull();
    expect(claimKind('asserts', 'I hope the ferry comes back', plain)).toBeNull();
    expect(claimKind('asserts', 'He would have sailed home that night', plain)).toBeNull();
    expect(claimKind('asserts', 'You may not enter the dock after dark', plain)).toBeNull();
    // Saying what one wants to make clear, an obligation, a counterfactual beside a statement, a "you" that is
    // the subject of a fact: claims.
    expect(claimKind('asserts', 'We want to make clear that the dock is safe', plain)).toBe('asserts');
    expect(claimKind('asserts', 'He would have to pay the fine', plain)).toBe('asserts');
    expect(claimKind('asserts', 'He would have come. The ferry sank at noon', plain)).toBe('asserts');
    expect(claimKind('asserts', 'You were at the dock that night', plain)).toBe('asserts');
  });

  it('leaves out a maxim with the generic "you", a simile and a short exclamation of feeling', () => {
    expect(claimKind('asserts', 'If you sail in winter, a storm cannot be a surprise', plain)).toBeNull();
    expect(claimKind('asserts', "It's like a ship without a rudder", plain)).toBeNull();
    expect(claimKind('asserts', 'It is a great honour to be in Portavel', plain)).toBeNull();
    expect(claimKind('asserts', "It's heartbreaking", plain)).toBeNull();
    // "you" warned with an actor named, a discourse opener, a simile beside a statement, a "that" clause: claims.
    expect(claimKind('asserts', 'If you cannot show the pier is safe, Quillmark will not build here', aimed)).toBe(
      'asserts',
    );
    expect(claimKind('asserts', 'If you look at the books, the harbour lost money', plain)).toBe('asserts');
    expect(claimKind('asserts', "It's like a ghost town. The ferry stopped in May", plain)).toBe('asserts');
    expect(claimKind('asserts', "It's a shame that the pier was sold", plain)).toBe('asserts');
  });

  it('reads "he would …" at the head of reported speech as the speaker\'s commitment', () => {
    const reported = { ...plain, reported: true };
    expect(claimKind('asserts', 'she would reopen the ferry line by May', reported)).toBe('promises');
    expect(claimKind('asserts', 'if elected, she would cut the harbour fees', reported)).toBe('promises');
    expect(claimKind('asserts', 'he would punish the smugglers', reported)).toBe('threatens');
    expect(claimKind('asserts', 'it will pay every valid claim', reported)).toBe('promises');
    // In a direct quote "she would" is someone else; a prediction is no commitment.
    expect(claimKind('asserts', 'she would reopen the ferry line by May', plain)).toBe('asserts');
    expect(claimKind('asserts', 'it would take months to mend the pier', reported)).toBe('asserts');
    expect(claimKind('asserts', 'it will be a long winter', reported)).toBe('asserts');
    expect(claimKind('asserts', 'he would have won', reported)).toBeNull();
    // "would be" + a participle is done to the subject, and "would be" + a noun is a state: no commitment.
    expect(claimKind('asserts', 'he would be fined for the late ferry', reported)).not.toBe('promises');
    expect(claimKind('asserts', 'she would be the first harbour master from the island', reported)).toBe('asserts');
  });

  it("reads an indirect question as a question, whatever the sentence's verbs", () => {
    expect(claimKind('accuses', 'whether the harbour master ignored the warnings', aimed)).toBe('questions');
    expect(claimKind('asserts', 'about whether the pier was inspected', plain)).toBe('questions');
    expect(claimKind('accuses', 'the harbour master ignored the warnings', aimed)).toBe('accuses');
  });
});

describe('stance of the speech verbs', () => {
  const stances = (text: string, phrases: [string, string][]) => {
    const doc = taggedDoc('c1', text, phrases);
    annotateQuotes(doc);
    return doc.claims.map((c) => [c.proposition, c.stance]);
  };

  it("keeps the cue's stance over a question asked elsewhere in the sentence", () => {
    expect(
      stances('Asked about the pier, Ivo Sarr said, "The repairs end in May."', [['Ivo Sarr', 'PER']]),
    ).toContainEqual(['The repairs end in May', 'asserts']);
    expect(
      stances('Ivo Sarr denied the charge, saying, "The repairs ended in May."', [['Ivo Sarr', 'PER']]),
    ).toContainEqual(['The repairs ended in May', 'denies']);
  });

  it('gives a denial of "the allegations" the proposition of the last charge aimed at the denier', () => {
    const people: [string, string][] = [
      ['Ola Brun', 'PER'],
      ['Ivo Sarr', 'PER'],
      ['Mira Dahl', 'PER'],
      ['Lena Voss', 'PER'],
    ];
    const text =
      'Ola Brun accused Ivo Sarr of shelling the fuel depot at Kestrel. ' +
      'Mira Dahl accused Lena Voss of selling the harbour pier in secret. ' +
      'Ivo Sarr denied the allegations, saying his men had never been there.';
    const doc = taggedDoc('c1', text, people);
    annotateQuotes(doc);
    const denial = doc.claims.find((c) => c.stance === 'denies');
    expect(denial?.proposition).toContain('fuel depot');
    expect(denial?.targetKeys).toEqual(['person:ivo sarr']);
    // With no charge aimed at the denier, the last accusation within reach is the one answered.
    const other = taggedDoc('c2', text.replace('Ivo Sarr denied', 'Ola Brun denied'), people);
    annotateQuotes(other);
    expect(other.claims.find((c) => c.stance === 'denies')?.proposition).toContain('harbour pier');
  });

  it('gives a walk-back ("his claims were a joke") the proposition of the charge it takes back, the speaker\'s own', () => {
    const people: [string, string][] = [
      ['Ola Brun', 'PER'],
      ['Ivo Sarr', 'PER'],
    ];
    const text =
      'Ola Brun accused Ivo Sarr of shelling the fuel depot at Kestrel. ' +
      'On Friday Ola Brun said his claims were a joke.';
    const doc = taggedDoc('c1', text, people);
    annotateQuotes(doc);
    const denial = doc.claims.find((c) => c.stance === 'denies');
    expect(denial?.proposition).toContain('fuel depot');
    expect(denial?.claimantKey).toBe('person:ola brun');
    // "the claims" with no possessor is another's charge: the accuser's own is not what it answers.
    const other = taggedDoc('c2', text.replace('his claims', 'the claims'), people);
    annotateQuotes(other);
    expect(other.claims.find((c) => c.stance === 'denies')?.proposition).not.toContain('fuel depot');
  });

  it('gives a third party\'s "no evidence of Y\'s involvement" the proposition of the charge against Y', () => {
    const people: [string, string][] = [
      ['Mira Dahl', 'PER'],
      ['Lena Voss', 'PER'],
      ['Ola Brun', 'PER'],
      ['Ivo Sarr', 'PER'],
      ['Tove Lind', 'PER'],
    ];
    const text =
      'Mira Dahl accused Lena Voss of selling the harbour pier in secret. ' +
      'Ola Brun accused Ivo Sarr of shelling the fuel depot at Kestrel. ' +
      "Tove Lind said there was no evidence of Lena Voss's involvement.";
    const doc = taggedDoc('c1', text, people);
    annotateQuotes(doc);
    const denial = doc.claims.find((c) => c.stance === 'denies');
    expect(denial?.proposition).toContain('harbour pier');
    // A denial in words of its own keeps them.
    const own = taggedDoc(
      'c2',
      text.replace(/Tove Lind .*$/, 'Lena Voss denied selling the pier, saying it was still owned by the town.'),
      people,
    );
    annotateQuotes(own);
    expect(own.claims.find((c) => c.stance === 'denies')?.proposition).toContain('owned by the town');
  });

  it('reads a stance word after a determiner or a preposition as a noun, not a speech verb', () => {
    const got = stances(
      'Before the charges were filed, Ivo Sarr spoke to reporters. "We will rebuild the pier," he said.',
      [['Ivo Sarr', 'PER']],
    );
    expect(got).toContainEqual(['We will rebuild the pier', 'promises']);
    // The verb frames the quote that follows.
    const framed = stances('Ivo Sarr accused the board. "The pier was sold in secret," he said.', [
      ['Ivo Sarr', 'PER'],
    ]);
    expect(framed).toContainEqual(['The pier was sold in secret', 'accuses']);
  });

  it('reads compliance as a denial only with a charge in play in its sentence or the one before', () => {
    const got = stances(
      'Critics blamed the shipyard for the leak. “The crew sealed the hatch according to the shipyard rules,” Ivo Sarr said. Tomas Novak said the divers worked at the direction of the harbour board.',
      [
        ['Ivo Sarr', 'PER'],
        ['Tomas Novak', 'PER'],
      ],
    );
    expect(got).toContainEqual(['The crew sealed the hatch according to the shipyard rules', 'denies']);
    expect(got.find((g) => String(g[0]).includes('divers'))?.[1]).toBe('asserts');
  });

  it('lets a statement that rejects a charge in its own words deny, whatever the frame of the sentence before', () => {
    const got = stances(
      'Ivo Sarr accused the board. "The crew sealed the hatch according to the shipyard\'s specifications," he said.',
      [['Ivo Sarr', 'PER']],
    );
    expect(got).toContainEqual(["The crew sealed the hatch according to the shipyard's specifications", 'denies']);
  });

  it('gives "denied that S, calling the claim “…”" the proposition S', () => {
    const people: [string, string][] = [
      ['Arno Pesk', 'PER'],
      ['Ostrel Island', 'LOC'],
    ];
    const text =
      'Arno Pesk was combative. He denied that the navy had jammed radio signals around Ostrel Island, calling the claim “pure fantasy”.';
    expect(stances(text, people)).toContainEqual(['the navy had jammed radio signals around Ostrel Island', 'denies']);
    // Said, not denied: the clause is no object of a denial, and the words of the claim stay as they were.
    expect(stances(text.replace('denied', 'said'), people)).toContainEqual(['the claim pure fantasy', 'asserts']);
  });

  it("reads the verbs of reported speech as its content, not as the speaker's stance", () => {
    const got = stances('Lena Holm said the council rejected the permit in March.', [['Lena Holm', 'PER']]);
    expect(got).toContainEqual(['the council rejected the permit in March', 'asserts']);
  });
});
