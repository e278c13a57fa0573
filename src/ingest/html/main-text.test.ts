import { describe, expect, it } from 'vitest';
import { extractHtml } from './index.js';

// Hand-written pages in the shapes German, French and English news sites use. Fictional content.
const DE_LEAD =
  'Der Stadtrat von Elmbach hat am Dienstagabend beschlossen, die alte Hafenmole für mindestens zwei Wochen zu sperren.';
const DE_BODY = [
  'Taucher hatten bei einer ersten Untersuchung Risse in drei Betonblöcken gefunden, wie die Hafenverwaltung mitteilte.',
  'Die Fähren müssen deshalb den älteren Südkai anlaufen, was die Überfahrt für Pendler um fast vierzig Minuten verlängert.',
  'Über die Kosten der Reparatur will der Rat am Donnerstag beraten; erste Schätzungen gehen von mehreren Millionen Euro aus.',
];
const DE_MORE = [
  'Fischer aus dem Nachbarort Wellhusen dürfen ihre Boote vorerst an der Tankstelle im Osthafen festmachen, teilte die Stadt mit.',
  'Die Polizei bittet Spaziergänger, die Absperrungen an der Mole zu beachten und den Weg über den Deich zu nehmen.',
];
const EN_LEAD =
  'The harbor board of Port Wendle voted on Monday night to close the old sea wall for at least a fortnight after divers found cracks.';
const EN_BODY = [
  'Three concrete blocks at the end of the wall showed fresh cracks during a first inspection, the harbor office said.',
  'Ferries will use the older south quay in the meantime, which adds close to forty minutes to the crossing for commuters.',
  'The board will discuss the cost of repairs on Thursday; first estimates run to several million dollars.',
];
const FR_LEAD =
  'La municipalité de Port-Ellery a annoncé mardi la fermeture de la jetée nord pour au moins deux semaines, après la tempête.';
const FR_BODY = [
  "Des plongeurs ont découvert des fissures dans trois caissons de béton lors d'une première inspection, selon le port.",
  "Les traversées du matin sont détournées vers l'ancien quai sud, ce qui allonge chaque trajet de près de quarante minutes.",
];

const nav =
  '<header class="site-header"><nav><ul><li><a href="/">Start</a></li><li><a href="/politik">Politik</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>';
const related = (n: number) =>
  `<aside class="related"><h2>Mehr zum Thema</h2><ul>${Array.from({ length: n }, (_, i) => `<li><a href="/s${i}">Eine andere Meldung aus der Region, die Leser als Nächstes öffnen könnten, Nummer ${i}</a></li>`).join('')}</ul></aside>`;
const footer =
  '<footer><p>© 2024 Elmbacher Zeitung. Alle Rechte vorbehalten.</p><a href="/impressum">Impressum</a></footer>';

describe('the lead paragraph above the body', () => {
  it('keeps a standfirst set in the article header, before the body container', () => {
    const html = `<html lang="de"><body>${nav}<main><article><header><h1>Hafenmole bleibt gesperrt</h1>
      <p class="article-intro">${DE_LEAD}</p><div class="meta">Von Hanna Keller | 12.03.2024</div></header>
      <div class="article-body">${DE_BODY.map((p) => `<p>${p}</p>`).join('')}</div></article>${related(6)}</main>${footer}</body></html>`;
    expect(extractHtml(html).text).toBe([DE_LEAD, ...DE_BODY].join('\n\n'));
  });

  it('keeps a lead whose class calls it a teaser, in a sibling of the body', () => {
    const html = `<html lang="de"><body>${nav}<div class="content"><h1>Hafenmole bleibt gesperrt</h1>
      <div class="share-bar"><a href="#">Teilen</a><a href="#">Drucken</a></div>
      <p class="teaser-text"><strong>Elmbach.</strong> ${DE_LEAD}</p>
      <div class="text">${DE_BODY.map((p) => `<p>${p}</p>`).join('')}</div></div>${related(6)}${footer}</body></html>`;
    expect(extractHtml(html).text).toBe([`Elmbach. ${DE_LEAD}`, ...DE_BODY].join('\n\n'));
  });

  it('keeps a French chapeau and leaves out the prompts around the body', () => {
    const html = `<html lang="fr"><body><article><h1>La jetée reste fermée</h1><p class="chapo">${FR_LEAD}</p>
      <div class="article__content"><p>${FR_BODY[0]}</p><p><a href="/autre">Lire aussi : une autre tempête</a></p><p>${FR_BODY[1]}</p>
      <p>Abonnez-vous à notre newsletter</p></div></article></body></html>`;
    expect(extractHtml(html).text).toBe([FR_LEAD, ...FR_BODY].join('\n\n'));
  });

  it('keeps a standfirst in a page header outside the <article> that holds the body', () => {
    const html = `<body>${nav}<main><div class="article-header"><h1>La jetée reste fermée</h1><p>${FR_LEAD}</p>
      <div class="share"><ul>${['Facebook', 'X', 'LinkedIn', 'WhatsApp', 'E-mail', 'Imprimer', 'Copier le lien'].map((w) => `<li><a href="#">${w}</a></li>`).join('')}</ul></div>
      <p class="date">Publié le 3 déc. 2023 à 14h05</p></div>
      <article>${FR_BODY.map((p) => `<p>${p}</p>`).join('')}</article></main></body>`;
    expect(extractHtml(html).text).toBe([FR_LEAD, ...FR_BODY].join('\n\n'));
  });

  it('keeps a lead at the top of the body whose class calls it a teaser', () => {
    const html = `<body>${nav}<article><h1>Hafenmole bleibt gesperrt</h1><div class="article-content">
      <div class="article-teaser"><p>${DE_LEAD}</p></div>${DE_BODY.map((p) => `<p>${p}</p>`).join('')}
      <div class="teaser"><a href="/x"><h3>Fähren fahren wieder</h3></a><p>Eine andere Meldung aus der Region.</p></div></div></article>${related(4)}</body>`;
    expect(extractHtml(html).text).toBe([DE_LEAD, ...DE_BODY].join('\n\n'));
  });

  it('does not take the kicker or the breadcrumb above the headline for a lead', () => {
    const html = `<body><article><div class="breadcrumb"><a href="/">Start</a> › <a href="/region">Region</a></div>
      <p>Ein Hinweis der Redaktion, der über der Überschrift steht und länger als ein Satz ist.</p><h1>Hafenmole bleibt gesperrt</h1>
      <div class="article-body">${DE_BODY.map((p) => `<p>${p}</p>`).join('')}</div></article></body>`;
    expect(extractHtml(html).text).toBe(DE_BODY.join('\n\n'));
  });
  it('keeps a lead over a share bar of plain links and an audio player, whatever their class names', () => {
    const buttons = ['Facebook', 'X', 'WhatsApp', 'E-Mail', 'Drucken']
      .map((w) => `<li><a href="#">${w}</a></li>`)
      .join('');
    const html = `<body>${nav}<div class="seite"><div class="kopf"><h1>Hafenmole bleibt gesperrt</h1><p>${DE_LEAD}</p></div>
      <ul class="aktionen">${buttons}</ul><div class="player"><a href="#">Artikel anhören</a> <span>03:12</span></div>
      <div class="article-text">${[...DE_BODY, ...DE_MORE].map((p) => `<p>${p}</p>`).join('')}</div></div>${related(6)}${footer}</body>`;
    expect(extractHtml(html).text).toBe([DE_LEAD, ...DE_BODY, ...DE_MORE].join('\n\n'));
  });

  it('keeps a standfirst over more than a dozen blocks of byline, date, reading time and share buttons', () => {
    const share = ['Facebook', 'X', 'LinkedIn', 'Reddit', 'WhatsApp', 'Email', 'Print', 'Copy link']
      .map((w) => `<li><a href="#">${w}</a></li>`)
      .join('');
    const html = `<body>${nav}<article><h1>Sea wall stays closed</h1><p>${EN_LEAD}</p>
      <div class="meta"><p>By Nora Quill</p><p>March 12, 2024</p><p>4 min read</p></div>
      <div class="share"><ul>${share}</ul></div><p><a href="#">Listen to this article</a></p>
      <div class="article-body">${EN_BODY.map((p) => `<p>${p}</p>`).join('')}</div></article>${related(6)}${footer}</body>`;
    expect(extractHtml(html).text).toBe([EN_LEAD, ...EN_BODY].join('\n\n'));
  });

  it('keeps a lead named so in a page header outside the <article> that holds only the body', () => {
    const page = (kicker: string, title: string, lead: string, date: string, body: string[]) =>
      `<body>${nav}<div class="page"><div class="article-head"><span class="kicker">${kicker}</span><h1>${title}</h1>
      <p class="article-head__lead">${lead}</p><p class="date">${date}</p></div>
      <div class="columns"><article class="story">${body.map((p) => `<p>${p}</p>`).join('')}</article>${related(6)}</div></div>${footer}</body>`;
    expect(
      extractHtml(
        page('Elmbach', 'Hafenmole bleibt gesperrt', DE_LEAD, '12.03.2024, 08:15 Uhr', [...DE_BODY, ...DE_MORE]),
      ).text,
    ).toBe([DE_LEAD, ...DE_BODY, ...DE_MORE].join('\n\n'));
    expect(
      extractHtml(page('Port Wendle', 'Sea wall stays closed', EN_LEAD, 'March 12, 2024', [...EN_BODY, ...EN_BODY]))
        .text,
    ).toBe([EN_LEAD, ...EN_BODY, ...EN_BODY].join('\n\n'));
  });

  it("does not take another story's teaser between the headline and an <article> for the lead", () => {
    const html = `<body>${nav}<div class="page"><div class="article-head"><h1>Hafenmole bleibt gesperrt</h1></div>
      <div class="left"><div class="teaser"><p>Eine andere Meldung aus der Region, die Leser als Nächstes öffnen könnten, in einem Satz.</p></div></div>
      <article class="story">${[...DE_BODY, ...DE_MORE].map((p) => `<p>${p}</p>`).join('')}</article></div>${footer}</body>`;
    expect(extractHtml(html).text).toBe([...DE_BODY, ...DE_MORE].join('\n\n'));
  });

  it('does not take the summary of another story, above a headline link, for the lead', () => {
    const html = `<body>${nav}<article><h1>Sea wall stays closed</h1>
      <p>A different story about the ferry timetable that readers might open next, summed up in one sentence.</p>
      <p><a href="/other">Ferries return to the old timetable after the storm season ends</a></p>
      <div class="article-body">${EN_BODY.map((p) => `<p>${p}</p>`).join('')}</div></article>${footer}</body>`;
    expect(extractHtml(html).text).toBe(EN_BODY.join('\n\n'));
  });
});

describe('paragraphs with inline elements', () => {
  it('does not split a paragraph at a linked name that carries a furniture-like class', () => {
    const html = `<body><article><div class="article-body"><p>${DE_BODY[0]}</p>
      <p>Bürgermeisterin <a class="tag-link" href="/thema/keller">Hanna Keller</a> sagte, die Sicherheit gehe vor.</p>
      <p>${DE_BODY[1]}</p><p>${DE_BODY[2]}</p></div></article></body>`;
    expect(extractHtml(html).text.split('\n\n')[1]).toBe(
      'Bürgermeisterin Hanna Keller sagte, die Sicherheit gehe vor.',
    );
  });

  it('does not split a paragraph that opens with a linked name or a dateline carrying a furniture-like class', () => {
    const html = `<body><article><div class="article-body"><p>${DE_BODY[0]}</p>
      <p><a class="tag-link" href="/thema/keller">Hanna Keller</a> sagte, die Sicherheit gehe vor.</p>
      <p><span class="dateline">ELMBACH</span> – ${DE_BODY[1]}</p><p>${DE_BODY[2]}</p></div></article></body>`;
    expect(extractHtml(html).text).toBe(
      [DE_BODY[0], 'Hanna Keller sagte, die Sicherheit gehe vor.', `ELMBACH – ${DE_BODY[1]}`, DE_BODY[2]].join('\n\n'),
    );
  });

  it('rejoins a sentence that an ad slot or a picture inside its paragraph broke in two', () => {
    const inner = [
      '<div class="ad-slot" data-slot="mid"></div>',
      '<figure><img src="/m.jpg" alt=""><figcaption>Die Mole im Winter</figcaption></figure>',
    ];
    for (const mid of inner) {
      const html = `<body><article><div class="article-body"><p>${DE_BODY[0]}</p>
        <p>Die Fähren müssen deshalb den älteren Südkai anlaufen, ${mid} was die Überfahrt für Pendler verlängert.</p>
        <p>${DE_BODY[2]}</p></div></article></body>`;
      expect(extractHtml(html).text.split('\n\n')).toEqual([
        DE_BODY[0],
        'Die Fähren müssen deshalb den älteren Südkai anlaufen, was die Überfahrt für Pendler verlängert.',
        DE_BODY[2],
      ]);
    }
  });

  it('keeps paragraphs apart that end and open sentences', () => {
    const html = `<body><article><div class="article-body"><p>Die Sperrung gilt ab Montag</p><p>Fähren fahren den Südkai an.</p>
      <p>${DE_BODY[0]}</p><p>iPhones und andere Geräte sind im Hafen erlaubt.</p></div></article></body>`;
    expect(extractHtml(html).text.split('\n\n')).toHaveLength(4);
  });

  it('keeps a sentence whole when a linked name in it carries a hover card of other stories', () => {
    const card = `<span class="person-card"><span><img src="/k.jpg" alt=""><a href="/p/keller">Hanna Keller</a>
      ${[1, 2, 3].map((i) => `<a href="/s${i}">Eine andere Meldung über die Bürgermeisterin, die Leser öffnen könnten, Nummer ${i}</a>`).join(' ')}</span></span>`;
    const html = `<body><article><div class="article-body"><p>${DE_BODY[0]}</p>
      <p><span>Bürgermeisterin <span class="person"><a href="/p/keller">Hanna Keller</a>${card}</span> sagte, die Sicherheit gehe vor.</span></p>
      <p>${DE_BODY[1]}</p><p>${DE_BODY[2]}</p></div></article></body>`;
    expect(extractHtml(html).text).toBe(
      [DE_BODY[0], 'Bürgermeisterin Hanna Keller sagte, die Sicherheit gehe vor.', DE_BODY[1], DE_BODY[2]].join('\n\n'),
    );
  });

  it('keeps linked words that a wrapper in the sentence holds with words of its own', () => {
    const names =
      '<span><a href="/a">Hanna Keller</a>, <a href="/b">Jonas Brandt</a> und <a href="/c">Mira Osei</a> vom Hafenausschuss der Stadt Elmbach</span>';
    const html = `<body><article><div class="article-body"><p>${DE_BODY[0]}</p>
      <p>Nach der Sitzung sagten ${names}, die Sperrung sei richtig.</p><p>${DE_BODY[1]}</p></div></article></body>`;
    expect(extractHtml(html).text.split('\n\n')[1]).toBe(
      'Nach der Sitzung sagten Hanna Keller, Jonas Brandt und Mira Osei vom Hafenausschuss der Stadt Elmbach, die Sperrung sei richtig.',
    );
  });

  it('does not split a paragraph at a furniture-classed link inside an inline element or closing an open sentence', () => {
    const html = `<body><article><div class="article-body"><p>${DE_BODY[0]}</p>
      <p>Laut <b><a class="tag-link" href="/thema/polizei">Polizei</a></b> wurde bei dem Brand niemand verletzt.</p>
      <p>Die Ermittlungen zur Ursache übernimmt nach Angaben der Stadt die <a class="tag-link" href="/thema/kripo">Kriminalpolizei</a></p>
      <p>${DE_BODY[1]}</p></div></article></body>`;
    expect(extractHtml(html).text.split('\n\n')).toEqual([
      DE_BODY[0],
      'Laut Polizei wurde bei dem Brand niemand verletzt.',
      'Die Ermittlungen zur Ursache übernimmt nach Angaben der Stadt die Kriminalpolizei',
      DE_BODY[1],
    ]);
    const en = `<body><article><div class="article-body"><p>${EN_BODY[0]}</p>
      <p>The inspection was ordered by <em><a class="author-link" href="/people/quill">Mayor Nora Quill</a></em> after the storm.</p>
      <p>Repairs will be paid for by the <span class="tag"><a href="/topics/port">port authority</a></span></p>
      <p>${EN_BODY[1]}</p></div></article></body>`;
    expect(extractHtml(en).text.split('\n\n')).toEqual([
      EN_BODY[0],
      'The inspection was ordered by Mayor Nora Quill after the storm.',
      'Repairs will be paid for by the port authority',
      EN_BODY[1],
    ]);
  });

  it('sets apart a credit or a share bar after an open sentence: they never finish one', () => {
    const html = `<body><article><div class="article-body"><p>${DE_BODY[0]}</p>
      <p>Die Mole von Elmbach im Winter <span class="credit">Foto: Hanna Keller</span></p>
      <p>Auskunft gibt das Hafenamt <span class="share-buttons"><a href="#">Teilen</a> <a href="#">Drucken</a></span></p>
      <p>${DE_BODY[1]}</p></div></article></body>`;
    expect(extractHtml(html).text.split('\n\n')).toEqual([
      DE_BODY[0],
      'Die Mole von Elmbach im Winter',
      'Auskunft gibt das Hafenamt',
      DE_BODY[1],
    ]);
  });

  it('still sets apart a credit span after a finished sentence', () => {
    const html = `<body><article><div class="article-body"><p>${DE_BODY[0]}</p>
      <p>${DE_BODY[1]} <span class="credit">Foto: Hanna Keller</span></p><p>${DE_BODY[2]}</p></div></article></body>`;
    expect(extractHtml(html).text).toBe(DE_BODY.join('\n\n'));
  });

  it('still sets apart a byline span that opens a paragraph', () => {
    const html = `<body><article><div class="article-body"><p><span class="byline">Von Hanna Keller</span></p>${DE_BODY.map((p) => `<p>${p}</p>`).join('')}</div></article></body>`;
    expect(extractHtml(html).text).toBe(DE_BODY.join('\n\n'));
  });
});

describe('paragraphs whose words are mostly links', () => {
  it('keeps running text with a sentence of its own words between many links, not a link prompt or a tag line', () => {
    const linked =
      'Die Sperrung führte zu <a href="/a">abgesagten Fährfahrten am Morgen</a>, <a href="/b">geschlossenen Kiosken am Kai</a> und einer <a href="/c">Sondersitzung des Hafenausschusses</a>. Die Stadt verteilte <a href="/d">Fahrkarten für den Ersatzbus</a>.';
    const html = `<body><article><div class="article-body"><p>${DE_BODY[0]}</p><p>${linked}</p>
      <p>Mehr zum Thema: <a href="/x">Fähren fahren bald wieder nach dem alten Fahrplan durch den Hafen</a>.</p>
      <p><a href="/t/1">Hafen</a>, <a href="/t/2">Elmbach</a>, <a href="/t/3">Fähren</a>, <a href="/t/4">Stadtrat</a>.</p>
      <p>${DE_BODY[1]}</p></div></article></body>`;
    expect(extractHtml(html).text).toBe(
      [
        DE_BODY[0],
        'Die Sperrung führte zu abgesagten Fährfahrten am Morgen, geschlossenen Kiosken am Kai und einer Sondersitzung des Hafenausschusses. Die Stadt verteilte Fahrkarten für den Ersatzbus.',
        DE_BODY[1],
      ].join('\n\n'),
    );
  });
});

describe('German and French furniture lines', () => {
  it('drops stamps, prompts and ad labels', () => {
    const html = `<body><article><div class="article-body"><p>Stand: 12.03.2024, 08:15 Uhr</p><p>${DE_BODY[0]}</p>
      <p>Werbung</p><p>${DE_BODY[1]}</p><p>Lesen Sie auch: Fähren fahren wieder</p><p>${DE_BODY[2]}</p><p>Artikel teilen</p></div></article></body>`;
    expect(extractHtml(html).text).toBe(DE_BODY.join('\n\n'));
  });

  it('drops picture credits, button labels and related-box headings, and furniture named in German or French', () => {
    const html = `<body><article><div class="article-body"><p>${DE_BODY[0]}</p><p>Foto: dpa</p>
      <div class="teilen-leiste"><span>Teilen</span><span>Drucken</span></div><p>${DE_BODY[1]}</p>
      <h3>Weitere Artikel</h3><p>${DE_BODY[2]}</p><div class="autor-box"><p>Hanna Keller schreibt seit 2010 für die Zeitung über den Hafen und die Stadt.</p></div>
      </div></article></body>`;
    expect(extractHtml(html).text).toBe(DE_BODY.join('\n\n'));
  });

  it('drops German and French date lines and bylines with the words those languages write them in', () => {
    const html = `<body><article><div class="article-body"><p>Dienstag, 12. März 2024</p><p>Ein Kommentar von Hanna Keller und Jonas Brandt</p>
      <p>${FR_BODY[0]}</p><p>Publié le 3 déc. 2023 à 14h05</p><p>Par Claire Morel et Luc Garnier</p><p>${FR_BODY[1]}</p></div></article></body>`;
    expect(extractHtml(html).text).toBe(FR_BODY.join('\n\n'));
  });
});

describe('short pages', () => {
  const short =
    'Die Feuerwehr von Elmbach hat am Sonntagmorgen einen Brand in einer Lagerhalle am Hafen gelöscht. Verletzt wurde niemand, die Ursache ist noch unklar.';
  const about =
    '<div id="sidebar"><div class="widget"><p>Die Elmbacher Zeitung berichtet seit über hundert Jahren aus der Stadt und dem Umland. Unsere Redaktion ist unabhängig und freut sich über Hinweise von Leserinnen und Lesern.</p></div></div>';

  it('keeps a short post under a headline that links to the post itself, over longer sidebar text', () => {
    const en =
      'The Port Wendle fire brigade put out a blaze in a harbor warehouse early on Sunday. Nobody was hurt and the cause is not yet known.';
    const sidebar = (text: string) =>
      `<div id="secondary" class="widget-area"><section class="widget"><h2>About</h2><p>${text}</p><p>${text}</p></section></div>`;
    const page = (title: string, text: string, tags: string, side: string) =>
      `<body><div id="page"><header class="site-header"><nav><a href="/">Home</a> <a href="/archive">Archive</a></nav></header>
      <div id="content"><main><article class="post"><header class="entry-header"><h1 class="entry-title"><a href="/2024/03/post/">${title}</a></h1></header>
      <div class="entry-content"><p>${text}</p></div><footer class="entry-footer">${tags}</footer></article></main>${side}</div></div></body>`;
    const enTags = '<a href="/t/fire">Fire</a>, <a href="/t/harbor">Harbor</a>';
    const enAbout =
      'The Port Wendle Courier has reported on the town and its harbor for over a hundred years. Our newsroom is independent and welcomes tips from readers.';
    expect(extractHtml(page('Warehouse fire at the harbor', en, enTags, sidebar(enAbout))).text).toBe(en);
    const deTags = '<a href="/t/feuerwehr">Feuerwehr</a>, <a href="/t/hafen">Hafen</a>';
    const deAbout =
      'Die Elmbacher Zeitung berichtet seit über hundert Jahren aus der Stadt und dem Umland. Unsere Redaktion ist unabhängig und freut sich über Hinweise.';
    expect(extractHtml(page('Brand am Hafen', short, deTags, sidebar(deAbout))).text).toBe(short);
  });

  it('still reads further linked <h1>s, after the page’s own, as teaser headlines of other stories', () => {
    const body = [
      'The council of Dorrance voted on Monday to rebuild the old footbridge over the Merrow river before the winter floods arrive.',
      'Mayor Ellis Quarn said the work would cost about two million pounds, most of it from a regional fund set up last year.',
      'Traffic will be diverted along the ring road while the bridge is closed, and a temporary crossing will be built for walkers.',
    ];
    const teasers = [
      [
        'Ferry fares rise again',
        'Passengers on the Merrow ferry will pay more from next month, the operator said on Friday.',
      ],
      [
        'Bakery opens on the quay',
        'A new bakery has opened in the old harbour district, the first there for twenty years.',
      ],
      ['School roof repaired', 'The roof of the primary school in Dorrance has been repaired after the autumn storms.'],
    ]
      .map(([t, p], i) => `<div class="item"><h1><a href="/s${i}">${t}</a></h1><p>${p}</p></div>`)
      .join('');
    const page = (title: string) =>
      `<body><article><h1>${title}</h1>${body.map((p) => `<p>${p}</p>`).join('')}</article><section class="more">${teasers}</section></body>`;
    expect(extractHtml(page('Footbridge to be rebuilt before winter')).text).toBe(body.join('\n\n'));
    // Counterpart: the page's own headline linking to the page itself is no teaser's.
    expect(extractHtml(page('<a href="/footbridge">Footbridge to be rebuilt before winter</a>')).text).toBe(
      body.join('\n\n'),
    );
  });

  it('leaves out a comment section without class names that its heading labels, though it is longer than the post', () => {
    const comments = [1, 2, 3, 4, 5]
      .map(
        (i) =>
          `<div><b>Leserin ${i}</b><p>Danke für den Bericht, ich war letzte Woche auch am Hafen und fand die Sperrung ebenfalls richtig, Nummer ${i}.</p></div>`,
      )
      .join('');
    for (const heading of ['5 Kommentare', 'Leave a Reply', 'Laisser un commentaire']) {
      const html = `<body><div><a href="/">Start</a> | <a href="/archiv">Archiv</a></div><div><h1>Brand am Hafen</h1><p>${short}</p></div>
        <div><h3>${heading}</h3>${comments}</div></body>`;
      expect(extractHtml(html).text, heading).toBe(short);
    }
  });

  it('leaves out a box of other stories without class names that its heading labels, though it is longer than the post', () => {
    const others = [1, 2, 3, 4]
      .map(
        (i) =>
          `<div><h4>Eine andere Meldung ${i}</h4><p>Eine andere Meldung aus der Region, die Leser als Nächstes öffnen könnten, ganz ohne Link im Text, Nummer ${i}.</p></div>`,
      )
      .join('');
    for (const heading of ['Das könnte Sie auch interessieren', 'Mehr zum Thema', 'You might also be interested in']) {
      const html = `<body><div><a href="/">Start</a> | <a href="/archiv">Archiv</a></div><div><h1>Brand am Hafen</h1><p>${short}</p></div>
        <div><h3>${heading}</h3>${others}</div></body>`;
      expect(extractHtml(html).text, heading).toBe(short);
    }
  });

  it('keeps a short article under the headline over a longer box of other text elsewhere on the page', () => {
    const en =
      'The Port Wendle fire brigade put out a blaze in a harbor warehouse early on Sunday. Nobody was hurt and the cause is not yet known.';
    const page = (title: string, text: string, box: string) =>
      `<body><div><a href="/">Start</a> | <a href="/archiv">Archiv</a></div><div class="wrap"><div class="col"><h1>${title}</h1>
      <p>${text}</p></div><ul>${links}</ul><div class="col2"><p>${box}</p><p>${box}</p></div></div></body>`;
    const links = Array.from({ length: 10 }, (_, i) => `<li><a href="/r${i}">Aus der Region, Teil ${i}</a></li>`).join(
      '',
    );
    const deBox =
      'Die Elmbacher Zeitung berichtet seit über hundert Jahren aus der Stadt und dem Umland. Unsere Redaktion ist unabhängig und freut sich über Hinweise.';
    const enBox =
      'The Port Wendle Courier has reported on the town and its harbor for over a hundred years. Our newsroom is independent and welcomes tips from readers.';
    expect(extractHtml(page('Brand am Hafen', short, deBox)).text).toBe(short);
    expect(extractHtml(page('Warehouse fire at the harbor', en, enBox)).text).toBe(en);
  });

  it('does not take a site title set as the headline, with its tagline, for the article', () => {
    const links = Array.from({ length: 10 }, (_, i) => `<li><a href="/r${i}">Rubrik ${i}</a></li>`).join('');
    const html = `<body><div class="top"><h1>Elmbacher Zeitung</h1><p>Nachrichten aus Elmbach und dem Umland.</p></div>
      <ul>${links}</ul><div class="story"><h2>Hafenmole bleibt gesperrt</h2>${[...DE_BODY, ...DE_MORE].map((p) => `<p>${p}</p>`).join('')}</div></body>`;
    expect(extractHtml(html).text).toBe(['Hafenmole bleibt gesperrt', ...DE_BODY, ...DE_MORE].join('\n\n'));
  });

  it('keeps a one-paragraph post over a comment thread with several times its text', () => {
    const thread = [1, 2, 3, 4, 5, 6]
      .map(
        (i) =>
          `<div><p>Danke für den Bericht, ich war letzte Woche auch am Hafen und fand die Sperrung ebenfalls richtig, Nummer ${i}.</p></div>`,
      )
      .join('');
    const html = `<body><main><article><h1>Brand am Hafen</h1><div class="post"><p>${short}</p></div></article>
      <section class="comments">${thread}</section></main></body>`;
    expect(extractHtml(html).text).toBe(short);
  });

  it('keeps a one-paragraph article between a share bar and a tag list, over longer sidebar text', () => {
    const html = `<body><div id="main"><article><h1>Brand am Hafen</h1><div class="share"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
      <div class="entry-content"><p>${short}</p></div><div class="tags"><a href="/t/a">Feuerwehr</a> <a href="/t/b">Hafen</a></div></article></div>
      ${about}${footer}</body>`;
    expect(extractHtml(html).text).toBe(short);
  });
});
