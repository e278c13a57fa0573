import { outletFromUrl } from '../../ingest/url.js';
import { rng } from '../../model/random.js';
import type { SourceArticle } from './corpora.js';

/**
 * Dumps assembled from real articles, with everything a scraper and a paste add injected by this
 * generator in several conventions: Source lines (or none), datelines, bylines, time stamps, photo
 * captions and credits, subheads, scraper chrome, live-blog time stamps, CRLF. Every line carries its
 * label and its article, so the same dumps train the line classifier and measure the segmenter.
 * All injected wording is written here; the articles' text only ever comes from the shared data at run time.
 */

export const LINE_LABELS = [
  'headline',
  'standfirst',
  'byline',
  'caption',
  'credit',
  'subhead',
  'body',
  'chrome',
  'source',
  'stamp',
] as const;
export type LineLabel = (typeof LINE_LABELS)[number];

export interface DumpLine {
  text: string;
  label: LineLabel;
  /** Index of the gold article the line belongs to. */
  article: number;
  /** A blank line precedes / follows it. */
  blankBefore: boolean;
  blankAfter: boolean;
}

export interface GoldArticle {
  id: string;
  title: string;
  url: string | null;
  /** The outlet a reader could name from the text: the URL's, a credit naming the outlet, else null. */
  outlet: string | null;
  /** Body paragraphs as pasted (datelines included). */
  body: string[];
  captions: string[];
  junk: string[];
  /** A day the text itself states as the article's date (URL date, stamp, dateline), else null. */
  datedAs: string | null;
  /** The first paragraph opens with a dateline. */
  dateline: boolean;
}

export interface Dump {
  text: string;
  lines: DumpLine[];
  articles: GoldArticle[];
}

/** How one dump is pasted: rates per article (0–1). */
export interface Convention {
  name: string;
  source: number;
  dateline: number;
  byline: number;
  stamp: number;
  caption: number;
  subhead: number;
  chrome: number;
  live: number;
  /** Headlines carrying the site's name ("Headline | The Outlet"). */
  suffix: number;
  crlf: boolean;
}

export const CONVENTIONS: readonly Convention[] = [
  // Headline, blank line, body; two in three closed by a Source line; a few captions and leftovers.
  {
    name: 'plain',
    source: 0.67,
    dateline: 0,
    byline: 0,
    stamp: 0,
    caption: 0.3,
    subhead: 0.1,
    chrome: 0.15,
    live: 0.03,
    suffix: 0.05,
    crlf: false,
  },
  {
    name: 'wire',
    source: 0.8,
    dateline: 0.7,
    byline: 0.2,
    stamp: 0.2,
    caption: 0.5,
    subhead: 0.2,
    chrome: 0.2,
    live: 0.05,
    suffix: 0,
    crlf: false,
  },
  {
    name: 'web',
    source: 0.3,
    dateline: 0.2,
    byline: 0.6,
    stamp: 0.5,
    caption: 0.6,
    subhead: 0.4,
    chrome: 0.5,
    live: 0.1,
    suffix: 0.4,
    crlf: true,
  },
  {
    name: 'bare',
    source: 0,
    dateline: 0.1,
    byline: 0.1,
    stamp: 0.1,
    caption: 0.4,
    subhead: 0.3,
    chrome: 0.2,
    live: 0.05,
    suffix: 0.1,
    crlf: false,
  },
];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const MONTH_AP = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const FIRST = ['Anna', 'Mark', 'Lucia', 'David', 'Grace', 'Tom', 'Maria', 'Sam', 'Nina', 'Paul', 'Elena', 'Chris'];
const LAST = ['Keller', 'Osei', 'Brandt', 'Moreno', 'Lindqvist', 'Park', 'Hughes', 'Novak', 'Duarte', 'Walsh'];
const CITIES = [
  'Des Moines, Iowa',
  'Manchester, N.H.',
  'Columbus, Ohio',
  'Miami',
  'Denver',
  'Phoenix',
  'Cleveland',
  'Philadelphia',
  'Washington',
  'Brussels',
  'Damascus',
  'Kyiv',
  'Seoul',
  'Cairo',
];
const DATELINE_PLACES = ['WASHINGTON', 'NEW YORK', 'LOS ANGELES', 'DES MOINES, Iowa', 'CHICAGO', 'LONDON', 'BEIRUT'];
const CAPTION_VERBS = [
  'speaks during a campaign event',
  'arrives for a rally',
  'waves to supporters',
  'listens to a question',
  'walks off the stage',
  'gestures as he speaks',
  'attends a town hall meeting',
  'looks on during a debate',
  'addresses the crowd',
];
const SCENES = [
  'A military parade',
  'Supporters wait outside the venue',
  'Voters line up at a polling station',
  'Protesters march through the streets',
  'Delegates cheer on the convention floor',
  'Police officers stand guard',
  'A view of the damaged building',
];
const SUBHEADS = [
  'What comes next',
  'Why it matters',
  'The numbers',
  'A long road ahead',
  'Reaction',
  'The background',
  'Money and the polls',
  'What they said',
  'A divided party',
  'The fight over delegates',
  'Looking ahead to November',
  'The view from the ground',
];
const CHROME = [
  'Advertisement',
  'Share this article',
  'Story continues below advertisement',
  'Continue reading the main story',
  'Click here to subscribe',
  'Sign up for our daily newsletter',
  'Skip to content',
  'Comments (14)',
  'Watch the video above',
  'Image 2 of 9',
  'Listen to this article',
  'Loading...',
  'Share on Facebook | Share on Twitter',
  'Scroll down for video',
];
const SOURCE_PREFIX = ['Source: ', 'Source: ', 'Source: ', 'Original: ', 'Source - '];

const PUBLISHER_HOST: Record<string, string> = {
  breitbart: 'www.breitbart.com',
  'huff-post': 'www.huffingtonpost.com',
  nyt: 'www.nytimes.com',
  politico: 'www.politico.com',
  'usa-today': 'www.usatoday.com',
  'wash-post': 'www.washingtonpost.com',
  'west-journal': 'www.westernjournalism.com',
};

function slug(title: string): string {
  return title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s-]/g, '')
    .trim()
    .split(/\s+/)
    .slice(0, 9)
    .join('-');
}

/** A URL in the publisher's own style (with or without a date in the path, as that outlet writes it). */
function urlFor(a: SourceArticle, r: () => number): string {
  if (a.url) return a.url;
  const host = PUBLISHER_HOST[a.publisher] ?? `www.${a.publisher.replace(/[^a-z0-9]/g, '')}.com`;
  const [y, m, d] = (a.date ?? '2016-03-01').split('-');
  const s = slug(a.title);
  const n = Math.floor(r() * 900000) + 100000;
  switch (a.publisher) {
    case 'nyt':
      return `https://${host}/${y}/${m}/${d}/us/politics/${s}.html`;
    case 'wash-post':
      return `https://${host}/news/post-politics/wp/${y}/${m}/${d}/${s}/`;
    case 'politico':
      return `http://${host}/story/${y}/${m}/${s}-${n}`;
    case 'usa-today':
      return `http://${host}/story/news/politics/elections/${y}/${m}/${d}/${s}/${n}/`;
    case 'breitbart':
      return `http://${host}/big-government/${y}/${m}/${d}/${s}/`;
    case 'huff-post':
      return `http://${host}/entry/${s.replace(/-/g, '-')}_us_${n.toString(16)}e4b0`;
    default:
      return `http://${host}/${s}/`;
  }
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

function person(r: () => number): string {
  return `${pick(r, FIRST)} ${pick(r, LAST)}`;
}

/** A capitalized two-word name from the article (its subject), else an invented one. */
function subjectOf(a: SourceArticle, r: () => number): string {
  const text = a.paragraphs.slice(0, 4).join(' ');
  const names = [...text.matchAll(/\b(\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}{2,})\b/gu)].map((m) => m[1]!);
  const good = names.filter((n) => !/^(?:The|But|And|In|On|At|When|If|As|This|That|He|She|It|We|They)\b/.test(n));
  return good.length > 0 ? pick(r, good) : person(r);
}

const SMALL = new Set(['a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'and', 'or', 'but', 'by', 'with']);

function titleCase(words: readonly string[]): string {
  return words
    .map((w, i) => (i > 0 && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1)))
    .join(' ');
}

/**
 * A subhead over `paragraph`: a stock one, a quoted phrase from the paragraph, or a few of its words in
 * title case or capitals (so the classifier learns the shape of subheads, not a list of them).
 */
function subheadFor(paragraph: string, r: () => number): string {
  const k = r();
  if (k < 0.25) return pick(r, SUBHEADS);
  const quoted = /[“"]([^”"]{8,40})[”"]/.exec(paragraph);
  if (k < 0.45 && quoted) {
    const q = quoted[1]!
      .replace(/[,.!?]+$/, '')
      .split(/\s+/)
      .slice(0, 6);
    return `'${titleCase(q)}'`;
  }
  const words = paragraph
    .replace(/[^\p{L}\p{N}'’\s-]/gu, ' ')
    .split(/\s+/)
    .filter((w) => w.length > 0);
  const n = 2 + Math.floor(r() * 5);
  const from = Math.floor(r() * Math.max(1, Math.min(words.length - n, 12)));
  const phrase = words.slice(from, from + n);
  while (phrase.length > 1 && SMALL.has(phrase[phrase.length - 1]!.toLowerCase())) phrase.pop();
  return r() < 0.7 ? titleCase(phrase) : phrase.join(' ').replace(/^./, (c) => c.toUpperCase());
}

interface DateParts {
  y: number;
  m: number;
  d: number;
  wd: number;
}

function partsOf(date: string | null): DateParts | null {
  if (!date) return null;
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  if (!y || !m || !d) return null;
  return { y, m, d, wd: new Date(Date.UTC(y, m - 1, d)).getUTCDay() };
}

/** A photo caption and, when the credit stands alone, its credit line. */
function captionLines(
  a: SourceArticle,
  r: () => number,
  dp: DateParts | null,
  outletName: string | null,
): Array<{ text: string; label: LineLabel }> {
  const who = subjectOf(a, r);
  const city = pick(r, CITIES);
  const when = dp ? `${MONTHS[dp.m - 1]} ${dp.d}, ${dp.y}` : `${pick(r, MONTHS)} ${1 + Math.floor(r() * 27)}, 2016`;
  const photog = person(r);
  const k = Math.floor(r() * 12);
  switch (k) {
    case 0:
      return [{ text: `${who} ${pick(r, CAPTION_VERBS)} in ${city}, ${when}. (AP Photo/${photog})`, label: 'caption' }];
    case 1:
      return [{ text: `${who} ${pick(r, CAPTION_VERBS)} in ${city}. Photo: ${photog}/Reuters`, label: 'caption' }];
    case 2:
      return [
        { text: `${who} ${pick(r, CAPTION_VERBS)} in ${city} on ${pick(r, WEEKDAYS)}.`, label: 'caption' },
        {
          text: pick(r, ['Getty Images', `${photog}/AFP/Getty Images`, `(Photo by ${photog}/Getty Images)`]),
          label: 'credit',
        },
      ];
    case 3:
      // No credit at all: a short scene description.
      return [
        {
          text: `${pick(r, SCENES)} in ${city.split(',')[0]} in ${pick(r, MONTHS)}${r() < 0.5 ? '.' : ''}`,
          label: 'caption',
        },
      ];
    case 4:
      return [{ text: `${who} at a rally in ${city} on ${when.replace(/, \d{4}$/, '')}`, label: 'caption' }];
    case 5:
      return [{ text: `FILE PHOTO: ${who} ${pick(r, CAPTION_VERBS)} in ${city}, ${when}.`, label: 'caption' }];
    case 6:
      if (outletName)
        return [
          { text: `${who} ${pick(r, CAPTION_VERBS)} in ${city}.`, label: 'caption' },
          { text: `${photog}/${outletName}`, label: 'credit' },
        ];
      return [{ text: `${who} ${pick(r, CAPTION_VERBS)}. (${photog}/Getty Images)`, label: 'caption' }];
    case 7:
      return [{ text: pick(r, ['Getty Images', 'AP Photo', 'Photo: Reuters', 'Photograph: AP']), label: 'credit' }];
    case 9:
      return [
        {
          text: `From left, ${person(r)}, ${who} and ${person(r)} ${pick(r, CAPTION_VERBS).replace(/^(\w+?)s\b/, '$1')} in ${city}${r() < 0.5 ? '.' : ''}`,
          label: 'caption',
        },
      ];
    case 10:
      return [
        { text: `${who} ${pick(r, CAPTION_VERBS)} on ${pick(r, WEEKDAYS)}, ${when}, in ${city}.`, label: 'caption' },
      ];
    case 11:
      return [
        { text: `${pick(r, SCENES)} on ${pick(r, WEEKDAYS)}`, label: 'caption' },
        { text: `Photo: ${photog} for ${outletName ?? 'Reuters'}`, label: 'credit' },
      ];
    default:
      return [{ text: `${pick(r, SCENES)} in ${city}. ${photog}/Getty Images`, label: 'caption' }];
  }
}

function stampLine(r: () => number, dp: DateParts): string {
  const h = 1 + Math.floor(r() * 11);
  const mm = String(Math.floor(r() * 60)).padStart(2, '0');
  switch (Math.floor(r() * 4)) {
    case 0:
      return `Updated ${MONTH_AP[dp.m - 1]} ${dp.d}, ${dp.y} ${h}:${mm} p.m. ET`;
    case 1:
      return `Published ${dp.d} ${MONTHS[dp.m - 1]} ${dp.y}`;
    case 2:
      return `Posted: ${WEEKDAYS[dp.wd]}, ${MONTHS[dp.m - 1]} ${dp.d}, ${dp.y}`;
    default:
      return `${MONTHS[dp.m - 1]} ${dp.d}, ${dp.y} ${h}:${mm} PM`;
  }
}

function datelineFor(r: () => number, dp: DateParts | null): { text: string; dated: boolean } {
  const place = pick(r, DATELINE_PLACES);
  const k = Math.floor(r() * 4);
  if (k === 0 && dp) return { text: `${place}, ${MONTHS[dp.m - 1]} ${dp.d} (Reuters) - `, dated: false };
  if (k === 1 && dp) return { text: `${place}, ${MONTH_AP[dp.m - 1]} ${dp.d}, ${dp.y} — `, dated: true };
  if (k === 2) return { text: `${place} (AP) — `, dated: false };
  return { text: `${place} — `, dated: false };
}

/** Outlet display name for a URL as a reader would give it (table name, else null for unknown domains). */
function outletForUrl(url: string | null): string | null {
  return url ? outletFromUrl(url) : null;
}

/**
 * Paste `articles` back to back in one dump. `seed` fixes every random choice; the convention is drawn
 * from `conventions` by the seed unless one is given.
 */
export function generateDump(articles: readonly SourceArticle[], seed: number, convention?: Convention): Dump {
  const r = rng(seed);
  const conv = convention ?? pick(r, CONVENTIONS);
  const lines: DumpLine[] = [];
  const gold: GoldArticle[] = [];
  const push = (text: string, label: LineLabel, article: number, tight = false): void => {
    const prev = lines[lines.length - 1];
    if (prev && tight) prev.blankAfter = false;
    lines.push({ text, label, article, blankBefore: !tight || !prev, blankAfter: true });
  };
  const titles = articles.map((a) => a.title);
  articles.forEach((a, ai) => {
    const dp = partsOf(a.date);
    const hasSource = r() < conv.source;
    const url = hasSource ? urlFor(a, r) : null;
    const knownOutlet = a.corpus === 'polnear' ? outletForUrl(urlFor(a, rng(seed + ai))) : outletForUrl(a.url);
    const g: GoldArticle = {
      id: a.id,
      title: a.title,
      url: hasSource ? url : null,
      outlet: hasSource ? outletForUrl(url) : null,
      body: [],
      captions: [],
      junk: [],
      datedAs: null,
      dateline: false,
    };
    if (url && dp && /\/\d{4}\/\d\d\/\d\d\//.test(url)) g.datedAs = a.date;
    const addCaption = (): void => {
      const named = knownOutlet && /^(?:The )?[A-Z]/.test(knownOutlet) ? knownOutlet : null;
      const cap = captionLines(a, r, dp, named);
      cap.forEach((c, i) => {
        push(c.text, c.label, ai, i > 0 && r() < 0.6);
        g.captions.push(c.text);
      });
      if (!hasSource && !g.outlet && named && cap.some((c) => c.label === 'credit' && c.text.endsWith(named)))
        g.outlet = named;
    };
    const addChrome = (): void => {
      const c =
        r() < 0.2
          ? `Read more: ${pick(r, titles)}`
          : r() < 0.15
            ? `Follow ${person(r)} on Twitter @${pick(r, LAST).toLowerCase()}${Math.floor(r() * 90)}`
            : pick(r, CHROME);
      push(c, 'chrome', ai);
      g.junk.push(c);
    };

    if (r() < conv.chrome * 0.4) addChrome();
    if (r() < conv.caption * 0.15) addCaption();
    // Web pages give the headline with the site's name after a bar or dash.
    const suffixName = knownOutlet && /^(?:The )?[A-Z]/.test(knownOutlet) ? knownOutlet : null;
    const separator = suffixName && r() < conv.suffix ? pick(r, ['|', '|', '-', '—']) : null;
    const suffixed = separator ? `${a.title.replace(/\.$/, '')} ${separator} ${suffixName}` : a.title;
    push(suffixed, 'headline', ai);
    // The segmenter splits the site name off after a bar or a dash (a hyphen may be part of the headline), so the
    // title is the whole line when the separator is a hyphen (whatever hyphens the headline has itself).
    if (separator) g.title = separator === '-' ? suffixed : a.title.replace(/\.$/, '');
    if (r() < conv.byline) {
      const by = r() < 0.7 ? `By ${person(r)}` : `By ${person(r)} and ${person(r)}`;
      push(by, 'byline', ai, r() < 0.5);
    }
    if (dp && r() < conv.stamp) {
      push(stampLine(r, dp), 'stamp', ai, r() < 0.3);
      g.datedAs = a.date;
    }
    if (r() < conv.caption * 0.4) addCaption();
    const n = a.paragraphs.length;
    const subAt = r() < conv.subhead && n >= 5 ? 2 + Math.floor(r() * (n - 3)) : -1;
    const capAt = r() < conv.caption * 0.6 && n >= 3 ? 1 + Math.floor(r() * (n - 2)) : -1;
    const chromeAt = r() < conv.chrome ? 1 + Math.floor(r() * Math.max(1, n - 1)) : -1;
    const liveAt = r() < conv.live && n >= 4 ? 2 + Math.floor(r() * (n - 3)) : -1;
    const repeatAt = r() < conv.chrome * 0.1 ? Math.floor(r() * n) : -1;
    a.paragraphs.forEach((p, pi) => {
      if (pi === subAt && r() < 0.3) addCaption();
      if (pi === subAt) {
        const s = subheadFor(p, r);
        const sub = r() < 0.3 ? s.toUpperCase() : s;
        push(sub, 'subhead', ai);
        g.body.push(sub);
      }
      if (pi === capAt) addCaption();
      if (pi === chromeAt) addChrome();
      if (pi === liveAt) {
        const t = `${1 + Math.floor(r() * 11)}:${String(Math.floor(r() * 12) * 5).padStart(2, '0')} p.m.`;
        push(t, 'body', ai);
        g.body.push(t);
      }
      let text = p;
      if (pi === 0 && r() < conv.dateline) {
        const dl = datelineFor(r, dp);
        text = dl.text + p;
        g.dateline = true;
        // A dateline credit names the agency the story is from.
        const agency = /\((Reuters|AP)\)/.exec(dl.text)?.[1];
        if (agency && !hasSource) g.outlet = agency;
        if (dl.dated && dp) g.datedAs = a.date;
      }
      push(text, 'body', ai);
      g.body.push(text);
      // A paragraph a scraper took twice (the segmenter keeps it once).
      if (pi === repeatAt && text.length >= 30) push(text, 'body', ai);
    });
    if (r() < conv.chrome * 0.3) addChrome();
    if (url) push(`${pick(r, SOURCE_PREFIX)}${url}`, 'source', ai, r() < 0.2);
    gold.push(g);
  });
  let text = '';
  for (const l of lines) {
    if (l.blankBefore && text.length > 0) text += '\n';
    text += `${l.text}\n`;
  }
  if (conv.crlf) text = text.replace(/\n/g, '\r\n');
  return { text, lines, articles: gold };
}

/** What orders a dump of one story: the ECB+ topic, else the publication date. */
function storyKey(a: SourceArticle): string {
  const topic = /^ecbplus:(\d+)_/.exec(a.id)?.[1];
  return topic ? `e${topic.padStart(3, '0')}` : `p${a.date ?? ''}`;
}

/**
 * Source articles grouped into dumps of `size`, in a seeded order (or by story), each dump in a drawn convention
 * (or all in the one given).
 */
export function makeDumps(
  articles: readonly SourceArticle[],
  size: number,
  seed: number,
  convention?: Convention,
  byStory = false,
): Dump[] {
  const r = rng(seed);
  const order = [...articles];
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  // A dump of one evolving story: reports of the same event (ECB+ topic) or of the same days (PolNeAR,
  // by date) side by side, so neighbouring articles share their names and words.
  if (byStory) order.sort((a, b) => (storyKey(a) < storyKey(b) ? -1 : storyKey(a) > storyKey(b) ? 1 : 0));
  const dumps: Dump[] = [];
  for (let i = 0; i < order.length; i += size)
    dumps.push(generateDump(order.slice(i, i + size), seed * 7919 + i, convention));
  return dumps;
}
