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

/** Words of a date or time stamp line ("Updated: Nov 18, 2019 @17:26 PM · Published 3:45 p.m. EST"). */
export const STAMP_WORDS = new RegExp(
  `\\b(?:${[...MONTH_NAMES, ...MONTH_ABBREVIATIONS, ...WEEKDAY_NAMES, ...WEEKDAY_ABBREVIATIONS].join('|')}` +
    '|a\\.?m|p\\.?m|gmt|utc|[ecmp][sd]t|bst|cet|ist|updated?|published|posted|last|modified|on|at|and|hours?|minutes?' +
    '|mins?|ago|today|yesterday|th|st|nd|rd|z' +
    // German and French stamp words ("Stand: 12.03.2024, 08:15 Uhr", "Mis à jour le 12/03/2024 à 08h15").
    '|stand|uhr|aktualisiert|ver(?:ö|oe)ffentlicht|zuletzt|am|um|heute|gestern|mis à jour|le)\\b',
  'gi',
);

/**
 * Reporting credits closing a wire or newspaper story: who reported, wrote and edited it, and agency material used
 * (English, German, French).
 */
export const CREDIT_LINE =
  /^(?:\(?(?:additional )?reporting by|writing by|editing by|compiled by|mit material (?:von|der|aus)|mit agenturmaterial|avec (?:l['’])?(?:afp|reuters|ap)\b)|\bcontributed (?:reporting|to this (?:report|article|story))\b/i;
