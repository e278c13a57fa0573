import type { ClaimStance } from '../../model/index.js';

/**
 * Speech cues: verbs (every inflection listed, lower-case) that attribute a statement to a speaker, with the
 * stance the statement takes toward its proposition. Data only; the attribution rules live in `../attribute.ts`.
 */
const CUE_FAMILIES: ReadonlyArray<readonly [ClaimStance, string]> = [
  ['asserts', 'say says said saying'],
  ['asserts', 'tell tells told telling'],
  ['asserts', 'add adds added adding'],
  ['asserts', 'warn warns warned warning'],
  ['asserts', 'urge urges urged urging'],
  ['asserts', 'stress stresses stressed stressing'],
  ['asserts', 'insist insists insisted insisting'],
  ['asserts', 'claim claims claimed claiming'],
  ['asserts', 'write writes wrote writing'],
  ['asserts', 'tweet tweets tweeted tweeting'],
  ['asserts', 'post posts posted'],
  ['asserts', 'explain explains explained explaining'],
  ['asserts', 'note notes noted noting'],
  ['asserts', 'argue argues argued arguing'],
  ['asserts', 'continue continues continued continuing'],
  ['asserts', 'recall recalls recalled recalling'],
  ['asserts', 'declare declares declared declaring'],
  ['asserts', 'announce announces announced announcing'],
  ['asserts', 'state states stated stating'],
  ['asserts', 'acknowledge acknowledges acknowledged acknowledging'],
  ['asserts', 'admit admits admitted admitting'],
  ['asserts', 'concede concedes conceded conceding'],
  ['asserts', 'suggest suggests suggested suggesting'],
  ['asserts', 'predict predicts predicted predicting'],
  ['asserts', 'vow vows vowed vowing'],
  ['asserts', 'promise promises promised promising'],
  ['asserts', 'pledge pledges pledged pledging'],
  ['asserts', 'complain complains complained complaining'],
  ['asserts', 'respond responds responded responding'],
  ['asserts', 'reply replies replied replying'],
  ['asserts', 'remark remarks remarked remarking'],
  ['asserts', 'observe observes observed observing'],
  ['asserts', 'quip quips quipped quipping'],
  ['asserts', 'joke jokes joked joking'],
  ['asserts', 'caution cautions cautioned cautioning'],
  ['asserts', 'emphasize emphasizes emphasized emphasizing emphasise emphasises emphasised emphasising'],
  ['asserts', 'reiterate reiterates reiterated reiterating'],
  ['asserts', 'maintain maintains maintained maintaining'],
  ['asserts', 'contend contends contended contending'],
  ['asserts', 'assert asserts asserted asserting'],
  ['asserts', 'boast boasts boasted boasting'],
  ['asserts', 'lament laments lamented lamenting'],
  ['asserts', 'report reports reported reporting'],
  ['asserts', 'confirm confirms confirmed confirming'],
  ['asserts', 'conclude concludes concluded concluding'],
  ['asserts', 'testify testifies testified testifying'],
  ['asserts', 'shout shouts shouted shouting'],
  ['asserts', 'yell yells yelled yelling'],
  ['asserts', 'chant chants chanted chanting'],
  ['asserts', 'sing sings sang singing'],
  ['asserts', 'describe describes described describing'],
  ['asserts', 'call calls called calling'],
  ['asserts', 'dub dubs dubbed dubbing'],
  ['asserts', 'label labels labeled labelled labeling labelling'],
  ['asserts', 'counter counters countered countering'],
  ['asserts', 'believe believes believed'],
  ['asserts', 'think thinks thought'],
  ['asserts', 'hope hopes hoped'],
  ['asserts', 'recount recounts recounted'],
  ['asserts', 'announce announces announced'],
  ['asserts', 'read reads'],
  ['asserts', 'exclaim exclaims exclaimed'],
  ['asserts', 'muse muses mused'],
  ['asserts', 'whisper whispers whispered'],
  ['asserts', 'brag brags bragged'],
  ['asserts', 'point points pointed'],
  ['asserts', 'comment comments commented commenting'],
  ['asserts', 'chime chimes chimed'],
  ['asserts', 'proclaim proclaims proclaimed proclaiming'],
  ['asserts', 'retort retorts retorted'],
  ['asserts', 'interject interjects interjected'],
  ['asserts', 'mutter mutters muttered'],
  ['asserts', 'scoff scoffs scoffed'],
  ['asserts', 'snap snaps snapped'],
  ['asserts', 'recite recites recited'],
  ['asserts', 'mention mentions mentioned mentioning'],
  ['asserts', 'speculate speculates speculated'],
  ['asserts', 'demand demands demanded demanding'],
  ['asserts', 'exhort exhorts exhorted exhorting'],
  ['asserts', 'implore implores implored imploring'],
  ['asserts', 'plead pleads pleaded pleading'],
  ['asserts', 'beg begs begged begging'],
  ['asserts', 'tout touts touted touting'],
  ['asserts', 'praise praises praised praising'],
  ['asserts', 'hail hails hailed hailing'],
  ['asserts', 'liken likens likened likening'],
  ['asserts', 'remember remembers remembered remembering'],
  ['asserts', 'interject interjects interjected interjecting'],
  ['asserts', 'recount recounts recounted recounting'],
  ['asserts', 'characterize characterizes characterized characterizing characterise characterises characterised'],
  ['asserts', 'cite cites cited citing'],
  ['asserts', 'reference references referenced referencing'],
  ['accuses', 'scold scolds scolded scolding'],
  ['accuses', 'decry decries decried decrying'],
  ['accuses', 'lambast lambasts lambasted lambasting lambaste lambastes'],
  ['accuses', 'mock mocks mocked mocking'],
  ['accuses', 'ridicule ridicules ridiculed ridiculing'],
  ['accuses', 'accuse accuses accused accusing'],
  ['accuses', 'charge charges charged charging'],
  ['accuses', 'allege alleges alleged alleging'],
  ['accuses', 'blame blames blamed blaming'],
  ['accuses', 'condemn condemns condemned condemning'],
  ['accuses', 'brand brands branded branding'],
  ['accuses', 'denounce denounces denounced denouncing'],
  ['accuses', 'criticize criticizes criticized criticizing criticise criticises criticised criticising'],
  ['accuses', 'slam slams slammed slamming'],
  ['accuses', 'blast blasts blasted blasting'],
  ['accuses', 'attack attacks attacked attacking'],
  ['denies', 'deny denies denied denying'],
  ['denies', 'reject rejects rejected rejecting'],
  ['denies', 'dismiss dismisses dismissed dismissing'],
  ['denies', 'refute refutes refuted refuting'],
  ['denies', 'dispute disputes disputed disputing'],
  ['questions', 'ask asks asked asking'],
  ['questions', 'question questions questioned questioning'],
  ['questions', 'wonder wonders wondered wondering'],
  ['questions', 'doubt doubts doubted doubting'],
];

export const CUE_STANCE: ReadonlyMap<string, ClaimStance> = new Map(
  CUE_FAMILIES.flatMap(([stance, forms]) => forms.split(' ').map((f) => [f, stance] as const)),
);

/**
 * Cues that are also ordinary verbs or nouns ("call", "read", "point", "post", "state", "note", "think"):
 * they attribute a quote only right next to it, never a clause of reported speech.
 */
export const WEAK_CUES: ReadonlySet<string> = new Set([
  'call', 'calls', 'called', 'calling', 'read', 'reads', 'point', 'points', 'pointed', 'post', 'posts', 'posted', 'state', 'states',
  'stated', 'note', 'notes', 'charge', 'charges', 'charged', 'attack', 'attacks', 'attacked', 'attacking', 'continue', 'continues',
  'continued', 'continuing', 'think', 'thinks', 'thought', 'hope', 'hopes', 'hoped', 'believe', 'believes', 'believed', 'question',
  'questions', 'doubt', 'doubts', 'counter', 'counters', 'label', 'labels', 'brand', 'brands', 'report', 'reports', 'sing', 'sings',
  'sang', 'singing', 'promise', 'promises', 'claim', 'claims', 'dispute', 'disputes', 'joke', 'jokes', 'remark', 'remarks',
  'describe', 'describes', 'described', 'describing', 'dub', 'dubs', 'dubbed', 'add', 'adds', 'ask', 'asks', 'asked', 'asking',
  'blast', 'blasts', 'slam', 'slams', 'shout', 'maintain', 'maintains', 'maintained', 'observe', 'observes', 'observed',
  'continue', 'recall', 'recalls', 'recalled', 'concede', 'admit', 'admits', 'admitted', 'confirm', 'confirms', 'confirmed',
  'reject', 'rejects', 'rejected', 'dismiss', 'dismisses', 'dismissed', 'condemn', 'condemns', 'condemned',
  'criticize', 'criticizes', 'criticized', 'criticise', 'criticises', 'criticised', 'accuse', 'accused', 'accuses', 'blame', 'blames', 'blamed',
  'announce', 'announces', 'announced', 'respond', 'responds', 'responded', 'explain', 'explains', 'explained',
  'comment', 'comments', 'chime', 'chimes', 'snap', 'snaps', 'snapped', 'mention', 'mentions', 'mentioned', 'mentioning',
  'demand', 'demands', 'praise', 'praises', 'praised', 'praising', 'hail', 'hails', 'hailed', 'hailing', 'tout', 'touts', 'touted',
  'mock', 'mocks', 'mocked', 'mocking', 'beg', 'begs', 'begged', 'begging', 'plead', 'pleads', 'pleaded', 'pleading',
  'liken', 'likens', 'likened', 'likening', 'cite', 'cites', 'cited', 'citing', 'reference', 'references', 'referenced', 'referencing',
]);

/**
 * Cue forms that are as often nouns ("his mental state", "Republican claims", "the report"): they count as
 * cues only after a pronoun or a named actor.
 */
export const NOUN_LIKE_CUES: ReadonlySet<string> = new Set([
  'state', 'states', 'claim', 'claims', 'report', 'reports', 'call', 'calls', 'post', 'posts', 'note', 'notes', 'question', 'questions',
  'doubt', 'doubts', 'attack', 'attacks', 'charge', 'charges', 'counter', 'counters', 'dispute', 'disputes', 'label', 'labels',
  'brand', 'brands', 'comment', 'comments', 'point', 'points', 'hope', 'hopes', 'promise', 'promises', 'joke', 'jokes', 'remark',
  'remarks', 'quip', 'quips', 'read', 'reads', 'thought', 'testimony', 'vow', 'vows', 'pledge', 'pledges', 'warning', 'warnings',
  'blast', 'blasts', 'slam', 'slams', 'admit', 'tweet', 'tweets', 'answer', 'reply', 'replies', 'response', 'chant', 'chants',
  'shout', 'shouts', 'lament', 'laments', 'boast', 'boasts', 'muse', 'whisper', 'mention', 'mentions', 'demand', 'demands',
  'praise', 'hail', 'tout', 'mock', 'plead', 'reference', 'references',
]);

/** Nouns that speak in news ("a statement said", "the report says"): speakers when no person does. */
export const SPEAKING_NOUNS: ReadonlySet<string> = new Set([
  'statement', 'statements', 'report', 'reports', 'letter', 'memo', 'document', 'documents', 'filing', 'complaint', 'lawsuit',
  'study', 'survey', 'poll', 'release', 'communique', 'communiqué', 'spokesman', 'spokeswoman', 'spokesperson', 'source', 'sources',
  'book', 'ad', 'clip', 'video', 'tweet', 'post', 'website', 'article', 'editorial', 'note', 'message', 'email',
]);

/** Pronouns that can be the subject of a speech verb, with what they can stand for. */
export const SPEAKER_PRONOUNS: ReadonlyMap<string, 'male' | 'female' | 'group' | 'thing' | 'self'> = new Map([
  ['he', 'male'], ['she', 'female'], ['they', 'group'], ['it', 'thing'], ['i', 'self'], ['we', 'self'],
]);

/** Words that sit between a subject and its speech verb ("he also said", "she has told", "they would later say"). */
export const AUX_BETWEEN: ReadonlySet<string> = new Set([
  'also', 'later', 'then', 'has', 'have', 'had', 'was', 'were', 'is', 'are', 'will', 'would', 'did', 'does', 'do', 'once', 'previously',
  'earlier', 'repeatedly', 'again', 'further', 'recently', 'publicly', 'privately', 'reportedly', 'allegedly', 'separately', 'quickly',
  'flatly', 'firmly', 'strongly', 'angrily', 'vehemently', 'simply', 'just', 'often', 'always', 'never', 'not', "n't", 'has', 'been',
  'could', 'can', 'may', 'might', 'should', 'already', 'still', 'since', 'immediately', 'openly', 'first', 'too', 'however', '’s', "'s",
]);

/** Words that end a noun phrase read backwards from a speech verb (clause material, not the subject). */
export const NP_BREAKS: ReadonlySet<string> = new Set([
  'that', 'and', 'but', 'or', 'because', 'when', 'while', 'if', 'as', 'after', 'before', 'since', 'although', 'though', 'so', 'where',
  'which', 'who', 'whom', 'whose', 'than', 'to', 'in', 'on', 'at', 'by', 'into', 'about', 'over', 'under', 'during', 'is', 'was', 'are',
  'were', 'be', 'been', 'has', 'had', 'have', 'not', 'will', 'would', 'said', 'says', 'told', 'also', 'there', 'here', 'this', 'then',
  'now', 'yet', 'both', 'either', 'neither', 'even', 'only', 'just', 'what', 'how', 'why', 'do', 'does', 'did', 'can', 'could', 'should',
  'may', 'might', 'must', 'shall', 'it', 'its', 'you', 'me', 'him', 'them', 'us', 'up', 'out', 'off', 'down', 'through', 'against',
  'between', 'without', 'within', 'upon', 'until', 'unless', 'whether', 'once', 'being',
]);

/** Determiners and possessives that open a noun phrase. */
export const NP_OPENERS: ReadonlySet<string> = new Set([
  'the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'my', 'your', 'another', 'several', 'many', 'some', 'other', 'most', 'few',
  'every', 'each',
]);

/** Words allowed inside a noun phrase although they break clauses ("head of the agency", "a person familiar with the matter"). */
export const NP_LINKS: ReadonlySet<string> = new Set(['of', 'for', 'from', 'with', 'at', 'in', 'to', 'on']);

/** Cues that introduce reported speech without quotation marks ("said the talks had failed"). */
export const INDIRECT_CUES: ReadonlySet<string> = new Set([
  'said', 'says', 'told', 'tells', 'added', 'warned', 'warns', 'insisted', 'insists', 'claimed', 'claims', 'stressed', 'argued', 'argues',
  'denied', 'denies', 'accused', 'accuses', 'alleged', 'alleges', 'announced', 'reported', 'reports', 'confirmed', 'explained',
  'acknowledged', 'admitted', 'predicted', 'suggested', 'urged', 'urges', 'vowed', 'pledged', 'promised', 'maintained', 'asserted',
  'conceded', 'contended', 'declared', 'noted', 'wrote', 'writes', 'tweeted', 'rejected', 'dismissed', 'charged', 'complained',
]);

/**
 * Heads of noun phrases that can speak: people and groups of people, institutions and documents. Role words
 * ("minister", "spokesman") are recognized separately; nouns ending in -er/-or/-ist/-ian/-ant/-ent are people.
 */
export const SPEAKER_HEADS: ReadonlySet<string> = new Set([
  'person', 'people', 'official', 'officials', 'source', 'sources', 'analyst', 'analysts', 'expert', 'experts', 'critic', 'critics',
  'resident', 'residents', 'witness', 'witnesses', 'protester', 'protesters', 'supporter', 'supporters', 'voter', 'voters',
  'lawmaker', 'lawmakers', 'member', 'members', 'leader', 'leaders', 'aide', 'aides', 'adviser', 'advisers', 'advisor', 'advisors',
  'doctor', 'doctors', 'lawyer', 'lawyers', 'attorney', 'attorneys', 'friend', 'friends', 'colleague', 'colleagues', 'woman', 'women',
  'man', 'men', 'mother', 'father', 'wife', 'husband', 'son', 'daughter', 'family', 'families', 'relative', 'relatives', 'neighbor',
  'neighbour', 'neighbors', 'neighbours', 'police', 'officer', 'officers', 'investigators', 'prosecutors', 'prosecutor', 'judge',
  'judges', 'researchers', 'scientists', 'economists', 'reporters', 'journalist', 'journalists', 'activist', 'activists', 'campaign',
  'group', 'groups', 'nominee', 'candidate', 'candidates', 'governor', 'senator', 'senators', 'chairman', 'chairwoman', 'chair',
  'president', 'minister', 'ministers', 'secretary', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'representatives',
  'statement', 'report', 'study', 'memo', 'document', 'letter', 'article', 'piece', 'editorial', 'poll', 'survey', 'filing',
  'complaint', 'lawsuit', 'ruling', 'court', 'ministry', 'agency', 'company', 'firm', 'newspaper', 'paper', 'government',
  'military', 'army', 'navy', 'department', 'commission', 'committee', 'council', 'office', 'embassy', 'union', 'authorities',
  'authority', 'administration', 'regime', 'party', 'white', 'kremlin', 'team', 'club', 'board', 'bank', 'operator', 'guard',
  'coalition', 'organization', 'organisation', 'institute', 'agencies', 'companies', 'governments', 'countries', 'states', 'diplomats',
  'diplomat', 'staff', 'employees', 'workers', 'students', 'parents', 'teachers', 'fans', 'players', 'coach', 'owner', 'owners',
  'crew', 'captain', 'victims', 'survivors', 'americans', 'democrats', 'republicans', 'conservatives', 'liberals', 'everyone',
  'somebody', 'someone', 'nobody', 'others', 'many', 'some', 'both', 'all', 'few', 'most', 'insurer', 'insurers', 'website',
  'campaigns', 'democrat', 'republican', 'colleague', 'author', 'authors', 'spokesmen', 'tweet', 'post', 'bylaws', 'figures', 'data',
  'book', 'ad', 'clip', 'video', 'spot', 'message', 'email', 'headline', 'story', 'blog', 'column', 'brief', 'order', 'bill',
  'law', 'rule', 'rules', 'standards', 'guidelines', 'resolution', 'platform', 'narrator', 'website', 'site', 'page', 'note',
  'transcript', 'indictment', 'verdict', 'decision', 'announcement', 'notice', 'advisory', 'warning', 'speech', 'interview',
]);

/** Nouns that carry a statement of their owner's: "Trump's claim that …", "her insistence that …". */
export const STATEMENT_NOUNS: ReadonlySet<string> = new Set([
  'claim', 'claims', 'statement', 'statements', 'assertion', 'prediction', 'promise', 'warning', 'argument', 'allegation',
  'allegations', 'accusation', 'suggestion', 'insistence', 'remark', 'remarks', 'comment', 'comments', 'tweet', 'view', 'contention',
  'charge', 'denial', 'pledge', 'vow', 'boast', 'complaint',
]);
