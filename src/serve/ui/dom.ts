/** DOM helpers. Text is only ever set through textContent/attributes — never parsed as HTML. */

type Child = Node | string | null | undefined | false;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined) continue;
    if (k === 'href' && !/^#|^\/(?!\/)/.test(v) && !/^https?:\/\//i.test(v)) continue; // no javascript: or data: links
    node.setAttribute(k, v);
  }
  for (const c of children)
    if (c !== null && c !== undefined && c !== false)
      node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}

/** An external link: only http(s) URLs, opened without referrer or opener. */
export function externalLink(url: string, label: string): HTMLElement {
  if (!/^https?:\/\//i.test(url)) return el('span', {}, label);
  return el('a', { href: url, rel: 'noopener noreferrer nofollow', target: '_blank' }, label);
}

/** Paging values for a list request's query string. */
export function paging(offset: number, limit: number): { offset: string; limit: string } {
  return { offset: String(offset), limit: String(limit) };
}

export function clear(node: Element): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

/**
 * Previous / next buttons and "from–to of total". A list whose count stopped at its cap (`capped`: `total` is a
 * floor) says "of total+" and knows its end from its page instead: `shown` rows here, `more` when a page follows.
 */
export function pager(
  offset: number,
  limit: number,
  total: number,
  go: (offset: number) => void,
  capped?: { capped: boolean; shown: number; more: boolean },
): HTMLElement {
  const prev = el('button', { type: 'button' }, '← Previous');
  const next = el('button', { type: 'button' }, 'Next →');
  const open = capped?.capped === true;
  prev.disabled = offset <= 0;
  next.disabled = open ? !capped.more : offset + limit >= total;
  prev.addEventListener('click', () => go(Math.max(0, offset - limit)));
  next.addEventListener('click', () => go(offset + limit));
  const from = total === 0 ? 0 : offset + 1;
  const to = open ? offset + capped.shown : Math.min(total, offset + limit);
  return el(
    'div',
    { class: 'pager' },
    prev,
    el('span', { class: 'meta' }, `${from}–${to} of ${total}${open ? '+' : ''}`),
    next,
  );
}

export function dateLabel(value: string | null, precision?: string | null, from?: string | null): string {
  if (!value) return 'undated';
  return `${value}${precision && precision !== 'day' ? ` (${precision})` : ''}${from ? ` · from ${from}` : ''}`;
}

/** Hand `body` to the browser as a download named `name` (made in the page: no request, so no token needed). */
export function saveFile(body: string, type: string, name: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([body], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
