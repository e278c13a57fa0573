import { type Brief, newSince } from './brief.js';

/**
 * The brief as a standalone HTML document: the same brief object as `--json` and `--md`, built as text with every
 * text node and attribute value escaped — article text is never read as markup. Each sentence is followed by its
 * numbered citation, a link to the citation list at the end, which names the outlet, title, date, article id and
 * span. No script and no external resource (a Content-Security-Policy allowing only the inline style says so); a
 * print stylesheet lays it out for paper (the PDF is this document printed).
 */

/** What a citation list names of an article (null when the store no longer has it). */
export interface BriefArticleInfo {
  outlet: string | null;
  title: string;
  published: string | null;
}

/** `s` as HTML text or a double-quoted attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) =>
    c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;',
  );
}

/** One line of prose: runs of white space (line breaks inside a sentence) as one space, escaped. */
const text = (s: string): string => escapeHtml(s.replace(/\s+/g, ' ').trim());

const cite = (n: number): string => `<a class="cite" href="#cite-${n}">[${n}]</a>`;

const STYLE = `
body { font: 15px/1.5 Georgia, 'DejaVu Serif', serif; color: #111; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #bbb; margin-top: 2rem; }
h3 { font-size: 1.05rem; margin-bottom: 0.3rem; }
.meta { color: #444; font-size: 0.92rem; }
ul { padding-left: 1.2rem; }
li { margin: 0.25rem 0; }
.date { font-weight: bold; font-variant-numeric: tabular-nums; }
.new { font-size: 0.75rem; font-weight: bold; color: #a40; text-transform: uppercase; margin-right: 0.3rem; }
a.cite { text-decoration: none; font-size: 0.85em; }
.citations { font-size: 0.88rem; }
.citations li:target { background: #ffec99; }
code { font-size: 0.85em; }
@media print {
  body { font-size: 10.5pt; max-width: none; margin: 0; padding: 0; }
  @page { margin: 18mm 16mm; }
  h2 { break-after: avoid; }
  h3 { break-after: avoid; }
  li { break-inside: avoid; }
  a { color: inherit; }
  .citations li:target { background: none; }
}
`;

export function briefHtml(b: Brief, article: (id: string) => BriefArticleInfo | null = () => null): string {
  const out: string[] = [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<title>Situation report</title>',
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    '<h1>Situation report</h1>',
  ];
  if (b.from || b.to) out.push(`<p class="meta">Period: ${text(b.from ?? '…')} to ${text(b.to ?? '…')}</p>`);
  if (b.since) out.push(`<p class="meta">Marked new: reported on or after ${text(b.since)}</p>`);
  if (b.stories.length === 0) out.push('<p>No stories match.</p>');
  for (const s of b.stories) {
    out.push(`<section class="story" id="story-${escapeHtml(s.id)}">`, `<h2>${text(s.title)}</h2>`);
    const span = `${s.from ?? 'undated'}${s.to && s.to !== s.from ? ` to ${s.to}` : ''}`;
    out.push(
      `<p class="meta">${s.articles} article(s), ${text(span)}; outlets: ${text(s.outlets.join(', ') || 'unknown')}; actors: ${text(s.actors.join(', ') || 'none')}.</p>`,
    );
    if (b.since) {
      const fresh = newSince(s);
      out.push(`<h3>New since ${text(b.since)}</h3>`);
      if (fresh.length === 0) out.push(`<p>Nothing new since ${text(b.since)}.</p>`);
      else {
        out.push('<ul class="new-since">');
        for (const x of fresh)
          out.push(
            `<li>${x.date ? `<span class="date">${text(x.date)}</span> ` : ''}${text(x.text)} ${cite(x.cite)}</li>`,
          );
        out.push('</ul>');
      }
    }
    if (s.developments.length > 0) {
      out.push('<h3>Key developments</h3>', '<ul class="developments">');
      for (const d of s.developments)
        for (const x of d.sentences)
          out.push(
            `<li>${x.new ? '<span class="new">new</span>' : ''}<span class="date">${text(d.date)}</span> ${text(x.text)} ${cite(x.cite)}</li>`,
          );
      out.push('</ul>');
    }
    if (s.conflicts.length > 0) {
      out.push('<h3>In conflict</h3>', '<ul class="conflicts">');
      for (const c of s.conflicts) {
        out.push(`<li>${text(c.label)}<ul>`);
        for (const x of c.sides)
          out.push(
            `<li>${x.new ? '<span class="new">new</span>' : ''}${text(x.says)} (${text(x.outlet ?? 'unknown outlet')}): ${text(x.text)} ${cite(x.cite)}</li>`,
          );
        out.push('</ul></li>');
      }
      out.push('</ul>');
    }
    out.push('</section>');
  }
  if (b.citations.length > 0) {
    out.push('<section>', '<h2>Citations</h2>', '<ol class="citations">');
    for (const c of b.citations) {
      const a = article(c.articleId);
      const label = a
        ? `${text(a.outlet ?? 'unknown outlet')}, “${text(a.title)}” (${text(a.published ?? 'undated')}), `
        : '';
      out.push(
        `<li id="cite-${c.n}" value="${c.n}">${label}article <code>${escapeHtml(c.articleId)}</code>, characters ${c.start}–${c.end}</li>`,
      );
    }
    out.push('</ol>', '</section>');
  }
  out.push('</main>', '</body>', '</html>', '');
  return out.join('\n');
}
