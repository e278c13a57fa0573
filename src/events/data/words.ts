import { CARDINALS, WEEKDAY_NAMES } from '../../model/lexicon/index.js';
import { MODAL_VERBS } from '../../language/data/context.js';
import { PHOENIX_AGENTS } from './agents.js';

/** Function-word lists the event coder reads sentence structure with. Data, kept apart from the algorithms. */

/** Common nouns that name an actor on their own ("police", "rebels"), with their CAMEO sector: sitrep's own list. */
const OWN_GROUP_NOUNS: ReadonlyMap<string, string> = new Map([
  ['government', 'GOV'],
  ['governments', 'GOV'],
  ['officials', 'GOV'],
  ['official', 'GOV'],
  ['authorities', 'GOV'],
  ['authority', 'GOV'],
  ['ministry', 'GOV'],
  ['diplomats', 'GOV'],
  ['leaders', 'GOV'],
  ['leader', 'GOV'],
  ['leadership', 'GOV'],
  ['administration', 'GOV'],
  ['regime', 'GOV'],
  ['president', 'GOV'],
  ['minister', 'GOV'],
  ['ministers', 'GOV'],
  ['cabinet', 'GOV'],
  ['embassy', 'GOV'],
  ['delegation', 'GOV'],
  ['envoy', 'GOV'],
  ['ambassador', 'GOV'],
  ['spokesman', 'GOV'],
  ['spokeswoman', 'GOV'],
  ['spokesperson', 'GOV'],
  ['king', 'GOV'],
  ['head', 'GOV'],
  ['chief', 'GOV'],
  ['officer', 'GOV'],
  ['director', 'GOV'],
  ['governor', 'GOV'],
  ['mayor', 'GOV'],
  ['admiral', 'MIL'],
  ['manager', 'BUS'],
  ['coach', 'BUS'],
  ['premier', 'GOV'],
  ['prime minister', 'GOV'],
  ['foreign minister', 'GOV'],
  ['defence minister', 'MIL'],
  ['defense minister', 'MIL'],
  ['interior minister', 'GOV'],
  ['finance minister', 'GOV'],
  ['justice minister', 'GOV'],
  ['army chief', 'MIL'],
  ['navy chief', 'MIL'],
  ['foreign ministry', 'GOV'],
  // A department is a unit of government ("the State Department", "the Justice Department").
  ['department', 'GOV'],
  ['state department', 'GOV'],
  ['justice department', 'JUD'],
  ['police department', 'COP'],
  ['defense department', 'MIL'],
  ['defence department', 'MIL'],
  ['military', 'MIL'],
  ['army', 'MIL'],
  ['troops', 'MIL'],
  ['forces', 'MIL'],
  ['soldiers', 'MIL'],
  ['navy', 'MIL'],
  ['warships', 'MIL'],
  ['jets', 'MIL'],
  ['aircraft', 'MIL'],
  ['helicopters', 'MIL'],
  ['air force', 'MIL'],
  ['defence ministry', 'MIL'],
  ['defense ministry', 'MIL'],
  ['commander', 'MIL'],
  ['generals', 'MIL'],
  ['coast guard', 'MIL'],
  ['corvettes', 'MIL'],
  ['militia', 'MIL'],
  ['militias', 'MIL'],
  ['police', 'COP'],
  ['policemen', 'COP'],
  ['riot police', 'COP'],
  ['security forces', 'COP'],
  ['border guards', 'COP'],
  ['lawmakers', 'LEG'],
  ['parliament', 'LEG'],
  ['legislators', 'LEG'],
  ['senators', 'LEG'],
  ['congress', 'LEG'],
  ['assembly', 'LEG'],
  ['media', 'MED'],
  ['state media', 'MED'],
  ['journalists', 'MED'],
  ['journalist', 'MED'],
  ['rebels', 'REB'],
  ['insurgents', 'REB'],
  ['militants', 'REB'],
  ['guerrillas', 'REB'],
  ['guerrilla', 'REB'],
  ['gunmen', 'REB'],
  ['fighters', 'REB'],
  ['separatists', 'REB'],
  ['protesters', 'CVL'],
  ['protestors', 'CVL'],
  ['demonstrators', 'CVL'],
  ['civilians', 'CVL'],
  ['citizens', 'CVL'],
  ['residents', 'CVL'],
  ['villagers', 'CVL'],
  ['students', 'EDU'],
  ['workers', 'LAB'],
  ['activists', 'CVL'],
  ['youths', 'CVL'],
  ['people', 'CVL'],
  ['refugees', 'REF'],
  ['immigrants', 'REF'],
  ['migrants', 'REF'],
  ['businesses', 'BUS'],
  ['companies', 'BUS'],
  ['firms', 'BUS'],
  // "executive": a senior manager of a company (general English); the Phoenix agents code "business executive",
  // "corporate executive", "top executive" as BUS.
  ['executives', 'BUS'],
  ['executive', 'BUS'],
  ['courts', 'JUD'],
  ['court', 'JUD'],
  ['judge', 'JUD'],
  ['prosecutors', 'JUD'],
  ['prisoners', 'CVL'],
  ['detainees', 'CVL'],
  ['doctors', 'HLH'],
  ['settlers', 'CVL'],
  ['hackers', 'CVL'],
  ['peacekeepers', 'IGOPKO'],
  ['monitors', 'IGO'],
  ['inspectors', 'IGO'],
  ['opposition', 'OPP'],
  ['coalition', 'OPP'],
  ['party', 'OPP'],
  ['union', 'LAB'],
  ['bombers', 'REB'],
  ['attackers', 'REB'],
  ['inhabitants', 'CVL'],
  ['members', 'CVL'],
  ['supporters', 'CVL'],
  ['followers', 'CVL'],
  ['farmers', 'CVL'],
  ['teachers', 'EDU'],
  ['lawyers', 'CVL'],
  ['fishermen', 'CVL'],
  ['servicemen', 'MIL'],
  ['marines', 'MIL'],
  ['pilots', 'MIL'],
  ['personnel', 'MIL'],
  ['agents', 'SPY'],
  ['volunteers', 'CVL'],
  ['pensioners', 'CVL'],
  ['traders', 'BUS'],
  ['miners', 'LAB'],
  ['nurses', 'HLH'],
  ['hostage-takers', 'CRM'],
  ['kidnappers', 'CRM'],
  ['captors', 'CRM'],
  ['smugglers', 'CRM'],
  ['pirates', 'CRM'],
  ['crew', 'CVL'],
  ['sailors', 'CVL'],
  ['elders', 'CVL'],
  ['intelligence', 'SPY'],
  // General English names of police officers, suspects and lawyers, singular and plural, in the sectors the
  // list gives their kin ("policemen" COP, "criminals" CRM, "prosecutors" JUD, "lawyers" CVL, "gunmen" REB).
  ['cop', 'COP'],
  ['cops', 'COP'],
  ['suspect', 'CRM'],
  ['suspects', 'CRM'],
  ['offender', 'CRM'],
  ['offenders', 'CRM'],
  ['gunman', 'REB'],
  ['prosecutor', 'JUD'],
  ['prosecution', 'JUD'],
  ['jury', 'JUD'],
  ['attorney', 'CVL'],
  ['attorneys', 'CVL'],
  ['lawyer', 'CVL'],
]);

/**
 * Generic actors: the Phoenix agents dictionary (one- and two-word agents, compiled by `npm run compile:events`)
 * with sitrep's own list over it where both name a noun.
 */
export const GROUP_NOUNS: ReadonlyMap<string, string> = new Map([...PHOENIX_AGENTS, ...OWN_GROUP_NOUNS]);

/**
 * Nouns of a military formation, vehicle or installation (and its spokesmen): after a bare "military" they do not make
 * it an adjective of a topic ("military matters") but name the force by its part ("military units shelled …",
 * "attacked military convoys"); CAMEO codes an act by or on a unit, vehicle or post of the armed forces as the
 * military's (sector MIL).
 */
export const MILITARY_ASSETS: ReadonlySet<string> = new Set([
  'unit',
  'units',
  'convoy',
  'convoys',
  'column',
  'columns',
  'patrol',
  'patrols',
  'vehicle',
  'vehicles',
  'truck',
  'trucks',
  'tank',
  'tanks',
  'plane',
  'planes',
  'warplanes',
  'jet',
  'jets',
  'aircraft',
  'helicopter',
  'helicopters',
  'drone',
  'drones',
  'ship',
  'ships',
  'vessel',
  'vessels',
  'boats',
  'post',
  'posts',
  'outpost',
  'outposts',
  'position',
  'positions',
  'base',
  'bases',
  'camp',
  'camps',
  'checkpoint',
  'checkpoints',
  'barracks',
  'installation',
  'installations',
  'sources',
  'spokesman',
  'spokesmen',
  'spokeswoman',
  'spokesperson',
]);

/** Group nouns that report rather than act ("state media reported"). */
export const MEDIA_SECTORS: ReadonlySet<string> = new Set(['MED']);

/** Subject pronouns that stand for an actor named earlier. */
export const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(['it', 'they', 'he', 'she', 'we', 'who']);

/** Verbs and phrases that attribute a statement ("said", "reported"): their subject is the reporter. */
export const REPORTING: ReadonlySet<string> = new Set([
  'said',
  'says',
  'say',
  'saying',
  'reported',
  'reports',
  'told',
  'tells',
  'stated',
  'added',
  'noted',
  'wrote',
  'quoted',
  'announced',
  'confirmed',
  'claimed',
  'declared',
  'according',
  'cited',
  'explained',
  'insisted',
  'stressed',
  'asserted',
  'believed',
  'believes',
  'thinks',
  'thought',
  'estimated',
]);

/** Prepositions before a place name that make it a location rather than an actor ("talks in Moscow"). */
export const LOCATIVE: ReadonlySet<string> = new Set([
  'in',
  'at',
  'near',
  'outside',
  'inside',
  'across',
  'throughout',
  'off',
  'into',
  'within',
  'around',
  'from',
  'toward',
  'towards',
  'through',
]);

/** Prepositions that may introduce a target ("sanctions on X", "talks with X", "aid to X"). */
export const TARGET_PREPOSITIONS: ReadonlySet<string> = new Set([
  'to',
  'with',
  'against',
  'on',
  'for',
  'from',
  'of',
  'into',
  'over',
  'upon',
  'toward',
  'towards',
  'at',
  'between',
  'about',
]);

/** Prepositions that place an actor inside a modifier phrase, not in subject position ("the war in X"). */
export const PREPOSITIONS: ReadonlySet<string> = new Set([
  'in',
  'at',
  'near',
  'of',
  'to',
  'with',
  'from',
  'for',
  'against',
  'on',
  'by',
  'over',
  'into',
  'between',
  'about',
  'among',
  'under',
  'after',
  'before',
  'during',
  'since',
  'like',
  'than',
  'via',
  'across',
  'behind',
  'beside',
  'inside',
  'outside',
  'toward',
  'towards',
]);

/** Words between which a coordinated actor list continues ("the United States and Jordan"). */
export const COORDINATORS: ReadonlySet<string> = new Set([
  'and',
  ',',
  '&',
  'as well as',
  'both',
  'the',
  'its',
  'their',
  'along',
]);

/** Words that end the clause a trigger's roles are looked for in. */
export const CLAUSE_BREAKS: ReadonlySet<string> = new Set([
  ';',
  ':',
  '.',
  '?',
  '!',
  '"',
  '“',
  '”',
  'but',
  'while',
  'whereas',
  'although',
  'because',
  'when',
  'after',
  'before',
  'since',
  'as',
  'though',
  'until',
  'unless',
  'if',
  'whether',
]);

/** Auxiliaries and adverbs allowed between a subject and its verb or inside a verb group. */
export const AUXILIARIES: ReadonlySet<string> = new Set([
  'has',
  'have',
  'had',
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  ...MODAL_VERBS,
  'did',
  'does',
  'do',
  'also',
  'again',
  'already',
  'reportedly',
  'allegedly',
  'then',
  'now',
  'today',
  'still',
  'just',
  'once',
  'repeatedly',
  'formally',
  'officially',
  'jointly',
  'finally',
  'later',
  'earlier',
  'previously',
  'recently',
  'yesterday',
  'tonight',
  'not',
  "n't",
  'never',
  'to',
  'on',
  ...WEEKDAY_NAMES,
]);

/** Forms of "be"/"get" that, before a past participle, make the clause passive. */
export const PASSIVE_AUX: ReadonlySet<string> = new Set([
  'is',
  'are',
  'was',
  'were',
  'be',
  'been',
  'being',
  'get',
  'gets',
  'got',
  'gotten',
]);

/** Negators before a trigger. */
export const NEGATORS: ReadonlySet<string> = new Set(['not', "n't", 'never', 'no', 'neither', 'nor', 'without']);

/** Verbs that deny or refute what follows ("denied supplying weapons"). */
export const DENIAL: ReadonlySet<string> = new Set([
  'denied',
  'denies',
  'deny',
  'denying',
  'refuted',
  'disputed',
  'rejected',
  'rejects',
]);

/** Modals that make an action possible or conditional rather than real. */
export const HYPOTHETICAL_MODALS: ReadonlyMap<string, string> = new Map([
  ['could', 'possible'],
  ['might', 'possible'],
  ['may', 'possible'],
  ['would', 'conditional'],
  ['should', 'conditional'],
  // Deontic "must" ("must be released within two days") states an obligation, as "should" does: the act is required,
  // not done (English modal semantics).
  ['must', 'conditional'],
  ['can', 'possible'],
]);

/** Words that express an intention or readiness to act ("is ready to impose", "plans to", "will"). */
export const INTENT: ReadonlySet<string> = new Set([
  'will',
  "'ll",
  'shall',
  'ready',
  'willing',
  'prepared',
  'plans',
  'plan',
  'planned',
  'planning',
  'intends',
  'intend',
  'intended',
  'decided',
  'decides',
  'set',
  'going',
  'vowed',
  'vows',
  'pledged',
  'pledges',
  'promised',
  'promises',
  'offered',
  'offers',
  'seeks',
  'sought',
  'wants',
  'wanted',
  'hopes',
  'aims',
  'determined',
  'poised',
  'due',
  // Preparing, wanting, seeking, hoping, aiming and being scheduled to act all place the act after now.
  'preparing',
  'prepares',
  'prepare',
  'want',
  'wanting',
  'seek',
  'seeking',
  'hope',
  'hoping',
  'aim',
  'aiming',
  'intending',
  'scheduled',
  'slated',
  // An act something is designed, aimed or meant to bring about is a purpose, not yet an act ("a bill designed to").
  'designed',
  'aimed',
  'meant',
  // Proposing, offering, promising or vowing to act commits to the act (commissives; see COMMISSIVE_VERBS).
  'propose',
  'proposes',
  'proposed',
  'proposing',
  'offer',
  'promise',
  'pledge',
  'vow',
]);

/** Verbs of wanting and planning that head a trigger pattern ("wants to attack"): the act is intended, not done. */
export const DESIRE_VERBS =
  /^(want|wants|wanted|wanting|plan|plans|planned|planning|intend|intends|intended|intending|hope|hopes|hoped|hoping|aim|aims|aimed|aiming|prepare|prepares|preparing)$/;

/**
 * Verbs whose own act is a commitment to a later act (commissives): "offered to mediate", "pledged to send aid",
 * "vowed to retaliate". The coded event is the commitment, with the promised act still to come (`mode: "intent"`);
 * unlike "agreed to", which reports an agreement reached.
 */
export const COMMISSIVE_VERBS =
  /^(offer|offers|offered|offering|promise|promises|promised|promising|pledge|pledges|pledged|pledging|vow|vows|vowed|vowing|propose|proposes|proposed|proposing|volunteer|volunteers|volunteered|undertake|undertakes|undertook)$/;

/**
 * Nouns whose infinitive complement is an act committed to or asked for, not done: "an invitation to visit", "a plan
 * to deploy", "calls to resign". Commissive nouns make it an intention; directive nouns a possibility (it is up to
 * the addressee).
 */
export const COMMISSIVE_NOUNS: ReadonlySet<string> = new Set([
  'plan',
  'plans',
  'offer',
  'offers',
  'proposal',
  'proposals',
  'promise',
  'promises',
  'pledge',
  'pledges',
  'intention',
  'intentions',
  'readiness',
  'willingness',
  'commitment',
  'commitments',
  'vow',
  'bid',
  'threat',
  'threats',
  // A decision to act commits to it; a bill, motion or amendment is a proposed law, its content not yet in force.
  'decision',
  'decisions',
  'bill',
  'bills',
  'legislation',
  'motion',
  'amendment',
]);
export const DIRECTIVE_NOUNS: ReadonlySet<string> = new Set([
  'invitation',
  'invitations',
  'request',
  'requests',
  'call',
  'calls',
  'demand',
  'demands',
  'appeal',
  'appeals',
  'plea',
  'pleas',
  'order',
  'orders',
  'pressure',
]);

/**
 * Verbs whose gerund object is a topic or a proposal, not an act done: "would discuss providing weapons", "talked
 * about imposing sanctions", "suggested sending troops". Deliberation makes it a possibility, a proposal an intention.
 */
export const DELIBERATION_VERBS =
  /^(discuss|discusses|discussed|discussing|debate|debates|debated|debating|explore|explores|explored|exploring|study|studies|studied|studying|examine|examines|examined|examining|review|reviews|reviewed|reviewing|mention|mentions|mentioned|mentioning)$/;
export const PROPOSAL_VERBS =
  /^(propose|proposes|proposed|proposing|suggest|suggests|suggested|suggesting|recommend|recommends|recommended|recommending|advocate|advocates|advocated|advocating|urge|urges|urged|urging)$/;
/** Verbs that take "about"/"of" before a gerund topic: "talked about imposing", "thinking of sending". */
export const TOPIC_VERBS =
  /^(talk|talks|talked|talking|think|thinks|thought|thinking|speak|speaks|spoke|speaking|spoken|warn|warns|warned|warning)$/;

/** Words that mark what follows as unverified hearsay (a rumour is by definition a report no one has confirmed). */
export const HEARSAY: ReadonlySet<string> = new Set([
  'rumour',
  'rumours',
  'rumor',
  'rumors',
  'rumoured',
  'rumored',
  'unconfirmed',
  'unverified',
  'speculation',
  'speculated',
]);

/**
 * Words that present an act as a possibility rather than a plan or a fact (epistemic modality): "is considering
 * airdrops", "is expected to visit", "will likely strike", "probably would not". The PLOVER codebook's "possible"
 * mode; unlike INTENT, no one is committed to the act.
 */
export const POSSIBILITY: ReadonlySet<string> = new Set([
  'considering',
  'consider',
  'considers',
  'considered',
  'weighing',
  'weighs',
  'mulling',
  'mulls',
  'contemplating',
  'contemplates',
  'expected',
  'likely',
  'unlikely',
  'probably',
  'possibly',
  'perhaps',
  'maybe',
]);

/**
 * Adjectives that put the act an event noun names in the future or in doubt (attributive modality): "the planned
 * demonstration", "a proposed boycott" are intentions, "a possible strike", "potential sanctions" possibilities.
 */
export const ATTRIBUTIVE_MODALITY: ReadonlyMap<string, 'intent' | 'possible'> = new Map([
  ['planned', 'intent'],
  ['proposed', 'intent'],
  ['intended', 'intent'],
  ['scheduled', 'intent'],
  ['upcoming', 'intent'],
  ['forthcoming', 'intent'],
  ['future', 'intent'],
  ['prospective', 'intent'],
  ['possible', 'possible'],
  ['potential', 'possible'],
  ['hypothetical', 'possible'],
  ['would-be', 'possible'],
]);

/**
 * Adjectives of duration that make an event noun a standing state rather than an act that happened (aspect: "the
 * longstanding embargo", "the ongoing blockade", "existing sanctions").
 */
export const STATE_ADJECTIVES: ReadonlySet<string> = new Set([
  'longstanding',
  'long-standing',
  'ongoing',
  'existing',
  'continuing',
  'decades-old',
  'decades-long',
  'years-long',
  'current',
  'standing',
  'lingering',
  'permanent',
]);

/** Conditional conjunctions: an event in their clause is hypothetical. */
export const CONDITIONALS: ReadonlySet<string> = new Set(['if', 'unless', 'whether', 'should']);

/** Determiners and possessives: a word right after one is a noun. */
export const DETERMINERS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'its',
  'their',
  'his',
  'her',
  'this',
  'that',
  'these',
  'those',
  'our',
  'your',
  'my',
  'any',
  'no',
  'every',
  'each',
  "'s",
  '’s',
  'new',
  'further',
  'fresh',
  'more',
  'some',
]);

/** Words after which a noun-like verb form is verbal ("to return", "will visit", "did not fight"). */
export const VERBAL_CONTEXT: ReadonlySet<string> = new Set([
  'to',
  ...MODAL_VERBS,
  'not',
  "n't",
  'never',
  'also',
  'did',
  'does',
  'do',
  'they',
  'we',
  'he',
  'she',
  'it',
  'who',
  'which',
  'jointly',
  'again',
  'then',
  'repeatedly',
  'reportedly',
]);

/** Verbs that remove a person from office when their object is a person (stems: "dismissed", "removing"). */
export const PERSONNEL_VERB = /^(dismiss|sack|fir(e|ed|es|ing)$|oust|remov|reliev)/;

/** Forms of "deny": a denial negates the act it governs ("denied supplying weapons"). */
export const DENY: ReadonlySet<string> = new Set(['deny', 'denies', 'denied', 'denying']);

/** Words that end the leftward search from an event noun for the verb carrying it. */
export const CARRIER_SEARCH_BREAKS: ReadonlySet<string> = new Set([
  'and',
  'or',
  'but',
  'that',
  'which',
  'who',
  'was',
  'were',
  'is',
  'are',
  'has',
  'have',
  'had',
]);

/** Prepositions after an event noun that introduce its agent or target ("an attack by rebels on X"). */
export const NOUN_ROLE_PREPOSITIONS: ReadonlySet<string> = new Set([
  'by',
  'against',
  'on',
  'with',
  'from',
  'between',
  'to',
]);

/** Words allowed between "and" and a coordinated verb ("… and later sent", "… and has sent"). */
export const COORDINATED_VERB_GAP: ReadonlySet<string> = new Set([
  'also',
  'then',
  'later',
  'has',
  'have',
  'had',
  'was',
  'were',
  'is',
  'are',
  'will',
  'would',
  'to',
]);

/** Prepositions before an actor that keep it from being the sentence's subject ("in Iraq", "with the army"). */
export const SUBJECT_BLOCKING_PREPOSITIONS: ReadonlySet<string> = new Set([
  'in',
  'at',
  'of',
  'to',
  'from',
  'with',
  'by',
  'for',
  'on',
]);

/** Words allowed between a reporting actor and its reporting verb ("X on Monday said", "X has said"). */
export const REPORTER_GAP: ReadonlySet<string> = new Set([
  'has',
  'had',
  'have',
  'was',
  'on',
  ...WEEKDAY_NAMES,
  'today',
  ',',
]);

/** Possessive determiners before a noun ("its forces", "their ships"). */
export const POSSESSIVES: ReadonlySet<string> = new Set(['its', 'their', 'his', 'her', 'our']);

/** Counts of a group ("two", "dozens"): "sent two warships" counts what is sent, not whom it is sent to. */
export const GROUP_COUNTS: ReadonlySet<string> = new Set([
  ...CARDINALS.slice(1, 10),
  'hundreds',
  'thousands',
  'dozens',
]);

/**
 * Verbs of undergoing that carry an event noun whose target is their subject (general English: one draws, faces,
 * receives or suffers what another does): "the navy drew criticism" is criticism of the navy, "Iran faces
 * sanctions" sanctions on Iran. The noun's "from"/"by" phrase, if any, names the source.
 */
export const UNDERGOING_VERBS =
  /^(draw|draws|drew|drawn|drawing|face|faces|faced|facing|receive|receives|received|receiving|suffer|suffers|suffered|suffering|attract|attracts|attracted|attracting|earn|earns|earned|earning|garner|garners|garnered|garnering)$/;

/**
 * Nouns that name a commitment still to be kept (commissives, as COMMISSIVE_VERBS): "extended an offer", "made a
 * pledge", "announced a plan". As the event noun itself they are the commitment, the act promised still to come.
 */
export const COMMITMENT_NOUNS: ReadonlySet<string> = new Set([
  'offer',
  'offers',
  'pledge',
  'pledges',
  'promise',
  'promises',
  'vow',
  'vows',
  'proposal',
  'proposals',
  'plan',
  'plans',
]);
