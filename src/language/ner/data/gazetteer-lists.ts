/**
 * Hand-written gazetteer lists the packages do not cover. Used only when training (the gazetteer is
 * stored, hashed, inside the model file).
 */

/** Continents, world regions and large geographic features. */
export const REGIONS: readonly string[] = [
  'Africa', 'Asia', 'Europe', 'North America', 'South America', 'Latin America', 'Central America', 'Oceania',
  'Antarctica', 'Arctic', 'Middle East', 'Near East', 'Far East', 'Southeast Asia', 'South Asia', 'Central Asia',
  'East Asia', 'West Africa', 'East Africa', 'North Africa', 'Southern Africa', 'Central Africa', 'Horn of Africa',
  'Sahel', 'Sahara', 'Maghreb', 'Balkans', 'Caucasus', 'Scandinavia', 'Eastern Europe', 'Western Europe',
  'Central Europe', 'Northern Europe', 'Southern Europe', 'Baltic', 'Baltics', 'Mediterranean', 'Caribbean',
  'Gulf', 'Persian Gulf', 'Arabian Peninsula', 'Levant', 'Gaza Strip', 'West Bank', 'Golan Heights', 'Sinai',
  'Kashmir', 'Tibet', 'Siberia', 'Crimea', 'Donbas', 'Kurdistan', 'Darfur', 'Chechnya', 'Punjab', 'Patagonia',
  'Amazon', 'Himalayas', 'Alps', 'Andes', 'Urals', 'Pacific', 'Atlantic', 'Indian Ocean', 'Pacific Ocean',
  'Atlantic Ocean', 'Arctic Ocean', 'South China Sea', 'East China Sea', 'Black Sea', 'Red Sea', 'Caspian Sea',
  'North Sea', 'Baltic Sea', 'Aegean', 'Adriatic', 'Strait of Hormuz', 'Taiwan Strait', 'Korean Peninsula',
  'Suez Canal', 'Panama Canal', 'Nile', 'Danube', 'Rhine', 'Yangtze', 'Mekong', 'Euphrates', 'Tigris',
  'Mississippi', 'Rio Grande', 'Great Lakes', 'Silicon Valley', 'Wall Street', 'Midwest', 'New England',
];

/** International and intergovernmental organizations, agencies and major bodies. */
export const ORGANIZATIONS: readonly string[] = [
  'United Nations', 'UN', 'U.N.', 'UN Security Council', 'U.N. Security Council', 'Security Council',
  'General Assembly', 'UNESCO', 'UNICEF', 'UNHCR', 'World Health Organization', 'WHO', 'World Bank',
  'International Monetary Fund', 'IMF', 'World Trade Organization', 'WTO', 'NATO', 'European Union', 'EU',
  'European Commission', 'European Parliament', 'European Central Bank', 'ECB', 'Council of Europe',
  'OSCE', 'OPEC', 'ASEAN', 'African Union', 'Arab League', 'Gulf Cooperation Council', 'G7', 'G8', 'G20',
  'International Atomic Energy Agency', 'IAEA', 'International Criminal Court', 'ICC', 'Interpol', 'Red Cross',
  'International Committee of the Red Cross', 'ICRC', 'Amnesty International', 'Human Rights Watch',
  'Greenpeace', 'Medecins Sans Frontieres', 'Doctors Without Borders', 'FIFA', 'UEFA', 'IOC',
  'International Olympic Committee', 'Federal Reserve', 'Fed', 'Bundesbank', 'Bank of England', 'Bank of Japan',
  'Pentagon', 'White House', 'Kremlin', 'State Department', 'Congress', 'Senate', 'House of Representatives',
  'Supreme Court', 'Parliament', 'Knesset', 'Duma', 'Bundestag', 'CIA', 'FBI', 'NASA', 'Reuters',
  'Associated Press', 'AP', 'AFP', 'Agence France-Presse', 'BBC', 'CNN', 'Xinhua', 'TASS', 'Interfax', 'KCNA',
  'Yonhap', 'Kyodo', 'Al Jazeera', 'New York Times', 'Washington Post', 'Wall Street Journal',
  'Financial Times', 'Hamas', 'Hezbollah', 'Taliban', 'al Qaeda', 'al-Qaeda', 'Islamic State', 'ISIS',
  'PLO', 'Fatah', 'IRA', 'Sinn Fein', 'ETA', 'PKK', 'Democratic Party', 'Republican Party', 'Labour Party',
  'Conservative Party', 'Communist Party', 'Liberal Democrats', 'Social Democrats', 'Christian Democrats',
  'New York Stock Exchange', 'Nasdaq', 'London Stock Exchange', 'Tokyo Stock Exchange', 'Dow Jones',
];
