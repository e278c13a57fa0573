/**
 * Words that say the same thing about what a claim is about, so that two reports of one proposition worded apart
 * ("supplied arms" / "delivered weapons" / "providing munitions") meet. Each line is one sense of general English:
 * near-synonyms that a dictionary gives for each other (a thesaurus entry, a WordNet synset), a hyponym put under the
 * verb or noun every dictionary defines it by ("murder: to kill unlawfully"), or an agent or act noun with its verb
 * ("supplier" one who supplies, "recruiter" one who recruits). Only words whose ordinary news sense is that one
 * sense: "fire" (shoot / dismiss), "state" (country / say) and "strike" (attack / walk-out) stay out. The first word
 * of a line names the sense. Regular inflections of each word are found by rule ("supplies", "supplied", "delivering");
 * irregular ones are listed ("sent", "slain"). A word read two ways in the news is listed only in its unambiguous forms:
 * "founded" and "founder", never "found" (the past of "find"); "completed", never "complete" (the adjective).
 */
export const CLAIM_SENSES: readonly string[] = [
  // To supply: "supply: to provide; to make available"; deliver, furnish, transfer (hand over), send (goods).
  'supply provide deliver furnish transfer send sent supplier provider delivery shipment',
  // Weapons: "arms: weapons"; munitions, weaponry, ordnance (military supplies of weapons and ammunition).
  'weapon arms munition munitions weaponry armament armaments ordnance ammunition',
  // Missiles and rockets: self-propelled projectiles (a rocket is a missile by definition).
  'missile rocket',
  // Soldiers: "troops: soldiers"; servicemen.
  'soldier troop troops serviceman servicemen',
  // Reporters: "journalist: a person who writes for newspapers; reporter, correspondent".
  'journalist reporter correspondent',
  // Physicians: "doctor: a qualified practitioner of medicine; physician".
  'doctor physician',
  // Medicines: "drug: a medicine or other substance"; medication.
  'drug medication medicine',
  // To kill: "murder: the unlawful killing of a person"; slay, assassinate (to murder), killer.
  'kill murder slay slain slew assassinate assassination killer murderer',
  // Death: "die: to stop living"; dead, death.
  'die died dying death dead',
  // To attack: "assault: a violent attack".
  'attack assault',
  // To invade: "invasion: the act of invading".
  'invade invasion invader',
  // To found: "found: to establish, to set up"; founder.
  'founder founded founding establish',
  // To finish: "complete: to finish"; finish, conclude, completion.
  'finish completed completing completion conclude',
  // To fail: "malfunction: a failure to work properly"; failure.
  'fail failure malfunction',
  // To hide: "conceal: to hide"; cover-up, concealment.
  'hide hid hidden conceal concealment',
  // On purpose: "deliberate: done on purpose; intentional".
  'deliberate deliberately intentional intentionally intent purposely',
  // Blame: "to blame: responsible for a fault"; responsibility, liable.
  'blame responsible responsibility liable liability',
  // A lie: "liar: a person who tells lies"; lying.
  'lie liar lied lying',
  // To recruit: "recruiter: one who recruits"; recruitment.
  'recruit recruiter recruitment',
  // Evidence: "proof: evidence establishing a fact".
  'evidence proof',
  // Money given or lent for help: aid, assistance.
  'aid assistance',
  // To help: "assist: to help".
  'help assist',
  // To threaten: a threat.
  'threaten threat',
  // To negotiate: negotiations, talks (formal discussion to reach agreement).
  'negotiate negotiation',
  // To sanction: sanctions, embargo (an official ban on trade).
  'sanction embargo',
  // Hostages and captives: a person held by force.
  'hostage captive',
  // Police officers: a policeman is a police officer; a cop.
  'policeman policemen cop',
];

/**
 * Words that tell the stance of a claim, not what it is about (a denial's "baseless", "untrue", "allegations"); the
 * stance is read apart, so these would only keep a denial from meeting the accusation it rejects.
 */
export const STANCE_WORDS: readonly string[] = `baseless groundless unfounded untrue false falsehood nonsense
  ridiculous absurd categorically allegation allegations accusation accusations reject rejects rejected rejecting
  dismiss dismissed denial denials insist insisted insists`
  .split(/\s+/)
  .filter(Boolean);
