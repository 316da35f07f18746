// Shared fixture of the guided-questions tests: the notes' world (seminar S with a
// student "author", "otherStudent" and an instructor; seminar T with "otherInstructor";
// a non-member) with both readings assigned to S, and helpers that ask and answer
// through the services.
import { createAnswer } from "@/lib/questions/answers";
import { createQuestion } from "@/lib/questions/service";
import type { CreateQuestionInput } from "@/lib/questions/schema";
import { selectorsFor } from "@/lib/annotations/selectors";
import { createWorld, READING_TEXT, SECOND_TEXT, type ActorName, type World } from "./annotations-support";

export { ACTORS, call, READING_TEXT, SECOND_TEXT, type ActorName, type World } from "./annotations-support";

/** The world with both readings assigned to seminar S. */
export async function createQuestionWorld(): Promise<World> {
  const world = await createWorld();
  const documents = await world.db.document.findMany({ orderBy: { position: "asc" } });
  await world.db.seminarReading.createMany({
    data: documents.map((d, position) => ({ seminarId: world.seminarId, documentId: d.id, position })),
  });
  return world;
}

/** A passage of the first reading (or the second) as the reader's "Ask a question" sends it. */
export function passageFor(world: World, quote: string, reading: "first" | "second" = "first") {
  const text = reading === "first" ? READING_TEXT : SECOND_TEXT;
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the ${reading} reading`);
  return {
    slug: reading === "first" ? world.slug : world.secondSlug,
    versionId: reading === "first" ? world.versionId : world.secondVersionId,
    selectors: selectorsFor(text, start, start + quote.length),
  };
}

let asked = 0;

/** A question asked by S's instructor (a unique word in its title and prompt to look for). */
export async function askQuestion(world: World, over: Partial<CreateQuestionInput> = {}) {
  const word = `qword${++asked}x`;
  const question = await createQuestion(world.db, world.actors.instructor, world.seminarId, {
    title: `Why did the war turn? ${word}`,
    prompt: { html: `<p>Read the passage closely. ${word}</p>` },
    dueAt: null,
    answerFirst: false,
    passages: [passageFor(world, "Inchon")],
    ...over,
  });
  return { ...question, word };
}

let answered = 0;

/** An answer by a student of S, with a unique word in it. */
export async function answerAs(world: World, who: Extract<ActorName, "author" | "otherStudent">, questionId: string) {
  const word = `aword${++answered}x`;
  const answer = await createAnswer(world.db, world.actors[who], questionId, { body: { html: `<p>My answer: ${word}</p>` } });
  return { ...answer, word };
}
