// Fixture for the revision tests: the annotations world plus a reading the instructor
// added to seminar S through the service, with notes, a link and a question on it.
import { selectorsFor } from "@/lib/annotations/selectors";
import { createNote } from "@/lib/annotations/service";
import { createLink } from "@/lib/links/service";
import { createQuestion } from "@/lib/questions/service";
import { getReading } from "@/lib/documents/service";
import { addReading } from "@/lib/revisions/service";
import { createWorld, SECOND_TEXT, type World } from "./annotations-support";

export const PARAGRAPHS = {
  kept: "The first paragraph stays exactly as it was written.",
  moved: "Truman decided to send ground troops after the fall of Seoul.",
  reworded: "MacArthur planned a landing at Inchon for the middle of September.",
  deleted: "A paragraph about the weather in Pusan that the editor removes.",
  tail: "The last paragraph is about the crossing of the parallel in October.",
};
export const BODY = `# The summer of 1950

${PARAGRAPHS.kept}

${PARAGRAPHS.moved}

${PARAGRAPHS.reworded}

${PARAGRAPHS.deleted}

${PARAGRAPHS.tail}
`;
export const INSERTED = "A new paragraph inserted near the top by the revision.";
export const REWORDED_AFTER = "MacArthur planned the landing at Inchon for mid-September.";
/** The revision: a paragraph inserted before the moved one, one reworded, one deleted. */
export const REVISED_BODY = BODY.replace(`${PARAGRAPHS.moved}`, `${INSERTED}\n\n${PARAGRAPHS.moved}`)
  .replace(PARAGRAPHS.reworded, REWORDED_AFTER)
  .replace(`${PARAGRAPHS.deleted}\n\n`, "");

export type RevisionWorld = World & {
  readingSlug: string;
  notes: Record<"kept" | "moved" | "reworded" | "deleted" | "privateOther", string>;
  linkId: string;
  questionId: string;
};

export async function createRevisionWorld(): Promise<RevisionWorld> {
  const world = await createWorld();
  const { slug } = await addReading(world.db, world.actors.instructor, {
    title: "The summer of 1950",
    author: "A. Historian",
    kind: "essay",
    body: BODY,
    seminarIds: [world.seminarId],
    shared: false,
  });
  const reading = await getReading(slug, world.db);
  const target = (quote: string) => {
    const start = reading.text.indexOf(quote);
    if (start < 0) throw new Error(`"${quote}" is not in the reading`);
    return { versionId: reading.versionId, selectors: selectorsFor(reading.text, start, start + quote.length) };
  };
  const note = async (actor: keyof World["actors"], quote: string, visibility: "seminar" | "private" = "seminar") =>
    (
      await createNote(world.db, world.actors[actor], slug, world.seminarId, {
        target: target(quote),
        motivation: "commenting",
        body: { html: `<p>On: ${quote.slice(0, 20)}</p>` },
        tags: [],
        visibility,
      })
    ).id;
  const notes = {
    kept: await note("author", "stays exactly as it was"),
    moved: await note("author", "send ground troops"),
    reworded: await note("otherStudent", "landing at Inchon"),
    deleted: await note("author", "the weather in Pusan"),
    privateOther: await note("otherStudent", "crossing of the parallel", "private"),
  };
  const link = await createLink(world.db, world.actors.author, world.seminarId, {
    a: { slug, target: target("the weather in Pusan") },
    b: { slug: world.secondSlug, target: { versionId: world.secondVersionId, selectors: selectorsFor(SECOND_TEXT, 0, 6) } },
    relation: "parallel",
    visibility: "seminar",
  });
  const question = await createQuestion(world.db, world.actors.instructor, world.seminarId, {
    title: "Why Inchon?",
    prompt: { html: "<p>Why there?</p>" },
    dueAt: null,
    answerFirst: false,
    passages: [{ slug, ...target("landing at Inchon") }],
  });
  return { ...world, readingSlug: slug, notes, linkId: link.id, questionId: question.id };
}
