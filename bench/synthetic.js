// Deterministic synthetic news dumps for benchmarks and load tests: headline, dateline, quotes,
// captions, relative dates, Source lines — the shape of a real dump, with made-up content.

import { rng } from '../dist/model/random.js';

export { rng };

const COUNTRIES = [
  'the United States',
  'China',
  'Russia',
  'Japan',
  'South Korea',
  'North Korea',
  'France',
  'Germany',
  'the United Kingdom',
  'India',
  'Brazil',
  'Turkey',
  'Iran',
  'Israel',
  'Egypt',
  'Ukraine',
  'Poland',
  'Australia',
  'Canada',
  'Mexico',
];
const CAPITALS = [
  'Washington',
  'Beijing',
  'Moscow',
  'Tokyo',
  'Seoul',
  'Pyongyang',
  'Paris',
  'Berlin',
  'London',
  'New Delhi',
  'Brasilia',
  'Ankara',
  'Tehran',
  'Jerusalem',
  'Cairo',
  'Kyiv',
  'Warsaw',
  'Canberra',
  'Ottawa',
  'Mexico City',
];
const FIRST = [
  'Anna',
  'Pavel',
  'Min-jun',
  'Laura',
  'Tomas',
  'Aiko',
  'Omar',
  'Elena',
  'David',
  'Sofia',
  'Karim',
  'Ingrid',
  'Rafael',
  'Mei',
  'Jonas',
  'Priya',
];
const LAST = [
  'Varga',
  'Kalnins',
  'Park',
  'Moreau',
  'Novak',
  'Tanaka',
  'Haddad',
  'Petrova',
  'Brennan',
  'Costa',
  'Mansour',
  'Lund',
  'Ortega',
  'Chen',
  'Berg',
  'Rao',
];
const ROLES = [
  'Foreign Minister',
  'Defence Minister',
  'President',
  'Prime Minister',
  'spokesman',
  'ambassador',
  'General',
  'Trade Minister',
];
const ORGS = [
  'the United Nations',
  'NATO',
  'the European Union',
  'the IAEA',
  'the World Health Organization',
  'the Red Cross',
];
const VERBS = [
  'accused',
  'warned',
  'urged',
  'criticised',
  'praised',
  'threatened',
  'met',
  'called on',
  'condemned',
  'rejected',
];
const NOUNS = [
  'talks',
  'sanctions',
  'missile tests',
  'border patrols',
  'trade rules',
  'aid convoys',
  'naval drills',
  'ceasefire terms',
  'energy prices',
  'fishing rights',
];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const FILLER = [
  'officials',
  'the government',
  'analysts',
  'diplomats',
  'residents',
  'lawmakers',
  'the ministry',
  'observers',
  'the military',
  'negotiators',
];
const OUTLETS = [
  ['reuters.com', 'Reuters'],
  ['apnews.com', 'AP'],
  ['bbc.co.uk', 'BBC'],
  ['example-herald.com', 'Example Herald'],
  ['northgate-news.co.uk', 'Northgate News'],
];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function person(r) {
  return `${pick(r, FIRST)} ${pick(r, LAST)}`;
}

function sentence(r, i) {
  const kind = Math.floor(r() * 6);
  const a = pick(r, COUNTRIES);
  const b = pick(r, COUNTRIES);
  const p = person(r);
  const day = pick(r, DAYS);
  switch (kind) {
    case 0:
      return `${pick(r, ROLES)} ${p} ${pick(r, VERBS)} ${b} over ${pick(r, NOUNS)} on ${day}, ${pick(r, FILLER)} said.`;
    case 1:
      return `"We will not accept ${pick(r, NOUNS)} imposed by ${b}," ${p} told reporters in ${pick(r, CAPITALS)}.`;
    case 2:
      return `${pick(r, CAPITALS)} denied that it had ${pick(r, VERBS)} ${b}, saying the claims about ${pick(r, NOUNS)} were false.`;
    case 3:
      return `${a[0].toUpperCase()}${a.slice(1)} and ${b} agreed last week to hold further ${pick(r, NOUNS)} under the supervision of ${pick(r, ORGS)}.`;
    case 4:
      return `According to ${pick(r, FILLER)}, ${Math.floor(r() * 12) + 2} ${pick(r, NOUNS)} were reported near the border earlier this month, the ${i % 2 ? 'third' : 'second'} such case this year.`;
    default:
      return `${p}, who has served since ${2000 + Math.floor(r() * 25)}, said ${pick(r, FILLER)} expected ${pick(r, NOUNS)} to continue next ${day}.`;
  }
}

/** One article as dump text (~`words` words). */
export function syntheticArticle(r, index, words) {
  const [domain, outlet] = pick(r, OUTLETS);
  const y = 2026;
  const m = 1 + Math.floor(r() * 12);
  const d = 1 + Math.floor(r() * 28);
  const date = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const lines = [];
  lines.push(`${pick(r, CAPITALS)} ${pick(r, VERBS)} ${pick(r, COUNTRIES)} over ${pick(r, NOUNS)} in report ${index}`);
  lines.push('');
  let count = 0;
  let para = `${pick(r, CAPITALS).toUpperCase()}, ${pick(r, DAYS)} (${outlet}) — `;
  let inPara = 0;
  while (count < words) {
    const s = sentence(r, index + count);
    para += (inPara ? ' ' : '') + s;
    count += s.split(' ').length;
    inPara++;
    if (inPara >= 3) {
      lines.push(para, '');
      para = '';
      inPara = 0;
      if (r() < 0.08) lines.push(`${person(r)} speaks in ${pick(r, CAPITALS)}. Photo: ${person(r)}/Reuters`, '');
    }
  }
  if (para) lines.push(para, '');
  lines.push(`Source: https://www.${domain}/world/${date.replace(/-/g, '/')}/report-${index}`, '', '');
  return lines.join('\n');
}

/** Article lengths around a median of `median` words (log-normal-ish spread). */
export function articleWords(r, median) {
  const z = (r() + r() + r() - 1.5) * 1.2;
  return Math.max(120, Math.round(median * Math.exp(z * 0.5)));
}

/** Write a dump of `n` articles through `write(chunk)`; returns the number of words written. */
export function writeSyntheticDump(n, write, { seed = 42, median = 600 } = {}) {
  const r = rng(seed);
  let words = 0;
  for (let i = 0; i < n; i++) {
    const text = syntheticArticle(r, i, articleWords(r, median));
    words += text.split(/\s+/).length;
    write(text);
  }
  return words;
}

/** Search queries: words of the synthetic articles, some narrow (a report number among `n`), some broad (two words). */
export function searchQueries(count, seed, n) {
  const r = rng(seed);
  const words = [
    ...new Set(
      Array.from({ length: 20 }, (_, i) => syntheticArticle(r, i, 300))
        .join(' ')
        .toLowerCase()
        .match(/[a-z]{5,}/g),
    ),
  ];
  const pick = () => words[Math.floor(r() * words.length)];
  return Array.from({ length: count }, (_, i) =>
    i % 2 ? `${pick()} report ${Math.floor(r() * n)}` : `${pick()} ${pick()}`,
  );
}
