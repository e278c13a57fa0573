/** Function words and reporting words that say nothing about what a claim is about. */
export const CLAIM_STOPWORDS: ReadonlySet<string> = new Set(
  `a an the and or but if of to in on at by for from with about as into over under after before than then that this these those
  it its it's he she they them their his her him we us our you your i me my is are was were be been being has have had do does did
  will would shall should can could may might must not no nor never any all some each every more most much many such only own same so
  too very just also still even yet again already there here what which who whom whose when where why how because while although
  though since until unless whether both either neither one two three said says say saying told tell tells added adding according
  denied denies deny accused accuses accuse claimed claims claim alleged alleges called calls statement spokesman spokeswoman
  spokesperson official officials mr mrs ms dr no none nothing anything something everything being against between through during
  without within upon out up down off now today yesterday monday tuesday wednesday thursday friday saturday sunday week month year
  last next first new`.split(/\s+/),
);
