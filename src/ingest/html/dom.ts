import { parseDocument } from 'htmlparser2';

/**
 * A thin typed view of htmlparser2's DOM (domhandler nodes). We read the tree through these shapes only,
 * and every walk is iterative so that pathologically deep markup cannot overflow the stack.
 */
export interface HElement {
  type: 'tag' | 'script' | 'style' | 'root';
  /** Lower-case tag name ('' for the document root). */
  name: string;
  attribs: Record<string, string>;
  children: HNode[];
  parent: HElement | null;
}

export interface HText {
  type: 'text';
  data: string;
  parent: HElement | null;
}

export interface HOther {
  type: 'comment' | 'directive' | 'cdata';
  parent: HElement | null;
  children?: HNode[];
  data?: string;
}

export type HNode = HElement | HText | HOther;

/** Deeper nesting than this is flattened before parsing (the parser's cost grows with the square of the depth). */
export const MAX_NESTING = 1500;
/** Pages with fewer tags than this cannot nest deeply enough to matter, and skip the depth check. */
const DEPTH_CHECK_TAGS = 20_000;
/** Elements that never nest (void) or that the parser closes implicitly when a sibling opens. */
const NON_NESTING = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
  'p',
  'li',
  'dt',
  'dd',
  'option',
  'tr',
  'td',
  'th',
]);

/**
 * Pathologically deep markup (`<div>` × 100,000) → the same text with the tags beyond `MAX_NESTING`
 * removed, along with as many closing tags. Ordinary pages are returned unchanged.
 */
export function limitNesting(html: string): string {
  let tags = 0;
  for (let i = html.indexOf('<'); i >= 0 && tags < DEPTH_CHECK_TAGS; i = html.indexOf('<', i + 1)) tags++;
  if (tags < DEPTH_CHECK_TAGS) return html;
  let depth = 0;
  let excess = 0;
  let changed = false;
  const out = html.replace(/<(\/?)([a-zA-Z][\w:-]*)[^>]*>/g, (tag, close: string, name: string) => {
    const n = name.toLowerCase();
    if (NON_NESTING.has(n) || tag.endsWith('/>')) return tag;
    if (close) {
      if (excess > 0) {
        excess--;
        changed = true;
        return '';
      }
      depth = Math.max(0, depth - 1);
      return tag;
    }
    if (depth >= MAX_NESTING) {
      excess++;
      changed = true;
      return ' ';
    }
    depth++;
    return tag;
  });
  return changed ? out : html;
}

/** Parse HTML into a document root (never throws on malformed markup). */
export function parseHtml(html: string): HElement {
  const root = parseDocument(limitNesting(html), { decodeEntities: true }) as unknown as HElement;
  root.name = '';
  root.attribs = {};
  return root;
}

export function isElement(node: HNode): node is HElement {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Every element below `root` in document order (iterative pre-order). */
export function* elements(root: HElement): Generator<HElement> {
  const stack: HNode[] = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isElement(node)) continue;
    yield node;
    const kids = node.children;
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** Elements with one of the given tag names, in document order. */
export function byTag(root: HElement, ...names: string[]): HElement[] {
  const out: HElement[] = [];
  for (const el of elements(root)) if (names.includes(el.name)) out.push(el);
  return out;
}

const SKIP_TEXT = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math']);

/** The text of a node with whitespace collapsed (scripts, styles and SVG left out). */
export function textOf(node: HNode): string {
  if (node.type === 'text') return node.data.replace(/\s+/g, ' ').trim();
  if (!isElement(node) && node.type !== 'cdata') return '';
  const parts: string[] = [];
  const stack: HNode[] = [node];
  while (stack.length > 0) {
    const n = stack.pop()!;
    if (n.type === 'text') parts.push(n.data);
    else if (n.type === 'cdata' || (isElement(n) && !SKIP_TEXT.has(n.name)) || (n === node && isElement(n))) {
      const kids = n.children ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
    }
  }
  return parts.join('').replace(/\s+/g, ' ').trim();
}

/** Raw text content of an element (for <script> and <title>): no collapsing. */
export function rawText(el: HElement): string {
  let s = '';
  for (const c of el.children)
    if (c.type === 'text' || c.type === 'cdata')
      s += c.type === 'text' ? c.data : (c.children ?? []).map((x) => (x.type === 'text' ? x.data : '')).join('');
  return s;
}

export function attr(el: HElement, name: string): string {
  return el.attribs[name] ?? '';
}

/** Whether `el` has `anc` as an ancestor (or is it). */
export function within(el: HElement, anc: HElement): boolean {
  for (let n: HElement | null = el; n; n = n.parent) if (n === anc) return true;
  return false;
}
