import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isCaption, isChrome, isReportingCredit, isSubhead } from './classify.js';
import { BoundaryModel, CANDIDATE_FEATURES } from './boundary-model.js';
import { addStems } from './line-features.js';
import { repairMojibake } from './mojibake.js';
import { LIMITS } from '../model/index.js';
import { segmentText } from './segmenter.js';
import { cleanUrl, dateFromUrl, outletFromUrl, outletNameFor } from './url.js';

const para = (n: number): string =>
  `Officials in the port city said on Tuesday that the ferry service would resume after inspections, paragraph ${n} of the report noted.`;

/** Paragraphs as pasted in a dump: each followed by a blank line. */
const paras = (xs: string[]): string[] => xs.flatMap((p) => [p, '']);
/** Two invented stories the boundary tests paste one after the other. */
const FERRY_STORY = [
  'The city council voted on Tuesday to extend the night ferry timetable through the winter, after a petition signed by more than four thousand residents.',
  'Councillors said the extra crossings would cost about two million a year, to be paid from the harbour fund rather than from fares.',
  'The operator said it would hire twelve more crew members before December.',
];
const PARADE_STORY = [
  'Soldiers and tanks rolled through the capital on Saturday as the government marked fifty years since independence with its largest parade in a decade.',
  'Foreign diplomats watched from a stand beside the presidential palace while jets flew overhead in formation.',
  'The defence minister told reporters that the display showed the army was ready to defend the borders.',
];

/** The ferry story and the parade story pasted back to back, `between` on its own line after the ferry story's end. */
const ferryThenParade = (between: string): string =>
  [
    'Council extends night ferry timetable through winter',
    '',
    ...paras(FERRY_STORY),
    between,
    '',
    'Capital marks independence anniversary with largest parade in a decade',
    '',
    ...paras(PARADE_STORY),
  ].join('\n');

describe('caption and credit detection', () => {
  // Written for these tests in the styles of wires, broadcasters and newspapers.
  const captions = [
    'Protesters gather outside the parliament building on Monday. (Image: PA Media)',
    'A coastguard cutter leaves the harbour. Photo: Jane Doe/Reuters',
    'Soldiers unload supplies at the depot. Photograph: Marco Ruiz/AFP via Getty Images',
    'FILE PHOTO: The foreign minister speaks at a news conference in Vienna, Austria, March 3, 2026.',
    'A handout picture released by the defence ministry shows a missile launch.',
    'The president arrives at the summit (AP Photo/Lee Min-ho)',
    'Getty Images',
    'Pictured: the damaged pier after the storm',
    'Licensing',
    'Click to enlarge',
    'Image 3 of 12',
    '© Northgate News 2026',
    'Villagers wait for aid trucks. KCNA via REUTERS',
    'Firefighters at the scene (Photo: BBC)',
    'File photo of the refinery taken in 2019',
  ];
  it.each(captions)('recognizes %s', (line) => {
    expect(isCaption(line)).toBe(true);
  });
  const bodies = [
    'The agency told Reuters that the talks would resume in May.',
    'Photographers were barred from the hearing, the court said.',
    'Copyright disputes have slowed the film industry, analysts said.',
    'The minister said the file had been sent to prosecutors on Friday.',
    'A picture of calm emerged from the capital as the day went on.',
  ];
  it.each(bodies)('keeps body sentence %s', (line) => {
    expect(isCaption(line)).toBe(false);
  });
});

describe('chrome and subheads', () => {
  it('drops scraper chrome', () => {
    for (const l of [
      'Skip to content',
      'Switch to mobile site',
      'AMP',
      'Share this article',
      'Subscribe to our newsletter',
      'We use cookies to improve your experience. Accept cookies',
      'Advertisement',
      'Read more: Talks stall again',
      'Continue reading',
    ]) {
      expect(isChrome(l), l).toBe(true);
    }
    expect(isChrome('Share prices fell sharply in Tokyo after the announcement.')).toBe(false);
    expect(
      isChrome('Subscribers to the state broadcaster were told on Monday that the channel would close within weeks.'),
    ).toBe(false);
  });
  it('recognizes short subheads', () => {
    expect(isSubhead('WHAT HAPPENS NEXT')).toBe(true);
    expect(isSubhead('Sanctions Widen')).toBe(true);
    expect(isSubhead('The ministry said talks were planned for next week.')).toBe(false);
  });
});

describe('URLs, dates and outlets', () => {
  it('repairs damaged URLs', () => {
    expect(cleanUrl('https://www.example.com/a/b)')).toBe('https://www.example.com/a/b');
    expect(cleanUrl('"https://news.example.org/2026/03/14/story".')).toBe('https://news.example.org/2026/03/14/story');
    expect(cleanUrl('https://example.com/world/long- story-slug')).toBe('https://example.com/world/long-story-slug');
    expect(cleanUrl('www.example.net/x')).toBe('https://www.example.net/x');
    expect(cleanUrl('not a url')).toBeNull();
  });
  it('reads dates from URL paths with their precision', () => {
    expect(dateFromUrl('https://x.com/news/2021/04/06/story')).toMatchObject({
      value: '2021-04-06',
      precision: 'day',
      from: 'url',
    });
    expect(dateFromUrl('https://x.com/news/story-2021-04-06/')).toMatchObject({
      value: '2021-04-06',
      precision: 'day',
    });
    expect(dateFromUrl('https://x.com/2021/apr/06/story')).toMatchObject({ value: '2021-04-06' });
    expect(dateFromUrl('https://x.com/news/20210406/story')).toMatchObject({ value: '2021-04-06' });
    expect(dateFromUrl('https://x.com/2021/04/story')).toMatchObject({ value: '2021-04', precision: 'month' });
    // An impossible day keeps only what is certain: the month.
    expect(dateFromUrl('https://x.com/2021/02/30/story')).toMatchObject({ value: '2021-02', precision: 'month' });
    expect(dateFromUrl('https://x.com/story/12345')).toBeNull();
  });
  it('names outlets from the table, else the registrable domain', () => {
    expect(outletFromUrl('https://www.reuters.com/world/x')).toBe('Reuters');
    expect(outletFromUrl('https://edition.cnn.com/2026/x')).toBe('CNN');
    expect(outletFromUrl('https://www.bbc.co.uk/news/world-1')).toBe('BBC');
    expect(outletFromUrl('https://news.unknown-paper.co.uk/x')).toBe('unknown-paper.co.uk');
  });

  it('reads an unknown outlet name from the article, else from the words of its domain', () => {
    expect(outletNameFor('harbourbeacon.com', ['Ships wait offshore. (Photo: The Harbour Beacon)'])).toBe(
      'The Harbour Beacon',
    );
    expect(outletNameFor('quayside-times.co.uk', [])).toBe('Quayside Times');
    expect(outletNameFor('fenlandgazette.co.uk', [])).toBe('Fenland Gazette');
    expect(outletNameFor('morningharbourpost.com', [])).toBe('Morning Harbour Post');
    expect(outletNameFor('xqzwv.com', [])).toBeNull();
  });
});

describe('mojibake', () => {
  it('repairs unambiguous mojibake and flags lost characters', () => {
    const r = repairMojibake('The ministerâ€™s â€œred lineâ€ â€” cafÃ© talks, lost \uFFFD here');
    expect(r.text).toBe('The minister’s “red line” — café talks, lost \uFFFD here');
    expect(r.lost).toBe(1);
    expect(repairMojibake('Zürich and São Paulo are fine').text).toBe('Zürich and São Paulo are fine');
  });
});

describe('segmentDump', () => {
  it('starts no article at a caption with a photo credit after a bar; a site after a bar marks a headline', async () => {
    const body = (what: string) =>
      `VELMAR — The harbour board ${what} on Tuesday after a long meeting with ferry operators and council members. ` +
      'Officials said the decision would be reviewed in the spring, once the new timetable has been tried out.';
    const dump = [
      'Harbour board approves winter ferry timetable',
      '',
      body('approved a winter ferry timetable'),
      '',
      'Fishermen haul their nets at dawn in the old harbour | Getty Images',
      '',
      'The new timetable cuts the number of crossings from eight a day to five, the board said in a statement.',
      '',
      'Council votes to repair the north pier | Harbour Herald',
      '',
      body('voted to repair the north pier'),
      '',
    ].join('\n');
    const arts = await segmentText(dump);
    expect(arts.map((a) => a.title)).toEqual([
      'Harbour board approves winter ferry timetable',
      'Council votes to repair the north pier',
    ]);
    expect(arts[1]!.outlet).toBe('Harbour Herald');
  });

  it('splits a dump into articles with titles, URLs, captions and clean bodies', async () => {
    const arts = await segmentText(
      readFileSync(new URL('../../test/fixtures/small-dump.txt', import.meta.url), 'utf8'),
    );
    expect(arts.map((a) => a.title)).toEqual([
      'Coastguard vessels shadow survey ship near disputed reef',
      'Fishermen say catches have collapsed since the standoff began',
      'Navy chief replaced after drill mishap, ministry confirms',
    ]);
    const [a, b, c] = arts as [
      NonNullable<(typeof arts)[0]>,
      NonNullable<(typeof arts)[0]>,
      NonNullable<(typeof arts)[0]>,
    ];
    expect(a.url).toBe('https://www.meridianwire.example/world/2027/05/04/coastguard-shadow-survey-ship');
    expect(a.outlet).toBe('Meridian Wire');
    expect(a.captions).toHaveLength(1);
    expect(a.text).not.toContain('Photo:');
    expect(a.text).not.toContain('Share this article');
    expect(a.text.match(/formal protest/g)).toHaveLength(1);
    expect(a.paragraphs!.map((p) => p.kind)).toContain('subhead');
    expect(a.paragraphs![0]!.kind).toBe('standfirst');
    expect(a.dateEvidence.map((d) => `${d.value}/${d.from}`)).toEqual(['2027-05-04/url', '2027-05-03/caption']);
    expect(b.url).toBeNull();
    expect(b.captions).toEqual(['(Image: Harbour Press)']);
    expect(b.text).not.toContain('Advertisement');
    expect(c.url).toBe('https://harbourpress.example/news/navy-chief-replaced-20270510');
    for (const art of arts) {
      for (const p of art.paragraphs!)
        expect(art.text.slice(p.start, p.end).trim()).toBe(art.text.slice(p.start, p.end));
    }
  });

  it('handles CRLF line endings the same as LF', async () => {
    const text = readFileSync(new URL('../../test/fixtures/small-dump.txt', import.meta.url), 'utf8');
    const lf = await segmentText(text);
    const crlf = await segmentText(text.replace(/\n/g, '\r\n'));
    expect(crlf.map((a) => [a.title, a.text, a.url])).toEqual(lf.map((a) => [a.title, a.text, a.url]));
  });

  it('keeps a live-blog fragment together', async () => {
    const dump = [
      'Live: Strait standoff day three',
      '',
      'Follow the latest developments as navies hold position.',
      '',
      '10:02 GMT',
      '',
      'The first patrol boats left port at dawn, witnesses said.',
      '',
      '10:45 GMT',
      '',
      'A ministry spokeswoman said no shots had been fired.',
      '',
      '11:30 GMT',
      '',
      'Talks are due to resume in the afternoon, officials said.',
      '',
      'Source: https://live.example.com/2027/06/01/strait-live',
      '',
    ].join('\n');
    const arts = await segmentText(dump);
    expect(arts).toHaveLength(1);
    expect(arts[0]!.title).toBe('Live: Strait standoff day three');
    expect(arts[0]!.text).toContain('11:30 GMT');
  });

  it('gives a dump without headlines one article with a derived title and a warning', async () => {
    // Three different paragraphs of prose (the same sentence three times would read as a headline echoed by
    // its lead, which the classifier's continuity features take for one).
    const dump = [
      'Officials in the port city said on Tuesday that the ferry service would resume after inspections of its two oldest boats.',
      '',
      'The harbour authority added that passengers holding tickets for cancelled crossings could ask for a refund until the end of the month.',
      '',
      'Fishermen, who share the quay with the ferries, said they had been told to keep the western berths clear from Monday.',
    ].join('\n');
    const arts = await segmentText(dump);
    expect(arts).toHaveLength(1);
    expect(arts[0]!.warnings.join(' ')).toMatch(/no headline/);
    expect(arts[0]!.text).toContain('western berths');
  });

  it('cuts runaway input into bounded parts without losing text', async () => {
    const words = (from: number): string => Array.from({ length: 200_000 }, (_, i) => `w${from + i}`).join(' ');
    const arts = await segmentText(`A very long file\n\n${words(0)}\n\n${words(200_000)}\n`);
    const total = arts.reduce((n, a) => n + (a.text.match(/w\d+/g) ?? []).length, 0);
    expect(total).toBe(400_000);
    for (const a of arts) expect(a.text.length).toBeLessThanOrEqual(LIMITS.articleChars + 60_000);
    expect(arts.length).toBeGreaterThan(1);
  });

  it('starts a new article at a headline followed by a dateline even without a Source line', async () => {
    const dump = [
      'Ministers meet as fuel prices climb across the region',
      '',
      para(1),
      '',
      para(2),
      '',
      para(3),
      '',
      'Rail strike called off after overnight talks with unions',
      '',
      `LISBON, June 3 (Coastline Wire) — ${para(4)}`,
      '',
      para(5),
      '',
    ].join('\n');
    const arts = await segmentText(dump);
    expect(arts.map((a) => a.title)).toEqual([
      'Ministers meet as fuel prices climb across the region',
      'Rail strike called off after overnight talks with unions',
    ]);
    expect(arts[1]!.outlet).toBe('Coastline Wire');
  });

  it('keeps a transcript together: a speaker turn over the next one is not a headline over a dateline', async () => {
    const dump = [
      'Mayor takes questions on the winter ferry timetable',
      '',
      ...paras([
        para(1),
        para(2),
        'HOST: Do you think the night ferry will keep running once the harbour freezes?',
        'MAYOR: I think it will, and the crews have told me they are ready for it.',
        'HOST: What will it cost the city?',
        'MAYOR: About two million a year, which the harbour fund will pay.',
      ]),
      'Source: https://www.example.com/ferry',
    ].join('\n');
    const arts = await segmentText(dump);
    expect(arts.map((a) => a.title)).toEqual(['Mayor takes questions on the winter ferry timetable']);
    expect(arts[0]!.paragraphs).toHaveLength(6);
    expect(arts[0]!.url).toBe('https://www.example.com/ferry');
  });

  it('gives a provisional headline that no likelier one displaces back to its article, losing no word', async () => {
    const dump = [
      'Council extends night ferry timetable through winter',
      '',
      ...paras(FERRY_STORY),
      ...paras(PARADE_STORY),
      'Source: https://www.example.com/ferry',
    ].join('\n');
    // Every line after a paragraph is taken provisionally (threshold 0) and none is sure enough to stay a headline.
    const arts = await segmentText(dump, 'text', { headlineMin: 1.01, ruleBackedMin: 1.01, candidateMin: 0 });
    expect(arts.map((a) => a.title)).toEqual(['Council extends night ferry timetable through winter']);
    expect(arts[0]!.text).toBe([...FERRY_STORY, ...PARADE_STORY].join('\n\n'));
    expect(arts[0]!.url).toBe('https://www.example.com/ferry');
  });

  it('never cuts at a reporting credit, however low the cut threshold', async () => {
    const credits = [
      'Contributing: Ana Lima and Tomas Berg, Harbour News Service.',
      'Additional reporting by Ana Lima in Porto.',
      'Ana Lima and Tomas Berg contributed to this report.',
    ];
    for (const credit of credits) {
      expect(isReportingCredit(credit)).toBe(true);
      const dump = ['Mayor takes questions on the winter ferry timetable', '', ...paras([para(1), credit])].join('\n');
      // At threshold 0 every line after a paragraph is a learned cut but for the lines that can never be one.
      const arts = await segmentText(dump, 'text', { headlineMin: 0 });
      expect(arts.map((a) => a.title)).toEqual(['Mayor takes questions on the winter ferry timetable']);
      expect(arts[0]!.text.endsWith(credit)).toBe(true);
    }
    expect(isReportingCredit('Contributing factors to the delay were the storm and a strike.')).toBe(false);
  });

  it('names a domain in every article of the dump once one article has named it', async () => {
    const article = (title: string, body: string, url: string): string =>
      [title, '', body, '', para(2), '', `Source: ${url}`, ''].join('\n');
    const dump = [
      article(
        'Port reopens after storm damage is cleared',
        'Cranes moved again on Monday. (Photo: Fjord Signal/Ana Berg)',
        'https://www.fjordsignal.no/nyheter/port-reopens-1',
      ),
      article(
        'Ferry timetable restored for the summer season',
        para(3),
        'https://www.fjordsignal.no/nyheter/ferry-timetable-2',
      ),
    ].join('\n');
    const arts = await segmentText(dump);
    expect(arts.map((a) => a.outlet)).toEqual(['Fjord Signal', 'Fjord Signal']);
  });

  it('finds headlines that end in a period without Source lines, and flags unsure boundaries', async () => {
    const COUNCIL = [
      'The council met for three hours behind closed doors before the vote, members said afterwards, and the mayor left without speaking to the reporters who had waited outside the chamber since the early evening.',
      'A spokeswoman for the mayor said the city would publish the full budget on its website next week, including the cost of the two new ferries that the harbour authority ordered from a yard in the south last year.',
      'Opposition members said they would ask for a second reading when the chamber returns in the autumn, arguing that the figures had been changed twice since the first draft was shown to the finance committee in March.',
    ];
    // Each story in its own words (a story whose paragraphs repeat the article before word for word reads as more of
    // it to the second look at a boundary).
    const FLOODS = [
      'Water stood knee-deep in the orchards below the dam, and growers said the cherry harvest was lost for a second year.',
      'The regional agriculture office opened two emergency centres where families can apply for grants to replace seed and livestock.',
      'Engineers will inspect the levees next month, a spokesman for the water board said, after two of them gave way overnight.',
    ];
    const story = (title: string, lead: string, body = COUNCIL): string[] => [
      title,
      '',
      lead,
      '',
      ...body.flatMap((p) => [p, '']),
    ];
    const first = story(
      'Harbour city council approves ferry budget after long debate.',
      'The harbour city council approved the ferry budget on Tuesday after a debate that ran late into the night.',
    );
    const lead =
      'Farmers in the northern valley were still counting their losses on Thursday as the river began to fall.';
    // A headline in title case is cut as one.
    const arts = await segmentText(
      [...first, ...story('Northern Valley Farmers Count Losses After Spring Floods.', lead, FLOODS)].join('\n'),
    );
    expect(arts.map((a) => a.title)).toEqual([
      'Harbour city council approves ferry budget after long debate.',
      'Northern Valley Farmers Count Losses After Spring Floods.',
    ]);
    // The second article was cut without a Source line: the cut is learned, not certain.
    expect(arts[1]!.boundaryConfidence).toBeGreaterThan(0.5);
    expect(arts[1]!.boundaryConfidence).toBeLessThan(1);
    // The same line in sentence case reads as prose more than as a headline: when it is not cut, the
    // article that holds it says it may hold two, so a reader can split it.
    const joined = await segmentText(
      [...first, ...story('Northern valley farmers count losses after spring floods.', lead, FLOODS)].join('\n'),
    );
    if (joined.length === 1) expect(joined[0]!.boundaryConfidence).toBeLessThan(1);
    else expect(joined[1]!.boundaryConfidence).toBeLessThan(1);
  });

  it('cuts at a headline that a lone photo credit follows, and keeps the credit out of the body', async () => {
    const dump = [
      'Council Extends Night Ferry Timetable Through Winter',
      '',
      ...paras([
        'The city council voted on Tuesday to extend the night ferry timetable through the winter, after a petition signed by more than four thousand residents.',
        'Councillors said the extra crossings would cost about two million a year, to be paid from the harbour fund rather than from fares.',
        'The operator said it would hire twelve more crew members before December, and that the first extra crossings would run from the second week of November.',
      ]),
      'Mountain Villages Brace For Heavy Snow As Roads Close',
      '',
      'Getty Images',
      '',
      ...paras([
        'Villages in the northern mountains were cut off on Sunday as the first heavy snow of the season closed the pass roads and brought down power lines.',
        'Emergency crews said they expected to reopen the main road by Tuesday, but warned that smaller roads could stay closed for a week or more.',
      ]),
    ].join('\n');
    const arts = await segmentText(dump);
    expect(arts.map((a) => a.title)).toEqual([
      'Council Extends Night Ferry Timetable Through Winter',
      'Mountain Villages Brace For Heavy Snow As Roads Close',
    ]);
    expect(arts[1]!.captions).toEqual(['Getty Images']);
    expect(arts[0]!.captions).toEqual([]);
  });

  it('takes a photo caption pasted above the next headline for a caption, not a headline', async () => {
    const dump = ferryThenParade('A military parade in Varnov in May');
    const arts = await segmentText(dump);
    expect(arts.map((a) => a.title)).toEqual([
      'Council extends night ferry timetable through winter',
      'Capital marks independence anniversary with largest parade in a decade',
    ]);
    expect(arts[1]!.captions).toEqual(['A military parade in Varnov in May']);
    expect(arts[1]!.text).not.toContain('Varnov');
    expect(arts[0]!.text).not.toContain('Varnov');
  });

  it('gives a line taken for a headline back to the article before when a likelier headline follows, losing no word', async () => {
    // The ferry story's last paragraph is headline-shaped, but it is in the ferry story's own words, and the
    // parade headline right under it is the likelier one: it goes back to the ferry story as its last paragraph.
    const last = 'Night ferry crossings to cost the harbour fund two million';
    const dump = ferryThenParade(last);
    const arts = await segmentText(dump);
    expect(arts.map((a) => a.title)).toEqual([
      'Council extends night ferry timetable through winter',
      'Capital marks independence anniversary with largest parade in a decade',
    ]);
    const times = (hay: string): number => hay.split(last).length - 1;
    expect(times(arts[0]!.text)).toBe(1);
    expect(arts[0]!.text.trimEnd().endsWith(last)).toBe(true);
    expect(times(arts[1]!.text)).toBe(0);
    expect(arts.flatMap((a) => a.captions).filter((c) => c.includes(last))).toEqual([]);
    // No word of the input is lost or doubled: titles, texts and captions hold the input's words exactly once.
    const words = (t: string): string[] => (t.match(/[\p{L}\p{N}]+/gu) ?? []).sort();
    expect(words(arts.flatMap((a) => [a.title, a.text, ...a.captions]).join(' '))).toEqual(words(dump));
  });

  it('reads continuity stems: inflections meet, function words are left out', () => {
    const a = new Set<number>();
    const b = new Set<number>();
    addStems('Gunman shoots three', a);
    addStems('The shooting of three people would', b);
    // "shoots"/"shooting" share a stem; "three", "people" and "would" are generic, "the" and "of" too short.
    expect([...a].filter((x) => b.has(x))).toHaveLength(1);
    expect(b.size).toBe(1);
  });

  it('gives an article closed by Source lines full boundary confidence', async () => {
    const dump = [
      'Rail strike called off after overnight talks with unions',
      '',
      para(1),
      '',
      para(2),
      '',
      'Source: https://news.example.com/2027/06/02/rail-strike-called-off',
      '',
    ].join('\n');
    const [a] = await segmentText(dump);
    expect(a!.boundaryConfidence).toBe(1);
  });

  it('keeps a caption without a credit out of the body', async () => {
    const dump = [
      'Navy holds parade as strait tensions rise',
      '',
      para(1),
      '',
      'A naval parade in Port Ellis in May',
      '',
      para(2),
      '',
      para(3),
      '',
      'Source: https://news.example.com/2027/06/03/navy-parade',
      '',
    ].join('\n');
    const [a] = await segmentText(dump);
    expect(a!.captions).toEqual(['A naval parade in Port Ellis in May']);
    expect(a!.text).not.toContain('naval parade in Port Ellis');
  });

  it('keeps a last paragraph that reports speech in the body when a headline follows; a caption there goes out', async () => {
    // A story's one-sentence last paragraph right over the next headline (no Source line) reads to the model like a
    // caption pasted above that headline; one that reports what someone said in the past tense is prose.
    const bankThenRail = (last: string): string =>
      [
        'Central bank holds rates as inflation cools',
        '',
        ...paras([
          'The central bank left its main interest rate unchanged on Thursday, saying inflation had cooled faster than it expected in the autumn.',
          'The governor said the bank would watch wage growth closely before deciding whether to cut rates early next year.',
          'Shares closed slightly higher and the currency barely moved after the announcement, which most economists had predicted.',
          last,
        ]),
        'Rail strike called off after last-minute deal',
        '',
        ...paras([
          'A national rail strike planned for Monday was called off late on Saturday after the union and the operator reached a deal on pay.',
          'The union said its members would vote on the offer next week.',
        ]),
      ].join('\n');
    for (const last of [
      'Analysts said a cut in March was now the most likely outcome.',
      'Traders told reporters they expected a cut in March.',
    ]) {
      const arts = await segmentText(bankThenRail(last));
      expect(arts.map((a) => a.title)).toEqual([
        'Central bank holds rates as inflation cools',
        'Rail strike called off after last-minute deal',
      ]);
      expect(arts[0]!.captions).toEqual([]);
      expect(arts[0]!.text.trimEnd().endsWith(last)).toBe(true);
    }
    // Counterpart: a picture's description there (present tense, a place, a when) is still a caption.
    for (const caption of [
      'Commuters wait on a platform in Leeburg in March',
      'A trader at the exchange in Leeburg on Thursday',
    ]) {
      const arts = await segmentText(bankThenRail(caption));
      expect(arts).toHaveLength(2);
      expect(arts.flatMap((a) => a.captions)).toEqual([caption]);
      expect(arts.some((a) => a.text.includes(caption))).toBe(false);
    }
  });

  it('takes a caption pasted above the headline after a Source line for a caption, not the headline', async () => {
    const dump = (first: string[]): string =>
      [
        'Council extends night ferry timetable through winter',
        '',
        ...paras(FERRY_STORY),
        'Source: https://news.example.com/2027/05/02/ferry',
        '',
        ...paras(first),
        ...paras(PARADE_STORY),
      ].join('\n');
    const headline = 'Capital marks independence anniversary with largest parade in a decade';
    const arts = await segmentText(dump(['A military parade in Varnov in May', headline]));
    expect(arts.map((a) => a.title)).toEqual(['Council extends night ferry timetable through winter', headline]);
    expect(arts[1]!.captions).toEqual(['A military parade in Varnov in May']);
    expect(arts[1]!.text).not.toContain('Varnov in May');
    // Counterparts: a headline that names a place and a month, right over its lead, stays the headline; a kicker
    // without a place and a when is not taken for a caption by this rule.
    const named = 'Floods in Varnov in May leave thousands without homes';
    const alone = await segmentText(dump([named]));
    expect(alone[1]!.title).toBe(named);
    expect(alone[1]!.captions).toEqual([]);
  });

  it('dates an article by a weekday-date pair with the year of its dump neighbour', async () => {
    const dump = [
      'Ferry operators resume service after inspection',
      '',
      para(1),
      '',
      para(2),
      '',
      'Source: https://news.example.com/2017/09/12/ferries-resume',
      '',
      'Dock workers end strike after pay deal',
      '',
      'Dock workers returned to work on Wednesday (Sep 13) after union leaders accepted a pay offer, officials said.',
      '',
      para(3),
      '',
    ].join('\n');
    const arts = await segmentText(dump);
    expect(arts).toHaveLength(2);
    expect(arts[1]!.published).toEqual({ value: '2017-09-13', precision: 'day', from: 'text' });
    expect(arts[1]!.dateEvidence.map((d) => d.value)).toContain('2017-09-13');
  });

  it('reads a dated update line that scrapers leave as chrome', async () => {
    const dump = [
      'Bridge reopens to traffic after repairs',
      '',
      para(1),
      '',
      'This article was updated on 14 September 2017',
      '',
      para(2),
      '',
    ].join('\n');
    const [a] = await segmentText(dump);
    expect(a!.text).not.toContain('This article was updated');
    expect(a!.dateEvidence).toContainEqual(
      expect.objectContaining({ value: '2017-09-14', kind: 'updated', from: 'metadata' }),
    );
  });

  it('returns nothing for empty or blank input', async () => {
    expect(await segmentText('')).toEqual([]);
    expect(await segmentText('\n\n  \n')).toEqual([]);
  });
});

describe('the second look at an uncertain boundary', () => {
  const HARBOUR = [
    'Harbour board votes to close eastern quay',
    '',
    'The Varlen harbour board voted on Tuesday to close the eastern quay after inspectors found deep cracks in the pilings that hold up the loading cranes.',
    '',
    'Harbour master Edda Quist said repairs would take at least a year and cost the port its busiest berth during the grain season.',
    '',
    'Shipping agents warned that vessels would be sent to the western basin, where the channel is shallower and pilots are already stretched.',
    '',
    "Quist said the board would publish the inspectors' report next week and ask the regional council for an emergency grant.",
    '',
  ];
  const ORCHARD = [
    'Orchard growers light fires as late frost hits valley',
    '',
    'Growers in the Tessin valley lit fires between the rows overnight as temperatures fell far below freezing weeks after the apple trees had blossomed.',
    '',
    'Brana Lusk, who farms forty hectares above the village of Orlo, said she had not seen frost this late in twenty years of growing.',
    '',
    "The growers' cooperative estimated that a third of the blossom had been lost and asked the agriculture office to declare a local emergency.",
    '',
    "Forecasters at the regional weather office expect milder nights from Thursday, though growers said the damage to this year's crop was already done.",
    '',
  ];
  const LIBRARY = [
    'The central library of Kessing reopened its doors on Saturday after a renovation that replaced the roof, the heating and every shelf in the reading room.',
    '',
    'Mayor Ottavio Renn cut the ribbon in front of several hundred visitors, many of them children who queued for the new picture-book corner.',
    '',
    'The library will open on Sundays for the first time, librarian Mirela Faust said.',
  ];
  const dump = (headline: string): string => [...HARBOUR, ...ORCHARD, headline, '', ...LIBRARY].join('\n');
  /** A scorer that reads nothing but its bias: keeps (or vetoes) every candidate alike. */
  const alike = (keep: boolean, veto: boolean): BoundaryModel => {
    const weights = (bias: number) => [bias, ...new Array(CANDIDATE_FEATURES.length - 1).fill(0)];
    return new BoundaryModel({
      format: 1,
      features: [...CANDIDATE_FEATURES],
      keep: { weights: weights(keep ? 20 : -20), threshold: 0.5 },
      veto: { weights: weights(veto ? -20 : 20), threshold: 0.5 },
      provenance: {},
    });
  };
  const titles = async (text: string, boundary: BoundaryModel | null) =>
    (await segmentText(text, 't', { boundary })).map((a) => a.title);

  it('a provisional headline stands when the second look keeps it, and goes back to the article before otherwise', async () => {
    // A headline ending in a period, which the headline rule does not take: the line model's cut is provisional.
    const text = dump("Kessing's readers get their library back.");
    expect(await titles(text, alike(true, false))).toHaveLength(3);
    const undone = await segmentText(text, 't', { boundary: null });
    expect(undone).toHaveLength(2);
    expect(undone[1]!.text).toContain("Kessing's readers get their library back.");
    expect(undone[1]!.boundaryConfidence).toBeLessThan(1);
  });

  it('with the committed scorer: a lead that repeats its headline and names new people keeps an uncertain cut', async () => {
    const lead = [
      "Kessing's central library reopened to readers on Saturday after a renovation that replaced the roof, the heating and every shelf in the reading room.",
      '',
      'Mayor Ottavio Renn cut the ribbon in front of several hundred readers, many of them children who queued for the new picture-book corner of the library.',
      '',
      'The library will open on Sundays for the first time, librarian Mirela Faust said.',
    ];
    const headline = "Kessing's readers get their library back.";
    const fresh = await segmentText([...HARBOUR, ...ORCHARD, headline, '', ...lead].join('\n'), 't');
    expect(fresh.map((a) => a.title)).toEqual([HARBOUR[0], ORCHARD[0], headline]);
    // Uncertain, and said so.
    expect(fresh[2]!.boundaryConfidence).toBeLessThan(0.8);
    // Counterpart: the same line over more of the orchard story stays a paragraph of it.
    const more = [
      "The growers' cooperative said the fires between the rows had saved part of the apple blossom in the Tessin valley overnight, and Brana Lusk said the orchards above Orlo would need a second night of fires.",
      '',
      'The agriculture office said it would decide on the local emergency once the cooperative had counted the lost blossom.',
    ];
    const same = await segmentText([...HARBOUR, ...ORCHARD, headline, '', ...more].join('\n'), 't');
    expect(same.map((a) => a.title)).toEqual([HARBOUR[0], ORCHARD[0]]);
    expect(same[1]!.text).toContain(headline);
  });

  it('a line laid out and worded as a headline is a candidate whatever the line model reads, prose is not', async () => {
    // Thresholds no probability reaches: only the layout rule can make a candidate, which a keep-all scorer keeps.
    const layoutOnly = (layoutCandidates: boolean) => ({
      headlineMin: 0.999,
      ruleBackedMin: 0.999,
      candidateMin: 0.999,
      boundary: alike(true, false),
      layoutCandidates,
    });
    const count = async (headline: string, layoutCandidates = true, lead = LIBRARY) =>
      (await segmentText([...HARBOUR, ...ORCHARD, headline, '', ...lead].join('\n'), 't', layoutOnly(layoutCandidates)))
        .length;
    // Headlinese ending in a period (present tense, no pronoun, nothing pointing back) and title case: cut.
    expect(await count('Kessing library reopens after two-year renovation.')).toBe(3);
    expect(await count('Kessing Library Reopens After Two Years.')).toBe(3);
    // The rule off: no candidate (nor is the orchard story's headline, which the rule takes too).
    expect(await count('Kessing library reopens after two-year renovation.', false)).toBe(1);
    // Counterparts: a one-sentence paragraph of prose (a pronoun pointing back, a past tense) is no candidate, nor is a
    // headline-worded line over a short line (no lead under it).
    expect(await count('It reopened after two years of work.')).toBe(2);
    expect(await count('The mayor said the work had cost more than planned.')).toBe(2);
    expect(
      await count('Kessing library reopens after two-year renovation.', true, ['Sundays too.', '', ...LIBRARY]),
    ).toBe(2);
  });

  it('a cut the line model alone took is undone when the second look vetoes it, kept otherwise', async () => {
    const text = dump('Kessing Library Reopens After Two Years.');
    expect(await titles(text, alike(false, false))).toHaveLength(3);
    expect(await titles(text, null)).toHaveLength(3);
    const vetoed = await segmentText(text, 't', { boundary: alike(false, true) });
    expect(vetoed).toHaveLength(2);
    expect(vetoed[1]!.text).toContain('Kessing Library Reopens After Two Years.');
  });
});

describe('a story that restarts under a headline-shaped line', () => {
  const GRAIN = [
    'Grain prices climb as Velmar drought deepens',
    '',
    'Wheat prices rose for a fifth week as the drought in the Velmar plains showed no sign of ending, traders said on Monday.',
    '',
    'The Velmar farm board said the harvest could fall by a third.',
    '',
    'Several mills have cut shifts.',
    '',
  ];
  const LEAD =
    'ORVANDE, Telmark — The Telmark port authority on Tuesday closed the northern ferry terminal after divers found cracks in the harbour wall, stranding hundreds of travellers bound for the Skerra islands.';
  const SHARED = [
    'Harbour engineer Vilja Marrot said the cracks ran along forty metres of the wall and that repairs could take until the spring.',
    'Ferry operator Nordsund Lines said it would move its sailings to the southern pier from Thursday, with a reduced timetable.',
  ];
  const FIRST = [
    'Telmark closes ferry terminal after harbour wall cracks.',
    '',
    ...paras([
      LEAD,
      ...SHARED,
      'Islanders have long complained that the terminal, built in the 1960s, was neglected while money went to the cruise quay.',
    ]),
  ];
  const CLOSING = '"We warned them for years," said Oskar Brenne, who runs a fish shop on the largest island.';
  const second = (headline: string, lead: string): string[] => [headline, '', ...paras([lead, ...SHARED, CLOSING])];
  const titles = async (lines: string[]) => (await segmentText(lines.join('\n'), 't')).map((a) => a.title);

  it('cuts before a second version of the story that repeats the first one’s lead word for word', async () => {
    // Headlines ending in a period, whose words the running article already has: the line model reads prose.
    const headline = 'Ferry terminal shut as divers find cracks in Telmark harbour wall.';
    expect(await titles([...GRAIN, ...FIRST, ...second(headline, LEAD)])).toEqual([GRAIN[0], FIRST[0], headline]);
  });

  it('keeps a later paragraph pasted again under a short one in its article, once', async () => {
    // Counterpart: only a repeated opening restarts the story; a short line over a later paragraph pasted again (a
    // scraper's repeat) starts no article, and the repeat is dropped.
    const again = FIRST[FIRST.length - 2]!;
    const arts = await segmentText([...GRAIN, ...FIRST, 'Repairs will start in March.', '', again, ''].join('\n'), 't');
    expect(arts.map((a) => a.title)).toEqual([GRAIN[0], FIRST[0]]);
    expect(arts[1]!.text.split(again)).toHaveLength(2);
  });
});
