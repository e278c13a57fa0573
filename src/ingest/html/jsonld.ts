import { byTag, rawText, type HElement } from './dom.js';

/** What a page's JSON-LD says about its article. */
export interface JsonLdArticle {
  headline: string | null;
  datePublished: string | null;
  dateModified: string | null;
  authors: string[];
  publisher: string | null;
  articleBody: string | null;
  /** Whether the markup says the article is not free to read (`isAccessibleForFree: false`). */
  paywalled: boolean;
}

const ARTICLE_TYPES =
  /^(?:\w+)?(?:Article|NewsArticle|ReportageNews|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle|SocialMediaPosting|WebPage|ItemPage)$/;

type Json = Record<string, unknown>;

function types(o: Json): string[] {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

function str(v: unknown): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return str(v[0]);
  if (v && typeof v === 'object') return str((v as Json)['@value'] ?? (v as Json).name);
  return null;
}

function names(v: unknown): string[] {
  if (!v) return [];
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(names);
  if (typeof v === 'object') {
    const n = (v as Json).name;
    return typeof n === 'string' ? [n] : Array.isArray(n) ? n.filter((x): x is string => typeof x === 'string') : [];
  }
  return [];
}

/** Parse a JSON-LD block leniently: raw control characters inside strings are common in the wild. */
function parseBlock(text: string): unknown {
  const t = text
    .trim()
    .replace(/^<!--|-->$/g, '')
    .replace(/^\s*\/\/\s*<!\[CDATA\[|\/\/\s*\]\]>\s*$/g, '');
  try {
    return JSON.parse(t);
  } catch {
    try {
      return JSON.parse(t.replace(/[\u0000-\u001f]+/g, ' '));
    } catch {
      return null;
    }
  }
}

/** Every JSON object in the page's `application/ld+json` blocks, `@graph`s and arrays flattened. */
function objects(root: HElement): Json[] {
  const out: Json[] = [];
  for (const script of byTag(root, 'script')) {
    if (!/ld\+json/i.test(script.attribs.type ?? '')) continue;
    const stack: unknown[] = [parseBlock(rawText(script))];
    let guard = 0;
    while (stack.length > 0 && guard++ < 10_000) {
      const v = stack.pop();
      if (Array.isArray(v)) stack.push(...v);
      else if (v && typeof v === 'object') {
        out.push(v as Json);
        const graph = (v as Json)['@graph'];
        if (graph) stack.push(graph);
        const main = (v as Json).mainEntity;
        if (main && typeof main === 'object') stack.push(main);
      }
    }
  }
  return out;
}

/** The article described by the page's JSON-LD (the most article-like object), or null. */
export function jsonLdArticle(root: HElement): JsonLdArticle | null {
  const objs = objects(root);
  let best: Json | null = null;
  let bestRank = -1;
  for (const o of objs) {
    const ts = types(o);
    if (!ts.some((t) => ARTICLE_TYPES.test(t))) continue;
    const rank =
      (ts.some((t) => /Article|Posting|Report/.test(t)) ? 2 : 0) + (o.articleBody ? 1 : 0) + (o.headline ? 1 : 0);
    if (rank > bestRank) [best, bestRank] = [o, rank];
  }
  if (!best) return null;
  const publisher = str((best.publisher as Json | undefined)?.name ?? null) ?? str(best.publisher ?? null);
  const free = best.isAccessibleForFree;
  return {
    headline: str(best.headline) ?? str(best.name),
    datePublished: str(best.datePublished) ?? str(best.dateCreated),
    dateModified: str(best.dateModified),
    authors: names(best.author ?? best.creator),
    publisher,
    articleBody: typeof best.articleBody === 'string' ? best.articleBody : null,
    paywalled: free === false || free === 'False' || free === 'false',
  };
}
