import type { HElement } from './dom.js';

/**
 * Class / id words of page furniture that is never article text: sharing, comments, related links, ads,
 * newsletters, bylines, captions, navigation. Matched as whole words of `class` and `id` (split at `-`, `_`,
 * spaces and camelCase), so "article-share-tools" matches "share" but "shareholder" does not.
 */
const FURNITURE_WORDS = new Set([
  'share',
  'shares',
  'sharing',
  'sharebar',
  'social',
  'socials',
  'comment',
  'comments',
  'disqus',
  'related',
  'relatedlinks',
  'newsletter',
  'newsletters',
  'subscribe',
  'subscription',
  'signup',
  'promo',
  'promos',
  'promotion',
  'advert',
  'adverts',
  'advertisement',
  'advertising',
  'ad',
  'ads',
  'adslot',
  'adunit',
  'dfp',
  'gpt',
  'sponsor',
  'sponsored',
  'outbrain',
  'taboola',
  'sidebar',
  'breadcrumb',
  'breadcrumbs',
  'byline',
  'bylines',
  'author',
  'authors',
  'caption',
  'captions',
  'credit',
  'credits',
  'tags',
  'tag',
  'toolbar',
  'tools',
  'popular',
  'trending',
  'recommended',
  'recommendations',
  'recirc',
  'recirculation',
  'cookie',
  'cookies',
  'consent',
  'gdpr',
  'modal',
  'popup',
  'overlay',
  'footer',
  'masthead',
  'nav',
  'navbar',
  'navigation',
  'menu',
  'skip',
  'pagination',
  'pager',
  'widget',
  'widgets',
  'banner',
  'rail',
  'meta',
  'metadata',
  'dateline',
  'timestamp',
  'follow',
  'rss',
  'sronly',
  'invisible',
  'offscreen',
  'jump',
  'teaser',
  'teasers',
  'embed',
  'video',
  'gallery',
  'slideshow',
  'carousel',
  'login',
  'marketing',
  'callout',
  'disclaimer',
  'bio',
  'copyright',
  // German and French names of the same furniture: ads, sharing, comments, author boxes, keyword lists
  'werbung',
  'anzeige',
  'teilen',
  'kommentare',
  'autor',
  'autorin',
  'autoren',
  'schlagworte',
  'stichworte',
  'empfehlungen',
  'partage',
  'commentaires',
  'publicite',
  'auteur',
  'auteurs',
]);

/** Words that mark the article body itself; an element carrying one is never furniture. */
const BODY_HINT =
  /(?:^|[^a-z])(?:article|story|entry|post|news|main|page|blog|body|item)[-_]?(?:body|content|text|copy|main|article|container)(?:$|[^a-z])|articlebody|storybody|entrycontent|postcontent|rich-?text|markdown/i;

const LAYOUT_PREFIX = new Set(['with', 'has', 'no', 'without', 'show', 'hide', 'is']);

/** The words of a class / id label, split at `-`, `_`, spaces and camelCase, lower-cased. */
export function classWords(s: string): string[] {
  return s
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/);
}

/** Structural elements that hold furniture by definition. */
const FURNITURE_TAGS = new Set(['nav', 'aside', 'footer', 'header', 'menu', 'dialog']);

const NEVER_FURNITURE = new Set([
  'html',
  'body',
  'main',
  'article',
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'table',
  'tbody',
  'tr',
  'td',
  'ul',
  'ol',
  'pre',
]);

/** Whether an element's class/id say it is page furniture (and nothing says it is the article body). */
export function isFurniture(el: HElement): boolean {
  if (FURNITURE_TAGS.has(el.name)) return true;
  if (NEVER_FURNITURE.has(el.name)) return false;
  const role = el.attribs.role;
  if (role && /^(?:navigation|banner|complementary|contentinfo|menu|menubar|dialog|alert|search)$/i.test(role))
    return true;
  const cls = el.attribs.class ?? '';
  const id = el.attribs.id ?? '';
  if (!cls && !id) return false;
  const label = `${cls} ${id}`;
  if (BODY_HINT.test(label) || /articlebody/i.test(el.attribs.itemprop ?? '')) return false;
  // An embed wrapper around a quoted post (`<div class="social-embed"><blockquote class="twitter-tweet">`) holds content.
  const first = el.children.find((c) => c.type !== 'text' || /\S/.test(c.data));
  if (first && first.type === 'tag' && first.name === 'blockquote') return false;
  const ws = classWords(label);
  for (let i = 0; i < ws.length; i++) {
    // "with-sidebar", "has-comments", "no-ads" describe a layout, not furniture.
    if (FURNITURE_WORDS.has(ws[i]!) && !LAYOUT_PREFIX.has(ws[i - 1] ?? '')) return true;
  }
  return false;
}

/** Whether an element carries an explicit "this is the article body" hint. */
export function hasBodyHint(el: HElement): boolean {
  if (/articlebody|text/i.test(el.attribs.itemprop ?? '')) return true;
  return BODY_HINT.test(`${el.attribs.class ?? ''} ${el.attribs.id ?? ''}`);
}

/** Whether an element is hidden from readers (hidden attribute, aria-hidden, display:none). */
export function isHidden(el: HElement): boolean {
  const a = el.attribs;
  if (a.hidden !== undefined || a['aria-hidden'] === 'true') return true;
  if (
    /(?:^|\s)(?:sr-only|visually-hidden|screen-reader-text|element-invisible|a11y-hidden)(?:$|\s)/.test(a.class ?? '')
  )
    return true;
  const style = a.style;
  return !!style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style);
}
