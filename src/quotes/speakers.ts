import type { Doc, EntityMention, EntityType, Span } from '../model/index.js';
import { isRoleWord } from '../language/index.js';
import { SPEAKER_PRONOUNS } from './data/cues.js';

/**
 * Resolve a speaker phrase as written to the actor it stands for in this article: a named mention inside the
 * phrase; a pronoun to the last compatible person (or organization for "it"/"they"); a description ("the French
 * president", "the ministry") to the person with that role and affiliation, or the organization of that kind.
 */
export interface ResolvedSpeaker {
  name: string | null;
  key: string | null;
}

const NONE: ResolvedSpeaker = { name: null, key: null };
const TYPE_RANK: Readonly<Record<EntityType, number>> = { PERSON: 0, ORG: 1, GPE: 2, NORP: 3, LOC: 5, MISC: 4 };
/** Heads of descriptions that name an organization ("the ministry", "the company said"). */
const ORG_HEADS = new Set([
  'ministry',
  'agency',
  'company',
  'firm',
  'newspaper',
  'paper',
  'government',
  'police',
  'army',
  'military',
  'department',
  'commission',
  'court',
  'party',
  'group',
  'campaign',
  'committee',
  'council',
  'office',
  'embassy',
  'union',
  'authority',
  'authorities',
  'operator',
  'guard',
  'navy',
  'bank',
  'board',
  'institute',
  'organization',
  'organisation',
  'network',
  'broadcaster',
  'service',
  'club',
  'team',
  'federation',
  'association',
  'coalition',
  'administration',
  'regime',
  'parliament',
  'cabinet',
  'statement',
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'spokespeople',
  'owner',
  'owners',
  'insurer',
  'website',
  'outlet',
  'magazine',
  'channel',
  'station',
]);
/** People who speak for an organization rather than as themselves. */
const SPEAKS_FOR = new Set([
  'spokesman',
  'spokeswoman',
  'spokesperson',
  'spokespeople',
  'official',
  'officials',
  'source',
  'sources',
  'representative',
  'representatives',
  'diplomat',
  'diplomats',
  'envoy',
  'ambassador',
]);
/** Honorifics that tell a person's gender. */
const MALE_TITLES = new Set(['mr', 'mr.', 'sir', 'lord', 'king', 'prince', 'father', 'brother']);
const FEMALE_TITLES = new Set([
  'mrs',
  'mrs.',
  'ms',
  'ms.',
  'miss',
  'madam',
  'lady',
  'queen',
  'princess',
  'dame',
  'sister',
]);

function actor(m: EntityMention): ResolvedSpeaker {
  return { name: m.canonical ?? m.text, key: m.actorKey };
}

/** Gender evidence per person key: titles written before a mention, and pronouns already resolved to it. */
export class GenderBook {
  private readonly seen = new Map<string, 'male' | 'female'>();

  constructor(doc: Doc) {
    for (const m of doc.entities) {
      if (m.type !== 'PERSON' || !m.actorKey) continue;
      const before =
        /([A-Za-z.]+)\s*$/.exec(doc.text.slice(Math.max(0, m.start - 12), m.start))?.[1]?.toLowerCase() ?? '';
      const role = (m.role ?? '').toLowerCase();
      if (MALE_TITLES.has(before) || /\b(spokesman|chairman|congressman|king|prince)\b/.test(role))
        this.seen.set(m.actorKey, 'male');
      else if (FEMALE_TITLES.has(before) || /\b(spokeswoman|chairwoman|congresswoman|queen|princess)\b/.test(role))
        this.seen.set(m.actorKey, 'female');
    }
  }

  compatible(key: string | null, gender: 'male' | 'female'): boolean {
    if (!key) return true;
    const g = this.seen.get(key);
    return g === undefined || g === gender;
  }

  learn(key: string | null, gender: 'male' | 'female'): void {
    if (key && !this.seen.has(key)) this.seen.set(key, gender);
  }
}

export interface SpeakerContext {
  doc: Doc;
  /** Character spans of quotes: mentions inside them are not candidate antecedents. */
  quotes: readonly Span[];
  genders: GenderBook;
  /** Speakers already resolved, in text order: the preferred antecedents of a pronoun. */
  recent: Array<{ at: number; speaker: ResolvedSpeaker; type: EntityType | null }>;
  /** Person mentions that carry a role, gathered on first use. */
  rolePersons?: EntityMention[];
}

/** Index of the first item whose start is at or after `offset` (items sorted by start). */
function firstAtOrAfter(items: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insideQuote(ctx: SpeakerContext, m: Span): boolean {
  const k = firstAtOrAfter(ctx.quotes, m.start + 1) - 1;
  const q = ctx.quotes[k];
  return q !== undefined && m.start >= q.start && m.end <= q.end;
}

function lastEntityBefore(
  ctx: SpeakerContext,
  at: number,
  ok: (m: EntityMention) => boolean,
  reach = 3000,
): EntityMention | null {
  const ents = ctx.doc.entities;
  for (let k = firstAtOrAfter(ents, at) - 1; k >= 0; k--) {
    const m = ents[k]!;
    if (at - m.end > reach) break;
    if (ok(m) && !insideQuote(ctx, m)) return m;
  }
  return null;
}

function pronounAntecedent(ctx: SpeakerContext, pron: string, at: number): ResolvedSpeaker {
  const kind = SPEAKER_PRONOUNS.get(pron);
  if (kind === 'male' || kind === 'female') {
    const m = lastEntityBefore(ctx, at, (e) => e.type === 'PERSON' && ctx.genders.compatible(e.actorKey, kind));
    if (!m) return NONE;
    ctx.genders.learn(m.actorKey, kind);
    return actor(m);
  }
  if (kind === 'thing' || kind === 'group') {
    const m = lastEntityBefore(
      ctx,
      at,
      (e) => e.type === 'ORG' || (e.type === 'GPE' && (e.metonym === true || !!e.actorKey?.startsWith('country:'))),
      1500,
    );
    return m ? actor(m) : NONE;
  }
  return NONE;
}

/** Entity mentions overlapping a span (mentions are sorted and short, so a window from the span's start suffices). */
function entitiesIn(ctx: SpeakerContext, span: Span): EntityMention[] {
  const ents = ctx.doc.entities;
  const out: EntityMention[] = [];
  for (let k = Math.max(0, firstAtOrAfter(ents, span.start) - 1); k < ents.length && ents[k]!.start < span.end; k++) {
    if (ents[k]!.end > span.start) out.push(ents[k]!);
  }
  return out;
}

/** A description's head word matched against the roles and names of the article's actors. */
function describedActor(ctx: SpeakerContext, span: Span, words: string[]): ResolvedSpeaker {
  const head = words[words.length - 1] ?? '';
  const within = entitiesIn(ctx, span).filter((e) => e.start >= span.start && e.end <= span.end);
  const affiliations = new Set(within.filter((e) => e.actorKey).map((e) => e.affiliation ?? e.actorKey!));
  ctx.rolePersons ??= ctx.doc.entities.filter((e) => e.type === 'PERSON' && !!e.role);
  const persons = ctx.rolePersons.filter((e) => {
    if (!e.role) return false;
    const role = e.role.toLowerCase();
    if (!role.split(/\s+/).includes(head)) return false;
    return (
      affiliations.size === 0 ||
      (e.affiliation !== null && e.affiliation !== undefined && affiliations.has(e.affiliation))
    );
  });
  if (persons.length > 0) {
    const before = persons.filter((p) => p.start < span.start);
    return actor(before.length > 0 ? before[before.length - 1]! : persons[0]!);
  }
  if (ORG_HEADS.has(head)) {
    const named = lastEntityBefore(
      ctx,
      span.start,
      (e) => e.type === 'ORG' && (e.canonical ?? e.text).toLowerCase().includes(head),
      100000,
    );
    if (named) return actor(named);
  }
  // "Veskaria's defence ministry", "a State Department spokesperson": the organization or country it speaks for.
  if (ORG_HEADS.has(head) || SPEAKS_FOR.has(head)) {
    const owner = within.find((e) => e.type === 'ORG' || e.type === 'GPE' || e.type === 'NORP');
    if (owner) return actor(owner);
  }
  return NONE;
}

export { firstAtOrAfter };

export function resolveSpeaker(ctx: SpeakerContext, span: Span): ResolvedSpeaker {
  const inside = entitiesIn(ctx, span).filter((e) => e.type !== 'LOC');
  const text = ctx.doc.text.slice(span.start, span.end);
  const words = text
    .toLowerCase()
    .split(/[^\p{L}\p{N}-]+/u)
    .filter(Boolean);
  if (words.length === 1 && SPEAKER_PRONOUNS.has(words[0]!)) {
    const prior = ctx.recent.length > 0 ? ctx.recent[ctx.recent.length - 1]! : null;
    const kind = SPEAKER_PRONOUNS.get(words[0]!)!;
    const resolved = pronounAntecedent(ctx, words[0]!, span.start);
    // The previous speaker, when the pronoun fits it and no other person intervened, is the antecedent.
    if (
      prior &&
      prior.type === 'PERSON' &&
      (kind === 'male' || kind === 'female') &&
      prior.speaker.key &&
      ctx.genders.compatible(prior.speaker.key, kind)
    ) {
      const between = lastEntityBefore(
        ctx,
        span.start,
        (e) => e.type === 'PERSON' && e.start > prior.at && e.actorKey !== prior.speaker.key,
      );
      if (!between) return prior.speaker;
    }
    return resolved;
  }
  if (inside.length > 0) {
    const best = [...inside].sort((a, b) => TYPE_RANK[a.type] - TYPE_RANK[b.type] || b.end - a.end)[0]!;
    if (best.type === 'PERSON') return actor(best);
    const described = describedActor(ctx, span, words);
    const head = words[words.length - 1] ?? '';
    // "the French president" names a person, not France: without that person in the article it stays unresolved.
    if (described.name || (isRoleWord(head) && !SPEAKS_FOR.has(head) && !ORG_HEADS.has(head))) return described;
    return actor(best);
  }
  return describedActor(ctx, span, words);
}

/** The type of the actor a resolved speaker stands for, looked up by key. */
export function speakerType(doc: Doc, key: string | null): EntityType | null {
  if (!key) return null;
  return doc.entities.find((e) => e.actorKey === key)?.type ?? null;
}
