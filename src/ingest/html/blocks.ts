import { isElement, type HElement, type HNode } from './dom.js';

/** Tags that start a new paragraph of text. */
export const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'center',
  'dd',
  'details',
  'dialog',
  'dir',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'li',
  'main',
  'menu',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'html',
  'caption',
  'option',
  'select',
  'textarea',
  'legend',
]);

/** Tags whose content is never article text. */
export const NON_TEXT_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'head',
  'title',
  'button',
  'select',
  'textarea',
  'input',
]);

/**
 * The paragraphs of a subtree as text: block elements and double line breaks separate paragraphs,
 * whitespace inside a paragraph is collapsed. `skip` drops whole subtrees (captions, boilerplate).
 */
export function paragraphsOf(root: HElement, skip?: (el: HElement) => boolean): string[] {
  const out: string[] = [];
  let cur = '';
  let brRun = 0;
  const flush = () => {
    const t = cur.replace(/\s+/g, ' ').trim();
    if (t) out.push(t);
    cur = '';
  };
  // Stack of nodes to visit; a `null`-marked exit closes a block element.
  const stack: Array<HNode | { exit: HElement }> = [];
  for (let i = root.children.length - 1; i >= 0; i--) stack.push(root.children[i]!);
  while (stack.length > 0) {
    const item = stack.pop()!;
    if ('exit' in item) {
      if (BLOCK_TAGS.has(item.exit.name)) flush();
      continue;
    }
    const node = item;
    if (node.type === 'text') {
      if (/\S/.test(node.data)) brRun = 0;
      cur += node.data;
      continue;
    }
    if (!isElement(node)) continue;
    if (NON_TEXT_TAGS.has(node.name) || skip?.(node)) continue;
    if (node.name === 'br') {
      brRun++;
      if (brRun >= 2) flush();
      else cur += ' ';
      continue;
    }
    if (node.name === 'img' || node.name === 'hr') continue;
    if (BLOCK_TAGS.has(node.name)) {
      flush();
      brRun = 0;
    }
    stack.push({ exit: node });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
  flush();
  return out;
}
