import {
  MONTH_ABBREVIATIONS,
  MONTH_NAMES,
  WEEKDAY_ABBREVIATIONS,
  WEEKDAY_NAMES,
} from '../../../model/lexicon/index.js';

/**
 * Short lines that page furniture leaves inside article bodies, in English and a few other languages.
 * Each pattern is matched against a whole block (trimmed, trailing punctuation removed).
 */

/** Ad slots' labels and "continue reading" interstitials. */
export const AD_LABELS =
  /^(?:advert|advertisement|advertising|advertisements?|ad|ads|anzeige|publicit[ée]|publicidad|pubblicit[àa]|reklama|werbung|sponsored(?: content)?|promoted(?: content)?|paid (?:content|post)|story continues below(?: advertisement)?|article continues (?:below|after (?:this )?(?:ad|advertisement))|continue reading(?: below| the main story)?|scroll (?:down )?to continue(?: with content)?|skip (?:to|this) ad|ad feedback|this slideshow requires javascript|loading|please wait)$/i;

/** Calls to action and link prompts, in English, German and French (only ever checked on short blocks). */
export const CALLS_TO_ACTION =
  /\b(?:sign up|signup|subscribe|newsletter|share (?:this|it|on|with)|follow us|like us on|click here|read more|read next|more:|related:|see also|also read|leave a (?:comment|reply)|tell us what you think|join the (?:conversation|discussion)|download (?:our|the) app|all rights reserved|copyright ©|© \d{4}|get (?:the|our) (?:latest|best|top)|don['’]t miss|watch:|recommended:|more (?:stories|news) (?:like this|from)|mehr zum thema|lesen sie (?:auch|mehr|hier|weiter)|weiterlesen|artikel (?:teilen|drucken|merken|versenden)|teilen (?:auf|per)|jetzt (?:abonnieren|anmelden|registrieren|weiterlesen|testen)|folgen sie uns|zur startseite|alle rechte vorbehalten|auch interessant|das könnte sie auch interessieren|kommentare? (?:anzeigen|lesen|schreiben)|lire (?:aussi|la suite|plus)|voir aussi|partager (?:sur|cet article|l'article)|abonnez-vous|s['’]abonner|suivez-nous|tous droits réservés|en savoir plus)\b/i;

/**
 * German and French month names and their usual abbreviations ("12. März 2024", "Mär.", "1er mars", "févr."), longest
 * first: the calendar words of a date stamp on German and French pages.
 */
export const MONTHS_DE_FR = [
  'januar',
  'jänner',
  'februar',
  'märz',
  'april',
  'mai',
  'juni',
  'juli',
  'august',
  'september',
  'oktober',
  'november',
  'dezember',
  'janvier',
  'février',
  'mars',
  'avril',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
  'janv',
  'févr',
  'avr',
  'juil',
  'sept',
  'okt',
  'dez',
  'déc',
  'mär',
];
/** German and French weekday names ("Montag", "Sonnabend", "lundi"). */
export const WEEKDAYS_DE_FR = [
  'montag',
  'dienstag',
  'mittwoch',
  'donnerstag',
  'freitag',
  'samstag',
  'sonnabend',
  'sonntag',
  'lundi',
  'mardi',
  'mercredi',
  'jeudi',
  'vendredi',
  'samedi',
  'dimanche',
];

/** Words of a date or time stamp line ("Updated: Nov 18, 2019 @17:26 PM · Published 3:45 p.m. EST"). */
export const STAMP_WORDS = new RegExp(
  `(?<![\\p{L}\\p{N}])(?:${[...MONTH_NAMES, ...MONTH_ABBREVIATIONS, ...WEEKDAY_NAMES, ...WEEKDAY_ABBREVIATIONS, ...MONTHS_DE_FR, ...WEEKDAYS_DE_FR].join('|')}` +
    '|a\\.?m|p\\.?m|gmt|utc|[ecmp][sd]t|bst|cet|ist|updated?|published|posted|last|modified|on|at|and|hours?|minutes?' +
    '|mins?|ago|today|yesterday|th|st|nd|rd|z' +
    // German and French stamp words ("Stand: 12.03.2024, 08:15 Uhr", "Mis à jour le 12/03/2024 à 08h15").
    '|stand|uhr|aktualisiert|ver(?:ö|oe)ffentlicht|erstellt|zuletzt|am|um|vom|heute|gestern|mis à jour|publié|modifié|le|à|h)(?![\\p{L}\\p{N}])',
  'giu',
);

/**
 * Reporting credits closing a wire or newspaper story: who reported, wrote and edited it, and agency material used
 * (English, German, French).
 */
export const CREDIT_LINE =
  /^(?:\(?(?:additional )?reporting by|writing by|editing by|compiled by|mit material (?:von|der|aus)|mit agenturmaterial|avec (?:l['’])?(?:afp|reuters|ap)\b)|\bcontributed (?:reporting|to this (?:report|article|story))\b/i;

/**
 * A picture's credit standing as a line of its own ("Foto: dpa", "Bild: Hanna Keller/Elmbacher Zeitung", "Photo :
 * AFP", "© picture alliance / dpa"), in English, German and French: who took or owns a picture, never article text.
 */
export const PICTURE_CREDIT =
  /^\(?(?:(?:foto|fotos|bild|bilder|bildquelle|grafik|titelbild|beitragsbild|symbolbild|photo|photos|image|images|picture|illustration|crédits?(?: photo)?|photo credit)\s?:|©|\(c\)\s|copyright\s)\s*\S/i;

/**
 * Whole lines that label page furniture rather than say anything: share and print buttons' words and the headings
 * of related-story and most-read boxes, in English, German and French ("Teilen", "Drucken", "Weitere Artikel",
 * "Meistgelesen", "Sur le même sujet", "Les plus lus"). Matched against a whole short block only.
 */
export const FURNITURE_LABELS = new RegExp(
  `^(?:share|print|e-?mail|tweet|save|comments?|reply|related (?:articles|stories|posts|content)|most (?:read|popular|viewed)|latest (?:news|stories|articles)|popular (?:posts|stories)|recent posts|you (?:may|might) also like|teilen|drucken|merken|empfehlen|versenden|kommentieren|kommentare|weitere (?:artikel|nachrichten|meldungen|themen|beiträge)|(?:verwandte|ähnliche|beliebte) (?:artikel|themen|beiträge)|(?:mehr )?zum thema|das könnte (?:sie|dich) (?:auch )?interessieren|auch interessant|lesen sie auch|(?:you|that) (?:may|might) also (?:like|be interested in)|read next|recommended (?:for you|stories|articles)|meistgelesen(?:e artikel)?|meist gelesen|neueste (?:artikel|beiträge|meldungen)|top-?themen|schlagworte|themen|partager|imprimer|commenter|réagir|envoyer|commentaires|sur le même (?:sujet|thème)|les plus lus|articles (?:similaires|liés)|à la une|dans la même rubrique` +
    // a comment section's heading: "12 Kommentare", "Kommentare (5)", "Leave a Reply", "Laisser un commentaire"
    `|(?:\\d+\\s+)?(?:kommentare?|leserkommentare|comments?|responses|réactions|commentaires?)(?:\\s*\\(\\d+\\))?|(?:ein|eine|one) (?:kommentar|antwort|comment|response)|(?:leave|post|add) a (?:reply|comment)|(?:schreibe|hinterlasse|hinterlassen sie) einen kommentar|kommentar (?:schreiben|verfassen)|laisser un commentaire|diskussion)$`,
  'i',
);
