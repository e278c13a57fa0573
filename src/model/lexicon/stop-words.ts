/**
 * English function words: determiners, pronouns, auxiliaries and modals, prepositions, conjunctions, and the
 * adverbs and quantifiers that carry no topic. A use adds the words of its own domain (a claim's reporting
 * verbs, say) to these.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a an the and or but if of to in on at by for from with about as into over under after before than then that this these
  those it its it's he she they them their his her him we us our you your i me my is are was were be been being has have
  had do does did will would shall should can could may might must not no nor never any all some each every more most
  much many such only own same so too very just also still even yet again already there here what which who whom whose
  when where why how because while although though since until unless whether both either neither none nothing anything
  something everything against between through during without within upon out up down off now`.split(/\s+/),
);
