import { OUTLETS } from '../ingest/data/outlets.js';
import { WIRE_CREDITS } from './data/captions.js';

/**
 * The outlet a photo credit names ("Jane Doe/The Washington Post", "Photo: Ali Khan for The Guardian",
 * "(Image: BBC)"), when it is a known outlet and not a wire or picture agency: a staff photographer's credit
 * names the outlet that published the article. Null when the credits name none, or more than one.
 */
let byName: Map<string, string> | null = null;

function outletNames(): Map<string, string> {
  if (!byName) {
    byName = new Map();
    for (const name of Object.values(OUTLETS)) if (!WIRE_CREDITS.test(name)) byName.set(name.toLowerCase(), name);
  }
  return byName;
}

/** The parts of a caption that can be a credit: after its last slash, after "for", after "Photo:" / "Image:". */
function creditTails(caption: string): string[] {
  const t = caption.trim().replace(/[\s.)]+$/, '');
  const out: string[] = [];
  const slash = t.lastIndexOf('/');
  if (slash >= 0) out.push(t.slice(slash + 1));
  const forAt = /\bfor\s+((?:The\s+)?\p{Lu}[\p{L}&.'’ -]{1,60})$/u.exec(t);
  if (forAt) out.push(forAt[1]!);
  const label = /(?:^|\(|\s)(?:photo|photograph|image|picture|credit)s?\s*:\s*([^:()]{2,60})$/i.exec(t);
  if (label) out.push(label[1]!);
  if (t.split(/\s+/).length <= 5) out.push(t.replace(/^\(/, ''));
  return out.map((s) => s.replace(/\s+via\s+.*$/i, '').trim());
}

export function outletFromCredits(captions: readonly string[]): string | null {
  const names = outletNames();
  const found = new Set<string>();
  for (const c of captions) {
    for (const tail of creditTails(c)) {
      const name = names.get(tail.toLowerCase());
      if (name) found.add(name);
    }
  }
  return found.size === 1 ? [...found][0]! : null;
}
