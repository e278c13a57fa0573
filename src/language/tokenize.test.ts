import { describe, expect, it } from 'vitest';
import { tokenizeText } from './tokenize.js';

const words = (text: string): string[][] => {
  const { sentences, tokens } = tokenizeText(text);
  return sentences.map((_, i) => tokens.filter((t) => t.sentence === i).map((t) => t.text));
};

describe('tokenizeText', () => {
  it('keeps a middle initial with its name instead of ending the sentence', () => {
    expect(words('Joseph R. Biden spoke. George W. Bush listened.')).toEqual([
      ['Joseph', 'R.', 'Biden', 'spoke', '.'],
      ['George', 'W.', 'Bush', 'listened', '.'],
    ]);
  });

  it('still ends a sentence after a lone capital that is not an initial', () => {
    expect(words('He chose option B. The rest followed.')).toEqual([
      ['He', 'chose', 'option', 'B', '.'],
      ['The', 'rest', 'followed', '.'],
    ]);
  });

  it('keeps abbreviations, splits possessives', () => {
    expect(words("Mr. Moon met U.S. envoys in Russia's capital.")).toEqual([
      ['Mr.', 'Moon', 'met', 'U.S.', 'envoys', 'in', 'Russia', "'s", 'capital', '.'],
    ]);
  });

  it('keeps a party-state designation in its sentence', () => {
    expect(words('Rep. Ann Moe (D-N.C.), head of the caucus, spoke. Sen. Al Roe (D-Wis.), a member, left.')).toEqual([
      ['Rep.', 'Ann', 'Moe', '(', 'D-N.C.', ')', ',', 'head', 'of', 'the', 'caucus', ',', 'spoke', '.'],
      ['Sen.', 'Al', 'Roe', '(', 'D-Wis', '.', ')', ',', 'a', 'member', ',', 'left', '.'],
    ]);
  });

  it('ends a sentence at a closing quote after a period when a capital follows', () => {
    expect(words('He was quoted as saying “the season is over.” The paper quoted the coach.')).toEqual([
      ['He', 'was', 'quoted', 'as', 'saying', '“', 'the', 'season', 'is', 'over', '.', '”'],
      ['The', 'paper', 'quoted', 'the', 'coach', '.'],
    ]);
    expect(words('“Is it over?” she asked. “Yes!” He left.')).toEqual([
      ['“', 'Is', 'it', 'over', '?', '”', 'she', 'asked', '.'],
      ['“', 'Yes', '!', '”'],
      ['He', 'left', '.'],
    ]);
    expect(words('“We can win.” ― Ana Ruiz. Then more.')).toEqual([
      ['“', 'We', 'can', 'win', '.', '”', '―', 'Ana', 'Ruiz', '.'],
      ['Then', 'more', '.'],
    ]);
  });
});
