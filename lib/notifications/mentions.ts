/**
 * @mentions in the plain text of a sanitised body. Pure. A mention is "@" (at the
 * start or after a character that is not a letter or digit, so e-mail addresses do not
 * count) followed by a member's full name, or by one word of a name that only one
 * member has ("@Ben", "@Okafor"); the next character must not continue a word.
 * Matching ignores case and accents' composition (NFC) but not the accents.
 */

export type Member = { id: string; name: string };

const WORD = /[\p{L}\p{N}]/u;

function fold(text: string): string {
  return text.normalize("NFC").toLocaleLowerCase("en").replace(/\s+/g, " ");
}

/** The ids of the members mentioned in `text`, each once, in order of first mention. */
export function findMentions(text: string, members: readonly Member[]): string[] {
  if (!text.includes("@") || members.length === 0) return [];
  const candidates = mentionCandidates(members);
  const folded = fold(text);
  const found: string[] = [];
  for (let at = folded.indexOf("@"); at >= 0; at = folded.indexOf("@", at + 1)) {
    if (at > 0 && WORD.test(folded[at - 1])) continue;
    const rest = folded.slice(at + 1);
    const match = candidates.find(
      ({ key }) => rest.startsWith(key) && (rest.length === key.length || !WORD.test(rest[key.length])),
    );
    if (match && !found.includes(match.id)) found.push(match.id);
  }
  return found;
}

/** Every way to mention someone, longest first (so a full name beats one of its words). */
function mentionCandidates(members: readonly Member[]): { key: string; id: string }[] {
  const full = new Map<string, string | null>();
  const words = new Map<string, string | null>();
  const add = (map: Map<string, string | null>, key: string, id: string) => {
    const known = map.get(key);
    map.set(key, known === undefined || known === id ? id : null); // null: ambiguous
  };
  for (const member of members) {
    const name = fold(member.name.trim());
    if (!name) continue;
    add(full, name, member.id);
    for (const word of name.split(" ")) {
      const bare = word.replace(/[^\p{L}\p{N}'’-]+$/u, "");
      if ([...bare].length >= 2) add(words, bare, member.id);
    }
  }
  const list: { key: string; id: string }[] = [];
  for (const [key, id] of full) if (id) list.push({ key, id });
  for (const [key, id] of words) if (id && !full.has(key)) list.push({ key, id });
  return list.sort((a, b) => b.key.length - a.key.length);
}
