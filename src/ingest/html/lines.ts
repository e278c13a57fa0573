import { MONTH_ABBREVIATIONS, MONTH_NAMES } from '../../model/lexicon/index.js';
import {
  AD_LABELS,
  CALLS_TO_ACTION,
  CREDIT_LINE,
  FURNITURE_LABELS,
  MONTHS_DE_FR,
  PICTURE_CREDIT,
  STAMP_WORDS,
} from './data/phrases.js';

/** Whether a block is an ad label, a "continue reading" interstitial or a button's or furniture box's label. */
export function isAdLabel(text: string): boolean {
  if (text.length >= 60) return false;
  const t = text.replace(/[\s.:!…|•·-]+$/g, '').trim();
  return AD_LABELS.test(t) || FURNITURE_LABELS.test(t);
}

/** Whether a block only labels furniture: a button's word or the heading of a comments or related box. */
export function isFurnitureLabel(text: string): boolean {
  return text.length < 60 && FURNITURE_LABELS.test(text.replace(/[\s.:!…|•·-]+$/g, '').trim());
}

/** Whether a block is only a URL, a comment counter or an unrendered CMS shortcode (`[button …]…[/button]`). */
export function isMarkupResidue(text: string): boolean {
  return (
    /^(?:https?:\/\/|www\.)\S+$/i.test(text) ||
    /^\d*\s*comments?$/i.test(text) ||
    /^\[\w+(?:\s[^\]]*)?\][\s\S]*\[\/\w+\]$/.test(text)
  );
}

/** Whether a short block is a call to action (subscribe, share, read more…). */
export function isCallToAction(text: string): boolean {
  if (text.length >= 160) return false;
  const m = CALLS_TO_ACTION.exec(text);
  // In a longer block the prompt must open it ("Read more: …"); prose may say "read more" in passing.
  return !!m && (text.length < 80 || m.index < 25);
}

const MONTH_WORD = [...MONTH_NAMES, ...MONTH_ABBREVIATIONS].join('|');
/** A month word ("Nov", "November.", not "Mars") next to a number. */
const MONTH_BESIDE_NUMBER = new RegExp(`\\b(?:${MONTH_WORD})\\b\\.?\\s+\\d|\\d\\s+(?:${MONTH_WORD})\\b`, 'i');
/** A day before a German or French month, as both languages write dates ("12. März 2024", "1er mars", "3 déc."). */
const DAY_BEFORE_MONTH_DE_FR = new RegExp(`\\d(?:\\.|er)?\\s*(?:${MONTHS_DE_FR.join('|')})(?!\\p{L})`, 'iu');

/** Whether a block is only a date and/or time stamp. */
export function isStampLine(text: string): boolean {
  if (text.length > 90 || !/\d/.test(text)) return false;
  const dated =
    /\b\d{1,2}[:h]\d\d\b|\b\d{1,2}\.\d\d\s*Uhr\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b/.test(text) ||
    MONTH_BESIDE_NUMBER.test(text) ||
    DAY_BEFORE_MONTH_DE_FR.test(text);
  if (!dated) return false;
  const rest = text.replace(STAMP_WORDS, ' ').replace(/[\d\s.,:;/|•·@()[\]–—-]+/g, '');
  return rest.length <= 3;
}

/** Whether a block is a byline ("By Jane Doe", "By Jane Doe and John Roe, Reuters", "Von Hans Meier"). */
export function isBylineLine(text: string): boolean {
  return text.length < 90 && BYLINE.test(text);
}

const NAME_WORD = "\\p{Lu}[\\p{L}.'’-]*";
const BYLINE = new RegExp(
  `^(?:[Bb]y|BY|[Ww]ritten by|[Ww]ords by|[Vv]on|VON|[Pp]ar|PAR|[Pp]or|[Dd]i|[Dd]oor|Eine? \\p{Lu}\\p{Ll}+ von|Autor(?:in)?:|Text:|Texte\\s?:)\\s+${NAME_WORD}(?:\\s+(?:${NAME_WORD}|and|&|und|et|y|e|de|da|van|von|der|den|du|al|bin|la|le))*(?:\\s*[,|–—-]\\s*.{0,45})?$`,
  'u',
);

/** Whether a block is a reporting credit ("Reporting by …; Editing by …", "… contributed reporting", "Mit Material von dpa"). */
export function isCreditLine(text: string): boolean {
  return text.length < 200 && CREDIT_LINE.test(text);
}

/** Whether a short block is a picture credit ("Foto: dpa", "© picture alliance / dpa", "Photo : AFP"). */
export function isPictureCredit(text: string): boolean {
  return text.length < 120 && PICTURE_CREDIT.test(text);
}
