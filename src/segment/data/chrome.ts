/**
 * Site chrome that scrapers leave behind. A line matching one of these (whole line, case-insensitive)
 * is dropped from the article. Patterns are anchored so that body sentences mentioning the words survive.
 */
export const CHROME_LINE_PATTERNS: readonly RegExp[] = [
  /^skip to (?:main )?(?:content|navigation|search)\.?$/i,
  /^(?:switch|go) to (?:the )?(?:mobile|desktop|classic|full) (?:site|version)\.?$/i,
  /^(?:view )?(?:amp|mobile|desktop)(?: version| site)?$/i,
  /^(?:share|share this|share this (?:article|story|page|post)|share on \w+|share via \w+|tweet|pin it|copy link|link copied|email|print|save|bookmark)(?:\s*[|·•,]\s*(?:share|tweet|facebook|twitter|x|linkedin|whatsapp|email|print|copy link|reddit|telegram))*\.?$/i,
  /^(?:facebook|twitter|x|linkedin|whatsapp|reddit|telegram|email)(?:\s*[|·•,]\s*(?:facebook|twitter|x|linkedin|whatsapp|reddit|telegram|email|print|copy link))+$/i,
  /^(?:subscribe|sign up|register|log ?in|sign in)\b.{0,80}$/i,
  /^.{0,60}\bnewsletters?\b.{0,60}$/i,
  /^(?:we|this (?:site|website)) uses? cookies\b.*$/i,
  /^.{0,40}\bcookies?\b.{0,40}(?:accept|consent|settings|policy|preferences).{0,40}$/i,
  /^(?:accept|reject|manage) (?:all )?cookies\.?$/i,
  /^advertisement\.?$/i,
  // Placeholders of script-loaded widgets left in the text.
  /^(?:loading|please wait)\s*(?:\.\.\.|…)?$/i,
  /^(?:sponsored(?: content)?|promoted(?: content)?|paid (?:post|content))\.?$/i,
  /^(?:read more|read next|more on this story|related(?: articles| stories| content| coverage)?|recommended|most (?:read|popular|viewed)|see also|also read|you may also like|continue reading|trending(?: now)?|top stories|latest news)\b\s*[:»>-]?.{0,160}$/i,
  /^(?:listen to this article|listen|audio)(?:\s*[·•|-]?\s*\d+\s*min(?:ute)?s?)?\.?$/i,
  /^\d+\s*min(?:ute)?s? read\.?$/i,
  /^(?:follow us|follow)(?: on \w+)?.{0,60}$/i,
  /^(?:back to top|scroll to top|top of page|jump to)\b.{0,40}$/i,
  /^(?:download (?:our|the) app|get the app|open in app)\b.{0,60}$/i,
  /^(?:comments?|show comments|view comments|\d+ comments?|leave a comment|join the conversation)\.?$/i,
  /^(?:comments?|replies|responses)\s*[([]\d[\d,]*[)\]]$/i,
  /^(?:menu|search|home|close|open|next|previous|more|expand|collapse|toggle navigation|main menu)\.?$/i,
  /^(?:already (?:a )?subscriber\?|not a subscriber\?|become a member|support (?:our|independent) journalism)\b.{0,100}$/i,
  /^(?:click here|tap here)\b.{0,100}$/i,
  /^(?:this article (?:was|has been) (?:amended|updated)|updated|last updated|published)\s*:?\s*.{0,60}$/i,
  /^(?:by )?(?:staff|our) (?:reporter|correspondent|writer)s?\.?$/i,
  /^(?:all rights reserved|copyright \d{4}.{0,80}|terms (?:of (?:use|service))?|privacy policy)\.?$/i,
  /^(?:watch|video|live|breaking|exclusive|analysis|opinion|explainer)$/i,
];

/** Inline chrome fragments glued to a paragraph by a scraper ("… said. Share this article"). */
export const CHROME_SUFFIX_PATTERNS: readonly RegExp[] = [
  /\s*(?:Share this article|Share on Facebook|Share on Twitter|Copy link|Advertisement)\s*$/i,
];

/** The last word of every suffix above (a quick test before running them; keep in step with the list). */
export const CHROME_SUFFIX_END = /(?:article|facebook|twitter|link|advertisement)\s*$/i;
