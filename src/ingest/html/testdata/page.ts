/**
 * A hand-written news page for the extraction tests: site chrome, a byline, a photo with a caption,
 * share prompts, related links and comments around a five-paragraph story. Fictional content.
 */
export const STORY_PARAGRAPHS = [
  'Harbour officials in Port Ellery said on Tuesday that the northern breakwater would stay closed for at least two more weeks while divers inspect the damage left by last month\'s storm.',
  'The closure has forced the ferry operator to divert its morning crossings to the older south quay, adding almost forty minutes to each trip for commuters from the islands.',
  '"We are not going to reopen a structure we cannot vouch for," said Marta Quill, the harbour master, speaking to reporters outside the port authority building.',
  'Engineers found cracks in three of the concrete caissons during a first survey, according to a report seen by the Ellery Gazette, and more may be hidden below the waterline.',
  'The council will meet on Thursday to decide whether to release emergency funds for the repairs, which early estimates put at several million pounds.',
];

export function storyPage(opts: { jsonLdBody?: string; extraHead?: string } = {}): string {
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: 'Breakwater to stay shut for weeks after storm damage',
    datePublished: '2024-03-12T08:15:00+00:00',
    dateModified: '2024-03-13T10:00:00+00:00',
    author: [{ '@type': 'Person', name: 'Jonas Whitlow' }],
    publisher: { '@type': 'Organization', name: 'Ellery Gazette' },
    ...(opts.jsonLdBody ? { articleBody: opts.jsonLdBody } : {}),
  };
  return `<!DOCTYPE html>
<html lang="en"><head>
<meta charset="utf-8">
<title>Breakwater to stay shut for weeks after storm damage | Ellery Gazette</title>
<meta property="og:title" content="Breakwater to stay shut for weeks after storm damage">
<meta property="og:site_name" content="Ellery Gazette">
<meta property="article:published_time" content="2024-03-12T08:15:00Z">
<link rel="canonical" href="https://www.ellerygazette.example/news/2024/03/12/breakwater-closed">
<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>
${opts.extraHead ?? ''}
</head><body>
<header class="site-header"><a href="/">Ellery Gazette</a>
<nav class="main-nav"><ul><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li><li><a href="/opinion">Opinion</a></li></ul></nav>
</header>
<main>
<article class="story">
<h1>Breakwater to stay shut for weeks after storm damage</h1>
<div class="byline">By <a rel="author" href="/staff/jwhitlow">Jonas Whitlow</a>, Harbour correspondent</div>
<time datetime="2024-03-12T08:15:00Z">12 March 2024</time>
<div class="share-tools"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <a href="#">Email this story</a></div>
<figure class="lead-image"><img src="/img/breakwater.jpg" alt="">
<figcaption>The damaged northern breakwater at Port Ellery on Monday. Photo: Ellery Gazette</figcaption></figure>
<div class="story-body">
${STORY_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('\n')}
</div>
</article>
<aside class="related"><h3>Related stories</h3><ul>
<li><a href="/a">Storm leaves thousands without power across the coast</a></li>
<li><a href="/b">Ferry timetable changes announced for the spring season</a></li>
<li><a href="/c">Council approves new budget for coastal defences</a></li></ul></aside>
<section class="comments" id="comments"><h3>Comments</h3>
<div class="comment"><p>Great, another month of long crossings. Thanks for nothing.</p></div></section>
</main>
<footer class="site-footer"><p>Copyright 2024 Ellery Gazette. All rights reserved.</p><a href="/privacy">Privacy</a> <a href="/terms">Terms</a></footer>
</body></html>`;
}
