/**
 * Citations open an article at a span (`#/article/ID?span=START-END`, UTF-16 offsets into its text): the span is
 * selected and scrolled into view. Paragraphs carry their `data-start` offset and hold the article's text as
 * text nodes (mentions wrapped in elements), so an offset is found by walking a paragraph's text nodes.
 */

/** The text node and offset within it at article offset `at`, inside paragraphs of `body`. */
function position(body: HTMLElement, at: number): { node: Text; offset: number } | null {
  const paras = [...body.querySelectorAll<HTMLElement>('p[data-start]')];
  const para = paras.filter((p) => Number(p.dataset.start) <= at).pop();
  if (!para) return null;
  let left = at - Number(para.dataset.start);
  const walker = document.createTreeWalker(para, NodeFilter.SHOW_TEXT);
  let last: Text | null = null;
  for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
    if (left <= n.data.length) return { node: n, offset: left };
    left -= n.data.length;
    last = n;
  }
  return last ? { node: last, offset: last.data.length } : null;
}

/** Select and scroll to the span named by a `span=START-END` query, if any. */
export function selectCited(body: HTMLElement, query: string): void {
  const m = /(?:^|&)span=(\d+)-(\d+)/.exec(query);
  if (!m) return;
  const start = position(body, Number(m[1]));
  const end = position(body, Number(m[2]));
  if (!start || !end) return;
  const range = document.createRange();
  range.setStart(start.node, start.offset);
  range.setEnd(end.node, end.offset);
  const selection = window.getSelection();
  selection?.removeAllRanges();
  selection?.addRange(range);
  body.classList.add('cited');
  start.node.parentElement?.scrollIntoView({ block: 'center' });
}
