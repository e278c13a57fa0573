/**
 * Major organizations with their abbreviations. `key` becomes the actor key `org:<KEY>`; `country` (ISO
 * alpha-3) marks a national body, e.g. a state news agency, whose actor code is that country plus `sector`.
 * `code` is a CAMEO-style code for international organizations.
 */
export interface OrgEntry {
  key: string;
  name: string;
  aliases: readonly string[];
  country?: string;
  sector?: string;
  code?: string;
}

export const ORGANIZATIONS: readonly OrgEntry[] = [
  { key: 'UN', name: 'United Nations', aliases: ['UN', 'U.N.', 'United Nations Organization'], code: 'IGOUNO' },
  {
    key: 'UNSC',
    name: 'United Nations Security Council',
    aliases: ['UN Security Council', 'U.N. Security Council', 'UNSC', 'Security Council'],
    code: 'IGOUNO',
  },
  {
    key: 'UNGA',
    name: 'United Nations General Assembly',
    aliases: ['UN General Assembly', 'U.N. General Assembly', 'UNGA', 'General Assembly'],
    code: 'IGOUNO',
  },
  {
    key: 'UNHCR',
    name: 'UN Refugee Agency',
    aliases: ['UNHCR', 'United Nations High Commissioner for Refugees', 'UN refugee agency'],
    code: 'IGOUNOREF',
  },
  { key: 'UNICEF', name: 'UNICEF', aliases: ["United Nations Children's Fund"], code: 'IGOUNO' },
  { key: 'WFP', name: 'World Food Programme', aliases: ['WFP', 'World Food Program'], code: 'IGOUNO' },
  { key: 'WHO', name: 'World Health Organization', aliases: ['WHO', 'World Health Organisation'], code: 'IGOUNOHLH' },
  { key: 'IAEA', name: 'International Atomic Energy Agency', aliases: ['IAEA'], code: 'IGOUNO' },
  {
    key: 'NATO',
    name: 'NATO',
    aliases: ['North Atlantic Treaty Organization', 'North Atlantic Treaty Organisation', 'Nato', 'N.A.T.O.'],
    code: 'IGOWSTNAT',
  },
  { key: 'EU', name: 'European Union', aliases: ['EU', 'E.U.'], code: 'IGOEEC' },
  { key: 'EC', name: 'European Commission', aliases: ['EC'], code: 'IGOEEC' },
  { key: 'EP', name: 'European Parliament', aliases: [], code: 'IGOEEC' },
  { key: 'ECB', name: 'European Central Bank', aliases: ['ECB'], code: 'IGOEEC' },
  { key: 'AU', name: 'African Union', aliases: ['AU'], code: 'IGOAFR' },
  { key: 'ASEAN', name: 'Association of Southeast Asian Nations', aliases: ['ASEAN', 'Asean'], code: 'IGOSEA' },
  { key: 'OPEC', name: 'Organization of the Petroleum Exporting Countries', aliases: ['OPEC', 'Opec'], code: 'IGOOPC' },
  { key: 'OSCE', name: 'Organization for Security and Co-operation in Europe', aliases: ['OSCE'], code: 'IGOEUR' },
  { key: 'G7', name: 'Group of Seven', aliases: ['G7', 'G-7'], code: 'IGO' },
  { key: 'G20', name: 'Group of 20', aliases: ['G20', 'G-20', 'Group of Twenty'], code: 'IGO' },
  { key: 'IMF', name: 'International Monetary Fund', aliases: ['IMF'], code: 'IGOWSTIMF' },
  { key: 'WB', name: 'World Bank', aliases: [], code: 'IGOWSTWBK' },
  { key: 'WTO', name: 'World Trade Organization', aliases: ['WTO', 'World Trade Organisation'], code: 'IGOWTO' },
  { key: 'ICC', name: 'International Criminal Court', aliases: ['ICC'], code: 'IGOICC' },
  { key: 'ICJ', name: 'International Court of Justice', aliases: ['ICJ', 'World Court'], code: 'IGOUNOJUD' },
  { key: 'ICRC', name: 'International Committee of the Red Cross', aliases: ['ICRC', 'Red Cross'], code: 'NGOHLH' },
  { key: 'ARAB-LEAGUE', name: 'Arab League', aliases: ['League of Arab States'], code: 'IGOARB' },
  { key: 'GCC', name: 'Gulf Cooperation Council', aliases: ['GCC'], code: 'IGOGCC' },
  {
    key: 'SCO',
    name: 'Shanghai Cooperation Organisation',
    aliases: ['SCO', 'Shanghai Cooperation Organization'],
    code: 'IGOASA',
  },
  { key: 'INTERPOL', name: 'Interpol', aliases: ['INTERPOL'], code: 'IGOCOP' },
  { key: 'AMNESTY', name: 'Amnesty International', aliases: ['Amnesty'], code: 'NGOHRI' },
  { key: 'HRW', name: 'Human Rights Watch', aliases: ['HRW'], code: 'NGOHRI' },
  {
    key: 'MSF',
    name: 'Medecins Sans Frontieres',
    aliases: ['MSF', 'Médecins Sans Frontières', 'Doctors Without Borders'],
    code: 'NGOHLH',
  },
  // National bodies
  { key: 'KCNA', name: 'Korean Central News Agency', aliases: ['KCNA'], country: 'PRK', sector: 'MED' },
  { key: 'RODONG', name: 'Rodong Sinmun', aliases: ['Rodong'], country: 'PRK', sector: 'MED' },
  {
    key: 'KWP',
    name: "Workers' Party of Korea",
    aliases: ['Workers Party of Korea', 'WPK'],
    country: 'PRK',
    sector: 'GOV',
  },
  { key: 'YONHAP', name: 'Yonhap', aliases: ['Yonhap News Agency'], country: 'KOR', sector: 'MED' },
  { key: 'XINHUA', name: 'Xinhua', aliases: ['Xinhua News Agency'], country: 'CHN', sector: 'MED' },
  { key: 'CCTV', name: 'CCTV', aliases: ['China Central Television'], country: 'CHN', sector: 'MED' },
  {
    key: 'CCP',
    name: 'Chinese Communist Party',
    aliases: ['CCP', 'CPC', 'Communist Party of China'],
    country: 'CHN',
    sector: 'GOV',
  },
  { key: 'PLA', name: "People's Liberation Army", aliases: ['PLA'], country: 'CHN', sector: 'MIL' },
  { key: 'TASS', name: 'TASS', aliases: ['Tass', 'ITAR-TASS'], country: 'RUS', sector: 'MED' },
  { key: 'RIA', name: 'RIA Novosti', aliases: ['RIA'], country: 'RUS', sector: 'MED' },
  { key: 'INTERFAX', name: 'Interfax', aliases: [], country: 'RUS', sector: 'MED' },
  { key: 'FSB', name: 'FSB', aliases: ['Federal Security Service'], country: 'RUS', sector: 'SPY' },
  { key: 'IRNA', name: 'IRNA', aliases: ['Islamic Republic News Agency'], country: 'IRN', sector: 'MED' },
  {
    key: 'IRGC',
    name: 'Islamic Revolutionary Guard Corps',
    aliases: ['IRGC', 'Revolutionary Guards'],
    country: 'IRN',
    sector: 'MIL',
  },
  { key: 'KYODO', name: 'Kyodo News', aliases: ['Kyodo'], country: 'JPN', sector: 'MED' },
  { key: 'NHK', name: 'NHK', aliases: [], country: 'JPN', sector: 'MED' },
  { key: 'SANA', name: 'SANA', aliases: ['Syrian Arab News Agency'], country: 'SYR', sector: 'MED' },
  { key: 'WAFA', name: 'WAFA', aliases: [], country: 'PSE', sector: 'MED' },
  { key: 'ANADOLU', name: 'Anadolu Agency', aliases: ['Anadolu'], country: 'TUR', sector: 'MED' },
  { key: 'SPA', name: 'Saudi Press Agency', aliases: ['SPA'], country: 'SAU', sector: 'MED' },
  { key: 'CIA', name: 'CIA', aliases: ['Central Intelligence Agency'], country: 'USA', sector: 'SPY' },
  { key: 'FBI', name: 'FBI', aliases: ['Federal Bureau of Investigation'], country: 'USA', sector: 'COP' },
  { key: 'NSA', name: 'National Security Agency', aliases: [], country: 'USA', sector: 'SPY' },
  { key: 'US-CONGRESS', name: 'US Congress', aliases: ['Congress', 'U.S. Congress'], country: 'USA', sector: 'LEG' },
  { key: 'US-SENATE', name: 'US Senate', aliases: ['U.S. Senate'], country: 'USA', sector: 'LEG' },
  { key: 'JCS', name: 'Joint Chiefs of Staff', aliases: ['JCS'], sector: 'MIL' },
  { key: 'MI6', name: 'MI6', aliases: ['Secret Intelligence Service'], country: 'GBR', sector: 'SPY' },
  { key: 'BUNDESWEHR', name: 'Bundeswehr', aliases: [], country: 'DEU', sector: 'MIL' },
  {
    key: 'IDF',
    name: 'Israel Defense Forces',
    aliases: ['IDF', 'Israeli Defense Forces'],
    country: 'ISR',
    sector: 'MIL',
  },
  { key: 'HAMAS', name: 'Hamas', aliases: ['HAMAS'], country: 'PSE', sector: 'REB' },
  { key: 'HEZBOLLAH', name: 'Hezbollah', aliases: ['Hizbollah', 'Hizballah'], country: 'LBN', sector: 'REB' },
  { key: 'TALIBAN', name: 'Taliban', aliases: [], country: 'AFG', sector: 'REB' },
  { key: 'ISIS', name: 'Islamic State', aliases: ['ISIS', 'ISIL', 'Daesh'], sector: 'REB' },
  // International wires (they appear as sources in copy: "told Reuters").
  { key: 'REUTERS', name: 'Reuters', aliases: [], sector: 'MED' },
  { key: 'AFP', name: 'Agence France-Presse', aliases: ['AFP', 'Agence France Presse'], sector: 'MED' },
  { key: 'AP', name: 'Associated Press', aliases: ['AP', 'The Associated Press'], sector: 'MED' },
  { key: 'BBC', name: 'BBC', aliases: ['British Broadcasting Corporation'], sector: 'MED' },
];
