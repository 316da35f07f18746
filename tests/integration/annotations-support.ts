// Shared fixture for the integration tests of accounts, seminars and notes: a real
// SQLite database (all migrations), two readings, the six kinds of actor, and a
// `call` that runs an exported route handler with its dependencies passed in.
import { createTestDatabase, type TestDatabase } from "../support/database";
import type { Actor } from "@/lib/auth/actor";
import { hashPassword } from "@/lib/auth/password";
import type { RouteContext } from "@/lib/http/route";
import { selectorsFor } from "@/lib/annotations/selectors";

export const READING_TEXT =
  "On 25 June 1950 the army of the North crossed the thirty-eighth parallel. " +
  "Within days Seoul had fallen, and the United Nations Security Council called on members to help repel the attack. " +
  "In September the landing at Inchon turned the war; in October the decision to cross the parallel followed.";
export const SECOND_TEXT = "Stalin, Mao and Kim Il Sung each weighed the risks of war in Korea differently.";

export type ActorName = "anonymous" | "nonMember" | "author" | "otherStudent" | "instructor" | "otherInstructor";
export const ACTORS: ActorName[] = ["anonymous", "nonMember", "author", "otherStudent", "instructor", "otherInstructor"];

export type World = TestDatabase & {
  actors: Record<Exclude<ActorName, "anonymous">, Actor>;
  seminarId: string;
  otherSeminarId: string;
  slug: string;
  versionId: string;
  secondSlug: string;
  secondVersionId: string;
  actor: (name: ActorName) => Actor | null;
};

let sharedHash: Promise<string> | undefined;
/** One scrypt hash of "correct horse battery" reused for every fixture user (hashing is slow on purpose). */
export const FIXTURE_PASSWORD = "correct horse battery";
const fixtureHash = () => (sharedHash ??= hashPassword(FIXTURE_PASSWORD));

/** Builds the world: readings, users, seminar S (author, otherStudent, instructor) and T (otherInstructor). */
export async function createWorld(): Promise<World> {
  const t = createTestDatabase();
  const { db } = t;
  const doc = async (slug: string, text: string, position: number) => {
    const document = await db.document.create({
      data: { slug, title: slug, author: "Anon", kind: "article", sourceFile: `${slug}.md`, position },
    });
    const version = await db.documentVersion.create({
      data: { documentId: document.id, number: 1, contentHash: slug, source: text, canonicalText: text, blocks: "[]", wordCount: text.split(/\s+/).length },
    });
    await db.document.update({ where: { id: document.id }, data: { currentVersionId: version.id } });
    return version.id;
  };
  const versionId = await doc("korea-1950", READING_TEXT, 0);
  const secondVersionId = await doc("three-leaders", SECOND_TEXT, 1);
  const passwordHash = await fixtureHash();
  const user = async (name: string) => {
    const row = await db.user.create({ data: { email: `${name.toLowerCase()}@example.test`, name, passwordHash } });
    return { id: row.id, name: row.name, email: row.email };
  };
  const actors = {
    nonMember: await user("NonMember"),
    author: await user("Author"),
    otherStudent: await user("OtherStudent"),
    instructor: await user("Instructor"),
    otherInstructor: await user("OtherInstructor"),
  };
  const seminar = await db.seminar.create({
    data: {
      name: "Seminar S",
      joinCode: "SSSSSSSS",
      memberships: {
        create: [
          { userId: actors.instructor.id, role: "instructor" },
          { userId: actors.author.id, role: "student" },
          { userId: actors.otherStudent.id, role: "student" },
        ],
      },
    },
  });
  const other = await db.seminar.create({
    data: { name: "Seminar T", joinCode: "TTTTTTTT", memberships: { create: [{ userId: actors.otherInstructor.id, role: "instructor" }] } },
  });
  return {
    ...t,
    actors,
    seminarId: seminar.id,
    otherSeminarId: other.id,
    slug: "korea-1950",
    versionId,
    secondSlug: "three-leaders",
    secondVersionId,
    actor: (name) => (name === "anonymous" ? null : actors[name]),
  };
}

/** A valid target for the first occurrence of `quote` in the reading. */
export function targetFor(world: Pick<World, "versionId">, quote: string, text = READING_TEXT) {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`"${quote}" is not in the text`);
  return { versionId: world.versionId, selectors: selectorsFor(text, start, start + quote.length) };
}

type Handler<P> = (req: Request, context: RouteContext<P>) => Promise<Response>;

export type CallOptions<P> = {
  actor?: Actor | null;
  params?: P;
  /** A value sent as JSON. */
  json?: unknown;
  /** A body sent as is (malformed JSON, oversize text). */
  raw?: string;
  path?: string;
  method?: string;
};

/** Calls an exported route handler the way Next does, with the database and session passed in. */
export async function call<P>(world: Pick<World, "db">, handler: Handler<P>, options: CallOptions<P> = {}) {
  const hasBody = options.json !== undefined || options.raw !== undefined;
  const req = new Request(`http://parallax.test${options.path ?? "/api/test"}`, {
    method: options.method ?? (hasBody ? "POST" : "GET"),
    headers: hasBody ? { "content-type": "application/json" } : {},
    body: options.raw ?? (options.json !== undefined ? JSON.stringify(options.json) : undefined),
  });
  const response = await handler(req, {
    params: Promise.resolve((options.params ?? {}) as P),
    deps: { db: world.db, resolveActor: async () => options.actor ?? null },
  });
  const text = await response.text();
  let json: any = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: response.status, json, headers: response.headers };
}
