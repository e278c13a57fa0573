/**
 * Titles and roles written next to names ("President Moon Jae-in", "Elysee spokesman Gabriel Attal"),
 * with the CAMEO-style sector each implies. Keys are lower-case; multi-word roles are space-joined.
 */
export const ROLE_SECTORS: ReadonlyMap<string, string> = new Map([
  // government
  ['president', 'GOV'], ['vice president', 'GOV'], ['prime minister', 'GOV'], ['premier', 'GOV'], ['chancellor', 'GOV'],
  ['minister', 'GOV'], ['foreign minister', 'GOV'], ['defence minister', 'GOV'], ['defense minister', 'GOV'],
  ['interior minister', 'GOV'], ['finance minister', 'GOV'], ['unification minister', 'GOV'], ['deputy minister', 'GOV'],
  ['vice minister', 'GOV'], ['vice foreign minister', 'GOV'], ['secretary', 'GOV'], ['secretary of state', 'GOV'],
  ['foreign secretary', 'GOV'], ['home secretary', 'GOV'], ['defence secretary', 'GOV'], ['defense secretary', 'GOV'],
  ['press secretary', 'GOV'], ['secretary-general', 'GOV'], ['secretary general', 'GOV'], ['spokesman', 'GOV'],
  ['spokeswoman', 'GOV'], ['spokesperson', 'GOV'], ['official', 'GOV'], ['envoy', 'GOV'], ['special envoy', 'GOV'],
  ['ambassador', 'GOV'], ['diplomat', 'GOV'], ['negotiator', 'GOV'], ['chief negotiator', 'GOV'], ['nuclear envoy', 'GOV'],
  ['governor', 'GOV'], ['mayor', 'GOV'], ['king', 'GOV'], ['queen', 'GOV'], ['prince', 'GOV'], ['crown prince', 'GOV'],
  ['emir', 'GOV'], ['sultan', 'GOV'], ['leader', 'GOV'], ['supreme leader', 'GOV'], ['chairman', 'GOV'], ['adviser', 'GOV'],
  ['advisor', 'GOV'], ['national security adviser', 'GOV'], ['chief of staff', 'GOV'], ['head of state', 'GOV'],
  ['pres.', 'GOV'], ['gov.', 'GOV'],
  // legislature
  ['senator', 'LEG'], ['sen.', 'LEG'], ['congressman', 'LEG'], ['congresswoman', 'LEG'], ['representative', 'LEG'],
  ['rep.', 'LEG'], ['lawmaker', 'LEG'], ['legislator', 'LEG'], ['mp', 'LEG'], ['speaker', 'LEG'], ['deputy', ''],
  ['parliamentarian', 'LEG'],
  // military
  ['general', 'MIL'], ['gen.', 'MIL'], ['admiral', 'MIL'], ['adm.', 'MIL'], ['colonel', 'MIL'], ['col.', 'MIL'],
  ['lieutenant', 'MIL'], ['lt.', 'MIL'], ['major', 'MIL'], ['maj.', 'MIL'], ['captain', 'MIL'], ['capt.', 'MIL'],
  ['sergeant', 'MIL'], ['sgt.', 'MIL'], ['commander', 'MIL'], ['field marshal', 'MIL'], ['marshal', 'MIL'],
  ['lieutenant general', 'MIL'], ['major general', 'MIL'], ['brigadier general', 'MIL'], ['army chief', 'MIL'],
  ['military spokesman', 'MIL'], ['defence chief', 'MIL'], ['soldier', 'MIL'],
  // police, justice
  ['police chief', 'COP'], ['police commissioner', 'COP'], ['inspector', 'COP'], ['detective', 'COP'], ['officer', 'COP'],
  ['judge', 'JUD'], ['justice', 'JUD'], ['prosecutor', 'JUD'], ['attorney general', 'JUD'], ['chief justice', 'JUD'],
  // others
  ['opposition leader', 'OPP'], ['rebel leader', 'REB'], ['rebel commander', 'REB'], ['militant', 'REB'],
  ['journalist', 'MED'], ['reporter', 'MED'], ['correspondent', 'MED'], ['editor', 'MED'], ['anchor', 'MED'],
  ['chief executive', 'BUS'], ['ceo', 'BUS'], ['executive', 'BUS'], ['founder', 'BUS'], ['analyst', 'EDU'],
  ['professor', 'EDU'], ['prof.', 'EDU'], ['researcher', 'EDU'], ['scholar', 'EDU'], ['expert', 'EDU'],
  ['activist', 'NGO'], ['campaigner', 'NGO'], ['director', ''], ['director general', ''], ['director-general', ''],
  ['head', ''], ['chief', ''], ['spokesperson', 'GOV'], ['bishop', 'REL'], ['pope', 'REL'], ['cardinal', 'REL'],
  ['rabbi', 'REL'], ['imam', 'REL'], ['cleric', 'REL'], ['ayatollah', 'REL'], ['dr.', ''], ['doctor', 'HLH'],
]);

/** Words that may precede a role without being one ("former", "deputy", "acting" …). */
export const ROLE_MODIFIERS: ReadonlySet<string> = new Set([
  'former', 'ex', 'acting', 'deputy', 'vice', 'senior', 'top', 'chief', 'then', 'outgoing', 'incoming', 'interim',
  'new', 'late', 'presidential', 'foreign', 'defence', 'defense', 'military', 'government', 'ministry', 'party',
  'first', 'assistant', 'associate', 'principal', 'lead', 'state', 'national', 'army', 'navy', 'police', 'opposition',
]);

/** Honorifics that mark a person but are not a role. Compared lower-case, with or without a period. */
export const HONORIFICS: ReadonlySet<string> = new Set([
  'mr', 'mr.', 'mrs', 'mrs.', 'ms', 'ms.', 'miss', 'mx', 'mx.', 'sir', 'dame', 'lord', 'lady', 'madam', 'mme', 'mme.',
  'm.', 'herr', 'frau', 'monsieur', 'madame', 'señor', 'senor', 'sheikh', 'comrade',
]);

/**
 * Nouns that, right after a country adjective or name, say which part of the state acts
 * ("Russian troops", "Chinese officials"); used for the sector of NORP/GPE mentions.
 */
export const GROUP_SECTORS: ReadonlyMap<string, string> = new Map([
  ['government', 'GOV'], ['officials', 'GOV'], ['official', 'GOV'], ['authorities', 'GOV'], ['ministry', 'GOV'],
  ['diplomats', 'GOV'], ['leaders', 'GOV'], ['leader', 'GOV'], ['leadership', 'GOV'], ['administration', 'GOV'],
  ['regime', 'GOV'], ['president', 'GOV'], ['foreign ministry', 'GOV'], ['embassy', 'GOV'], ['delegation', 'GOV'],
  ['military', 'MIL'], ['army', 'MIL'], ['troops', 'MIL'], ['forces', 'MIL'], ['soldiers', 'MIL'], ['navy', 'MIL'],
  ['warships', 'MIL'], ['jets', 'MIL'], ['air force', 'MIL'], ['defence ministry', 'MIL'], ['defense ministry', 'MIL'],
  ['police', 'COP'], ['lawmakers', 'LEG'], ['parliament', 'LEG'], ['legislators', 'LEG'], ['media', 'MED'],
  ['state media', 'MED'], ['journalists', 'MED'], ['rebels', 'REB'], ['insurgents', 'REB'], ['militants', 'REB'],
  ['protesters', 'CVL'], ['civilians', 'CVL'], ['citizens', 'CVL'], ['refugees', 'REF'], ['businesses', 'BUS'],
  ['companies', 'BUS'], ['firms', 'BUS'], ['courts', 'JUD'], ['court', 'JUD'], ['prosecutors', 'JUD'],
  ['intelligence', 'SPY'], ['spy agency', 'SPY'], ['opposition', 'OPP'],
]);

/** Tail words of CoNLL LOC names that are geographic features (LOC), not political units (GPE). */
export const GEO_FEATURE_WORDS: ReadonlySet<string> = new Set([
  'river', 'sea', 'ocean', 'mountains', 'mountain', 'mount', 'mt', 'mt.', 'strait', 'straits', 'gulf', 'bay', 'peninsula',
  'island', 'islands', 'isles', 'lake', 'valley', 'desert', 'canal', 'coast', 'plain', 'plains', 'plateau', 'range',
  'basin', 'delta', 'channel', 'sound', 'cape', 'hills', 'hill', 'forest', 'glacier', 'reef', 'border', 'zone',
  'dmz', 'corridor', 'pass', 'falls', 'highlands', 'steppe', 'archipelago', 'atoll', 'volcano', 'square', 'street',
  'avenue', 'airport', 'bridge', 'harbour', 'harbor', 'port',
]);

/** Role words that are also ordinary words; they count as a title before a name only when capitalized. */
export const CAPITALIZED_ROLES: ReadonlySet<string> = new Set([
  'general', 'major', 'captain', 'marshal', 'queen', 'king', 'prince', 'justice', 'speaker', 'anchor', 'head', 'chief',
  'leader', 'executive', 'officer', 'director', 'deputy', 'representative', 'doctor',
]);
