/**
 * Photo captions and credit lines, in the conventions of wire services, broadcasters and newspapers.
 * A line matching any of these is kept as a caption, never as body text.
 */

/** Agencies and picture desks whose names appear in credits. */
export const PICTURE_AGENCIES =
  '(?:AFP|Agence France-Presse|AP|Associated Press|Reuters|EPA|EPA-EFE|EFE|Getty Images?|Getty|PA Media|PA Wire|PA|Shutterstock|Alamy|Bloomberg|Anadolu(?: Agency)?|Xinhua|Yonhap|KCNA|KNS|TASS|Sputnik|RIA Novosti|Kyodo|Jiji|ANSA|dpa|Pool|SOPA Images|LightRocket|NurPhoto|Sipa|Abaca|Zuma(?: Press)?|Wire|Rex Features|REX|Corbis|Imago|ABACAPRESS|WAM|SPA|IRNA|Tasnim|ANI|PTI|Press Association|Handout|handout|BBC|CNN|Sky News|ITV|NYT|The New York Times|The Washington Post|Redux|Polaris|Magnum|Panos|VII|Avalon|Camera Press|Mirrorpix|Newscom|Planet Pix|UPI|Xinhua News Agency|Kremlin Pool|Sputnik Pool)';

/**
 * Caption patterns by where they look, so a long body paragraph costs a few short regex runs:
 * `tail` patterns are tested on the line's last 200 characters, `head` on its first 200, `anywhere`
 * on the whole line.
 */
export const CAPTION_TAIL_PATTERNS: readonly RegExp[] = [
  // "(Image: PA Media)", "(Photo: AP)", "(Picture: Getty)", "Image: Reuters", "Photo credit: …"
  /\((?:images?|photos?|pictures?|pics?|photograph|photographs|credit|credits|video|illustration)\s*(?:credit)?\s*:\s*[^)]{1,80}\)\s*\.?\s*$/i,
  /(?:^|[\s.)])(?:images?|photos?|pictures?|photograph|photographs|pics?|photo credit|image credit|credits?|illustration|video|graphic|source image)\s*:\s*\S[^.]{0,80}$/i,
  // "(AP Photo/Ahn Young-joon)", "(Reuters)"-style credits in brackets, "… AFP via Getty Images"
  new RegExp(`\\(${PICTURE_AGENCIES}(?: Photo)?\\s*(?:/[^)]{1,60})?\\)\\s*\\.?\\s*$`, 'i'),
  new RegExp(`\\bvia ${PICTURE_AGENCIES}\\)?\\.?\\s*$`, 'i'),
];

/** "… Jane Doe/Reuters", "… Kim Hong-Ji/REUTERS", "… Marco Ruiz/AFP via Getty Images": what follows the last slash. */
export const SLASH_CREDIT_TAIL = new RegExp(
  `^\\s*${PICTURE_AGENCIES}(?:\\s+via\\s+[\\p{L} ]{2,30})?(?:\\s+(?:Purchase Licensing Rights|File Photo))?\\s*\\)?\\.?\\s*$`,
  'iu',
);

/**
 * Any agency or photographer credit at the end of a caption: "Pacific Ledger/Kim Soo-jin",
 * "GlobalWire/Anton Reyes/File Photo Purchase Licensing Rights, opens new tab" — capitalized names
 * on both sides of a slash, no sentence after it.
 */
export const GENERIC_SLASH_CREDIT =
  /(?:^|\s)\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,3}\/\p{Lu}[\p{L}.'’-]*(?:[\s-]\p{Lu}[\p{L}.'’-]*){0,3}(?:\/(?:File(?: Photo)?|Pool|Handout))?(?:\s+Purchase Licensing Rights(?:,\s*opens new tab)?)?\s*\)?\.?\s*$/u;

export const CAPTION_HEAD_PATTERNS: readonly RegExp[] = [
  // Bare credit lines: "Getty Images", "Reuters", "PA Media", "Photograph: AFP"
  new RegExp(`^(?:photo(?:graph)?s?\\s*:?\\s*)?${PICTURE_AGENCIES}(?:\\s*[/,]\\s*${PICTURE_AGENCIES})*\\.?$`, 'i'),
  /^(?:©|\(c\)|copyright\s*(?:©|\(c\)|\d{4}))\s*.{0,80}$/i,
  /^\s*©/,
  // "FILE PHOTO: …", "FILE - …"
  /^\s*(?:FILE PHOTO|FILE PICTURE|FILE IMAGE|FILE)\s*[:\-–—]\s*/,
  /^\s*handout\b/i,
  // "Pictured: …", "Above: …", "Top: …", "Main image: …"
  /^\s*(?:pictured|above|below|top|left|right|main (?:image|picture|photo)|inset|in pictures|in photos)\s*:/i,
  // Licensing and gallery prompts
  /^(?:licensing|licence this (?:image|photo|content)|license this (?:image|photo|content)|buy (?:this )?(?:photo|print|image)|purchase (?:licensing|this image)|reprints?(?: & permissions)?|click to enlarge|enlarge (?:this )?image|view (?:full )?(?:gallery|image|slideshow)|open (?:the )?gallery|launch (?:the )?gallery|see (?:all|more) photos|image \d+ (?:of|\/) \d+|\d+ (?:of|\/) \d+ (?:photos|images)?|photos?: \d+|show caption|hide caption|expand image|toggle caption)\.?$/i,
];

export const CAPTION_ANYWHERE_PATTERNS: readonly RegExp[] = [
  /\bPurchase Licensing Rights\b/i,
  /\b(?:AP|AFP|EPA|Reuters) Photo\b/i,
  /\bfile (?:photo|picture|image|footage)\b/i,
  // Handouts: "A handout picture released by … shows …", "Handout via Reuters"
  /\bhandout\b.{0,80}\b(?:picture|photo|image|photograph|released|provided|shows?|via)\b/i,
  /\b(?:picture|photo|image|photograph)s? (?:released|provided|distributed|obtained) by\b/i,
];

/**
 * Wires and picture agencies: a credit naming one of these says where the picture came from, not which
 * outlet published the article (any outlet runs wire pictures).
 */
export const WIRE_CREDITS =
  /^(?:Reuters|Associated Press|AP|AFP|Agence France-Presse|Getty(?: Images)?|EPA(?:-EFE)?|Bloomberg|UPI|dpa|EFE|ANSA|Kyodo(?: News)?|Jiji(?: Press)?|Yonhap|Xinhua|TASS|RIA Novosti|Interfax|Anadolu(?: Agency)?|PTI|ANI|IRNA|WAM|Saudi Press Agency|KCNA(?: Watch)?|PAP|Shutterstock|Alamy|Pool|Handout)$/i;
