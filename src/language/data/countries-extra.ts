/**
 * What sitrep adds to the country data of the `world-countries` package: the short names, abbreviations
 * and spellings news copy uses, extra demonyms, and seats of government that stand for the state
 * ("the Kremlin said"). Keys are ISO 3166-1 alpha-3 codes.
 */
export interface CountryExtra {
  /** Extra names and abbreviations ("U.S.", "America"). Dotted abbreviations also match without dots. */
  names?: readonly string[];
  /** Extra demonyms / adjectives ("Soviet" is not here: a former state is not this one). */
  demonyms?: readonly string[];
  /** Seats of government and institutions whose name stands for the state when it acts. */
  seats?: readonly { name: string; sector?: string }[];
  /** Capital or government city when the package's differs from news usage ("Washington"). */
  capitals?: readonly string[];
}

export const COUNTRY_EXTRAS: Readonly<Record<string, CountryExtra>> = {
  USA: {
    names: ['U.S.', 'US', 'U.S.A.', 'USA', 'America', 'United States', 'the United States', 'United States of America'],
    capitals: ['Washington', 'Washington D.C.', 'Washington DC'],
    seats: [
      { name: 'White House', sector: 'GOV' },
      { name: 'Pentagon', sector: 'MIL' },
      { name: 'State Department', sector: 'GOV' },
      { name: 'Capitol Hill', sector: 'LEG' },
      { name: 'Oval Office', sector: 'GOV' },
    ],
  },
  GBR: {
    names: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom', 'GB'],
    demonyms: ['Briton', 'English', 'Scottish', 'Welsh'],
    seats: [
      { name: 'Downing Street', sector: 'GOV' },
      { name: 'Number 10', sector: 'GOV' },
      { name: 'No 10', sector: 'GOV' },
      { name: 'Whitehall', sector: 'GOV' },
      { name: 'Westminster', sector: 'LEG' },
      { name: 'Foreign Office', sector: 'GOV' },
    ],
  },
  RUS: {
    names: ['Russian Federation'],
    seats: [{ name: 'Kremlin', sector: 'GOV' }],
  },
  CHN: {
    names: ['PRC', 'P.R.C.', "People's Republic of China", 'mainland China'],
    seats: [{ name: 'Zhongnanhai', sector: 'GOV' }],
  },
  TWN: { names: ['Republic of China', 'ROC'], capitals: ['Taipei'] },
  FRA: {
    seats: [
      { name: 'Elysee', sector: 'GOV' },
      { name: 'Élysée', sector: 'GOV' },
      { name: 'Elysee Palace', sector: 'GOV' },
      { name: "Quai d'Orsay", sector: 'GOV' },
    ],
  },
  DEU: {
    names: ['FRG'],
    seats: [
      { name: 'Bundestag', sector: 'LEG' },
      { name: 'Chancellery', sector: 'GOV' },
    ],
  },
  PRK: {
    names: ['DPRK', 'D.P.R.K.', 'North Korea', "Democratic People's Republic of Korea"],
    demonyms: ['North Korean'],
  },
  KOR: {
    names: ['ROK', 'R.O.K.', 'South Korea', 'Republic of Korea'],
    demonyms: ['South Korean'],
    seats: [
      { name: 'Blue House', sector: 'GOV' },
      { name: 'Cheong Wa Dae', sector: 'GOV' },
    ],
  },
  JPN: { seats: [{ name: 'Kantei', sector: 'GOV' }] },
  ARE: { names: ['UAE', 'U.A.E.', 'Emirates', 'United Arab Emirates'], demonyms: ['Emirati'] },
  SAU: { names: ['KSA'] },
  IRN: { names: ['Islamic Republic of Iran', 'Persia'] },
  ISR: { seats: [{ name: 'Knesset', sector: 'LEG' }] },
  UKR: { capitals: ['Kyiv', 'Kiev'], seats: [{ name: 'Verkhovna Rada', sector: 'LEG' }] },
  COD: { names: ['DRC', 'DR Congo', 'Democratic Republic of Congo', 'Congo-Kinshasa'] },
  COG: { names: ['Congo-Brazzaville', 'Republic of Congo'] },
  CIV: { names: ['Ivory Coast', "Cote d'Ivoire"] },
  CZE: { names: ['Czech Republic'] },
  MMR: { names: ['Burma'] },
  NLD: { names: ['Holland'], seats: [{ name: 'The Hague' }] },
  VAT: { names: ['Holy See', 'Vatican'] },
  PSE: { names: ['Palestinian territories', 'Palestinian Authority'], demonyms: ['Palestinian'] },
  SYR: { seats: [] },
  BIH: { names: ['Bosnia'] },
  MKD: { names: ['Macedonia'] },
  TUR: { names: ['Turkiye', 'Türkiye'] },
  PHL: { demonyms: ['Filipino', 'Philippine'] },
  NZL: { demonyms: ['Kiwi'] },
  AFG: { demonyms: ['Afghan'] },
  IRQ: { capitals: ['Baghdad'] },
  IND: { seats: [{ name: 'South Block', sector: 'GOV' }] },
};

/**
 * Context-dependent country names: "the North" and "the South" mean the two Koreas when the article is
 * about Korea (it mentions either Korea); elsewhere they are left alone.
 */
export const KOREAN_CONTEXT = {
  triggers: ['KOR', 'PRK'] as const,
  north: 'PRK',
  south: 'KOR',
};

/**
 * Single-word capitals or country names that are also ordinary English words or common given names;
 * the gazetteer proposes them only when the NER model also marks the span as a name.
 */
export const AMBIGUOUS_PLACE_WORDS: ReadonlySet<string> = new Set([
  'Male',
  'Victoria',
  'Kingston',
  'Georgia',
  'Jordan',
  'Chad',
  'Turkey',
  'Jersey',
  'Guinea',
  'Niger',
  'Hamilton',
  'Wellington',
  'Lincoln',
  'Charlotte',
  'Santiago',
  'Dominica',
  'Praia',
  'Castries',
  'Victoria',
]);
