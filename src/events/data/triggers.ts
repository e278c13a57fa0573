import type { PloverType } from '../../model/index.js';

/**
 * The trigger lexicon: words and phrases that report an event of a PLOVER type. Written for sitrep from the
 * PLOVER codebook and the CAMEO→PLOVER table, not copied from any corpus.
 *
 * A pattern is lower-case words separated by spaces. In `VERBS` the first word is a verb lemma and is
 * inflected (agree → agrees, agreed, agreeing); in `NOUNS` the last word also matches its plural.
 * `…` stands for a gap of up to three words ("impose … sanctions" matches "imposed fresh trade sanctions").
 * The longest pattern starting at a word wins.
 */
export interface TriggerEntry {
  pattern: string;
  type: PloverType;
  /** The trigger takes an action as its complement ("agreed to withdraw", "threatened to strike"): the
   * governed trigger is folded into this event instead of being coded on its own. */
  governs?: boolean;
  /** What the event is about, for domain attributes ("launch", "drill", "meeting", "letter", "personnel"). */
  kind?: string;
}

type Row = [pattern: string, type: PloverType, governs?: boolean, kind?: string];

const G = true;

export const VERBS: readonly Row[] = [
  // AGREE: agree, or commit to do something cooperative
  ['agree', 'AGREE', G], ['pledge', 'AGREE', G], ['promise', 'AGREE', G], ['offer', 'AGREE', G],
  ['reach … agreement', 'AGREE'], ['reach … deal', 'AGREE'], ['reach … accord', 'AGREE'], ['reach … consensus', 'AGREE', G],
  ['reach … understanding', 'AGREE'], ['accept', 'AGREE'], ['consent', 'AGREE', G], ['vow', 'AGREE', G],
  // CONSULT
  ['meet', 'CONSULT', false, 'meeting'], ['hold talks', 'CONSULT', false, 'meeting'], ['hold … talks', 'CONSULT', false, 'meeting'],
  ['talk', 'CONSULT', false, 'meeting'], ['discuss', 'CONSULT', false, 'meeting'], ['visit', 'CONSULT', false, 'visit'],
  ['host', 'CONSULT', false, 'visit'], ['telephone', 'CONSULT', false, 'call'], ['phone', 'CONSULT', false, 'call'],
  ['consult', 'CONSULT', false, 'meeting'], ['negotiate', 'CONSULT', false, 'meeting'], ['mediate', 'CONSULT', false, 'meeting'],
  ['confer', 'CONSULT', false, 'meeting'], ['arrive in', 'CONSULT', false, 'visit'], ['travel to', 'CONSULT', false, 'visit'],
  ['fly to', 'CONSULT', false, 'visit'], ['sit down with', 'CONSULT', false, 'meeting'],
  ['undertake mediation', 'CONSULT', false, 'meeting'], ['renew … negotiations', 'CONSULT', false, 'meeting'],
  ['renew … talks', 'CONSULT', false, 'meeting'], ['write to', 'CONSULT', false, 'letter'], ['send … letter', 'CONSULT', false, 'letter'],
  ['send … message', 'CONSULT', false, 'letter'],
  // SUPPORT
  ['praise', 'SUPPORT'], ['welcome', 'SUPPORT'], ['endorse', 'SUPPORT'], ['back', 'SUPPORT'], ['support', 'SUPPORT'],
  ['defend', 'SUPPORT'], ['apologize', 'SUPPORT'], ['apologise', 'SUPPORT'], ['forgive', 'SUPPORT'], ['commend', 'SUPPORT'],
  ['hail', 'SUPPORT'], ['congratulate', 'SUPPORT', false, 'letter'], ['thank', 'SUPPORT'], ['applaud', 'SUPPORT'],
  ['sign … agreement', 'SUPPORT'], ['sign … treaty', 'SUPPORT'], ['sign … accord', 'SUPPORT'], ['sign … deal', 'SUPPORT'],
  ['sign … pact', 'SUPPORT'], ['sign … memorandum', 'SUPPORT'], ['sign … declaration', 'SUPPORT'], ['sign … agreements', 'SUPPORT'],
  ['ratify', 'SUPPORT'], ['recognize', 'SUPPORT'], ['recognise', 'SUPPORT'],
  ['upgrade … ties', 'SUPPORT'], ['upgrade … relations', 'SUPPORT'], ['restore … ties', 'SUPPORT'], ['restore … relations', 'SUPPORT'],
  ['establish … relations', 'SUPPORT'], ['express support', 'SUPPORT'], ['express solidarity', 'SUPPORT'], ['side with', 'SUPPORT'],
  // COOPERATE
  ['cooperate', 'COOPERATE'], ['co-operate', 'COOPERATE'], ['collaborate', 'COOPERATE'], ['coordinate', 'COOPERATE'],
  ['share … intelligence', 'COOPERATE'], ['share … information', 'COOPERATE'], ['share … expertise', 'COOPERATE'],
  ['extradite', 'COOPERATE'], ['hand over', 'COOPERATE'], ['work together', 'COOPERATE'], ['team up', 'COOPERATE'],
  // AID
  ['donate', 'AID'], ['deliver', 'AID'], ['provide', 'AID'], ['supply', 'AID'], ['grant', 'AID'], ['evacuate', 'AID'],
  ['rescue', 'AID'], ['assist', 'AID'], ['help', 'AID'], ['fund', 'AID'], ['finance', 'AID'], ['airlift', 'AID'],
  ['send … aid', 'AID'], ['send … arms', 'AID'], ['send … weapons', 'AID'], ['send … supplies', 'AID'], ['send … medicine', 'AID'],
  ['send … food', 'AID'], ['send … troops', 'AID'], ['ship … weapons', 'AID'], ['contribute', 'AID'], ['lend', 'AID'],
  ['arm', 'AID'],   // RETREAT
  ['withdraw', 'RETREAT'], ['pull out', 'RETREAT'], ['pull back', 'RETREAT'], ['retreat', 'RETREAT'], ['demobilize', 'RETREAT'],
  ['demobilise', 'RETREAT'], ['disarm', 'RETREAT'], ['declare … ceasefire', 'RETREAT'], ['declare … truce', 'RETREAT'],
  ['resign', 'RETREAT', false, 'personnel'], ['step down', 'RETREAT', false, 'personnel'], ['pay … compensation', 'RETREAT'],
  ['compensate', 'RETREAT'], ['return', 'RETREAT'], ['evacuate troops', 'RETREAT'],
  // CONCEDE
  ['concede', 'CONCEDE'], ['lift', 'CONCEDE'], ['ease', 'CONCEDE'], ['relax', 'CONCEDE'], ['call off', 'CONCEDE'],
  ['release', 'CONCEDE'], ['free', 'CONCEDE'], ['pardon', 'CONCEDE'], ['allow', 'CONCEDE'], ['permit', 'CONCEDE'],
  ['yield', 'CONCEDE'], ['back down', 'CONCEDE'], ['cancel … restrictions', 'CONCEDE'], ['reinstate', 'CONCEDE'],
  ['give in', 'CONCEDE'], ['accede', 'CONCEDE'], ['relent', 'CONCEDE'], ['reopen', 'CONCEDE'], ['unblock', 'CONCEDE'],
  // REQUEST
  ['demand', 'REQUEST', G], ['call for', 'REQUEST', G], ['call on', 'REQUEST', G], ['call upon', 'REQUEST', G], ['urge', 'REQUEST', G],
  ['ask', 'REQUEST', G], ['request', 'REQUEST', G], ['appeal', 'REQUEST', G], ['press', 'REQUEST', G], ['push for', 'REQUEST', G],
  ['insist', 'REQUEST', G], ['seek', 'REQUEST', G], ['plead', 'REQUEST', G], ['petition', 'REQUEST', G], ['pressure', 'REQUEST', G],
  ['pressurize', 'REQUEST', G], ['press for', 'REQUEST', G], ['implore', 'REQUEST', G], ['beg', 'REQUEST', G], ['invite', 'REQUEST', G],
  ['push', 'REQUEST', G], ['summon', 'REQUEST'],
  // ACCUSE (includes investigate and disapprove)
  ['accuse', 'ACCUSE', G], ['blame', 'ACCUSE', G], ['charge', 'ACCUSE', G], ['criticize', 'ACCUSE', G], ['criticise', 'ACCUSE', G],
  ['condemn', 'ACCUSE', G], ['denounce', 'ACCUSE', G], ['deplore', 'ACCUSE', G], ['investigate', 'ACCUSE', G], ['probe', 'ACCUSE', G],
  ['indict', 'ACCUSE', G], ['allege', 'ACCUSE', G], ['complain', 'ACCUSE', G], ['censure', 'ACCUSE', G], ['sue', 'ACCUSE', G],
  ['slam', 'ACCUSE', G], ['rebuke', 'ACCUSE', G], ['reprimand', 'ACCUSE', G], ['lambast', 'ACCUSE', G], ['decry', 'ACCUSE', G],
  ['castigate', 'ACCUSE', G], ['fault', 'ACCUSE', G], ['question', 'ACCUSE', G], ['prosecute', 'ACCUSE', G],
  ['dispatch inspectors', 'ACCUSE'], ['send inspectors', 'ACCUSE'], ['open … investigation', 'ACCUSE', G], ['open … probe', 'ACCUSE', G],
  ['launch … investigation', 'ACCUSE', G], ['launch … probe', 'ACCUSE', G], ['file … complaint', 'ACCUSE', G],
  // REJECT
  ['reject', 'REJECT', G], ['refuse', 'REJECT', G], ['veto', 'REJECT', G], ['deny', 'REJECT', G], ['oppose', 'REJECT', G],
  ['dismiss', 'REJECT', G], ['turn down', 'REJECT', G], ['rebuff', 'REJECT', G], ['spurn', 'REJECT', G], ['decline', 'REJECT', G],
  ['defy', 'REJECT', G], ['walk out', 'REJECT'], ['resist', 'REJECT', G], ['block', 'REJECT', G],
  // THREATEN
  ['threaten', 'THREATEN', G], ['warn', 'THREATEN', G], ['issue … ultimatum', 'THREATEN', G], ['menace', 'THREATEN', G],
  // PROTEST
  ['protest', 'PROTEST', G], ['demonstrate', 'PROTEST'], ['rally', 'PROTEST'], ['march', 'PROTEST'], ['riot', 'PROTEST'],
  ['picket', 'PROTEST'], ['go on strike', 'PROTEST'], ['stage … strike', 'PROTEST'], ['stage … protest', 'PROTEST'],
  ['stage … rally', 'PROTEST'], ['stage … rallies', 'PROTEST'], ['stage … demonstration', 'PROTEST'], ['stage … sit-in', 'PROTEST'],
  ['block … roads', 'PROTEST'], ['block … road', 'PROTEST'], ['block … streets', 'PROTEST'], ['throw … stones', 'PROTEST'],
  ['collect … signatures', 'PROTEST'], ['shun work', 'PROTEST'], ['take to the streets', 'PROTEST'],
  // SANCTION
  ['sanction', 'SANCTION', false, 'sanctions'], ['embargo', 'SANCTION', false, 'sanctions'], ['boycott', 'SANCTION'],
  ['impose … sanctions', 'SANCTION', false, 'sanctions'], ['slap … sanctions', 'SANCTION', false, 'sanctions'],
  ['impose … tariffs', 'SANCTION', false, 'sanctions'], ['impose … restrictions', 'SANCTION', false, 'sanctions'],
  ['impose … embargo', 'SANCTION', false, 'sanctions'], ['impose … penalties', 'SANCTION', false, 'sanctions'],
  ['freeze … assets', 'SANCTION', false, 'sanctions'], ['blacklist', 'SANCTION', false, 'sanctions'],
  ['cut … ties', 'SANCTION'], ['sever … ties', 'SANCTION'], ['break off … relations', 'SANCTION'], ['break … relations', 'SANCTION'],
  ['sever … relations', 'SANCTION'], ['downgrade … relations', 'SANCTION'], ['recall … ambassador', 'SANCTION'],
  ['halt … aid', 'SANCTION'], ['suspend … aid', 'SANCTION'], ['cut … aid', 'SANCTION'], ['reduce … supplies', 'SANCTION'],
  ['cut … supplies', 'SANCTION'], ['cut off', 'SANCTION'], ['cancel … visit', 'SANCTION'], ['call off … visit', 'SANCTION'],
  ['suspend', 'SANCTION'], ['close … border', 'SANCTION'], ['close … borders', 'SANCTION'], ['prohibit', 'SANCTION'],
  ['penalize', 'SANCTION'], ['penalise', 'SANCTION'], ['ship out', 'SANCTION'], ['force … out', 'SANCTION'],
  // MOBILIZE
  ['mobilize', 'MOBILIZE'], ['mobilise', 'MOBILIZE'], ['deploy', 'MOBILIZE'], ['reinforce', 'MOBILIZE'], ['mass … troops', 'MOBILIZE'],
  ['strengthen … forces', 'MOBILIZE'], ['remain on alert', 'MOBILIZE'], ['put … on alert', 'MOBILIZE'], ['raise … alert', 'MOBILIZE'],
  ['send … warships', 'MOBILIZE'], ['send … ships', 'MOBILIZE'], ['dispatch … warships', 'MOBILIZE'], ['order … warships', 'MOBILIZE'],
  ['send … forces', 'MOBILIZE'], ['amass', 'MOBILIZE'], ['build up … forces', 'MOBILIZE'], ['mass … forces', 'MOBILIZE'], ['train … hackers', 'MOBILIZE'], ['train … fighters', 'MOBILIZE'], ['recruit', 'MOBILIZE'],
  ['test-fire', 'MOBILIZE', false, 'launch'], ['test fire', 'MOBILIZE', false, 'launch'], ['launch … missile', 'MOBILIZE', false, 'launch'],
  ['launch … missiles', 'MOBILIZE', false, 'launch'], ['fire … missile', 'MOBILIZE', false, 'launch'], ['fire … missiles', 'MOBILIZE', false, 'launch'],
  ['launch … rocket', 'MOBILIZE', false, 'launch'], ['hold … drills', 'MOBILIZE', false, 'drill'], ['hold … exercises', 'MOBILIZE', false, 'drill'],
  ['conduct … drills', 'MOBILIZE', false, 'drill'], ['conduct … exercises', 'MOBILIZE', false, 'drill'], ['stage … drills', 'MOBILIZE', false, 'drill'],
  ['stage … exercises', 'MOBILIZE', false, 'drill'], ['patrol', 'MOBILIZE'], ['blockade', 'COERCE'],
  // COERCE
  ['arrest', 'COERCE'], ['detain', 'COERCE'], ['jail', 'COERCE'], ['imprison', 'COERCE'], ['deport', 'COERCE'], ['expel', 'COERCE'],
  ['ban', 'COERCE'], ['outlaw', 'COERCE'], ['confiscate', 'COERCE'], ['seize', 'COERCE'], ['raid', 'COERCE'], ['set fire', 'COERCE'],
  ['crack down', 'COERCE'], ['censor', 'COERCE'], ['hack', 'COERCE'], ['deface', 'COERCE'], ['prevent', 'COERCE'],
  ['impose … curfew', 'COERCE'], ['impose … martial law', 'COERCE'], ['declare … martial law', 'COERCE'], ['declare … state of siege', 'COERCE'],
  ['declare … state of emergency', 'COERCE'], ['reimpose … blockade', 'COERCE'], ['reimpose … blockades', 'COERCE'],
  ['impose … blockade', 'COERCE'], ['board', 'COERCE'], ['intercept', 'COERCE'], ['disperse', 'COERCE'], ['sentence', 'COERCE'],
  ['convict', 'COERCE'], ['take … into custody', 'COERCE'], ['place … under arrest', 'COERCE'], ['put … under house arrest', 'COERCE'], ['evict', 'COERCE'], ['demolish', 'COERCE'], ['shut down', 'COERCE'], ['round up', 'COERCE'],
  ['sack', 'COERCE', false, 'personnel'], ['oust', 'COERCE', false, 'personnel'], ['relieve', 'COERCE', false, 'personnel'],
  ['remove', 'COERCE', false, 'personnel'], ['use tear gas', 'COERCE'],   // ASSAULT
  ['attack', 'ASSAULT'], ['kill', 'ASSAULT'], ['bomb', 'ASSAULT'], ['shell', 'ASSAULT'], ['fire on', 'ASSAULT'], ['fire at', 'ASSAULT'],
  ['open fire', 'ASSAULT'], ['shoot', 'ASSAULT'], ['fire', 'ASSAULT'], ['strike', 'ASSAULT'], ['invade', 'ASSAULT'], ['clash', 'ASSAULT'], ['fight', 'ASSAULT'],
  ['ambush', 'ASSAULT'], ['assassinate', 'ASSAULT'], ['murder', 'ASSAULT'], ['torture', 'ASSAULT'], ['abuse', 'ASSAULT'],
  ['kidnap', 'ASSAULT'], ['abduct', 'ASSAULT'], ['capture', 'ASSAULT'], ['occupy', 'ASSAULT'], ['storm', 'ASSAULT'],
  ['wound', 'ASSAULT'], ['injure', 'ASSAULT'], ['execute', 'ASSAULT'], ['behead', 'ASSAULT'], ['massacre', 'ASSAULT'],
  ['explode … bomb', 'ASSAULT'], ['explode … bombs', 'ASSAULT'], ['detonate', 'ASSAULT'], ['launch … attack', 'ASSAULT'],
  ['launch … attacks', 'ASSAULT'], ['launch … offensive', 'ASSAULT'], ['launch … artillery', 'ASSAULT'], ['launch … strikes', 'ASSAULT'],
  ['carry out … attack', 'ASSAULT'], ['carry out … strikes', 'ASSAULT'], ['shoot down', 'ASSAULT'], ['gun down', 'ASSAULT'],
  ['take … hostage', 'ASSAULT'], ['hold … hostage', 'ASSAULT'], ['rape', 'ASSAULT'], ['beat', 'ASSAULT'],
  ['engage in … ethnic cleansing', 'ASSAULT'], ['violate … ceasefire', 'ASSAULT'], ['violate … cease-fire', 'ASSAULT'],
  ['violate … truce', 'ASSAULT'], ['besiege', 'ASSAULT'], ['overrun', 'ASSAULT'], ['loot', 'ASSAULT'],
  ['bombard', 'ASSAULT'], ['hijack', 'ASSAULT'], ['stab', 'ASSAULT'], ['blow up', 'ASSAULT'], ['firebomb', 'ASSAULT'],
  ['shoot dead', 'ASSAULT'], ['open fire on', 'ASSAULT'], ['fire … rockets at', 'ASSAULT'], ['fire … missiles at', 'ASSAULT'],
];

export const NOUNS: readonly Row[] = [
  ['agreement', 'AGREE'], ['accord', 'AGREE'], ['consensus', 'AGREE'], ['pledge', 'AGREE'], ['offer', 'AGREE'],
  ['talks', 'CONSULT', false, 'meeting'], ['meeting', 'CONSULT', false, 'meeting'], ['summit', 'CONSULT', false, 'meeting'],
  ['visit', 'CONSULT', false, 'visit'], ['negotiations', 'CONSULT', false, 'meeting'], ['mediation', 'CONSULT', false, 'meeting'],
  ['phone call', 'CONSULT', false, 'call'], ['telephone call', 'CONSULT', false, 'call'], ['consultations', 'CONSULT', false, 'meeting'],
  ['letter', 'CONSULT', false, 'letter'], ['warm welcome', 'CONSULT', false, 'visit'],
  ['treaty', 'SUPPORT'], ['apology', 'SUPPORT'], ['endorsement', 'SUPPORT'], ['congratulatory message', 'SUPPORT', false, 'letter'],
  ['message of condolence', 'SUPPORT', false, 'letter'], ['condolences', 'SUPPORT', false, 'letter'],
  ['cooperation', 'COOPERATE'], ['joint patrol', 'COOPERATE'], ['extradition', 'COOPERATE'],
  ['humanitarian aid', 'AID'], ['aid', 'AID'], ['assistance', 'AID'], ['donation', 'AID'], ['asylum', 'AID'], ['loan', 'AID'],
  ['withdrawal', 'RETREAT'], ['pullout', 'RETREAT'], ['ceasefire', 'RETREAT'], ['cease-fire', 'RETREAT'], ['truce', 'RETREAT'],
  ['resignation', 'RETREAT', false, 'personnel'],
  ['amnesty', 'CONCEDE'], ['concession', 'CONCEDE'],
  ['demand', 'REQUEST', G], ['appeal', 'REQUEST', G], ['request', 'REQUEST', G], ['ultimatum', 'THREATEN', G],
  ['accusation', 'ACCUSE', G], ['allegation', 'ACCUSE', G], ['investigation', 'ACCUSE', G], ['probe', 'ACCUSE', G],
  ['condemnation', 'ACCUSE', G], ['criticism', 'ACCUSE', G], ['indictment', 'ACCUSE', G], ['complaint', 'ACCUSE', G],
  ['rejection', 'REJECT', G], ['veto', 'REJECT', G], ['refusal', 'REJECT', G],
  ['threat', 'THREATEN', G], ['warning', 'THREATEN', G],
  ['protest', 'PROTEST'], ['demonstration', 'PROTEST'], ['rally', 'PROTEST'], ['hunger strike', 'PROTEST'], ['general strike', 'PROTEST'],
  ['sit-in', 'PROTEST'], ['march', 'PROTEST'], ['strike', 'PROTEST'], ['riot', 'PROTEST'], ['boycott', 'SANCTION'],
  ['sanctions', 'SANCTION', false, 'sanctions'], ['embargo', 'SANCTION', false, 'sanctions'], ['tariffs', 'SANCTION', false, 'sanctions'],
  ['asset freeze', 'SANCTION', false, 'sanctions'], ['travel ban', 'SANCTION', false, 'sanctions'],
  ['deployment', 'MOBILIZE'], ['mobilization', 'MOBILIZE'], ['mobilisation', 'MOBILIZE'], ['military exercise', 'MOBILIZE', false, 'drill'],
  ['military exercises', 'MOBILIZE', false, 'drill'], ['drills', 'MOBILIZE', false, 'drill'], ['war games', 'MOBILIZE', false, 'drill'],
  ['joint exercises', 'MOBILIZE', false, 'drill'], ['naval exercises', 'MOBILIZE', false, 'drill'], ['missile launch', 'MOBILIZE', false, 'launch'],
  ['missile test', 'MOBILIZE', false, 'launch'], ['missile launches', 'MOBILIZE', false, 'launch'], ['launch', 'MOBILIZE', false, 'launch'],
  ['arrest', 'COERCE'], ['detention', 'COERCE'], ['crackdown', 'COERCE'], ['curfew', 'COERCE'], ['blockade', 'COERCE'],
  ['martial law', 'COERCE'], ['state of siege', 'COERCE'], ['seizure', 'COERCE'], ['raid', 'COERCE'], ['expulsion', 'COERCE'],
  ['deportation', 'COERCE'], ['dismissal', 'COERCE', false, 'personnel'], ['ouster', 'COERCE', false, 'personnel'],
  ['attack', 'ASSAULT'], ['bombing', 'ASSAULT'], ['airstrike', 'ASSAULT'], ['air strike', 'ASSAULT'], ['air raid', 'ASSAULT'],
  ['drone strike', 'ASSAULT'], ['missile strike', 'ASSAULT'], ['shelling', 'ASSAULT'], ['offensive', 'ASSAULT'], ['assault', 'ASSAULT'],
  ['invasion', 'ASSAULT'], ['massacre', 'ASSAULT'], ['ambush', 'ASSAULT'], ['gunbattle', 'ASSAULT'], ['gun battle', 'ASSAULT'],
  ['clashes', 'ASSAULT'], ['fighting', 'ASSAULT'], ['car bomb', 'ASSAULT'], ['suicide bombing', 'ASSAULT'], ['assassination', 'ASSAULT'],
  ['ethnic cleansing', 'ASSAULT'], ['killing', 'ASSAULT'], ['kidnapping', 'ASSAULT'], ['explosion', 'ASSAULT'], ['torture', 'ASSAULT'],
];

export type { Row as TriggerRow };

/** Newsroom boilerplate that contains a trigger word but reports no event ("did not respond to a request for comment"). */
export const BOILERPLATE: readonly string[] = [
  'request for comment', 'requests for comment', 'requests to comment', 'asked for comment', 'declined to comment', 'refused to comment',
  'declined a request', 'did not respond', 'could not be reached', 'on condition of anonymity',
];

/**
 * Verbs that carry an event noun ("staged a hunger strike", "issued an ultimatum", "held talks"): an event
 * noun counts as a trigger only after one of these, after its actor's possessive ("Iraq's offer"), or with
 * its agent ("an attack by rebels").
 */
export const LIGHT_VERBS: readonly string[] = [
  'hold', 'stage', 'launch', 'issue', 'make', 'sign', 'reach', 'impose', 'announce', 'begin', 'start', 'conduct', 'carry',
  'lodge', 'file', 'host', 'attend', 'open', 'give', 'offer', 'extend', 'order', 'call', 'go', 'join', 'organize', 'organise',
  'mount', 'deliver', 'send', 'provide', 'grant', 'declare', 'resume', 'renew', 'continue', 'complete', 'approve', 'accept',
  'hold', 'have', 'seek', 'deny', 'reject', 'end', 'break', 'lead', 'chair', 'convene', 'request', 'demand', 'agree', 'plan',
  'prepare', 'unveil', 'pledge', 'promise', 'deploy', 'expand', 'step', 'intensify', 'escalate', 'tighten', 'reimpose', 'enforce',
  'receive', 'welcome', 'back', 'support', 'oppose', 'criticize', 'criticise', 'condemn', 'face', 'suffer', 'survive', 'resort',
  'use', 'take', 'press', 'push', 'speed', 'accelerate', 'complete', 'finish', 'order', 'halt', 'stop', 'keep', 'maintain', 'lift', 'ease', 'suspend', 'cancel', 'postpone', 'approve', 'block',
];


/**
 * Verbs whose base and -s forms are everyday nouns or adjectives ("the press", "free to leave", "in March"):
 * they count as triggers only as -ed/-ing forms or after "to", a modal or "not".
 */
export const NOUN_LIKE_VERBS: ReadonlySet<string> = new Set([
  'back', 'press', 'fire', 'free', 'return', 'help', 'target', 'question', 'board', 'march', 'rally', 'beat', 'block', 'fight',
  'push', 'charge', 'remove', 'arm', 'patrol', 'sentence', 'shell', 'talk', 'lift', 'host', 'ease', 'release', 'ban', 'raid',
  'visit', 'supply', 'fund', 'finance', 'shoot', 'strike', 'attack', 'protest', 'demand', 'request', 'appeal', 'offer', 'support',
  'sanction', 'embargo', 'boycott', 'veto', 'probe', 'threaten', 'riot', 'abuse', 'torture', 'murder', 'ambush', 'massacre',
  'bomb', 'clash', 'seize', 'storm', 'wound', 'hail', 'welcome', 'picket', 'sign', 'phone', 'telephone', 'mediate', 'aid',
  'pressure', 'relax', 'pardon', 'yield', 'complain', 'fault', 'jail', 'deal', 'meet', 'hack', 'kill', 'arrest', 'detain',
  'crack down', 'deploy', 'launch', 'reinforce', 'plead', 'sue', 'slam', 'blame', 'reject', 'refuse',
]);
