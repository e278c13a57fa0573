/** English verb and noun inflection for lexicon entries (regular rules plus the irregular verbs news uses). */

const IRREGULAR: Readonly<Record<string, readonly string[]>> = {
  meet: ['met'],
  hold: ['held'],
  send: ['sent'],
  give: ['gave', 'given'],
  fly: ['flew', 'flown'],
  seek: ['sought'],
  fight: ['fought'],
  shoot: ['shot'],
  strike: ['struck', 'stricken'],
  beat: ['beaten'],
  take: ['took', 'taken'],
  break: ['broke', 'broken'],
  undertake: ['undertook', 'undertaken'],
  forgive: ['forgave', 'forgiven'],
  withdraw: ['withdrew', 'withdrawn'],
  write: ['wrote', 'written'],
  lead: ['led'],
  leave: ['left'],
  pay: ['paid'],
  lend: ['lent'],
  bring: ['brought'],
  set: ['set'],
  cut: ['cut'],
  put: ['put'],
  shut: ['shut'],
  overrun: ['overran', 'overrun'],
  slay: ['slew', 'slain'],
  go: ['went', 'gone'],
  throw: ['threw', 'thrown'],
  sit: ['sat'],
  stand: ['stood'],
  sell: ['sold'],
  draw: ['drew', 'drawn'],
  hit: ['hit'],
  begin: ['began', 'begun'],
  speak: ['spoke', 'spoken'],
  tell: ['told'],
  rebuild: ['rebuilt'],
  freeze: ['froze', 'frozen'],
  forbid: ['forbade', 'forbidden'],
  arise: ['arose', 'arisen'],
  run: ['ran'],
  carry: ['carried'],
  win: ['won'],
  lose: ['lost'],
  bid: ['bid'],
  shed: ['shed'],
  upset: ['upset'],
  sweep: ['swept'],
  flee: ['fled'],
  // Verbs the lexicon's own patterns start with or that carry event nouns ("found him guilty", "blew up", "built up
  // forces", "made an offer", "had talks", "kept up pressure"): their past forms are irregular (general English).
  find: ['found'],
  build: ['built'],
  blow: ['blew', 'blown'],
  make: ['made'],
  have: ['had'],
  speed: ['sped'],
  keep: ['kept'],
};

const VOWEL = /[aeiou]/;

/** Whether the final consonant doubles before -ed/-ing (ban → banned, but visit → visited). */
function doubles(verb: string): boolean {
  if (!/[^aeiou][aeiou][bdgklmnprt]$/.test(verb)) return false;
  // Stress on the last syllable is not knowable from spelling; double only one-syllable verbs and a few known ones.
  const syllables = verb.match(/[aeiouy]+/g)?.length ?? 1;
  // A compound ending in a one-syllable verb inflects like it: airdrop → airdropped, kidnap → kidnapped.
  if (/^(air|kid|out|over|under|up|re)(drop|nap|strip|step|ship|stop|plan|ban|grip|trap)$/.test(verb)) return true;
  return (
    syllables === 1 ||
    [
      'compel',
      'patrol',
      'control',
      'rebel',
      'refer',
      'deter',
      'commit',
      'admit',
      'permit',
      'submit',
      'regret',
      'acquit',
      'embed',
      'occur',
      'confer',
      'transfer',
      'expel',
      'propel',
      'enrol',
      'equip',
    ].includes(verb)
  );
}

let irregularPast: Set<string> | null = null;

/** Whether `word` is an irregular past form of a verb the lexicon inflects ("sought", "held", "took"). */
export function isIrregularPast(word: string): boolean {
  irregularPast ??= new Set(Object.values(IRREGULAR).flat());
  return irregularPast.has(word);
}

/** All forms of a verb: base, -s, -ed, -ing and irregular past forms. */
export function verbForms(verb: string): string[] {
  const forms = new Set<string>([verb]);
  if (/(s|x|z|ch|sh)$/.test(verb)) forms.add(`${verb}es`);
  else if (/[^aeiou]y$/.test(verb)) forms.add(`${verb.slice(0, -1)}ies`);
  else if (verb === 'go') forms.add('goes');
  else if (verb === 'have') forms.add('has');
  else forms.add(`${verb}s`);
  const irregular = IRREGULAR[verb];
  if (irregular) for (const f of irregular) forms.add(f);
  else forms.add(pastForm(verb));
  // British spelling doubles a final -l after one vowel: cancelled, travelled, signalled.
  if (/[^aeiou][aeiou]l$/.test(verb)) {
    forms.add(`${verb}led`);
    forms.add(`${verb}ling`);
  }
  forms.add(ingForm(verb));
  return [...forms];
}

function pastForm(verb: string): string {
  if (verb.endsWith('e')) return `${verb}d`;
  if (/[^aeiou]y$/.test(verb)) return `${verb.slice(0, -1)}ied`;
  if (doubles(verb)) return `${verb + verb.slice(-1)}ed`;
  return `${verb}ed`;
}

function ingForm(verb: string): string {
  if (verb.endsWith('ie')) return `${verb.slice(0, -2)}ying`;
  if (verb.endsWith('ee') || verb.endsWith('ye') || verb.endsWith('oe')) return `${verb}ing`;
  if (verb.endsWith('e') && VOWEL.test(verb.slice(0, -1))) return `${verb.slice(0, -1)}ing`;
  if (doubles(verb)) return `${verb + verb.slice(-1)}ing`;
  return `${verb}ing`;
}

/** A noun and its plural. */
export function nounForms(noun: string): string[] {
  if (noun.endsWith('s')) return [noun];
  if (/(x|z|ch|sh)$/.test(noun)) return [noun, `${noun}es`];
  if (/[^aeiou]y$/.test(noun)) return [noun, `${noun.slice(0, -1)}ies`];
  return [noun, `${noun}s`];
}
