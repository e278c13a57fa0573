/**
 * Words that tell what kind of statement a quote is, read from its own words (the speech verb is read apart, from
 * `cues.ts`). General English, by definition of each stance or non-claim:
 * - a statement that is no claim: a question put, thanks, greetings, wishes and feelings, an exhortation;
 * - an accusation: the statement charges someone with wrongdoing, fault or blame;
 * - a denial: the statement rejects a proposition as untrue;
 * - a promise or threat: the speaker (or those it speaks for) commits to a future act; a threat, to harming a target.
 */

/** Openings of thanks, greetings, wishes, condolences and feelings: reactions, not checkable statements. */
export const EXPRESSIVE_OPENING =
  /^(?:(?:and|but|so|oh|well)\s+)?(?:thank(?:s| you)|congratulations|welcome|good (?:morning|afternoon|evening|night)|happy|merry|cheers|to your health|god bless|rest in peace|may (?:god|he|she|they)|long live|bravo|hooray|hello|goodbye|farewell|our (?:thoughts|prayers|hearts|condolences|deepest)|(?:i|we)(?:'m|'re| am| are| was| were| feel| felt)\s+(?:so |very |deeply |truly |really |just )?(?:sad|saddened|devastated|heartbroken|shocked|grateful|thankful|proud|delighted|pleased|honou?red|happy|thrilled|glad|sorry|concerned|worried|alarmed|disappointed|moved|touched|humbled|excited|speechless|stunned)|it leaves us)\b/i;

/**
 * A dedication or toast: "To the friendship of our peoples!", "To peace": what is toasted, no proposition (short,
 * with no verb of being or auxiliary; "To be clear, …" and longer sentences are read as statements).
 */
export const DEDICATION = /^To (?:the|our|your|his|her|their|a|an|\p{Lu})/u;
export const DEDICATION_MAX_WORDS = 8;
export const AUXILIARY = /\b(?:is|are|was|were|be|been|will|would|shall|has|have|had|can|could|must|should)\b/i;

/** Openings of an exhortation or request: "let's …", "please …", "do not …". */
export const EXHORTATION_OPENING =
  /^(?:(?:and|but|so)\s+)?(?:let's|let us|please|don't|do not|do n't|go|vote|stop|come on|join|remember|look at|listen|imagine|decide)\b/i;

/** Words that charge someone with wrongdoing, fault or blame. */
export const WRONGDOING =
  /\b(?:blame[sd]?|blaming|fault|faulty|responsible|responsibility|liable|negligen(?:t|ce)|reckless(?:ly)?|fail(?:ed|ure|ures|s|ing)?|lie[sd]?|lying|liars?|corrupt(?:ion)?|fraud(?:ulent)?|cheat(?:ed|ing)?|illegal(?:ly)?|crim(?:e|es|inal)|cover(?:ed)?[- ]up|hid(?:e|es|den|ing)?|conceal(?:ed|ing)?|shirk(?:ed|ing)?|cut(?:ting)? corners|misl(?:ed|ead|eading)|abuse[sd]?|abusing|murder(?:ed|er|s)?|kill(?:ed|s|ing)?|deliberately|on purpose|intentionally|cover(?:ed|ing)? (?:it|this|that) up|incompeten(?:t|ce)|disgrace(?:ful)?|betray(?:ed|al)?|wrongdoing|misconduct|scandal|charlatan|quack|sham|hoax|scam)\b/i;

/**
 * A statement rejecting a proposition as untrue: called untrue or baseless; no evidence for it; something "not the
 * cause" or "in no way" what is charged, or "not technically" a wrongdoing named (a crime, a breach, a raid: the
 * charge's own word rejected; "it isn't really a surprise" rejects nothing charged); the act called "an accident"
 * or "accidental" (the speaker rejecting intent: "it was an accident"; a narrated "accidentally shot" rejects
 * nothing) or done in self-defence; one's own words "sarcasm" or "a joke" (rejecting their literal sense); "not
 * guilty". "false" rejects when said of a statement ("that is false", "false claims"), not in "false hope".
 */
export const DENIAL =
  /\b(?:no (?:direct |hard |credible |real )?evidence|not (?:the|a) (?:root |main |primary |direct )?cause|in no way|makes? no sense|not guilty|(?:not|[a-z]*n't) technically (?:an? )?(?:crime|felony|misdemeanou?r|offen[cs]e|violation|breach|bribe|lie|theft|fraud|assault|attack|raid|invasion|coup)s?|(?:was|were|is|are|it's|'s)\s+(?:(?:just|only|purely|simply|entirely|completely|totally|all)\s+)?(?:an accident|accidental)|by accident|in self-defen[cs]e|(?:was|were|is|it's) (?:just |only |pure |merely )?(?:sarcasm|sarcastic|a joke|joking|kidding)|(?:is|was|are|were|'s|'re)\s*(?:not|n't)\s+(?:true|correct|accurate|the case)|untrue|not true|nonsense|baseless|groundless|unfounded|(?:is|are|was|were|['’]s|totally|completely|entirely|simply|patently|demonstrably)\s+false|false(?:hoods?|\s+(?:claims?|allegations?|accusations?|charges?|reports?|statements?|stor(?:y|ies)|information|narrative))|no evidence|no basis|no truth|categorically|ridiculous|absurd|nothing (?:to do with|there)|(?:never|not|n't) (?:prescribed|administered|gave|given|did|done|said|told|hid|knew|happened)|had no (?:role|part|knowledge)|was not (?:responsible|involved|to blame)|(?:is|was|are|were)\s*(?:not|n't)\s+(?:responsible|to blame|involved))\b/i;

/** A commitment of the speaker's side: "we will …", "I'll …", "we are going to …", "the company will …". */
export const COMMITMENT =
  /\b(?:i|we|the company|our (?:company|government|party|campaign|team|country))\s*(?:'ll|will|shall|wo\s?n't|won't|(?:are|am|'re|'m)\s+going\s+to|intend\s+to|pledge\s+to|promise\s+to|vow\s+to)\b/i;

/** Future acts of harm: with a commitment, a threat. */
export const HARM =
  /\b(?:bomb|attack|strike|punish|retaliat\w*|destroy|hit back|crush|wipe out|sanction\w*|sue|prosecute|arrest|pay a (?:heavy )?price|consequences|respond (?:with|forcefully|militarily)|no excuse)\b/i;

/**
 * A fragment with no verb says nothing that can be checked: "quite carefully", "a shaky state of the harbour",
 * "as a rusty wreck", a dish's name. Up to this many words, an assertion with none of the marks of a verb below is a
 * description or a label taken out of its sentence, not a proposition.
 */
export const FRAGMENT_MAX_WORDS = 6;
/**
 * Marks of a verb in a short fragment: an auxiliary or modal, a negation, a subject pronoun followed by a word ("they
 * listen"), or a frequent irregular past (the verbs of English whose past does not end in -ed). Forms in -ed and -ing
 * are weighed apart, by `hasVerbMark`.
 */
const VERB_MARK =
  /n't\b|\b(?:is|are|was|were|be|been|being|am|(?:it|that|there|here|what|who|he|she)['’]s|'re|'m|will|would|shall|should|can|could|may|might|must|has|have|had|do|does|did|not|never|(?:i|we|you|they|he|she|it)\s+\p{L}+|said|told|went|came|made|took|gave|got|saw|knew|thought|found|left|put|set|kept|held|ran|sent|began|won|lost|met|paid|sold|fell|hit|cut|shot|fled|fought|led|built|bought|brought|caught|stood|spoke|wrote|broke|chose|drove|flew|grew|threw|meant|felt|heard|let|read|spent|struck|rose|sank|stole|swore|hid|bit|lay|laid|sat|slept|wore|won't|can't)\b/iu;

/**
 * Cues that name or describe ("called him a liar", "described the talks as frank"): the words reported are the
 * predicate of a clause whose verb is the cue, so a verbless fragment after them is still a proposition.
 */
export const NAMING_CUE =
  /^(?:call(?:s|ed|ing)?|describ(?:e|es|ed|ing)|label(?:s|l?ed|l?ing)?|brand(?:s|ed|ing)?|dub(?:s|bed|bing)?|term(?:s|ed|ing)?)$/i;

/** A word in -ed or -ing: a participle or a past, unless one of the cases `hasVerbMark` sets aside. */
const ED_ING = /\p{L}{2,}(?:ed|ing)$/u;

/**
 * Words in -ed or -ing that are no verb form in general English: the ending is part of the stem (there is no verb
 * "morn" or "hundr"), or the word is only a noun, an adjective, an adverb or a preposition ("during", "according to").
 */
const NOT_VERB_FORMS: ReadonlySet<string> = new Set([
  'thing',
  'things',
  'nothing',
  'something',
  'anything',
  'everything',
  'morning',
  'evening',
  'ceiling',
  'spring',
  'string',
  'hundred',
  'during',
  'according',
  'notwithstanding',
  'indeed',
  'sacred',
  'naked',
  'wicked',
  'rugged',
  'ragged',
  'beloved',
  'kindred',
]);

/**
 * Determiners that are never pronouns: the word right after one heads or modifies a noun phrase ("the building", "a
 * meeting", "his wedding"), so an -ing form there is a noun or an adjective, and so is an -ed form with a word after
 * it ("the damaged hull"; "the wounded" alone may be a clause cut short). "that", "this", "some", "her" and the like
 * are left out: as pronouns they can be a clause's subject ("that happened twice", "some resigned").
 */
const DETERMINER: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'my',
  'your',
  'his',
  'its',
  'our',
  'their',
  'every',
  'no',
  'another',
]);

/**
 * True when a short fragment has a mark of a verb: one of `VERB_MARK`, or a word in -ed or -ing that can be a verb
 * form there ("the pier collapsed", "sinking fast", "that happened twice"). Set aside: words that only look like one
 * (`NOT_VERB_FORMS`), hyphenated compounds ("fast-growing", "long-awaited": modifiers), capitalized words after the
 * first (names: "talks in Reading"), and forms right after a determiner (`DETERMINER`).
 */
export function hasVerbMark(text: string): boolean {
  if (VERB_MARK.test(text)) return true;
  const words = text.split(/[^\p{L}\p{M}'’-]+/u).filter((w) => w !== '');
  for (let i = 0; i < words.length; i++) {
    const raw = words[i]!;
    const w = raw.toLowerCase();
    if (!ED_ING.test(w) || NOT_VERB_FORMS.has(w) || w.includes('-')) continue;
    if (i > 0 && /^\p{Lu}/u.test(raw)) continue;
    const prev = words[i - 1]?.toLowerCase();
    if (prev !== undefined && DETERMINER.has(prev) && (w.endsWith('ing') || i + 1 < words.length)) continue;
    return true;
  }
  return false;
}

/**
 * Founding, creating, recruiting for, sponsoring, funding, arming or harbouring a group. Charged to a party with an
 * armed group named (below), it is a charge of aiding that group — in CAMEO's terms an accusation (112: of crime, of
 * treason), not a neutral fact about the speaker's world.
 */
export const AIDS_GROUP =
  /\b(?:co-?found(?:er|ers|ed|ing)?|found(?:er|ers|ed|ing)|creat(?:ed|or|ors|ing)|recruit(?:er|ers|s|ed|ing)?|sponsor(?:s|ed|ing)?|fund(?:s|ed|ing)|financ(?:es|ed|ing|ier)|arming|harbou?r(?:s|ed|ing)|shelter(?:s|ed|ing))\b/i;

/** Common nouns of armed non-state groups (CAMEO sectors REB, INS, UAF: rebels, insurgents, unaligned armed forces). */
export const ARMED_GROUP_WORDS =
  /\b(?:terrorists?|terror (?:group|groups|network|cell|organi[sz]ation)|militants?|militias?|insurgen(?:ts?|cy)|jihadists?|guerrillas?|rebels?)\b/i;

/** Actor-code sectors of armed non-state groups in CAMEO: rebels, insurgents, unaligned armed forces. */
export const ARMED_SECTORS: readonly string[] = ['REB', 'INS', 'UAF'];

/**
 * Harm someone can be blamed for: a danger, a risk, damage. With a cause named (below) and an actor in the statement,
 * the statement holds that actor responsible for the harm — blame by definition ("to hold responsible for something
 * bad").
 */
export const HARM_NOUN = /\b(?:danger(?:s|ous)?|risks?|harm|damage|peril|less safe|unsafe)\b/i;
/** Words of causing or making worse: "because of", "due to", "caused", "made … a danger", "raised the risk". */
export const CAUSE =
  /\b(?:because of|due to|caus(?:e|es|ed|ing)|made|mak(?:e|es|ing)|put(?:s|ting)?|elevat(?:e|es|ed|ing)|increas(?:e|es|ed|ing)|rais(?:e|es|ed|ing)|heighten(?:s|ed|ing)?|endanger(?:s|ed|ing)?|worsen(?:s|ed|ing)?)\b/i;

/**
 * A defence of compliance: the work done as prescribed (by the customary practice of a trade, a specification,
 * instructions, the rules) or at another's direction. Acting as prescribed is what rebuts a charge of fault (in
 * negligence, conformity with the customary practice of a trade is evidence of due care), so the statement rejects
 * the charge: a denial.
 */
export const COMPLIANCE =
  /\b(?:(?:according to|in accordance with|in line with|in compliance with|consistent with)\s+(?:[\p{L}'’-]+\s+){0,3}?(?:practices?|standards?|specifications?|instructions?|regulations?|procedures?|guidelines?|rules|protocols?)|at the (?:direction|request|instruction|behest) of)\b/iu;

/** Volition: "we want to …", "I wish …", "we hope …" — a wish, not a checkable statement. */
/**
 * A first-person statement of opinion or feeling: "I think …", "we really love …", "I felt …" — a private verb of
 * attitude or cognition with the speaker as its subject (English grammar's private verbs; ClaimBuster's non-factual
 * sentences: opinions, beliefs, feelings). What follows may still hold a checkable fact (a number, a named actor).
 */
export const OPINION_OPENING =
  /^(?:(?:and|but|so|well|oh|look|frankly|honestly|personally),?\s+)?(?:i|we)\s+(?:\p{L}+ly\s+)?(?:just\s+|really\s+|still\s+|do\s+|did\s+)?(?:think|thought|believe|believed|feel|felt|guess|suppose|love|loved|like|liked|enjoy|enjoyed|hate|hated|admire|adore|prefer|doubt|reckon|imagine|consider|find|found it)\b/iu;

/**
 * An evaluation of what the talk is about: "it's a great dish", "that was wonderful", "this is so sad" — "it", "this",
 * "that" or "there" with a form of "be" opening the statement (the test for `hasVerbMark` then reads the rest).
 */
export const EVALUATION_OPENING =
  /^(?:(?:and|but|so|well|oh),?\s+)?(?:it|this|that|these|those|there)\s*(?:['’]s|is|was|are|were|has been|will be|would be)\s+/iu;

/**
 * A number or quantity: digits, a cardinal word, a fraction or multiple, a percentage (ClaimBuster's strongest mark
 * of a check-worthy factual sentence is a cardinal number).
 */
export const QUANTITY =
  /\d|\b(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundreds?|thousands?|millions?|billions?|dozens?|percent|per cent|half|twice|thrice|quarter)\b/iu;

export const VOLITION =
  /^(?:(?:and|but|so)\s+)?(?:i|we)\s+(?:just\s+|really\s+|only\s+|all\s+)?(?:want|wish|hope)\b(?!\s+to\s+(?:make (?:it )?clear|say|stress|emphasi[sz]e|be clear|point out|note|reiterate)\b)/i;

/**
 * A counterfactual of one sentence: a modal perfect ("would have sailed", "would have been alive") speaks of what did
 * not happen — an unreal past in English grammar, a musing, not a checkable statement. "would have to" is obligation
 * and stays.
 */
export const COUNTERFACTUAL =
  /^(?:[\p{L}'’]+\s+){1,3}(?:would|could|might)(?:\s+not|n['’]t)?\s+have\s+(?!to\b)\p{L}+/iu;

/**
 * An instruction to the hearer: "you" with a modal of obligation or prohibition ("you must …", "you may not …", "you
 * should …") directs the addressee; it tells them what to do, it asserts nothing checkable.
 */
export const DIRECTIVE =
  /^(?:(?:and|but|so)\s+)?you\s+(?:must|mustn['’]t|may not|should(?:n['’]t)?|shall|have to|need to|are (?:not )?to)\b/i;

/**
 * In reported speech, "he would …", "she will …", "it will …" at the head of the reported clause: the speaker's own
 * future act told in the third person (backshift of "I will"), so a commitment like "we will" in a direct quote.
 * A condition or an adverbial may stand before ("if elected, she would …", "on his trip, he would …"). Left out: "would have" (a counterfactual), "would be" (a state or a passive: "he would be charged" is done to him), verbs that
 * predict rather than commit ("it would take months", "it will cost", "he would become"), and "it will be" (a
 * prediction about a state of things, the reading of "it" as a situation).
 */
export const REPORTED_COMMITMENT =
  /^(?:[^,]{1,160},\s*)?(?:(?:he|she)\s+(?:would|will|shall|['’]d|['’]ll)|it\s+(?:would|will|shall|['’]ll)(?!(?:\s+not|n['’]t)?\s+be\b))(?:\s+not|n['’]t)?\s+(?:never\s+)?(?!(?:have|be|take|cost|seem|become|happen|mean|depend|remain|require|lead|result|cause|get|likely|probably)\b)\p{L}+/iu;

/** An indirect yes/no question: the reported clause opens with "whether" — doubt cast, not an assertion. */
export const WHETHER = /^(?:(?:about|on|of|as to)\s+)?whether\b/i;

/**
 * A generalization with the generic "you" ("if you sail in winter, a storm is no surprise", "when you lose, you learn"): a
 * maxim about anyone, not a statement about someone in particular. "if you look at …", "if you ask me" are
 * discourse openers before a statement and are left out.
 */
export const GENERIC_CONDITION =
  /^(?:[^,:]{0,30}:\s*)?(?:if|when|whenever)\s+you\s+(?!(?:look|ask|think|consider|listen|read|see|check|remember|recall|compare)\b)\p{L}+/iu;

/** A simile that is the whole statement ("it's like a ship without a rudder"): a comparison, nothing checkable. */
export const SIMILE =
  /^(?:it|this|that)(?:['’]s|\s+is|\s+was)\s+(?:just\s+|a\s+bit\s+|kind\s+of\s+)?like\s+(?:a|an|the|some)\b/i;

/**
 * An exclamation of feeling with a dummy subject and no clause of its own ("it's heartbreaking", "it is a great
 * honour to be here", "what a tragedy"): a reaction, like "we are saddened". Short only, and without a "that"
 * clause, which would carry a proposition ("it's a shame that the pier was sold").
 */
export const EVALUATIVE_EXCLAMATION =
  /^(?:(?:it|this|that)(?:['’]s|\s+is|\s+was)\s+(?:so\s+|very\s+|truly\s+|really\s+|deeply\s+|just\s+|absolutely\s+)?(?:sad|heartbreaking|heart-breaking|devastating|shocking|tragic|terrible|awful|horrible|wonderful|amazing|incredible|unbelievable|fantastic|great|beautiful|an honou?r|a (?:great |real )?(?:pleasure|privilege|tragedy|shame|joy|honou?r))|what an? )\b/i;
export const EXCLAMATION_MAX_WORDS = 10;

/**
 * Acts that are wrongful or hostile by definition of the verb (a dictionary defines each by a wrong done to
 * someone): breaking a rule or agreement (violate, breach, flout), armed or violent acts against a party (attack,
 * shell, bomb, invade, ambush, massacre, torture, kidnap, abduct, assault, loot), taking or getting by wrong
 * (steal, embezzle, bribe, extort, smuggle, launder, rig), deceiving or manipulating (deceive, manipulate,
 * "play on fears", fearmongering), harming a party by pressure (persecute, oppress, intimidate, harass, sabotage,
 * incite), or doing away with the proof of one (tamper with, destroy evidence). Said of a party other than the
 * speaker's side (see `chargedAct`), the statement charges that party with the act: an accusation.
 */
export const WRONGFUL_ACT =
  /\b(?:violat(?:e|es|ed|ing|ion|ions)|breach(?:es|ed|ing)?|flout(?:s|ed|ing)?|(?<!heart )attack(?:s|ed|ing)?|shell(?:ed|ing)|bomb(?:ed|ing)|invad(?:e|es|ed|ing)|ambush(?:es|ed|ing)?|massacr(?:e|es|ed|ing)|slaughter(?:s|ed|ing)?|tortur(?:e|es|ed|ing)|kidnap(?:s|ped|ping)?|abduct(?:s|ed|ing)?|assault(?:s|ed|ing)?|loot(?:s|ed|ing)?|plunder(?:s|ed|ing)?|st(?:eal|eals|ole|olen|ealing)|embezzl(?:e|es|ed|ing|ement)|brib(?:e|es|ed|ing|ery)|extort(?:s|ed|ing|ion)?|smuggl(?:e|es|ed|ing)|launder(?:s|ed|ing)?|rigged|sabotag(?:e|es|ed|ing)|persecut(?:e|es|ed|ing)|oppress(?:es|ed|ing)?|intimidat(?:e|es|ed|ing)|harass(?:es|ed|ing)?|incit(?:e|es|ed|ing)|deceiv(?:e|es|ed|ing)|manipulat(?:e|es|ed|ing)|play(?:s|ed|ing)? on (?:the |people's |people’s |their |our |voters' |voters’ )?(?:fears?|anxieties|prejudices?)|fear-?monger(?:s|ing)?|tamper(?:s|ed|ing)? with|destroy(?:s|ed|ing)? (?:the )?evidence)\b/i;

/**
 * Failing to tell what one had to tell: "did not inform", "never mentioned", "failed to disclose" — withholding, a
 * form of concealment (as "hid" and "covered up" are), when said of someone else.
 */
export const NONDISCLOSURE =
  /\b(?:did not|didn['’]t|did n['’]t|never|failed to|neglected to)\s+(?:\p{L}+ly\s+)?(?:inform(?:ed)?|disclos(?:e|ed)|mention(?:ed)?|warn(?:ed)?|notif(?:y|ied)|reveal(?:ed)?)\b/iu;

/**
 * "X was behind the attack", "they are behind the killings": to be behind a harmful act is to be responsible for it,
 * having caused or organized it. Only before a harmful act: "behind the plan" is support.
 */
export const BEHIND =
  /\b(?:is|are|was|were|be|been|being|['’]s|['’]re)\s+(?:\p{L}+ly\s+)?behind\s+(?:the|this|that|these|those|a|an|last|every|all|both)\s+(?:[\p{L}-]+\s+){0,2}?(?:attacks?|bombings?|blasts?|explosions?|shootings?|killings?|murders?|assassinations?|massacres?|plots?|coup|hack(?:ing)?|leaks?|abductions?|kidnappings?|poisonings?|violence|unrest|riots?|fires?|arson|sabotage|shelling|strikes?|raids?|ambush(?:es)?|disappearances?|fraud|scheme)\b/iu;

/** A subject of the speaker's own side right before a verb: what "we" or "I" did is an admission, not a charge. */
export const FIRST_PERSON_SUBJECT =
  /\b(?:i|we)\s+(?:\p{L}+ly\s+)?(?:(?:have|had|did|do|will|would|could|might|may)\s+)?(?:\p{L}+ly\s+)?$/iu;

/** A negation right before a verb ("did not attack", "never bombed", "no one stole"): the act is denied, not charged. */
export const NEGATED_BEFORE =
  /(?:\b(?:not|never|no one|nobody|neither|nor)|n['’]t)\s+(?:(?:have|has|had|be|been|ever|even)\s+)?(?:\p{L}+ly\s+)?$/iu;
