import { PLOVER_TYPES, type PloverType } from '../../model/index.js';
import { QUAD_CLASS } from '../../model/plover.js';
import type { Db } from '../db.js';
import { CAMEO_OF_PLOVER } from './cameo.js';
import { eventActors, eventContexts, type EventContext } from './event-rows.js';
import type { Sink } from './json.js';
import { textCell } from './cell.js';

/** The GDELT 2.0 event table's 61 columns, in order. */
export const GDELT_COLUMNS: readonly string[] = [
  'GlobalEventID',
  'Day',
  'MonthYear',
  'Year',
  'FractionDate',
  ...actorColumns('Actor1'),
  ...actorColumns('Actor2'),
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  ...geoColumns('Actor1Geo'),
  ...geoColumns('Actor2Geo'),
  ...geoColumns('ActionGeo'),
  'DATEADDED',
  'SOURCEURL',
];

function actorColumns(p: string): string[] {
  return [
    'Code',
    'Name',
    'CountryCode',
    'KnownGroupCode',
    'EthnicCode',
    'Religion1Code',
    'Religion2Code',
    'Type1Code',
    'Type2Code',
    'Type3Code',
  ].map((c) => p + c);
}

function geoColumns(p: string): string[] {
  return ['_Type', '_FullName', '_CountryCode', '_ADM1Code', '_ADM2Code', '_Lat', '_Long', '_FeatureID'].map(
    (c) => p + c,
  );
}

/** Codes that start with an organization class rather than a country. */
const GROUP_PREFIXES = /^(IGO|NGO|NGM|MNC|REB|OPP|GOV|MIL|COP|JUD|LEG|MED|CVL|BUS|EDU|HLH|REF|LAB|SPY|CRM|UAF|INS|SEP)/;

/** Split a CAMEO-style actor code into GDELT's country, known-group and type fields. */
function actorFields(code: string, name: string): string[] {
  let country = '';
  let rest = code;
  if (/^[A-Z]{3}/.test(code) && !GROUP_PREFIXES.test(code)) {
    country = code.slice(0, 3);
    rest = code.slice(3);
  }
  const chunks = rest.match(/[A-Z]{3}/g) ?? [];
  const known = chunks[0] === 'IGO' || chunks[0] === 'NGO' ? chunks.slice(1).join('') : '';
  const types = chunks[0] === 'IGO' || chunks[0] === 'NGO' ? [chunks[0]] : chunks;
  return [code, name.toUpperCase(), country, known, '', '', '', types[0] ?? '', types[1] ?? '', types[2] ?? ''];
}

function dayParts(date: string | null): { day: string; monthYear: string; year: string; fraction: string } {
  if (!date) return { day: '', monthYear: '', year: '', fraction: '' };
  const [y, m = '01', d = '01'] = date.split('-');
  const start = Date.UTC(Number(y), 0, 1);
  const doy = (Date.UTC(Number(y), Number(m) - 1, Number(d)) - start) / 86_400_000 + 1;
  return { day: `${y}${m}${d}`, monthYear: `${y}${m}`, year: y!, fraction: (Number(y) + doy / 365).toFixed(4) };
}

/** GDELT's integer event id from the stable event id (48 bits of its hash). */
function numericId(id: string): string {
  return String(parseInt(id.replace(/^evt_/, '').slice(0, 12), 16) || 0);
}

/** Columns sitrep computes as numbers and codes (dates, counts, CAMEO codes, Goldstein): written as they are. */
const NUMERIC: ReadonlySet<string> = new Set([
  'GlobalEventID',
  'Day',
  'MonthYear',
  'Year',
  'FractionDate',
  'IsRootEvent',
  'EventCode',
  'EventBaseCode',
  'EventRootCode',
  'QuadClass',
  'GoldsteinScale',
  'NumMentions',
  'NumSources',
  'NumArticles',
  'AvgTone',
  'DATEADDED',
  ...['Actor1Geo', 'Actor2Geo', 'ActionGeo'].flatMap((g) => [`${g}_Type`, `${g}_Lat`, `${g}_Long`]),
]);

/** One cell: no tabs or line breaks (they would break the row), text neutralized against formulas. */
function clean(v: string | number, column: number): string {
  const s = String(v).replace(/[\t\r\n]+/g, ' ');
  return NUMERIC.has(GDELT_COLUMNS[column]!) ? s : textCell(s);
}

function row(ctx: EventContext): string[] {
  const e = ctx.event;
  const type = (PLOVER_TYPES as readonly string[]).includes(e.type) ? (e.type as PloverType) : null;
  const cameo = type ? CAMEO_OF_PLOVER[type] : { code: '', goldstein: 0 };
  const date = dayParts(e.date ?? ctx.article.published);
  const a1 = eventActors(ctx, 'source')[0];
  const a2 = eventActors(ctx, 'target')[0];
  // GDELT's ActorName is the actor's canonical name: the resolved entity's, else the coder's.
  const actor = (a: typeof a1): string[] =>
    a ? actorFields(a.code, a.entity ?? a.name) : new Array<string>(10).fill('');
  const noGeo = new Array<string>(8).fill('');
  const actionGeo = e.location ? ['', e.location, '', '', '', '', '', ''] : noGeo;
  const first = e.evidence[0]!;
  const added = ctx.article.addedAt.replace(/[-:T]/g, '').slice(0, 14);
  return [
    numericId(e.id),
    date.day,
    date.monthYear,
    date.year,
    date.fraction,
    ...actor(a1),
    ...actor(a2),
    first.start < ctx.article.firstParagraphEnd ? '1' : '0',
    cameo.code,
    cameo.code.slice(0, 3),
    cameo.code.slice(0, 2),
    type ? String(QUAD_CLASS[type]) : '',
    cameo.goldstein.toFixed(1),
    String(e.mentions ?? e.evidence.length),
    String(ctx.outlets),
    String(e.articleIds.length),
    '',
    ...noGeo,
    ...noGeo,
    ...actionGeo,
    added,
    ctx.article.url ?? '',
  ].map((v, i) => clean(v, i));
}

/**
 * `sitrep export --format gdelt`: tab-separated rows in the GDELT 2.0 event-table column order (a header line
 * first), one per merged event. CAMEO codes come from the PLOVER type; fields sitrep does not know (tone,
 * coordinates, ADM codes, ethnic and religion codes) are left empty rather than guessed.
 */
export async function writeGdeltExport(db: Db, sink: Sink): Promise<void> {
  await sink(`${GDELT_COLUMNS.join('\t')}\n`);
  for (const ctx of eventContexts(db)) await sink(`${row(ctx).join('\t')}\n`);
}
