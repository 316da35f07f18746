// Shared fixture for the integration tests of links: the notes' world (two readings,
// seminars S and T, the six kinds of actor) with both readings assigned to S, plus
// helpers to make links and suggested parallels without going through the routes.
import { selectorsFor } from "@/lib/annotations/selectors";
import { createLink } from "@/lib/links/service";
import { refreshSuggestions, type Suggester } from "@/lib/links/suggestions";
import type { Relation, Visibility } from "@/lib/links/schema";
import { createWorld, READING_TEXT, SECOND_TEXT, type World } from "./annotations-support";

export { ACTORS, call, type ActorName } from "./annotations-support";
export { READING_TEXT, SECOND_TEXT };

export type LinkWorld = World & { firstDocumentId: string; secondDocumentId: string };

/** The notes' world with both readings assigned to seminar S (T reads nothing). */
export async function createLinkWorld(): Promise<LinkWorld> {
  const world = await createWorld();
  const first = await world.db.document.findUniqueOrThrow({ where: { slug: world.slug } });
  const second = await world.db.document.findUniqueOrThrow({ where: { slug: world.secondSlug } });
  await world.db.seminarReading.createMany({
    data: [
      { seminarId: world.seminarId, documentId: first.id, position: 0 },
      { seminarId: world.seminarId, documentId: second.id, position: 1 },
    ],
  });
  return { ...world, firstDocumentId: first.id, secondDocumentId: second.id };
}

/** An end of a new link on the first occurrence of `quote` in one of the two readings. */
export function endFor(world: LinkWorld, reading: "first" | "second", quote: string) {
  const text = reading === "first" ? READING_TEXT : SECOND_TEXT;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the ${reading} reading`);
  return {
    slug: reading === "first" ? world.slug : world.secondSlug,
    target: { versionId: reading === "first" ? world.versionId : world.secondVersionId, selectors: selectorsFor(text, start, start + quote.length) },
  };
}

/** A valid body for creating a link between "Seoul had fallen" and "Stalin, Mao and Kim Il Sung". */
export function linkInput(world: LinkWorld, extra: { relation?: Relation; visibility?: Visibility; note?: string } = {}) {
  return {
    a: endFor(world, "first", "Seoul had fallen"),
    b: endFor(world, "second", "Stalin, Mao and Kim Il Sung"),
    relation: extra.relation ?? "parallel",
    visibility: extra.visibility ?? "seminar",
    ...(extra.note ? { body: { html: `<p>${extra.note}</p>` } } : {}),
  };
}

let counter = 0;

/** A fresh link by `author` (default: the author), with a word no other link contains. */
export async function freshLink(world: LinkWorld, visibility: Visibility, author: keyof World["actors"] = "author") {
  const word = `linkword${++counter}x`;
  const link = await createLink(world.db, world.actors[author], world.seminarId, linkInput(world, { visibility, note: `About ${word}` }));
  return { id: link.id, word, revision: link.revision };
}

/**
 * A deterministic suggester for tests: pairs each word of the first reading with a word
 * of the second (in turn), so nearly every suggestion has its own passages (and key).
 */
export const wordPairSuggester: Suggester = (docs) => {
  const [first, second] = docs;
  if (!first || !second) return [];
  const words = (text: string) => [...text.matchAll(/[A-Za-z]{4,}/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
  const a = words(first.text);
  const b = words(second.text);
  return a.map((span, i) => ({
    a: { doc: first.id, ...span },
    b: { doc: second.id, ...b[i % b.length] },
    score: 0.9 - i / 1000,
    why: [`test pair ${i}`],
  }));
};

/** Stores the word-pair suggestions over the world's readings. */
export function storeTestSuggestions(world: LinkWorld) {
  return refreshSuggestions(world.db, { suggest: wordPairSuggester });
}
