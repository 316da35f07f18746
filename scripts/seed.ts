// Demo data for `npm start`, run after ingest: the seminar "Korea 1950: origins and
// escalation" with one instructor, three students, all readings assigned, and a few
// notes and replies anchored on real quotes of the current texts. Idempotent: people,
// the seminar and memberships are created only when missing; readings only when the
// seminar has none; notes only when it has none (so a demo that was used is kept).
import { createPrismaClient } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password";
import { findUserByEmail, insertUser } from "@/lib/auth/repo";
import { normalizeTags } from "@/lib/annotations/filters";
import { insertNote, insertReply } from "@/lib/annotations/repo";
import { prepareBody } from "@/lib/annotations/sanitize";
import { selectorsFor } from "@/lib/annotations/selectors";
import { findMembership, insertMembership, insertSeminar, replaceReadings } from "@/lib/seminars/repo";
import type { PrismaClient } from "@/lib/generated/prisma/client";

/** The demo accounts (the README lists them). Same password for all. */
export const DEMO_PASSWORD = "parallax-demo";
const PEOPLE = {
  instructor: { email: "instructor@parallax.test", name: "Prof. Helen Park" },
  ana: { email: "ana@parallax.test", name: "Ana Lima" },
  ben: { email: "ben@parallax.test", name: "Ben Okafor" },
  chloe: { email: "chloe@parallax.test", name: "Chloé Martin" },
} as const;
type Person = keyof typeof PEOPLE;

const SEMINAR = {
  name: "Korea 1950: origins and escalation",
  description: "Who wanted the war, who widened it, and how the historians disagree. Five readings, read side by side.",
  joinCode: "DEMO1950", // shown as DEMO-1950; generated codes never contain O, 0 or 1, so it cannot collide
};

type ReplySeed = { by: Person; text: string; replies?: ReplySeed[] };
type NoteSeed = {
  slug: string;
  quote: string;
  by: Person;
  visibility: "private" | "seminar";
  comment?: string;
  tags?: string[];
  replies?: ReplySeed[];
};

const NOTES: NoteSeed[] = [
  {
    slug: "pochhammer-crossing-the-parallel", quote: "hardly done or said a sensible thing over many months", by: "instructor", visibility: "seminar",
    comment: "Younger's verdict frames the whole article. Is it fair to hold Washington alone responsible for crossing the parallel?",
    tags: ["framing", "UK"],
    replies: [
      { by: "ana", text: "He exempts the June decision, though: only the escalation counts as 'not sensible'.", replies: [
        { by: "instructor", text: "Good catch. Keep that distinction in mind when we get to Costa." },
      ] },
      { by: "ben", text: "A diary entry is a strange kind of evidence for an argument about agency." },
    ],
  },
  {
    slug: "pochhammer-crossing-the-parallel", quote: "almost all authors see the crossing of the 38th parallel as a unilateral American decision", by: "ben", visibility: "seminar",
    comment: "This is the consensus the article sets out to overturn, by looking at the ROK's own agency.", tags: ["historiography", "agency"],
    replies: [{ by: "chloe", text: "Does the author use Korean-language sources for that, or only English ones?" }],
  },
  {
    slug: "book-excerpt-crossing-the-parallel", quote: "To avoid a Soviet veto in the Security Council", by: "chloe", visibility: "seminar",
    comment: "Why the General Assembly mattered: the October 7 resolution gave the crossing a legitimacy the Security Council could not.", tags: ["UN"],
  },
  {
    slug: "kim-origins-of-the-korean-war", quote: "the same Soviet document can be interpreted differently according to the theoretical perspectives of each scholar", by: "instructor", visibility: "seminar",
    comment: "For Thursday: what kind of evidence would settle the civil-war versus rollback debate, if any could?", tags: ["method", "sources"],
    replies: [
      { by: "ana", text: "Perhaps none: the archives show what Stalin said, not what he would have done otherwise." },
      { by: "ben", text: "Timing could: border clashes before or after Stalin's approval." },
    ],
  },
  { slug: "kim-origins-of-the-korean-war", quote: "wedge strategy", by: "chloe", visibility: "seminar", tags: ["Stalin"] },
  { slug: "costa-who-wanted-war", quote: "an unqualified desire for war can hardly be attributed to any of the three leaders", by: "ana", visibility: "seminar", tags: ["thesis"] },
  {
    slug: "korean-war-podcast-episode-30", quote: "their partnership was critical if the West was to guard against the communist expansion", by: "ben", visibility: "private",
    comment: "Compare with the Soviet–DPRK alliance later in this episode.",
  },
];

/** Finds a quote in a text, tolerating differences in whitespace; [start, end) or null. */
export function findQuote(text: string, quote: string): [number, number] | null {
  const pattern = quote.trim().split(/\s+/).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("\\s+");
  const match = new RegExp(pattern).exec(text);
  return match ? [match.index, match.index + match[0].length] : null;
}

async function ensureUsers(db: PrismaClient): Promise<Record<Person, string>> {
  const ids = {} as Record<Person, string>;
  let hash: string | undefined;
  for (const [key, person] of Object.entries(PEOPLE) as [Person, (typeof PEOPLE)[Person]][]) {
    const existing = await findUserByEmail(db, person.email);
    ids[key] = existing?.id ?? (await insertUser(db, { ...person, passwordHash: (hash ??= await hashPassword(DEMO_PASSWORD)) })).id;
  }
  return ids;
}

async function ensureSeminar(db: PrismaClient, users: Record<Person, string>): Promise<string> {
  const existing = await db.seminar.findFirst({
    where: { name: SEMINAR.name, memberships: { some: { userId: users.instructor, role: "instructor" } } },
  });
  const seminarId = existing?.id ?? (await insertSeminar(db, { ...SEMINAR, instructorId: users.instructor })).id;
  for (const person of ["ana", "ben", "chloe"] as const) {
    if (!(await findMembership(db, seminarId, users[person]))) await insertMembership(db, { seminarId, userId: users[person], role: "student" });
  }
  if ((await db.seminarReading.count({ where: { seminarId } })) === 0) {
    const documents = await db.document.findMany({ orderBy: [{ position: "asc" }, { title: "asc" }], select: { id: true } });
    await replaceReadings(db, seminarId, documents.map((d) => d.id));
  }
  return seminarId;
}

async function seedNotes(db: PrismaClient, seminarId: string, users: Record<Person, string>): Promise<number> {
  if ((await db.note.count({ where: { seminarId } })) > 0) return 0;
  let made = 0;
  let minute = 0;
  // Spread the creation times over the last few days so threads read in a natural order
  // and the demo looks like a seminar at work this week.
  const start = Date.now() - 3 * 24 * 60 * 60 * 1000;
  const at = () => new Date(start + 47 * 60 * 1000 * minute++);
  for (const seed of NOTES) {
    const doc = await db.document.findUnique({ where: { slug: seed.slug }, include: { currentVersion: true } });
    const text = doc?.currentVersion?.canonicalText;
    const span = text ? findQuote(text, seed.quote) : null;
    if (!doc?.currentVersion || !text || !span) {
      console.warn(`parallax: seed: skipped a note, "${seed.quote.slice(0, 40)}…" is not in ${seed.slug}`);
      continue;
    }
    const selectors = JSON.stringify(selectorsFor(text, span[0], span[1]));
    const note = await insertNote(db, {
      seminarId, authorId: users[seed.by], documentId: doc.id, versionId: doc.currentVersion.id, originalVersionId: doc.currentVersion.id,
      selectors, originalSelectors: selectors, anchorStatus: "anchored",
      motivation: seed.comment ? "commenting" : "highlighting",
      ...(seed.comment ? prepareBody({ html: `<p>${seed.comment}</p>` }) : {}),
      tags: JSON.stringify(normalizeTags(seed.tags ?? [])), visibility: seed.visibility, createdAt: at(),
    });
    const addReplies = async (replies: ReplySeed[] | undefined, parentId: string | null) => {
      for (const reply of replies ?? []) {
        const row = await insertReply(db, {
          noteId: note.id, parentId, authorId: users[reply.by], ...prepareBody({ html: `<p>${reply.text}</p>` }), createdAt: at(),
        });
        await addReplies(reply.replies, row.id);
      }
    };
    await addReplies(seed.replies, null);
    made++;
  }
  return made;
}

/** Creates whatever of the demo is missing; returns the seminar and how many notes were added. */
export async function seedDemo(db: PrismaClient): Promise<{ seminarId: string; notesAdded: number }> {
  const users = await ensureUsers(db);
  const seminarId = await ensureSeminar(db, users);
  return { seminarId, notesAdded: await seedNotes(db, seminarId, users) };
}

async function main() {
  const db = createPrismaClient();
  try {
    const { notesAdded: notes } = await seedDemo(db);
    console.log(`parallax: demo seminar ready (${Object.keys(PEOPLE).length} people${notes ? `, ${notes} notes added` : ""})`);
  } finally {
    await db.$disconnect();
  }
}

if (process.argv[1] && /seed\.ts$/.test(process.argv[1])) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
