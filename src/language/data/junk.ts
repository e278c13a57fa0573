/**
 * Text that is never an entity: site chrome, field labels, licensing prompts and credit conventions
 * left in article bodies by scrapers. Compared after lower-casing and collapsing spaces.
 */

/** Whole mentions that are never entities. */
export const JUNK_ENTITY_TEXTS: ReadonlySet<string> = new Set([
  'share', 'shares', 'share this', 'share this article', 'tweet', 'email', 'e-mail', 'print', 'subscribe', 'sign up',
  'sign in', 'log in', 'login', 'register', 'read more', 'more', 'related', 'advertisement', 'advert', 'sponsored',
  'newsletter', 'comments', 'comment', 'reply', 'follow', 'follow us', 'like', 'menu', 'home', 'search', 'close',
  'skip', 'skip to content', 'cookies', 'cookie policy', 'privacy policy', 'terms', 'copyright', 'all rights reserved',
  'getty images', 'getty', 'shutterstock', 'alamy', 'istock', 'file photo', 'handout', 'photo', 'photograph',
  'image', 'images', 'picture', 'pictures', 'video', 'watch', 'listen', 'gallery', 'credit', 'source', 'caption',
  'pa media', 'pa wire', 'ap photo', 'reuters/', 'afp via getty images', 'epa-efe', 'epa', 'rex', 'rex features',
  'facebook', 'twitter', 'whatsapp', 'linkedin', 'pinterest', 'reddit', 'messenger', 'telegram channel', 'amp',
  'updated', 'published', 'breaking', 'breaking news', 'live', 'exclusive', 'analysis', 'opinion', 'editorial',
  'top stories', 'most read', 'trending', 'latest', 'news', 'world', 'politics', 'business', 'sport', 'sports',
  'featured', 'recommended', 'advertising', 'contact us', 'about us', 'jump to', 'back to top', 'mobile', 'desktop',
]);

/** A sentence opening with one of these (followed by a colon) is a field label line: no entities in it. */
export const FIELD_LABELS: ReadonlySet<string> = new Set([
  'source', 'sources', 'photo', 'photos', 'image', 'images', 'picture', 'pictures', 'credit', 'credits', 'caption',
  'video', 'graphic', 'illustration', 'file', 'read more', 'related', 'see also', 'watch', 'listen', 'tags', 'topics',
  'filed under', 'share', 'updated', 'published', 'posted', 'by', 'byline', 'contact', 'email', 'copyright',
]);

/** A sentence opening with one of these word sequences is a byline/credit line: no entities in it. */
export const CREDIT_OPENERS: readonly string[] = [
  'reporting by', 'additional reporting by', 'editing by', 'writing by', 'compiled by', 'written by',
  'photo by', 'photograph by', 'photos by', 'pictures by', 'video by', 'graphic by', 'produced by', 'translated by',
  'with reporting by', 'contributing reporting by', 'illustration by',
];

/** Phrases that mark a licensing prompt or site-chrome sentence anywhere in it: no entities in it. */
export const CHROME_PHRASES: readonly string[] = [
  'license this', 'licence this', 'buy this photo', 'buy photo', 'purchase this', 'rights reserved', 'click here',
  'sign up for', 'subscribe to', 'subscribe now', 'our newsletter', 'follow us on', 'share this', 'read more',
  'cookie', 'enable javascript', 'reprints and permissions', 'get the app', 'download the app', 'view gallery',
  'open gallery', 'see all photos', 'skip to content', 'skip advert', 'continue reading', 'this content is not available',
];

/** Photo-agency credit words that mark "Name/AGENCY" credits when next to a slash. */
export const CREDIT_AGENCIES: ReadonlySet<string> = new Set([
  'afp', 'reuters', 'ap', 'epa', 'getty', 'getty images', 'pa', 'efe', 'xinhua', 'yonhap', 'anadolu', 'shutterstock',
  'alamy', 'rex', 'sipa', 'bloomberg', 'dpa', 'ansa', 'kyodo', 'tass', 'sputnik', 'handout', 'pool', 'kcna',
]);

/** Lower-case words that may sit inside a name ("Gulf of Aden", "Bill de Blasio"); any other lower-case word ends it. */
export const NAME_CONNECTORS: ReadonlySet<string> = new Set([
  'of', 'the', 'and', 'for', 'on', 'in', 'at', 'upon', '&', "'s", '’s', '-', 'de', 'del', 'della', 'la', 'le', 'van', 'von',
  'der', 'den', 'du', 'des', 'da', 'di', 'dos', 'das', 'al', 'el', 'bin', 'ibn', 'ben', 'y', 'et', 'st', 'zu', 'ter', 'af',
]);

/** Lower-case words allowed inside a person's name (particles); "and", "of" end a person's name. */
export const PERSON_PARTICLES: ReadonlySet<string> = new Set([
  'de', 'del', 'della', 'la', 'le', 'van', 'von', 'der', 'den', 'du', 'des', 'da', 'di', 'dos', 'das', 'al', 'el', 'bin',
  'ibn', 'ben', 'y', 'zu', 'ter', 'af', 'bint', 'abu',
]);

/**
 * Function words the model sometimes pulls into a name at a sentence start ("No Norvessan vessel", "Either
 * Portavel or …"); peeled off the front of a mention. ("The" is not here: "The Hague".)
 */
export const LEADING_NON_NAME_WORDS: ReadonlySet<string> = new Set([
  'no', 'either', 'neither', 'both', 'every', 'each', 'some', 'any', 'all', 'many', 'most', 'few', 'several', 'other',
  'another', 'such', 'only', 'even', 'also', 'but', 'and', 'or', 'if', 'when', 'while', 'although', 'though', 'since',
  'as', 'so', 'yet', 'still', 'then', 'now', 'why', 'how', 'what', 'where', 'whether', 'unlike', 'like', 'despite',
]);

/**
 * Second halves of hyphenated adjectives: "Busan-based", "UN-brokered", "Korean-built" describe something
 * else; they are not names.
 */
export const ADJECTIVE_SUFFIXES: ReadonlySet<string> = new Set([
  'based', 'built', 'made', 'led', 'backed', 'brokered', 'owned', 'run', 'funded', 'born', 'flagged', 'registered',
  'bound', 'linked', 'allied', 'aligned', 'controlled', 'held', 'style', 'era', 'wide', 'sponsored', 'supported',
  'designed', 'produced', 'mediated', 'sanctioned', 'friendly', 'occupied', 'administered', 'speaking', 'focused',
]);

/** A mention made only of one of these words is not a name (model noise at a sentence start). */
export const NON_NAME_WORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'all', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'you', 'his', 'her',
  'their', 'our', 'my', 'its', 'there', 'here', 'some', 'many', 'most', 'no', 'one', 'mr', 'mrs', 'ms', 'mr.', 'mrs.',
  'ms.', 'dr', 'dr.', 'but', 'and', 'or', 'if', 'when', 'while', 'after', 'before', 'as', 'in', 'on', 'at', 'for',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november',
  'december', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'today', 'yesterday',
]);
