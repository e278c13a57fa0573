/** Context words that tell whether a capital or seat of government acts ("Moscow denied") or is a place ("talks in Moscow"). */

/** Verbs (as written, lower-case) whose subject is an actor. */
export const ACTOR_VERBS: ReadonlySet<string> = new Set([
  'said', 'says', 'say', 'denied', 'denies', 'deny', 'accused', 'accuses', 'warned', 'warns', 'announced', 'announces',
  'rejected', 'rejects', 'condemned', 'condemns', 'responded', 'responds', 'insisted', 'insists', 'claimed', 'claims',
  'urged', 'urges', 'called', 'calls', 'demanded', 'demands', 'threatened', 'threatens', 'agreed', 'agrees', 'signed',
  'signs', 'sanctioned', 'imposed', 'imposes', 'launched', 'launches', 'expelled', 'expels', 'wants', 'wanted',
  'hopes', 'hoped', 'believes', 'believed', 'argued', 'argues', 'blamed', 'blames', 'criticised', 'criticized',
  'criticises', 'criticizes', 'welcomed', 'welcomes', 'praised', 'praises', 'vowed', 'vows', 'pledged', 'pledges',
  'promised', 'promises', 'refused', 'refuses', 'dismissed', 'dismisses', 'confirmed', 'confirms', 'declined',
  'declines', 'sent', 'sends', 'deployed', 'deploys', 'recalled', 'recalls', 'summoned', 'summons', 'protested',
  'protests', 'proposed', 'proposes', 'offered', 'offers', 'retaliated', 'retaliates', 'struck', 'strikes',
  'attacked', 'attacks', 'backed', 'backs', 'supports', 'supported', 'opposes', 'opposed', 'insisted', 'maintains',
  'maintained', 'stated', 'states', 'told', 'tells', 'asked', 'asks', 'reacted', 'reacts', 'moved', 'moves',
  'decided', 'decides', 'ordered', 'orders', 'suspended', 'suspends', 'halted', 'halts', 'froze', 'freezes',
  'fired', 'fires', 'tested', 'tests', 'banned', 'bans', 'approved', 'approves', 'vetoed', 'vetoes', 'hit',
  'insists', 'added', 'adds', 'noted', 'notes', 'stressed', 'stresses', 'signalled', 'signaled', 'signals',
  'has', 'have', 'had', 'is', 'was', 'will', 'would', 'could', 'may', 'might', 'must', 'should', 'cannot', "won't",
]);

/** Nouns after "X's" that make X an actor ("Moscow's response"). */
export const ACTOR_POSSESSIONS: ReadonlySet<string> = new Set([
  'decision', 'response', 'reaction', 'move', 'position', 'stance', 'policy', 'policies', 'plan', 'plans', 'proposal',
  'demand', 'demands', 'refusal', 'warning', 'warnings', 'claim', 'claims', 'accusation', 'accusations', 'envoy',
  'ambassador', 'officials', 'government', 'leadership', 'approach', 'offer', 'threat', 'threats', 'strategy',
  'ally', 'allies', 'support', 'backing', 'position', 'objections', 'denial', 'statement', 'invasion', 'troops',
  'forces', 'military', 'sanctions', 'diplomats', 'delegation', 'negotiators', 'request', 'insistence', 'intentions',
]);

/** Words before a name that make it an actor ("talks with Moscow", "accused Beijing"). */
export const ACTOR_PRECEDERS: ReadonlySet<string> = new Set([
  'with', 'against', 'between', 'urged', 'accused', 'warned', 'pressed', 'told', 'asked', 'blamed', 'criticised',
  'criticized', 'condemned', 'sanctioned', 'persuade', 'pressure', 'pressured', 'convince', 'ally', 'allies', 'by',
  'toward', 'towards', 'on', 'upon', 'rebuked', 'thanked', 'praised', 'joined', 'backed', 'supported', 'opposed',
]);

/** Words before a name that make it a place ("in Moscow"). */
export const PLACE_PRECEDERS: ReadonlySet<string> = new Set([
  'in', 'at', 'from', 'to', 'near', 'outside', 'inside', 'into', 'across', 'around', 'of', 'via', 'over', 'through',
  'visit', 'visited', 'visiting', 'visits', 'arrived', 'flew', 'travelled', 'traveled', 'left', 'reached', 'toured',
  'downtown', 'central', 'northern', 'southern', 'eastern', 'western', 'suburban', 'within', 'above', 'beyond',
]);

/** Determiners skipped when reading a name's left context ("in the Kremlin"). */
export const DETERMINERS: ReadonlySet<string> = new Set(['the', 'a', 'an', 'its', 'his', 'her', 'their', 'our']);

/**
 * Family names that East Asian copy writes first ("Moon Jae-in", "Xi Jinping"); a lone surname matches
 * the first token of a full name only when that token is one of these or the given name is hyphenated.
 */
export const FAMILY_NAME_FIRST: ReadonlySet<string> = new Set([
  // Korean
  'kim', 'lee', 'park', 'choi', 'jung', 'chung', 'kang', 'cho', 'yoon', 'yun', 'jang', 'lim', 'han', 'oh', 'seo', 'shin',
  'kwon', 'hwang', 'ahn', 'song', 'ryu', 'jeon', 'hong', 'ko', 'moon', 'yang', 'son', 'bae', 'baek', 'heo', 'yoo', 'nam',
  'roh', 'ha', 'ban', 'ri', 'pak', 'chae', 'hyun', 'ju',
  // Chinese
  'xi', 'li', 'wang', 'zhang', 'liu', 'chen', 'zhao', 'huang', 'zhou', 'wu', 'xu', 'sun', 'hu', 'zhu', 'gao', 'lin', 'he',
  'guo', 'ma', 'luo', 'liang', 'song', 'zheng', 'xie', 'han', 'tang', 'feng', 'yu', 'dong', 'xiao', 'cheng', 'cao',
  'yuan', 'deng', 'fu', 'shen', 'zeng', 'peng', 'lu', 'su', 'jiang', 'cai', 'jia', 'ding', 'wei', 'ye', 'yan', 'pan',
  'du', 'dai', 'xia', 'zhong', 'tian', 'ren', 'fan', 'fang', 'shi', 'yao', 'tan', 'liao', 'zou', 'xiong', 'jin', 'qin',
  'qian', 'wen', 'mao', 'bo', 'kong',
  // Vietnamese
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong',
]);
