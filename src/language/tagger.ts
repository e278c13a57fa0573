/** The seam between the language stage and whichever NER model fills it. */

/** CoNLL-2003 IOB2 labels: `O`, `B-PER`, `I-PER`, `B-LOC`, `I-LOC`, `B-ORG`, `I-ORG`, `B-MISC`, `I-MISC`. */
export type IobLabel = string;

export interface NerTagger {
  /**
   * Tag the sentences of one document (all at once, so the model may use document-level features).
   * Returns one IOB2 label per token, in the same shape as the input.
   */
  tagSentences(sentences: readonly (readonly string[])[]): IobLabel[][];
}
