import { canSeeNote, canSeeReply } from "@/lib/annotations/permissions";
import type { Visibility } from "@/lib/annotations/schema";
import { canSeeLink } from "@/lib/links/permissions";
import { viewLinkHref } from "@/lib/links/passage-param";
import { readerHref } from "@/lib/passages/hrefs";
import type { Viewer } from "@/lib/seminars/schema";
import type { Db, ItemKind } from "@/lib/revisions/items";

/**
 * The anchored items of a reading that one person may see, described for a revision
 * report: what each is, whose, in which seminar, how many replies hang on it, where to
 * open it. Everything the person may not see (another's private note, a hidden link in
 * a seminar where they are a student, any seminar they are not in) is left out, so a
 * report never lists or counts it.
 */

export type SubjectKind = "note" | "link" | "question";

export type Subject = {
  /** `itemKind:itemId`: the anchored row (a note, a link end, a question passage). */
  key: string;
  kind: SubjectKind;
  /** The note, link or question. */
  id: string;
  title: string;
  author: string;
  seminar: string;
  replies: number;
  href: string;
};

const EXCERPT_CHARS = 90;

const excerpt = (text: string | null | undefined, fallback: string) => {
  const clean = (text ?? "").replace(/\s+/g, " ").trim();
  if (!clean) return fallback;
  return clean.length > EXCERPT_CHARS ? `${clean.slice(0, EXCERPT_CHARS - 1)}…` : clean;
};

/** The subjects of `documentId` that `userId` may see, in no particular order. */
export async function loadSubjects(db: Db, userId: string, documentId: string, slug: string): Promise<Subject[]> {
  const memberships = await db.membership.findMany({ where: { userId }, select: { seminarId: true, role: true } });
  const viewers = new Map<string, Viewer>(memberships.map((m) => [m.seminarId, { userId, role: m.role as Viewer["role"] }]));
  const seminarIds = [...viewers.keys()];
  if (seminarIds.length === 0) return [];
  const inMySeminars = { documentId, seminarId: { in: seminarIds } };
  const replySelect = { select: { authorId: true, hidden: true, deletedAt: true }, where: { deletedAt: null } } as const;

  const [notes, ends, passages] = await Promise.all([
    db.note.findMany({
      where: inMySeminars,
      select: {
        id: true, seminarId: true, authorId: true, visibility: true, hidden: true, deletedAt: true, bodyText: true, motivation: true,
        author: { select: { name: true } }, seminar: { select: { name: true } }, replies: replySelect,
      },
    }),
    db.linkEnd.findMany({
      where: { documentId, link: { seminarId: { in: seminarIds } } },
      select: {
        id: true,
        link: {
          select: {
            id: true, seminarId: true, authorId: true, visibility: true, hidden: true, deletedAt: true, relation: true,
            author: { select: { name: true } }, seminar: { select: { name: true } }, replies: replySelect,
            ends: { select: { documentId: true, document: { select: { title: true } } } },
          },
        },
      },
    }),
    db.questionPassage.findMany({
      where: { documentId, question: { seminarId: { in: seminarIds } } },
      select: { id: true, question: { select: { id: true, seminarId: true, title: true, seminar: { select: { name: true } } } } },
    }),
  ]);

  const subjects: Subject[] = [];
  const countReplies = (replies: { authorId: string; hidden: boolean; deletedAt: Date | null }[], viewer: Viewer) =>
    replies.filter((r) => canSeeReply({ authorId: r.authorId, hidden: r.hidden, deleted: r.deletedAt !== null }, viewer)).length;

  for (const note of notes) {
    const viewer = viewers.get(note.seminarId)!;
    const facts = { authorId: note.authorId, visibility: note.visibility as Visibility, hidden: note.hidden, deleted: note.deletedAt !== null };
    if (!canSeeNote(facts, viewer)) continue;
    subjects.push(subject("note", note.id, {
      kind: "note",
      id: note.id,
      title: note.deletedAt ? "Deleted note (its thread is kept)" : excerpt(note.bodyText, "Highlight"),
      author: note.author.name,
      seminar: note.seminar.name,
      replies: countReplies(note.replies, viewer),
      href: readerHref(slug, note.seminarId, note.id),
    }));
  }
  for (const end of ends) {
    const { link } = end;
    const viewer = viewers.get(link.seminarId)!;
    const facts = { authorId: link.authorId, visibility: link.visibility as Visibility, hidden: link.hidden, deleted: link.deletedAt !== null };
    if (!canSeeLink(facts, viewer)) continue;
    const other = link.ends.find((e) => e.documentId !== documentId)?.document.title ?? "another passage of this reading";
    subjects.push(subject("linkEnd", end.id, {
      kind: "link",
      id: link.id,
      title: `${link.relation[0].toUpperCase()}${link.relation.slice(1)}: link to ${other}`,
      author: link.author.name,
      seminar: link.seminar.name,
      replies: countReplies(link.replies, viewer),
      href: viewLinkHref(link.seminarId, link.id, slug),
    }));
  }
  for (const passage of passages) {
    const { question } = passage;
    subjects.push(subject("questionPassage", passage.id, {
      kind: "question",
      id: question.id,
      title: question.title,
      author: "Guided question",
      seminar: question.seminar.name,
      replies: 0,
      href: `/seminars/${encodeURIComponent(question.seminarId)}/questions/${encodeURIComponent(question.id)}`,
    }));
  }
  return subjects;
}

function subject(itemKind: ItemKind, itemId: string, rest: Omit<Subject, "key">): Subject {
  return { key: `${itemKind}:${itemId}`, ...rest };
}
