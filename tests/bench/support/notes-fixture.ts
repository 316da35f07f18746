import { describe } from "@/lib/anchoring";
import { prepareBody } from "@/lib/annotations/sanitize";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { randomInt, seededRandom } from "./random";
import { randomSpans } from "./spans";

/** The demo accounts the seed creates (scripts/seed.ts); all use DEMO_PASSWORD. */
export const DEMO_EMAILS = ["instructor@parallax.test", "ana@parallax.test", "ben@parallax.test", "chloe@parallax.test"];
export const DEMO_PASSWORD = "parallax-demo";
/** The demo seminar's join code (scripts/seed.ts). */
export const DEMO_JOIN_CODE = "DEMO1950";

export type NotesFixture = { seminarId: string; documentId: string; versionId: string; notes: number; replies: number };

const DAY = 24 * 60 * 60 * 1000;

/** A tiptap document of one or two paragraphs, as the reader's editor saves. */
function tiptapDoc(paragraphs: string[]) {
  return { type: "doc" as const, content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) };
}

/**
 * Fills the demo seminar with a busy reading: `notes` notes spread over the text with
 * valid selectors made by `describe` (a quarter private, a few hidden by the
 * instructor, a third highlights, the rest comments with tiptap bodies and tags) and
 * `replies` replies on the seminar notes, some answering a reply. Written directly
 * with Prisma, in one transaction; ids start with "bench-".
 */
export async function insertBusyReading(
  db: PrismaClient,
  { slug, notes, replies, seed = 1950 }: { slug: string; notes: number; replies: number; seed?: number },
): Promise<NotesFixture> {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]) => list[randomInt(random, 0, list.length)];
  const seminar = await db.seminar.findUniqueOrThrow({ where: { joinCode: DEMO_JOIN_CODE } });
  const users = await db.user.findMany({ where: { email: { in: DEMO_EMAILS } } });
  if (users.length !== DEMO_EMAILS.length) throw new Error("the demo accounts are missing: did the seed run?");
  const instructor = users.find((u) => u.email === DEMO_EMAILS[0])!;
  const document = await db.document.findUniqueOrThrow({ where: { slug }, include: { currentVersion: true } });
  const version = document.currentVersion!;
  const text = version.canonicalText;
  const snippet = () => {
    const at = randomInt(random, 0, text.length - 400);
    return text.slice(at, at + randomInt(random, 60, 380)).replace(/\s+/g, " ").trim();
  };
  const now = Date.now();

  const noteRows = randomSpans(text, notes, random).map((span, i) => {
    const author = pick(users);
    const visibility = random() < 0.25 ? "private" : "seminar";
    const comment = random() < 0.67;
    const selectors = JSON.stringify(describe(text, span.start, span.end));
    return {
      id: `bench-note-${String(i).padStart(5, "0")}`,
      seminarId: seminar.id,
      authorId: author.id,
      documentId: document.id,
      versionId: version.id,
      originalVersionId: version.id,
      selectors,
      originalSelectors: selectors,
      anchorStatus: "anchored",
      motivation: comment ? "commenting" : "highlighting",
      ...(comment ? prepareBody({ json: tiptapDoc(random() < 0.3 ? [snippet(), snippet()] : [snippet()]) }) : {}),
      tags: JSON.stringify(random() < 0.4 ? [pick(["Stalin", "Ongjin", "method", "sources", "Cumings", "rollback"])] : []),
      visibility,
      ...(visibility === "seminar" && random() < 0.03 ? { hidden: true, hiddenById: instructor.id, hiddenAt: new Date(now) } : {}),
      createdAt: new Date(now - 30 * DAY + i * ((29 * DAY) / notes)),
    };
  });

  // Replies go on seminar notes only: nobody else can answer a private note.
  const shared = noteRows.filter((n) => n.visibility === "seminar");
  const byNote = new Map<string, string[]>();
  const replyRows = Array.from({ length: replies }, (_, i) => {
    const note = pick(shared);
    const earlier = byNote.get(note.id) ?? [];
    const id = `bench-reply-${String(i).padStart(5, "0")}`;
    const parentId = earlier.length > 0 && random() < 0.4 ? pick(earlier) : null;
    byNote.set(note.id, [...earlier, id]);
    return {
      id,
      noteId: note.id,
      parentId,
      authorId: pick(users).id,
      ...prepareBody({ json: tiptapDoc([snippet()]) }),
      createdAt: new Date(note.createdAt.getTime() + (earlier.length + 1) * 60 * 60 * 1000),
    };
  });

  await db.$transaction([db.note.createMany({ data: noteRows }), db.reply.createMany({ data: replyRows })]);
  return { seminarId: seminar.id, documentId: document.id, versionId: version.id, notes: noteRows.length, replies: replyRows.length };
}
