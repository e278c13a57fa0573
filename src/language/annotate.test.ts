import { describe, expect, it } from 'vitest';
import { createDoc, type Doc, type EntityMention, textArticle } from '../model/index.js';
import { annotateLanguage } from './annotate.js';
import { PhraseTagger, taggedDoc } from './test-tagger.js';

function analyze(text: string, phrases: [string, string][] = []): Doc {
  const doc = taggedDoc('t1', text, phrases);
  for (const e of doc.entities) expect(doc.text.slice(e.start, e.end)).toBe(e.text);
  return doc;
}

const find = (doc: Doc, text: string, nth = 0): EntityMention => {
  const hits = doc.entities.filter((e) => e.text === text);
  const m = hits[nth];
  if (!m) throw new Error(`no mention "${text}" #${nth} in ${JSON.stringify(doc.entities.map((e) => e.text))}`);
  return m;
};

describe('person coreference within an article', () => {
  it('links full name, surname, honorific form and a spelling variant', () => {
    const doc = analyze(
      'President Moon Jae-in arrived on Tuesday. Moon told aides the summit mattered. Later, Mr. Moon spoke again. Officials said Moon Jae In would return.',
      [
        ['Moon Jae-in', 'PER'],
        ['Moon', 'PER'],
        ['Moon Jae In', 'PER'],
      ],
    );
    const keys = doc.entities.filter((e) => e.type === 'PERSON').map((e) => e.actorKey);
    expect(keys).toEqual(['person:moon jae in', 'person:moon jae in', 'person:moon jae in', 'person:moon jae in']);
    expect(new Set(doc.entities.map((e) => e.canonical))).toEqual(new Set(['Moon Jae-in']));
  });

  it('links "Mr Macron" to "Emmanuel Macron" and keeps surname-only names apart', () => {
    const doc = analyze('Emmanuel Macron met the press. Mr Macron said little. Dupont, a farmer, watched.', [
      ['Emmanuel Macron', 'PER'],
      ['Macron', 'PER'],
      ['Dupont', 'PER'],
    ]);
    expect(find(doc, 'Macron').actorKey).toBe('person:emmanuel macron');
    expect(find(doc, 'Macron').canonical).toBe('Emmanuel Macron');
    expect(find(doc, 'Dupont').actorKey).toBe('person:dupont');
  });

  it('reads East Asian names family name first', () => {
    const doc = analyze('Xi Jinping hosted the talks. Kim Yo-jong attended. Xi later left, and Kim stayed.', [
      ['Xi Jinping', 'PER'],
      ['Kim Yo-jong', 'PER'],
      ['Xi', 'PER'],
      ['Kim', 'PER'],
    ]);
    expect(find(doc, 'Xi').actorKey).toBe('person:xi jinping');
    expect(find(doc, 'Kim').actorKey).toBe('person:kim yo jong');
  });

  it('picks the nearest earlier full name when two share a surname', () => {
    const doc = analyze('Kim Jong-un spoke first. Kim Yo-jong spoke next. Ms. Kim criticised Seoul.', [
      ['Kim Jong-un', 'PER'],
      ['Kim Yo-jong', 'PER'],
      ['Kim', 'PER'],
    ]);
    expect(find(doc, 'Kim').actorKey).toBe('person:kim yo jong');
  });

  it('normalizes diacritics into one key', () => {
    const doc = analyze('José Ramos-Horta spoke. Jose Ramos-Horta then left.', [
      ['José Ramos-Horta', 'PER'],
      ['Jose Ramos-Horta', 'PER'],
    ]);
    expect(doc.entities.map((e) => e.actorKey)).toEqual(['person:jose ramos horta', 'person:jose ramos horta']);
  });
});

describe('roles and affiliations', () => {
  it('keeps a role and an affiliation written before the name', () => {
    const doc = analyze('Elysee spokesman Gabriel Attal said Paris was ready.', [
      ['Gabriel Attal', 'PER'],
      ['Elysee', 'LOC'],
      ['Paris', 'LOC'],
    ]);
    const p = find(doc, 'Gabriel Attal');
    expect([p.role, p.affiliation, p.code]).toEqual(['spokesman', 'country:FRA', 'FRAGOV']);
    const elysee = find(doc, 'Elysee');
    expect([elysee.actorKey, elysee.metonym]).toEqual(['country:FRA', true]);
  });

  it('splits an affiliation off a person span and carries the role to later mentions', () => {
    const doc = analyze('South Korean President Park Min-jun flew home. Mr. Park then rested.', [
      ['South Korean President Park Min-jun', 'PER'],
      ['Park', 'PER'],
    ]);
    const norp = find(doc, 'South Korean');
    expect([norp.type, norp.actorKey]).toEqual(['NORP', 'country:KOR']);
    const p = find(doc, 'Park Min-jun');
    expect([p.role, p.affiliation]).toEqual(['President', 'country:KOR']);
    const later = find(doc, 'Park');
    expect([later.actorKey, later.role, later.affiliation]).toEqual([
      'person:park min jun',
      'President',
      'country:KOR',
    ]);
  });

  it('reads possessive affiliations and appositive roles', () => {
    const doc = analyze("France's foreign minister Jean Dupuis spoke. Anna Berg, the NATO spokeswoman, replied.", [
      ['France', 'LOC'],
      ['Jean Dupuis', 'PER'],
      ['Anna Berg', 'PER'],
      ['NATO', 'ORG'],
    ]);
    expect([find(doc, 'Jean Dupuis').role, find(doc, 'Jean Dupuis').affiliation]).toEqual([
      'foreign minister',
      'country:FRA',
    ]);
    expect([find(doc, 'Anna Berg').role, find(doc, 'Anna Berg').affiliation, find(doc, 'Anna Berg').code]).toEqual([
      'spokeswoman',
      'org:NATO',
      'IGOWSTNAT',
    ]);
  });
});

describe('metonymy', () => {
  it('maps an acting capital to its country and a place to the city', () => {
    const doc = analyze('Moscow denied the report. Talks in Moscow will resume. The Kremlin said nothing.', [
      ['Moscow', 'LOC'],
      ['Kremlin', 'LOC'],
    ]);
    const actor = find(doc, 'Moscow', 0);
    expect([actor.type, actor.actorKey, actor.canonical, actor.metonym]).toEqual([
      'GPE',
      'country:RUS',
      'Russia',
      true,
    ]);
    const place = find(doc, 'Moscow', 1);
    expect([place.type, place.actorKey, place.canonical, place.metonym]).toEqual([
      'GPE',
      'loc:moscow',
      'Moscow',
      false,
    ]);
    expect([find(doc, 'Kremlin').actorKey, find(doc, 'Kremlin').metonym, find(doc, 'Kremlin').code]).toEqual([
      'country:RUS',
      true,
      'RUSGOV',
    ]);
  });

  it('treats coordinated capitals alike and reads possessives', () => {
    const doc = analyze(
      "Washington and Beijing agreed to meet. Beijing's response came fast. She lives in Beijing.",
      [],
    );
    expect(doc.entities.map((e) => [e.text, e.actorKey])).toEqual([
      ['Washington', 'country:USA'],
      ['Beijing', 'country:CHN'],
      ['Beijing', 'country:CHN'],
      ['Beijing', 'loc:beijing'],
    ]);
  });

  it('reads "the North" and "the South" as the Koreas only in Korean context', () => {
    const korea = analyze('North Korea tested a missile. The North said the South had provoked it.', [
      ['North Korea', 'LOC'],
      ['North', 'LOC'],
    ]);
    expect(korea.entities.map((e) => [e.text, e.actorKey])).toEqual([
      ['North Korea', 'country:PRK'],
      ['North', 'country:PRK'],
      ['South', 'country:KOR'],
    ]);
    const other = analyze('Voters in the North said the economy mattered.', []);
    expect(other.entities).toEqual([]);
  });
});

describe('typing and gazetteer reconciliation', () => {
  it('joins a name the model split and adds a known name it missed', () => {
    const doc = analyze('The United Nations Security Council met as the U.S. watched.', [
      ['United Nations', 'ORG'],
      ['Security Council', 'ORG'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.type, e.actorKey])).toEqual([
      ['United Nations Security Council', 'ORG', 'org:UNSC'],
      ['U.S.', 'GPE', 'country:USA'],
    ]);
  });

  it('splits CoNLL LOC into GPE and LOC and demonyms into NORP', () => {
    const doc = analyze('Russian troops moved near the Dnieper River and into Kherson.', [
      ['Russian', 'MISC'],
      ['Dnieper River', 'LOC'],
      ['Kherson', 'LOC'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.type, e.actorKey, e.role ?? null, e.code])).toEqual([
      ['Russian', 'NORP', 'country:RUS', 'troops', 'RUSMIL'],
      ['Dnieper River', 'LOC', 'loc:dnieper river', null, ''],
      ['Kherson', 'GPE', 'loc:kherson', null, ''],
    ]);
  });

  it('gives an acronym defined in parentheses the actor of its full name', () => {
    const doc = analyze('The Korea Institute for National Unification (KINU) published a study. KINU said more.', [
      ['Korea Institute for National Unification', 'ORG'],
    ]);
    const keys = doc.entities.map((e) => e.actorKey);
    expect(keys).toEqual([
      'org:korea institute for national unification',
      'org:korea institute for national unification',
      'org:korea institute for national unification',
    ]);
  });

  it('gives state news agencies their country', () => {
    const doc = analyze('KCNA reported the launch, Yonhap said.', [
      ['KCNA', 'ORG'],
      ['Yonhap', 'ORG'],
    ]);
    expect(doc.entities.map((e) => [e.actorKey, e.affiliation, e.code])).toEqual([
      ['org:KCNA', 'country:PRK', 'PRKMED'],
      ['org:YONHAP', 'country:KOR', 'KORMED'],
    ]);
  });
});

describe('no junk entities', () => {
  it('drops site chrome, field labels, credits, bylines and all-caps subheads', () => {
    const text = [
      'Share',
      'Photo: Jane Roe/AFP',
      'Source: Reuters',
      'SUMMIT IN HANOI ENDS EARLY',
      'Reporting by Tom Lane; Editing by Ann Ford',
      'Click here to license this photo from Getty Images',
      'Advertisement',
      'The talks ended (Photo: Kim Lee) without a deal.',
    ].join('\n\n');
    const doc = analyze(text, [
      ['Share', 'MISC'],
      ['Jane Roe', 'PER'],
      ['AFP', 'ORG'],
      ['Reuters', 'ORG'],
      ['HANOI', 'LOC'],
      ['Tom Lane', 'PER'],
      ['Ann Ford', 'PER'],
      ['Getty Images', 'ORG'],
      ['Advertisement', 'MISC'],
      ['Kim Lee', 'PER'],
    ]);
    expect(doc.entities).toEqual([]);
  });

  it('cuts model spans that run into ordinary words and drops lone function words', () => {
    const doc = analyze(
      'The Centre on Thursday said All of them agreed. Anna Berg of Harbourville spoke. The woman left.',
      [
        ['Centre on Thursday', 'ORG'],
        ['All of them', 'MISC'],
        ['Anna Berg of Harbourville', 'PER'],
        ['The woman', 'PER'],
      ],
    );
    expect(doc.entities.map((e) => [e.text, e.type])).toEqual([
      ['Centre', 'ORG'],
      ['Anna Berg', 'PERSON'],
    ]);
  });

  it('peels sentence-initial function words and drops hyphenated adjectives', () => {
    const doc = analyze(
      'No Norvessan vessel was hit. Either Portavel or Vendel will host. The Busan-based firm and a UN-brokered deal. A WADA-accredited lab.',
      [
        ['No Norvessan', 'PER'],
        ['Either Portavel', 'PER'],
        ['Vendel', 'LOC'],
        ['Busan-based', 'MISC'],
        ['UN-brokered', 'MISC'],
        ['WADA-accredited', 'MISC'],
      ],
    );
    expect(doc.entities.map((e) => e.text)).toEqual(['Norvessan', 'Portavel', 'Vendel']);
  });

  it('reads a name opened by an honorific as a person whatever the model said', () => {
    const doc = analyze('Ana Munoz resigned. Ms Munoz said she was tired.', [
      ['Ana Munoz', 'PER'],
      ['Ms Munoz', 'ORG'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.type, e.actorKey])).toEqual([
      ['Ana Munoz', 'PERSON', 'person:ana munoz'],
      ['Munoz', 'PERSON', 'person:ana munoz'],
    ]);
  });

  it('keeps only known names in title-case subheads', () => {
    const text = 'Talks went on.\n\nA Pattern of Escalation in Moscow\n\nAnna Berg spoke.';
    const doc = createDoc('t2', {
      title: 'T',
      url: null,
      outlet: null,
      text,
      captions: [],
      dateEvidence: [],
      origin: 'test',
      warnings: [],
      paragraphs: [
        { start: 0, end: 14, kind: 'body' },
        { start: 16, end: 49, kind: 'subhead' },
        { start: 51, end: 67, kind: 'body' },
      ],
    });
    annotateLanguage(
      doc,
      new PhraseTagger([
        ['Pattern of Escalation', 'ORG'],
        ['Moscow', 'LOC'],
        ['Anna Berg', 'PER'],
      ]),
    );
    expect(doc.entities.map((e) => e.text)).toEqual(['Moscow', 'Anna Berg']);
  });

  it('drops shouted words in all-caps leads but keeps acronyms', () => {
    const doc = analyze('A FIRE-BOMB attack hit a bank. NATO said the ARMY HQ was hit.', [
      ['BOMB', 'ORG'],
      ['NATO', 'ORG'],
      ['HQ', 'ORG'],
    ]);
    expect(doc.entities.map((e) => e.text)).toEqual(['NATO']);
  });

  it('reads a lower-case "general" as a word, a capitalized one as a title', () => {
    const doc = analyze('The general manager Tom Reyes spoke. General Ana Cruz replied.', [
      ['Tom Reyes', 'PER'],
      ['Ana Cruz', 'PER'],
    ]);
    expect(doc.entities.map((e) => e.role ?? null)).toEqual([null, 'General']);
  });

  it('keeps real names in ordinary sentences next to junk', () => {
    const doc = analyze('Share\n\nThe IAEA told Reuters that inspectors left.', [
      ['Share', 'MISC'],
      ['IAEA', 'ORG'],
      ['Reuters', 'ORG'],
    ]);
    expect(doc.entities.map((e) => e.actorKey)).toEqual(['org:IAEA', 'org:REUTERS']);
  });
});

describe('names the words around them rule out', () => {
  it('drops time-zone labels after a clock time, with zone words or a place', () => {
    const doc = analyze(
      'Polls close at 8 p.m. Eastern Time. The ferry sails at dawn, Ruritania Standard Time, and lands on Lisbon Time.',
      [
        ['Eastern Time', 'ORG'],
        ['Ruritania Standard Time', 'MISC'],
        ['Lisbon Time', 'ORG'],
      ],
    );
    expect(doc.entities.map((e) => e.text)).toEqual([]);
  });

  it('drops a place the model tagged without the "Time" of its time-zone label', () => {
    const doc = analyze('Talks open at 9 a.m. Lisbon Time, or at noon Lisbon Standard Time. Lisbon hosts them.', [
      ['Lisbon', 'LOC'],
    ]);
    expect(doc.entities.map((e) => e.text)).toEqual(['Lisbon']);
    expect(doc.entities[0]!.start).toBe(doc.text.lastIndexOf('Lisbon'));
  });

  it('gives a lower-case title before a name to the person, not to the demonym before it', () => {
    const doc = analyze('Estonian leader Ivo Sarr spoke. Opposition leader Lena Holm left. Estonian leaders met.', [
      ['Estonian', 'MISC'],
      ['Ivo Sarr', 'PER'],
      ['Lena Holm', 'PER'],
    ]);
    expect(find(doc, 'Ivo Sarr').role).toBe('leader');
    expect(find(doc, 'Lena Holm').role).toBe('Opposition leader');
    expect(find(doc, 'Estonian', 0).role ?? null).toBeNull();
  });

  it('keeps a title tagged apart from its name out of the actors, and reads the whole rank', () => {
    const doc = analyze('Staff Sergeant Lina Ortega was hurt. Chief of the General Staff Pavel Dorn flew in.', [
      ['Staff', 'ORG'],
      ['Lina Ortega', 'PER'],
      ['Staff Pavel Dorn', 'PER'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.type, e.role, e.code])).toEqual([
      ['Lina Ortega', 'PERSON', 'Staff Sergeant', 'MIL'],
      ['Pavel Dorn', 'PERSON', 'Chief of the General Staff', ''],
    ]);
  });

  it('splits the last word of a title with its own "of" phrase from the name after it', () => {
    const doc = analyze('Chief of Staff Pell left early. The Secretary of State Ana Vidal stayed.', [
      ['Staff Pell', 'LOC'],
      ['State Ana Vidal', 'PER'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.type, e.role, e.code])).toEqual([
      ['Pell', 'PERSON', 'Chief of Staff', 'GOV'],
      ['Ana Vidal', 'PERSON', 'Secretary of State', 'GOV'],
    ]);
  });

  it('reads a title abbreviated without a period as a title, not as a first name', () => {
    const doc = analyze('Adm Ilves inspected the rig. Dr Varga and Prof Lenk disagreed. Sen Okafor voted no.', [
      ['Adm Ilves', 'PER'],
      ['Dr Varga', 'PER'],
      ['Prof Lenk', 'PER'],
      ['Sen Okafor', 'PER'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.role, e.code])).toEqual([
      ['Ilves', 'Adm', 'MIL'],
      ['Varga', 'Dr', ''],
      ['Lenk', 'Prof', 'EDU'],
      ['Okafor', 'Sen', 'LEG'],
    ]);
  });

  it('reads a head of government\'s role and country from "X\'s prime minister" and "the President of X,"', () => {
    const doc = analyze(
      "Portugal's prime minister Ana Vidal landed. The President of Portugal, Ivo Sarr, met her. Sarr smiled.",
      [
        ['Portugal', 'LOC'],
        ['Ana Vidal', 'PER'],
        ['Ivo Sarr', 'PER'],
        ['Sarr', 'PER'],
      ],
    );
    const roles = (t: string) => [find(doc, t).role, find(doc, t).affiliation, find(doc, t).code];
    expect(roles('Ana Vidal')).toEqual(['prime minister', 'country:PRT', 'PRTGOV']);
    expect(roles('Ivo Sarr')).toEqual(['President of Portugal', 'country:PRT', 'PRTGOV']);
    expect(roles('Sarr')).toEqual(['President of Portugal', 'country:PRT', 'PRTGOV']);
  });

  it('types a name right after a title as a person', () => {
    const doc = analyze('A ministry spokesman Tarvo Lind said the talks would go on.', [['Tarvo Lind', 'ORG']]);
    expect(find(doc, 'Tarvo Lind').type).toBe('PERSON');
    expect(find(doc, 'Tarvo Lind').role).toBe('ministry spokesman');
  });

  it('types a "person" in apposition with a region as a place', () => {
    const doc = analyze('Boats from Varnholm, a salmon-farming region, stayed in port. Osk province froze.', [
      ['Varnholm', 'PER'],
      ['Osk', 'PER'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.type])).toEqual([
      ['Varnholm', 'GPE'],
      ['Osk', 'GPE'],
    ]);
  });

  it('drops a hyphenated pairing of two people named in the article, not other hyphenated names', () => {
    const doc = analyze('After the Halvorsen-Okafor talks, Ada Halvorsen thanked Ben Okafor. Smith-Jones Ltd grew.', [
      ['Halvorsen-Okafor', 'MISC'],
      ['Ada Halvorsen', 'PER'],
      ['Ben Okafor', 'PER'],
      ['Smith-Jones Ltd', 'ORG'],
    ]);
    expect(doc.entities.map((e) => e.text)).toEqual(['Ada Halvorsen', 'Ben Okafor', 'Smith-Jones Ltd']);
  });

  it('drops a hyphenated pairing before a noun of encounter even when neither person is named alone', () => {
    const doc = analyze(
      'The Varga-Lind summit ended early. The Varga-Lind Foundation paid for it. Ott-Berg talks resume.',
      [
        ['Varga-Lind', 'MISC'],
        ['Varga-Lind Foundation', 'ORG'],
        ['Ott-Berg', 'LOC'],
      ],
    );
    expect(doc.entities.map((e) => e.text)).toEqual(['Varga-Lind Foundation']);
  });

  it('drops zone abbreviations after a clock time and GMT anywhere, and a place before a lower-case "time"', () => {
    const doc = analyze(
      'Trading opens at 0200 GMT and at 9 a.m. EST. Ships dock at 6 p.m. Lisbon time. EST Holdings grew. Lisbon voted.',
      [
        ['GMT', 'MISC'],
        ['EST', 'ORG'],
        ['Lisbon', 'LOC'],
        ['EST Holdings', 'ORG'],
      ],
    );
    expect(doc.entities.map((e) => e.text)).toEqual(['EST Holdings', 'Lisbon']);
    expect(find(doc, 'Lisbon').start).toBe(doc.text.lastIndexOf('Lisbon'));
  });

  it('reads a lone surname the model typed ORG as the person named in full', () => {
    const doc = analyze('Mira Castell opened the session. Castell said it would be short.', [
      ['Mira Castell', 'PER'],
      ['Castell', 'ORG'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.type, e.actorKey])).toEqual([
      ['Mira Castell', 'PERSON', 'person:mira castell'],
      ['Castell', 'PERSON', 'person:mira castell'],
    ]);
  });

  it('gives an office holder of the Phoenix dictionaries their code, unless the text says otherwise', () => {
    const doc = analyze('Angela Merkel arrived late.', [['Angela Merkel', 'ORG']]);
    expect(doc.entities.map((e) => [e.type, e.affiliation, e.code])).toEqual([['PERSON', 'country:DEU', 'DEUGOV']]);
  });
});

describe('works, firms, features and labels are no persons', () => {
  it('types a works named after a person as an organization, a building as a place', () => {
    const doc = analyze(
      'Jets leave the Anton Vesely Aircraft Plant weekly. Workers at the Gorbenko aviation plant struck. ' +
        'Fans filled Ilse Brandt Arena. Crews capped the Sable oil rig. Gorbenko smiled.',
      [
        ['Anton Vesely Aircraft Plant', 'PER'],
        ['Gorbenko', 'PER'],
        ['Ilse Brandt Arena', 'PER'],
        ['Sable', 'MISC'],
      ],
    );
    expect(doc.entities.map((e) => [e.text, e.type])).toEqual([
      ['Anton Vesely Aircraft Plant', 'ORG'],
      ['Gorbenko aviation plant', 'ORG'],
      ['Ilse Brandt Arena', 'LOC'],
      ['Sable oil rig', 'LOC'],
      ['Gorbenko', 'PERSON'],
    ]);
  });

  it('reads a name before a head noun as the works only where the noun closes the phrase', () => {
    const doc = analyze(
      'Ada Lind said Orvik mills grain. Lind would plant trees. Critics praised the Orvik works. ' +
        'Staff left the Orvik plant. The Orvik plant manager spoke.',
      [
        ['Ada Lind', 'PER'],
        ['Orvik', 'PER'],
        ['Lind', 'PER'],
      ],
    );
    expect(doc.entities.map((e) => [e.text, e.type])).toEqual([
      ['Ada Lind', 'PERSON'],
      ['Orvik', 'PERSON'],
      ['Lind', 'PERSON'],
      ['Orvik', 'PERSON'],
      ['Orvik plant', 'ORG'],
      ['Orvik', 'PERSON'],
    ]);
  });

  it('leaves a name before an adverb or a plural noun of people alone, and a place the model named a place', () => {
    const doc = analyze(
      'The people of Gaza well remember the last war. FBI agents searched the homes of Trump associates. ' +
        'Barges reached the Drava oil rig. Aides met in the Teal Room with Kerr Associates.',
      [
        ['Gaza', 'LOC'],
        ['FBI', 'ORG'],
        ['Trump', 'PER'],
        ['Drava', 'LOC'],
        ['Teal Room', 'PER'],
        ['Kerr Associates', 'PER'],
      ],
    );
    expect(doc.entities.map((e) => [e.text, e.type])).toEqual([
      ['Gaza', 'GPE'],
      ['FBI', 'ORG'],
      ['Trump', 'PERSON'],
      ['Drava', 'GPE'],
      ['Teal Room', 'LOC'],
      ['Kerr Associates', 'ORG'],
    ]);
  });

  it('keeps a one-word title that is the surname of a person named earlier', () => {
    const doc = analyze('Tomas Chancellor, the editor, said the paper would close. Chancellor added that staff knew.', [
      ['Tomas Chancellor', 'PER'],
      ['Chancellor', 'PER'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.type, e.actorKey])).toEqual([
      ['Tomas Chancellor', 'PERSON', 'person:tomas chancellor'],
      ['Chancellor', 'PERSON', 'person:tomas chancellor'],
    ]);
  });

  it('types a firm named after its founders as an organization', () => {
    const doc = analyze('Analysts at Holt Maren consultants agreed, said Kerr Advisors.', [
      ['Holt Maren', 'PER'],
      ['Kerr Advisors', 'PER'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.type])).toEqual([
      ['Holt Maren consultants', 'ORG'],
      ['Kerr Advisors', 'ORG'],
    ]);
  });

  it('types a geographic feature named by its noun as a place', () => {
    const doc = analyze(
      'Oil reached the Gulf of Varna and the Osk Coast. The Bank of Varna lent more. ' +
        'The University of Skarn Island and the Gulf of Varna Fishery Board objected.',
      [
        ['Gulf of Varna', 'ORG'],
        ['Osk Coast', 'MISC'],
        ['Bank of Varna', 'ORG'],
        ['University of Skarn Island', 'ORG'],
        ['Gulf of Varna Fishery Board', 'ORG'],
      ],
    );
    expect(doc.entities.map((e) => [e.text, e.type])).toEqual([
      ['Gulf of Varna', 'LOC'],
      ['Osk Coast', 'LOC'],
      ['Bank of Varna', 'ORG'],
      ['University of Skarn Island', 'ORG'],
      ['Gulf of Varna Fishery Board', 'ORG'],
    ]);
  });

  it('drops titles alone, degrees, party-state labels and numbered labels, and keeps the names', () => {
    const doc = analyze(
      'Foreign ministry spokesman Zhou Lan spoke. The Director left. Nadia Rey, MD, agreed. ' +
        'Rep. Tom Hale (R-Tex.) objected. Phase 6 began. Major said no.',
      [
        ['Foreign', 'ORG'],
        ['Zhou Lan', 'PER'],
        ['Director', 'PER'],
        ['Nadia Rey', 'PER'],
        ['MD', 'LOC'],
        ['Tom Hale', 'PER'],
        ['R-Tex', 'ORG'],
        ['Phase', 'ORG'],
        ['Major', 'PER'],
      ],
    );
    expect(doc.entities.map((e) => e.text)).toEqual(['Zhou Lan', 'Nadia Rey', 'Tom Hale', 'Major']);
    expect(find(doc, 'Zhou Lan').role).toBe('Foreign ministry spokesman');
  });

  it('reads a rank of several words opening a span tagged ORG as the person and the role', () => {
    const doc = analyze('Air Chief Marshal Ketut Wira said the jets were grounded. General Motors grew.', [
      ['Air Chief Marshal Ketut Wira', 'ORG'],
      ['General Motors', 'ORG'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.type, e.role, e.code])).toEqual([
      ['Ketut Wira', 'PERSON', 'Air Chief Marshal', 'MIL'],
      ['General Motors', 'ORG', null, ''],
    ]);
  });

  it('types a name in apposition after a title as a person', () => {
    const doc = analyze('A spokesman, Brel, declined to comment.', [['Brel', 'LOC']]);
    expect(doc.entities.map((e) => [e.text, e.type, e.role])).toEqual([['Brel', 'PERSON', 'spokesman']]);
  });

  it('keeps photographers and wire credit lines out of the actors', () => {
    const doc = analyze(
      'Boats circled the rig. Photograph : Lena Ostrova\\/Getty Ships waited for Ada Lind . ' +
        '(Reporting by Tomas Grell; Editing by Ruth Kell) Staff writers Ivo Marr and Eda Sun contributed to this report.',
      [
        ['Lena Ostrova', 'PER'],
        ['Ada Lind', 'PER'],
        ['Tomas Grell', 'PER'],
        ['Ruth Kell', 'PER'],
        ['Ivo Marr', 'PER'],
        ['Eda Sun', 'PER'],
      ],
    );
    expect(doc.entities.map((e) => e.text)).toEqual(['Ada Lind']);
  });

  it('drops the bracket escapes of treebank text', () => {
    const doc = analyze('Two ministers -LRB- Kask and Ott -RRB- said so.', [
      ['LRB', 'ORG'],
      ['RRB', 'ORG'],
      ['Kask', 'PER'],
      ['Ott', 'PER'],
    ]);
    expect(doc.entities.map((e) => e.text)).toEqual(['Kask', 'Ott']);
  });
});

describe('roles and affiliations of persons', () => {
  it('reads the "of" phrase after a titled name and a possessive country before a name as the affiliation', () => {
    const doc = analyze("President Ivo Sarr of Portugal met Spain's Ana Vidal.", [
      ['Ivo Sarr', 'PER'],
      ['Ana Vidal', 'PER'],
    ]);
    const row = (t: string) => [find(doc, t).role, find(doc, t).affiliation, find(doc, t).code];
    expect(row('Ivo Sarr')).toEqual(['President', 'country:PRT', 'PRTGOV']);
    expect(row('Ana Vidal')).toEqual([null, 'country:ESP', 'ESP']);
  });

  it('gives a titled rank of the police its sector', () => {
    const doc = analyze('Police Commissioner Jana Holm said the suspect was held.', [
      ['Police Commissioner Jana Holm', 'PER'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.role, e.code])).toEqual([['Jana Holm', 'Police Commissioner', 'COP']]);
  });
});

describe('capitals acting for their state', () => {
  it('reads a capital holding an attitude as its state, and a capital as a place otherwise', () => {
    const doc = analyze('Paris remains deeply concerned about the vote. Tourists in Paris were not concerned.', [
      ['Paris', 'LOC'],
    ]);
    expect(doc.entities.map((e) => [e.actorKey, e.metonym])).toEqual([
      ['country:FRA', true],
      ['loc:paris', false],
    ]);
  });

  it('reads coordinated capitals, adverbs before the verb and a relative clause on the capital', () => {
    const doc = analyze(
      'Tokyo and Seoul remain deeply concerned. Paris has repeatedly urged calm. ' +
        'Berlin, which remains concerned, said nothing. Crowds in Tokyo and Seoul are large.',
      [
        ['Tokyo', 'LOC'],
        ['Seoul', 'LOC'],
        ['Paris', 'LOC'],
        ['Berlin', 'LOC'],
      ],
    );
    expect(doc.entities.map((e) => [e.text, e.actorKey])).toEqual([
      ['Tokyo', 'country:JPN'],
      ['Seoul', 'country:KOR'],
      ['Paris', 'country:FRA'],
      ['Berlin', 'country:DEU'],
      ['Tokyo', 'loc:tokyo'],
      ['Seoul', 'loc:seoul'],
    ]);
  });

  it('keeps coordinated capitals opened by a place preposition as places whatever follows', () => {
    const doc = analyze(
      'Hotels in London and Paris are ready for the summer rush. London and Paris are ready to talk.',
      [
        ['London', 'LOC'],
        ['Paris', 'LOC'],
      ],
    );
    expect(doc.entities.map((e) => [e.text, e.actorKey])).toEqual([
      ['London', 'loc:london'],
      ['Paris', 'loc:paris'],
      ['London', 'country:GBR'],
      ['Paris', 'country:FRA'],
    ]);
  });

  it('reads a capital addressed by a protest or an appeal as its state, and one travelled to as a place', () => {
    const doc = analyze('Berlin protested to Paris on Monday. The minister flew to Paris on Tuesday.', [
      ['Berlin', 'LOC'],
      ['Paris', 'LOC'],
    ]);
    expect(doc.entities.map((e) => [e.text, e.actorKey, e.metonym])).toEqual([
      ['Berlin', 'country:DEU', true],
      ['Paris', 'country:FRA', true],
      ['Paris', 'loc:paris', false],
    ]);
  });
});

describe('tagger seam', () => {
  it('rejects a tagger that returns the wrong shape', () => {
    const doc = createDoc('x', textArticle('One two.', 't'));
    expect(() => annotateLanguage(doc, { tagSentences: () => [] })).toThrow(/returned 0 sentences/);
    expect(() => annotateLanguage(doc, { tagSentences: () => [['O']] })).toThrow(/labels for a sentence/);
  });

  it('works without a model: gazetteer names and honorific-led names only', () => {
    const doc = createDoc('x', textArticle('Mr. Lavrov met NATO envoys in Brussels. Nobody Here agreed.', 't'));
    annotateLanguage(doc);
    expect(doc.entities.map((e) => [e.text, e.type])).toEqual([
      ['Lavrov', 'PERSON'],
      ['NATO', 'ORG'],
      ['Brussels', 'GPE'],
    ]);
  });
});
