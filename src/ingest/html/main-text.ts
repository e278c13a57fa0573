import { BLOCK_TAGS, NON_TEXT_TAGS } from './blocks.js';
import { classWords, hasBodyHint, isFurniture, isHidden } from './boilerplate.js';
import { isElement, textOf, type HElement, type HNode } from './dom.js';
import {
  isAdLabel,
  isBylineLine,
  isCallToAction,
  isCreditLine,
  isFurnitureLabel,
  isMarkupResidue,
  isPictureCredit,
  isStampLine,
} from './lines.js';

/** A run of text between block boundaries, owned by its nearest block-level element. */
export interface Block {
  el: HElement;
  text: string;
  linkChars: number;
  /** Characters of link text before the first plain text (a headline link opening a teaser). */
  leadLink: number;
  /** Words outside links ("The haze led to … and created a …": running text around its links), counted when links make up most of the text. */
  plainWords: number;
  /** h1–h6 */
  heading: number;
  inList: boolean;
  /** The nearest enclosing `<ul>` / `<ol>`. */
  list: HElement | null;
  /** The innermost furniture element (nav, share bar, comments…) around the block, if any. */
  furniture: HElement | null;
}

export interface MainText {
  paragraphs: string[];
  captions: string[];
}

const HEADINGS: Record<string, number> = { h1: 1, h2: 2, h3: 3, h4: 4, h5: 5, h6: 6 };
const CAPTION_TAGS = new Set(['figure', 'figcaption']);
/** Ancestors climbed when scoring: enough for real pages, bounded for pathological nesting. */
const MAX_CLIMB = 80;
const MAX_CAPTION_CHARS = 600;
/**
 * How much an element inside furniture (a comment thread, a sidebar) counts when the body is chosen: it wins only
 * with ten times the text of the best element outside furniture, so a short post over a long comment thread stays
 * the article (at 0.3, three comments outweighed a one-paragraph post).
 */
const FURNITURE_FACTOR = 0.1;

interface Frame {
  el: HElement;
  furniture: HElement | null;
  heading: number;
  inList: boolean;
  list: HElement | null;
}

/** A photo caption and where it sits. */
export interface Caption {
  el: HElement;
  text: string;
}

/** One pass over the DOM: text blocks in document order, captions set apart, hidden and non-text parts skipped. */
export function collectBlocks(root: HElement): { blocks: Block[]; captions: Caption[] } {
  const blocks: Block[] = [];
  const captions: Caption[] = [];
  let text = '';
  let linkChars = 0;
  let leadLink = 0;
  let plain = '';
  let leadOpen = true;
  let linkDepth = 0;
  let brRun = 0;
  const frames: Frame[] = [{ el: root, furniture: null, heading: 0, inList: false, list: null }];
  const flush = () => {
    const t = text.replace(/\s+/g, ' ').trim();
    if (t) {
      const f = frames[frames.length - 1]!;
      blocks.push({
        el: f.el,
        text: t,
        linkChars: Math.min(linkChars, t.length),
        leadLink,
        // Counted only where it decides something: a block whose text is mostly links.
        plainWords: linkChars > 0.5 * t.length ? wordCount(plain) : 0,
        heading: f.heading,
        inList: f.inList,
        list: f.list,
        furniture: f.furniture,
      });
    }
    text = '';
    linkChars = 0;
    leadLink = 0;
    plain = '';
    leadOpen = true;
  };
  type Item = HNode | { exit: HElement; block: boolean; link: boolean };
  const stack: Item[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('exit' in item) {
      if (item.link) linkDepth--;
      if (item.block) {
        flush();
        frames.pop();
      }
      continue;
    }
    if (item.type === 'text') {
      text += item.data;
      if (linkDepth > 0) {
        const n = item.data.trim().length;
        linkChars += n;
        if (leadOpen) leadLink += n;
      } else {
        plain += item.data;
        if (leadOpen && /\S/.test(item.data)) leadOpen = false;
      }
      if (/\S/.test(item.data)) brRun = 0;
      continue;
    }
    if (!isElement(item)) continue;
    const el = item;
    const name = el.name;
    if (NON_TEXT_TAGS.has(name) || isHidden(el)) continue;
    if (
      CAPTION_TAGS.has(name) ||
      /(?:^|[\s_-])(?:wp-caption|caption|image-caption|photo-caption|media-caption)(?:$|[\s_-])/i.test(
        el.attribs.class ?? '',
      )
    ) {
      const c = textOf(el);
      // A "caption" holding a whole page is a wrapper with an unlucky class name, not a caption.
      if (c.length <= MAX_CAPTION_CHARS) {
        if (c && captions.length < 200) captions.push({ el, text: c });
        continue;
      }
    }
    if (name === 'br') {
      if (++brRun >= 2) flush();
      else text += ' ';
      continue;
    }
    const block = BLOCK_TAGS.has(name);
    // A hover card or teaser list tucked into running text after a linked name: not part of the sentence.
    if (!block && /\S/.test(text) && isInlineCard(el)) continue;
    const link = name === 'a';
    if (link) linkDepth++;
    if (block) {
      flush();
      brRun = 0;
      const parent = frames[frames.length - 1]!;
      frames.push({
        el,
        furniture: isFurniture(el) ? el : parent.furniture,
        heading: HEADINGS[name] ?? parent.heading,
        inList: parent.inList || name === 'li',
        list: name === 'ul' || name === 'ol' ? el : parent.list,
      });
    } else if (isFurniture(el) && !textFollows(el) && !(OPEN_SENTENCE.test(text) && wordsOfSentence(el))) {
      // An inline furniture element (a <span class="byline">) still sets its text apart — unless it stands in
      // running text: text follows it in its paragraph (a linked name classed "tag" or "author" opening or inside a
      // sentence, a dateline span before the story's first words), or the sentence before it is still open ("…,
      // berichtet die <a class="tag">Polizei</a>"); it must not split its paragraph.
      flush();
      const parent = frames[frames.length - 1]!;
      frames.push({ el, furniture: el, heading: parent.heading, inList: parent.inList, list: parent.list });
      stack.push({ exit: el, block: true, link });
      for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
      continue;
    }
    stack.push({ exit: el, block, link });
    for (let i = el.children.length - 1; i >= 0; i--) stack.push(el.children[i]!);
  }
  flush();
  return { blocks, captions };
}

/**
 * Whether an inline element is a card of links inside running text — a person's hover card with their latest
 * stories, a "related" strip: a wrapper (no link of its own among its children) whose every word is link text, at
 * least three links and a headline's worth of link text, in a small subtree. A linked name in a sentence is a link itself, and a
 * wrapper of a sentence has words of its own, so neither is one.
 */
function isInlineCard(el: HElement): boolean {
  if (el.name === 'a' || BLOCK_TAGS.has(el.name)) return false;
  for (const c of el.children) if (isElement(c) && c.name === 'a') return false;
  let links = 0;
  let linkText = 0;
  // A card is small: a large subtree is not one, and is not walked whole again for every inline element in it.
  let budget = 400;
  const walk = (n: HNode, inLink: boolean): boolean => {
    if (--budget < 0) return false;
    if (n.type === 'text') {
      const words = /[\p{L}\p{N}]/u.test(n.data);
      if (words && !inLink) return false;
      if (inLink) linkText += n.data.trim().length;
      return true;
    }
    if (!isElement(n) || NON_TEXT_TAGS.has(n.name)) return true;
    const isLink = n.name === 'a';
    if (isLink) links++;
    for (const c of n.children) if (!walk(c, inLink || isLink)) return false;
    return true;
  };
  for (const c of el.children) if (!walk(c, false)) return false;
  return links >= 3 && linkText >= 80;
}

/** Text of a block so far that stops inside a sentence: it ends in a word, a number or a comma. */
const OPEN_SENTENCE = /[\p{L}\p{N},]\s*$/u;

/**
 * Whether an inline furniture element after an open sentence can be its words: one name or link ("berichtet die
 * <a class="tag">Polizei</a>") — not a picture's credit ("Foto: …"), a furniture label or a row of links (a share
 * bar's buttons), which never finish a sentence.
 */
function wordsOfSentence(el: HElement): boolean {
  const t = textOf(el).trim();
  if (!t || isFurnitureLine(t) || isFurnitureLabel(t)) return false;
  let links = 0;
  const walk = (n: HNode): void => {
    if (!isElement(n) || links > 1) return;
    if (n.name === 'a') links++;
    for (const c of n.children) walk(c);
  };
  walk(el);
  return links <= 1;
}

/**
 * Whether text follows an inline element before its paragraph ends (a block element or a line break ends it), also
 * after the inline elements around it (`<p>Laut <b><a class="tag">Polizei</a></b> gab es …`).
 */
function textFollows(el: HElement): boolean {
  for (let n: HElement = el; n.parent; n = n.parent) {
    const siblings = n.parent.children;
    for (let i = siblings.indexOf(n) + 1; i < siblings.length; i++) {
      const s = siblings[i]!;
      if (s.type === 'text') {
        if (/\S/.test(s.data)) return true;
      } else if (isElement(s)) {
        if (BLOCK_TAGS.has(s.name) || s.name === 'br') return false;
        if (!NON_TEXT_TAGS.has(s.name) && textOf(s)) return true;
      }
    }
    if (BLOCK_TAGS.has(n.parent.name)) return false;
  }
  return false;
}

function wordCount(s: string): number {
  let n = 0;
  for (const _ of s.matchAll(/[\p{L}\p{N}]+/gu)) n++;
  return n;
}

/** How much a block speaks for the element that contains it being the article body (chars, signed). */
function contentValue(b: Block): number {
  const len = b.text.length;
  if (b.heading) return 0;
  const links = b.linkChars;
  const plain = len - links;
  // Running text around its links counts by its own words; other link text counts against.
  const v = isLinkedProse(b) ? plain : plain - 1.25 * links;
  if (v <= 0) return v;
  // A headline link followed by its summary: a teaser for another story.
  if (b.leadLink >= 25 && links >= 0.15 * len && len < 600) return -len * 0.5;
  const sentences = /[.!?…"”»)]$/.test(b.text) || /[.!?]\s/.test(b.text);
  return v * (sentences ? 1 : 0.5) * (b.inList ? 0.7 : 1);
}

/** A link list item or a piece of furniture: what surrounds a teaser. */
function isJunkBlock(b: Block | undefined, of: Block): boolean {
  return !!b && (b.linkChars > 0.5 * b.text.length || (b.furniture !== null && !inside(of.el, b.furniture)));
}

/**
 * A headline link — a linked heading, or a block opening with a headline-long link — is how a teaser for
 * another story opens or ends; share bars and tag lists are links too, but short ones.
 */
function isHeadlineLink(b: Block | undefined, own?: Block): boolean {
  // The page's own headline (its first <h1>) links, when it does, to the page itself (a blog's permalink), not to
  // another story; further linked <h1>s are other stories' teasers (a grid that sets every title as <h1>).
  return !!b && b !== own && b.linkChars > 0.5 * b.text.length && (b.heading > 0 || b.leadLink >= 25);
}

/** Teaser headlines sit next to their summary or one block away (a kicker or a metadata line between). */
function headlineLinkNear(blocks: Block[], i: number, own: Block | undefined): boolean {
  for (let d = 1; d <= 2; d++)
    if (isHeadlineLink(blocks[i - d], own) || isHeadlineLink(blocks[i + d], own)) return true;
  return false;
}

/**
 * Block values in context: a short text wedged between link blocks on both sides, with a headline link
 * near, is a teaser's summary in a grid of stories, not a paragraph of the article. (A short article's one
 * paragraph between a share bar and a tag list is wedged between furniture only.)
 */
function blockValues(blocks: Block[]): number[] {
  const base = blocks.map(contentValue);
  const values = base.slice();
  const own = blocks.find((b) => b.heading === 1);
  let positive = false;
  for (let i = 0; i < blocks.length; i++) {
    if (
      values[i]! > 0 &&
      blocks[i]!.text.length < 400 &&
      isJunkBlock(blocks[i - 1], blocks[i]!) &&
      isJunkBlock(blocks[i + 1], blocks[i]!) &&
      headlineLinkNear(blocks, i, own)
    )
      values[i] = -values[i]! * 0.5;
    positive ||= values[i]! > 0;
  }
  // A page whose only text is one short paragraph between furniture keeps it.
  return positive ? values : base;
}

/** Whether element `a` is a strict ancestor of `b`. */
function strictlyAbove(a: HElement, b: HElement): boolean {
  for (let n = b.parent; n; n = n.parent) if (n === a) return true;
  return false;
}

/**
 * The element whose text is most like an article body: the maximum over elements of the summed value of
 * the blocks inside it, where blocks under furniture nested inside the element count against it.
 */
function chooseContainer(blocks: Block[], values: number[], root: HElement): HElement {
  const score = new Map<HElement, number>();
  // Elements that are furniture or sit inside it (a comment thread, a promo box) make poor article bodies.
  const inFurniture = new Set<HElement>();
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const v = values[i]!;
    if (v === 0) continue;
    const junk = -Math.abs(v);
    let passedFurniture = b.furniture === null;
    let n: HElement | null = b.el;
    for (let depth = 0; n && depth < MAX_CLIMB; depth++, n = n.parent) {
      score.set(n, (score.get(n) ?? 0) + (passedFurniture && b.furniture ? junk : v));
      if (!passedFurniture) inFurniture.add(n);
      if (n === b.furniture) passedFurniture = true;
    }
  }
  let best: HElement = root;
  let bestScore = -Infinity;
  const boostedScore = (el: HElement): number => {
    const s = score.get(el) ?? 0;
    const boosted = s > 0 && hasBodyHint(el) ? s * 1.15 : s;
    return boosted > 0 && inFurniture.has(el) ? boosted * FURNITURE_FACTOR : boosted;
  };
  for (const el of score.keys()) {
    const boosted = boostedScore(el);
    if (boosted > bestScore || (boosted === bestScore && strictlyAbove(best, el))) [best, bestScore] = [el, boosted];
  }
  return underHeadline(blocks, values, best, bestScore, boostedScore) ?? best;
}

/** Blocks after the page's `<h1>` within which its article's text begins. */
const HEADLINE_REACH = 8;
/** How much of the best element's value the text under the headline needs to be taken instead. */
const HEADLINE_SHARE = 0.4;

/**
 * The article is the text under the page's headline: when the best element holds neither the `<h1>` nor text
 * starting just under it (a longer box of other text elsewhere on the page outweighs a short article), the best
 * element around the text under the headline is taken instead, if it has a fair share of the best's value.
 */
function underHeadline(
  blocks: Block[],
  values: number[],
  best: HElement,
  bestScore: number,
  boostedScore: (el: HElement) => number,
): HElement | null {
  const h = blocks.findIndex((b) => b.heading === 1);
  if (h < 0 || bestScore <= 0 || inside(blocks[h]!.el, best)) return null;
  let start = -1;
  for (let i = h + 1; i < blocks.length && i <= h + HEADLINE_REACH; i++) {
    if (inside(blocks[i]!.el, best)) return null;
    if (start < 0 && values[i]! > 0 && !blocks[i]!.furniture) start = i;
  }
  if (start < 0) return null;
  let found: HElement | null = null;
  let foundScore = -Infinity;
  for (let n: HElement | null = blocks[start]!.el; n && !inside(best, n); n = n.parent) {
    const s = boostedScore(n);
    if (s > foundScore) [found, foundScore] = [n, s];
  }
  return found && foundScore >= HEADLINE_SHARE * bestScore ? found : null;
}

function inside(el: HElement, container: HElement): boolean {
  for (let n: HElement | null = el; n; n = n.parent) if (n === container) return true;
  return false;
}

/**
 * Lists whose items are nearly all links ("More stories", "Read next", tag lists): every item carries a
 * link and links make up a good part of the list's text.
 */
function linkListsIn(blocks: Block[]): Set<HElement> {
  const stats = new Map<HElement, { items: number; linked: number; chars: number; links: number }>();
  for (const b of blocks) {
    if (!b.list) continue;
    const st = stats.get(b.list) ?? { items: 0, linked: 0, chars: 0, links: 0 };
    st.items++;
    if (b.linkChars > 0) st.linked++;
    st.chars += b.text.length;
    st.links += b.linkChars;
    stats.set(b.list, st);
  }
  const out = new Set<HElement>();
  for (const [list, st] of stats)
    if (st.items >= 2 && st.linked >= 0.8 * st.items && st.links >= 0.25 * st.chars) out.add(list);
  return out;
}

/**
 * The article around the body: the body's `<article>` or hinted ancestor, else the body's parent, which
 * holds a lead image or a standfirst beside the text.
 */
function articleScope(container: HElement): HElement {
  for (let n: HElement | null = container; n; n = n.parent)
    if (n.name === 'article' || (n !== container && hasBodyHint(n))) return n;
  return container.parent ?? container;
}

/** Captions of the article's own pictures: those inside the article around the body — not those of teasers. */
function captionsNear(captions: Caption[], container: HElement): string[] {
  const scope = articleScope(container);
  const out: string[] = [];
  for (const c of captions) if (inside(c.el, scope) && !out.includes(c.text) && out.length < 50) out.push(c.text);
  return out;
}

/** The article body of a parsed page: the best container's blocks minus furniture, link lists and headings left dangling. */
export function extractMainText(root: HElement): MainText {
  const { blocks, captions } = collectBlocks(root);
  if (blocks.length === 0) return { paragraphs: [], captions: [] };
  markLabelledBoxes(blocks);
  const values = blockValues(blocks);
  const container = chooseContainer(blocks, values, root);
  const linkLists = linkListsIn(blocks);
  const kept: Block[] = [];
  let first = -1;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.list && linkLists.has(b.list)) continue;
    if (!inside(b.el, container)) continue;
    if (b.furniture && b.furniture !== container && strictlyAbove(container, b.furniture)) continue;
    if (b.heading === 1) {
      // What stands above the headline (kicker, topic line, breadcrumb) is not the article; an <h1> further
      // down, after paragraphs of text, is a subhead on a page that misuses the tag.
      if (chars(kept) < MAX_ABOVE_HEADLINE) {
        kept.length = 0;
        first = -1;
      }
      continue;
    }
    const ld = b.linkChars / b.text.length;
    if (ld > 0.5 && !isLinkedProse(b)) continue;
    if (isFurnitureLine(b.text)) continue;
    if (first < 0) first = i;
    kept.push(b);
  }
  // Headings at the end introduce furniture that was removed ("Related stories").
  while (kept.length > 0 && kept[kept.length - 1]!.heading) kept.pop();
  const lead = first > 0 ? leadBefore(blocks, values, first, container) : [];
  return { paragraphs: joinBrokenSentences([...lead, ...kept]), captions: captionsNear(captions, container) };
}

/** A paragraph that stops mid-sentence: no closing punctuation, last a word or a comma. */
const OPEN_END = /[\p{L}\p{N},;]$/u;
/** A paragraph that goes on with a sentence: it opens with a lower-case word. */
const CONTINUES = /^\p{Ll}/u;

/**
 * The blocks' texts, with a sentence that the markup broke rejoined: HTML closes a `<p>` at the first block
 * element inside it (an ad slot, an embed, a picture between two halves of a sentence), so the sentence's
 * second half stands as a block of its own. A block that ends without closing punctuation followed by one that
 * opens with a lower-case word (no sentence in English, German or French does) is one paragraph.
 */
function joinBrokenSentences(blocks: Block[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    const prev = blocks[i - 1];
    if (
      prev &&
      out.length > 0 &&
      !b.heading &&
      !prev.heading &&
      !b.inList &&
      !prev.inList &&
      OPEN_END.test(out[out.length - 1]!) &&
      CONTINUES.test(b.text)
    )
      out[out.length - 1] += ` ${b.text}`;
    else out.push(b.text);
  }
  return out;
}

/**
 * A box that a heading labels as furniture — "Kommentare (5)", "Leave a Reply", "Weitere Artikel", "Les plus lus" —
 * is furniture, whatever its class names say (many themes give a comment section none): the heading opens it (its
 * first block), it holds no `<h1>` and it is not the page itself. Its blocks are marked as under furniture.
 */
const PAGE_LEVEL = new Set(['', 'html', 'body']);

function markLabelledBoxes(blocks: Block[]): void {
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (!b.heading || b.heading === 1 || b.furniture || !isFurnitureLabel(b.text)) continue;
    // The smallest element around the heading that holds more than the heading.
    let box: HElement | null = b.el.parent;
    while (box && !(blocks[i + 1] && inside(blocks[i + 1]!.el, box))) box = box.parent;
    if (!box || PAGE_LEVEL.has(box.name) || box.name === 'main' || box.name === 'article') continue;
    if (i > 0 && inside(blocks[i - 1]!.el, box)) continue;
    let end = i;
    let headline = false;
    while (end + 1 < blocks.length && inside(blocks[end + 1]!.el, box)) headline ||= blocks[++end]!.heading === 1;
    if (headline) continue;
    for (let j = i; j <= end; j++) blocks[j]!.furniture ??= box;
  }
}

/** Text above an `<h1>` in the body, up to which it is taken for the page top, not for the article. */
const MAX_ABOVE_HEADLINE = 300;

function chars(blocks: Block[]): number {
  let n = 0;
  for (const b of blocks) n += b.text.length;
  return n;
}

/** Words of its own that make a block with mostly linked words running text: a sentence's worth. */
const MIN_PROSE_WORDS = 8;

/**
 * A paragraph of sentences whose words are mostly links ("The haze led to <a>canceled flights</a>, <a>closed
 * schools</a> and …"): it has a sentence's worth of words of its own between its links, ends a sentence and does not
 * open with a headline link — unlike a link list, a tag line or a "Read more: <headline>" prompt, which have none.
 */
function isLinkedProse(b: Block): boolean {
  return b.plainWords >= MIN_PROSE_WORDS && b.leadLink < 25 && /[.!?…"”»)]$/.test(b.text);
}

function isFurnitureLine(text: string): boolean {
  return (
    isAdLabel(text) ||
    isStampLine(text) ||
    isCallToAction(text) ||
    isBylineLine(text) ||
    isMarkupResidue(text) ||
    isCreditLine(text) ||
    isPictureCredit(text)
  );
}

/** Class / id words of a lead paragraph set above the body (standfirst, intro, summary; German, French, Spanish). */
const LEAD_WORDS = new Set([
  'lead',
  'lede',
  'intro',
  'introduction',
  'standfirst',
  'summary',
  'dek',
  'deck',
  'excerpt',
  'abstract',
  'subtitle',
  'teaser',
  'vorspann',
  'einleitung',
  'chapeau',
  'chapo',
  'entradilla',
]);
/**
 * Blocks that could be article text looked at above the body for its lead: title, kicker, byline, date and lead
 * fit. Furniture, stamps and short links between them (a share bar's buttons, an audio player, a reading time) are
 * passed over without counting, up to a bound on the whole walk.
 */
const LEAD_LOOKBACK = 12;
const LEAD_WALK = 80;
const MAX_LEAD_BLOCKS = 2;

function hasLeadHint(el: HElement, scope: HElement): boolean {
  for (let n: HElement | null = el; n && n !== scope; n = n.parent) {
    const label = `${n.attribs.class ?? ''} ${n.attribs.id ?? ''}`;
    if (label.length > 1 && classWords(label).some((w) => LEAD_WORDS.has(w))) return true;
  }
  return false;
}

/**
 * The lead paragraph (standfirst) that many pages set between the headline and the body container, inside
 * the same article (or in the article's `<header>`): prose blocks just above the body, after the `<h1>`,
 * that are neither link text nor furniture — unless their class names them the lead ("intro", "teaser",
 * "chapeau"), which some sites give a furniture-like name.
 */
function leadBefore(blocks: Block[], values: number[], first: number, container: HElement): Block[] {
  const scope = articleScope(container);
  const found: Array<{ block: Block; hinted: boolean }> = [];
  const lead = (all: boolean) =>
    found
      .filter((f) => all || f.hinted)
      .map((f) => f.block)
      .slice(-MAX_LEAD_BLOCKS);
  let counted = 0;
  let outside = false;
  for (let i = first - 1; i >= 0 && i >= first - LEAD_WALK && counted < LEAD_LOOKBACK; i--) {
    const b = blocks[i]!;
    // Only a block between the headline and the body is a lead; short of the headline, only a named one.
    if (b.heading === 1) return lead(true);
    // Outside the article around the body (a page header holding the headline over an <article> holding only the
    // body), only a block named the lead is one — not a furniture box such as another story's teaser —, and only
    // when the headline is reached above it.
    if (!inside(b.el, scope)) outside = true;
    if (isFurnitureLine(b.text)) continue;
    const hinted = hasLeadHint(b.el, outside ? commonAncestor(b.el, container) : scope);
    if (outside && (!hinted || b.furniture)) {
      if (b.heading || b.linkChars > 0.5 * b.text.length) break;
      continue;
    }
    if (b.heading && !hinted) break;
    // A headline link (a teaser for another story) ends the article's top; buttons and furniture links are passed over.
    if (b.linkChars > 0.5 * b.text.length && (isHeadlineLink(b) || (!b.furniture && b.text.length >= 40))) break;
    if (b.linkChars > 0.2 * b.text.length || values[i]! < 0) continue;
    // The article's own <header> holds its title, standfirst, byline and date.
    if (b.furniture && !hinted && !(b.furniture.name === 'header' && strictlyAbove(scope, b.furniture))) continue;
    counted++;
    const prose = /[.!?…"”»)]$/.test(b.text) && b.text.length >= 60;
    if (prose || (hinted && b.text.length >= 30)) found.unshift({ block: b, hinted });
  }
  return lead(false).filter((b) => inside(b.el, scope));
}

/** The smallest element holding both. */
function commonAncestor(a: HElement, b: HElement): HElement {
  for (let n: HElement | null = a; n; n = n.parent) if (inside(b, n)) return n;
  return a;
}

export { wordCount };
