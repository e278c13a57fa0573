import type { DateEvidence } from '../../model/index.js';
import { dateFromUrl, isDomainFallback, outletFromUrl } from '../url.js';
import { parseStamp } from './dates.js';
import { attr, elements, rawText, textOf, type HElement } from './dom.js';
import { jsonLdArticle, type JsonLdArticle } from './jsonld.js';

/** Page metadata read from `<head>` (meta tags, JSON-LD) and a few body hints (`<h1>`, `<time>`, bylines). */
export interface PageMetadata {
  title: string;
  url: string | null;
  outlet: string | null;
  authors: string[];
  published: string | null;
  dateEvidence: DateEvidence[];
  jsonLd: JsonLdArticle | null;
}

const PUBLISHED_KEYS = [
  'article:published_time',
  'og:article:published_time',
  'published_time',
  'datepublished',
  'pubdate',
  'publishdate',
  'publish-date',
  'publish_date',
  'article.published',
  'sailthru.date',
  'parsely-pub-date',
  'dc.date.issued',
  'dcterms.issued',
  'dcterms.created',
  'dc.date',
  'date',
  'originalpublicationdate',
  'article_date_original',
  'cxenseparse:recs:publishtime',
];
/** Site-specific names of the same stamp ("sn-post-date", "article.publication_date", "created_time"). */
const PUBLISHED_KEY_SHAPE =
  /(?:publish|publication|pub|post|creat|release)\w*[-_.:]?(?:date|time)$|^(?:\w+[-_.:])?date[-_.:]?(?:publish|creat|post)/;
const UPDATED_KEYS = [
  'article:modified_time',
  'og:updated_time',
  'datemodified',
  'last-modified',
  'dcterms.modified',
  'article.updated',
];
const AUTHOR_KEYS = [
  'author',
  'article:author',
  'parsely-author',
  'sailthru.author',
  'dc.creator',
  'byl',
  'citation_author',
];

/** Meta tags by lower-cased name / property / itemprop → first content seen. */
function metaTags(root: HElement): Map<string, string> {
  const map = new Map<string, string>();
  for (const el of elements(root)) {
    if (el.name !== 'meta') continue;
    const key = (el.attribs.property ?? el.attribs.name ?? el.attribs.itemprop ?? el.attribs['http-equiv'] ?? '')
      .trim()
      .toLowerCase();
    const content = (el.attribs.content ?? el.attribs.datetime ?? '').trim();
    if (key && content && !map.has(key)) map.set(key, content);
  }
  return map;
}

/** Job titles and desks that bylines carry beside names ("AP Auto Writer", "Staff Reporter", "Metro Desk"). */
const ROLE_WORDS =
  /\b(?:writer|editor|correspondent|reporter|staff|contributor|columnist|desk|bureau|photographer|media for)\b/i;

function cleanAuthor(raw: string): string[] {
  const s = raw
    .replace(/\s+/g, ' ')
    .replace(/^\s*(?:by|von|par|por)\s+/i, '')
    .trim();
  if (!s || /^https?:\/\//i.test(s) || /[@/]|\d{3}/.test(s)) return [];
  return s
    .split(/\s*(?:,|;|\band\b|&|\|)\s*/i)
    .map((p) => p.trim())
    .filter(
      (p) => p.length > 1 && p.length < 60 && p.split(' ').length <= 5 && /\p{L}/u.test(p) && !ROLE_WORDS.test(p),
    );
}

function uniq(list: string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The site's name as a `<title>` suffix or prefix ("Story headline | The Herald" → "Story headline"). */
function stripSiteSuffix(title: string, site: string | null, h1: string | null): string {
  const parts = title.split(/\s+[|–—·•»:-]\s+/);
  if (parts.length < 2) return title;
  if (h1 && parts.includes(h1)) return h1;
  const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
  if (site) {
    const siteN = norm(site);
    const kept = parts.filter((p) => norm(p) !== siteN && !norm(p).includes(siteN));
    if (kept.length > 0 && kept.length < parts.length) return kept.join(' - ');
  }
  // Otherwise drop a short last segment that reads like a brand.
  const last = parts[parts.length - 1]!;
  if (last.split(' ').length <= 4 && parts.slice(0, -1).join(' ').length > last.length * 2)
    return parts.slice(0, -1).join(' - ');
  return title;
}

export function readMetadata(root: HElement, givenUrl: string | null): PageMetadata {
  const meta = metaTags(root);
  const jsonLd = jsonLdArticle(root);
  let titleTag = '';
  let h1: string | null = null;
  let canonical: string | null = null;
  const timeStamps: string[] = [];
  const bylineAuthors: string[] = [];
  for (const el of elements(root)) {
    if (el.name === 'title' && !titleTag) titleTag = rawText(el).replace(/\s+/g, ' ').trim();
    else if (el.name === 'h1' && h1 === null) h1 = textOf(el) || null;
    else if (el.name === 'link' && /\bcanonical\b/i.test(attr(el, 'rel')) && !canonical)
      canonical = attr(el, 'href') || null;
    else if (el.name === 'time' && timeStamps.length < 3) {
      const v = attr(el, 'datetime') || (el.attribs.pubdate !== undefined ? textOf(el) : '');
      if (v) timeStamps.push(v);
    } else if (
      bylineAuthors.length === 0 &&
      (/\bauthor\b/i.test(attr(el, 'rel')) || /^author$/i.test(attr(el, 'itemprop')))
    ) {
      const name = textOf(el);
      if (name) bylineAuthors.push(...cleanAuthor(name));
    }
  }
  const url = givenUrl ?? absolute(canonical) ?? absolute(meta.get('og:url') ?? null);

  const siteName =
    [meta.get('og:site_name'), jsonLd?.publisher, meta.get('application-name')]
      .find((n) => n && !/^https?:|^www\./i.test(n.trim()))
      ?.trim() ?? null;
  let outlet = url ? outletFromUrl(url) : null;
  if (siteName && (!outlet || isDomainFallback(outlet, url))) outlet = siteName.trim();

  const rawTitle = meta.get('og:title') ?? jsonLd?.headline ?? meta.get('twitter:title') ?? h1 ?? titleTag;
  const title = stripSiteSuffix(rawTitle.replace(/\s+/g, ' ').trim(), siteName ?? outlet, h1);

  const dateEvidence: DateEvidence[] = [];
  const pubRaw =
    jsonLd?.datePublished ??
    PUBLISHED_KEYS.map((k) => meta.get(k)).find((v) => v && parseStamp(v)) ??
    [...meta].find(([k, v]) => PUBLISHED_KEY_SHAPE.test(k) && !/modif|updat|expir/.test(k) && parseStamp(v))?.[1] ??
    timeStamps.find((v) => parseStamp(v)) ??
    null;
  const published = pubRaw ? parseStamp(pubRaw) : null;
  if (published && pubRaw)
    dateEvidence.push({ value: published, precision: 'day', from: 'metadata', kind: 'published', evidence: pubRaw });
  const updRaw = jsonLd?.dateModified ?? UPDATED_KEYS.map((k) => meta.get(k)).find((v) => v && parseStamp(v)) ?? null;
  const updated = updRaw ? parseStamp(updRaw) : null;
  if (updated && updRaw)
    dateEvidence.push({ value: updated, precision: 'day', from: 'metadata', kind: 'updated', evidence: updRaw });
  const urlDate = url ? dateFromUrl(url) : null;
  if (urlDate) dateEvidence.push(urlDate);

  const metaAuthors = AUTHOR_KEYS.map((k) => meta.get(k))
    .filter((v): v is string => !!v)
    .flatMap(cleanAuthor);
  const authors = uniq([
    ...(jsonLd?.authors ?? []).flatMap(cleanAuthor),
    ...(jsonLd?.authors.length ? [] : metaAuthors),
    ...(jsonLd?.authors.length || metaAuthors.length ? [] : bylineAuthors),
  ]).slice(0, 10);

  return {
    title,
    url,
    outlet,
    authors,
    published: published ?? (urlDate?.precision === 'day' ? urlDate.value : null),
    dateEvidence,
    jsonLd,
  };
}

function absolute(u: string | null): string | null {
  if (!u) return null;
  return /^https?:\/\//i.test(u.trim()) ? u.trim() : null;
}
