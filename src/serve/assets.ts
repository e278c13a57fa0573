/**
 * The UI's static shell. All content is filled in by /ui/app.js from the JSON API. `token` (the store's API
 * token, base64url) is put in a meta tag for the UI's requests; null leaves it out.
 */
export function indexHtml(token: string | null): string {
  const meta = token && /^[\w-]+$/.test(token) ? `<meta name="sitrep-token" content="${token}">\n` : '';
  return INDEX_HTML.replace('<title>', `${meta}<title>`);
}

const INDEX_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>sitrep</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/styles.css">
<script type="module" src="/ui/app.js"></script>
</head>
<body>
<header>
  <a class="brand" href="#/articles">sitrep</a>
  <nav id="nav"></nav>
  <form id="search-form" role="search">
    <input id="search-input" type="search" name="q" placeholder="Search articles" aria-label="Search articles">
    <button type="submit">Search</button>
  </form>
  <span id="stats"></span>
</header>
<main id="main" aria-live="polite"></main>
</body>
</html>
`;

export const STYLES_CSS = `
:root { --fg: #1b1f24; --muted: #5b6570; --line: #d9dee3; --accent: #0b5cad; --bg: #fff; --soft: #f4f6f8;
  --PERSON: #fde2b8; --ORG: #cfe3ff; --GPE: #d7f2d0; --LOC: #e6dcff; --NORP: #ffd6e0; --MISC: #eee; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
header { display: flex; gap: 1rem; align-items: center; padding: .6rem 1rem; border-bottom: 1px solid var(--line); position: sticky; top: 0; background: var(--bg); flex-wrap: wrap; }
.brand { font-weight: 700; color: var(--fg); text-decoration: none; font-size: 1.1rem; }
nav a { margin-right: .8rem; color: var(--accent); text-decoration: none; }
nav a.active { font-weight: 700; text-decoration: underline; }
#stats { color: var(--muted); font-size: .85rem; margin-left: auto; }
main { padding: 1rem; max-width: 1100px; }
/* A view still loading (the address changed, its answer not in yet): the old view dims and says so, after a moment so
   that a quick view does not flash. */
main[aria-busy="true"] > * { opacity: .45; transition: opacity .15s linear .3s; }
main[aria-busy="true"]::before { content: "Loading…"; position: fixed; bottom: 1rem; right: 1rem; padding: .2rem .6rem;
  background: var(--soft); border: 1px solid var(--line); border-radius: 3px; font-size: .85rem; color: var(--muted);
  opacity: 0; animation: busy-show 0s linear .3s forwards; }
@keyframes busy-show { to { opacity: 1; } }
ul.list { list-style: none; padding: 0; margin: 0; }
ul.list li { padding: .5rem 0; border-bottom: 1px solid var(--line); }
.meta { color: var(--muted); font-size: .85rem; }
.reader h1 { margin: .2rem 0 .4rem; font-size: 1.5rem; }
.reader .body p { margin: 0 0 .8rem; }
.reader .body p.subhead { font-weight: 700; text-transform: none; }
.reader .body p.standfirst { font-style: italic; }
.captions { background: var(--soft); padding: .6rem .8rem; border-left: 3px solid var(--line); margin: .8rem 0; font-size: .9rem; }
.captions h2 { font-size: .8rem; text-transform: uppercase; color: var(--muted); margin: 0 0 .3rem; }
mark.ent { border-radius: 3px; padding: 0 2px; background: var(--MISC); }
mark.ent[data-type="PERSON"] { background: var(--PERSON); } mark.ent[data-type="ORG"] { background: var(--ORG); }
mark.ent[data-type="GPE"] { background: var(--GPE); } mark.ent[data-type="LOC"] { background: var(--LOC); }
mark.ent[data-type="NORP"] { background: var(--NORP); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: .35rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
.aliases { color: var(--muted); font-size: .85rem; }
.timeline .day { margin-bottom: 1rem; }
.timeline .day h3 { margin: .2rem 0; font-size: 1rem; }
.event { padding: .2rem 0; }
.badge { display: inline-block; font-size: .75rem; padding: 0 .4rem; border-radius: 3px; background: var(--soft); border: 1px solid var(--line); margin-right: .3rem; }
.badge.conflict { border-color: #d33; color: #a11; } .badge.coop { border-color: #2a7; color: #175; }
.flag { color: #a60; font-size: .8rem; margin-left: .3rem; }
.pager { margin-top: .8rem; display: flex; gap: .5rem; align-items: center; }
.empty { color: var(--muted); font-style: italic; }
.warning { color: #a60; font-size: .85rem; }
.ledger-group { border-bottom: 1px solid var(--line); padding: .6rem 0; }
.ledger-group h3 { margin: 0; font-size: 1rem; }
.stance-accuses strong { color: #a11; } .stance-denies strong { color: #555; } .stance-asserts strong { color: #175; }
#network-graph { border: 1px solid var(--line); background: var(--soft); display: block; margin-bottom: 1rem; }
/* Evidence and facts in the reader */
mark.hl { background: #ffe36e; outline: 2px solid #e0b300; border-radius: 2px; }
.reader .body { margin-left: 7rem; } .reader .body p { position: relative; }
.reader .body .margin { position: absolute; left: -6.5rem; width: 6rem; text-align: right; top: 0; }
.chip { display: inline-block; font-size: .7rem; padding: 0 .3rem; border-radius: 3px; background: var(--soft); border: 1px solid var(--line); margin: 0 0 .15rem .2rem; }
.reader .body .chip { display: block; margin-left: auto; width: max-content; }
span.quote { background: #eef4ff; border-bottom: 2px solid #7aa7e0; cursor: pointer; }
span.evt { text-decoration: underline dotted #a11; text-underline-offset: 3px; }
time.timex { border-bottom: 2px dashed #2a7; }
.fact-info { position: sticky; top: 3.2rem; background: #fffbe6; border: 1px solid #e0b300; padding: .4rem .6rem; margin: .5rem 0; z-index: 1; }
.filter-bar { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .3rem 0 .6rem; }
.filter-bar .chip { cursor: pointer; font-size: .85rem; }
.filter-bar select[data-filter="story"] { max-width: 16rem; }
.exports { display: inline-flex; gap: .3rem; margin: .2rem 0 .5rem; }
.exports button { font-size: .8rem; }
ol.entries { list-style: none; padding: 0; margin: 0; }
li.chrono { padding: .3rem 0; border-bottom: 1px dotted var(--line); }
li.chrono.picked { background: #fffbe6; }
.headline { margin-right: .3rem; }
blockquote.snippet { margin: .2rem 0 .2rem 1rem; color: #333; font-size: .9rem; }
.axis { margin: .5rem 0 1rem; }
.axis .vis-item.conflict { border-color: #d33; background: #fde8e8; } .axis .vis-item.coop { border-color: #2a7; background: #e3f6ea; }
.profile { display: grid; grid-template-columns: repeat(auto-fit, minmax(320px, 1fr)); gap: .5rem 1.5rem; }
.profile-section h3 { font-size: 1rem; margin: .6rem 0 .2rem; }
.sparkline { margin: .3rem 0; } .sparkline rect.some { fill: var(--accent); } .sparkline rect.none { fill: var(--line); }
@media (max-width: 900px) { .reader .body { margin-left: 0; } .reader .body .margin { position: static; display: block; width: auto; text-align: left; } }
@media print {
  header, nav, #search-form, .pager, .filter-bar, .exports, .axis, .fact-info, .legend, .split-point, .article-corrections { display: none !important; }
  main { max-width: none; padding: 0; }
  body { font-size: 11pt; color: #000; }
  a { color: #000; text-decoration: none; }
  a.evidence::after { content: " [" attr(href) "]"; font-size: 8pt; color: #555; }
  li.chrono, .ledger-group, .profile-section { break-inside: avoid; }
  .reader .body .margin { position: static; display: inline; }
  mark.hl { outline: 1px solid #000; }
}
.search-layout { display: grid; grid-template-columns: 14rem 1fr; gap: 1.2rem; }
.facets h3 { margin: 0 0 .4rem; font-size: 1rem; } .facets h4 { margin: .6rem 0 .2rem; font-size: .85rem; color: var(--muted); }
ul.facet { list-style: none; padding: 0; margin: 0; font-size: .85rem; max-height: 16rem; overflow-y: auto; }
ol.list { padding-left: 1.4rem; margin: 0; } ol.list li { padding: .5rem 0; border-bottom: 1px solid var(--line); }
.snippet mark { background: #fff3a8; }
.controls { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; margin: .4rem 0; }
#network-canvas, .__________cytoscape_container { position: relative; }
#network-canvas { height: 560px; border: 1px solid var(--line); background: var(--soft); margin-bottom: 1rem; }
#network-detail, #map-detail { border: 1px solid var(--line); padding: .6rem .8rem; margin-bottom: 1rem; }
#map-frame { aspect-ratio: 960 / 500; border: 1px solid var(--line); background: #eef4fa; margin-bottom: 1rem; }
#map-svg { width: 100%; height: auto; border: 1px solid var(--line); background: #eef4fa; display: block; margin-bottom: 1rem; }
#map-svg .land { fill: #dfe6dc; stroke: #9aa; stroke-width: .4; } #map-svg .place { fill: rgba(200, 50, 50, .55); stroke: #822; cursor: pointer; }
#map-svg .place.selected { fill: rgba(11, 92, 173, .7); }
.reader .split-point { margin: -.75rem 0 0; height: .75rem; line-height: .75rem; border-top: 1px dashed transparent; user-select: none; }
.reader .split-point button { border: 0; background: none; padding: 0 .2rem; font-size: .7rem; line-height: .75rem; color: #888; cursor: pointer; opacity: .45; }
.reader .split-point:hover, .reader .split-point:focus-within { border-top-color: #b00; }
.reader .split-point:hover button, .reader .split-point button:focus { opacity: 1; color: #b00; }
.reader .article-corrections { display: flex; gap: .6rem; align-items: center; }
.correction { display: inline-flex; gap: .3rem; flex-wrap: wrap; align-items: center; font-size: .8rem; }
.correction form { display: inline-flex; gap: .3rem; align-items: center; }
.correction-status { font-size: .8rem; color: var(--muted); }
`;
