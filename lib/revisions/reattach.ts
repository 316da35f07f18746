import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { targetInput } from "@/lib/annotations/schema";
import { validateSelectors } from "@/lib/annotations/selectors";
import { loadVisibleNote } from "@/lib/annotations/access";
import { loadVisibleLink } from "@/lib/links/access";
import { requireInstructor } from "@/lib/seminars/membership";
import { moveItemAnchor, recordPlacements, type ItemAnchor, type ItemKind } from "@/lib/revisions/items";

/**
 * Orphan repair: someone allowed to re-attach an item points it at a passage of the
 * reading's current text. The note's author (or an instructor of its seminar) for a
 * note, the link's author (or an instructor) for a link end, an instructor for a
 * question's passage. The item's original selectors stay as they were; its placement
 * on an older version, if it was still there, is recorded like a re-anchoring's.
 */

/** The kinds as they appear in the address: /api/anchors/<kind>/<id> (a link end's id may be "<linkId>:<side>"). */
export const reattachKinds = { note: "note", "link-end": "linkEnd", "question-passage": "questionPassage" } as const satisfies Record<string, ItemKind>;
export type ReattachKind = keyof typeof reattachKinds;

/** PUT /api/anchors/[kind]/[id] */
export const reattachInput = z.strictObject({ target: targetInput });

export async function reattachItem(
  db: PrismaClient,
  actor: Actor,
  kind: string,
  id: string,
  input: z.infer<typeof reattachInput>,
): Promise<{ anchorStatus: "anchored"; versionId: string }> {
  if (!(kind in reattachKinds)) throw new AppError("not_found", `Nothing to re-attach at "${kind}".`);
  const itemKind = reattachKinds[kind as ReattachKind];
  const item = await loadReattachable(db, actor, itemKind, id);
  const current = await db.document.findUnique({
    where: { id: item.documentId },
    select: { currentVersion: { select: { id: true, canonicalText: true } } },
  });
  const version = current?.currentVersion;
  if (!version) throw new AppError("not_found", "The reading has no text to attach to.");
  if (input.target.versionId !== version.id) {
    throw new AppError("conflict", "The reading was revised while you were choosing the passage. Reload it and choose again.");
  }
  const selectors = validateSelectors(version.canonicalText, input.target.selectors);
  await db.$transaction(async (tx) => {
    if (item.versionId !== version.id) await recordPlacements(tx, itemKind, [item]);
    const moved = await moveItemAnchor(tx, itemKind, item.id, item.versionId, {
      versionId: version.id,
      selectors: JSON.stringify(selectors),
      anchorStatus: "anchored",
    });
    if (!moved) throw new AppError("conflict", "This item moved while you were choosing the passage. Reload and try again.");
  });
  return { anchorStatus: "anchored", versionId: version.id };
}

type Reattachable = ItemAnchor & { documentId: string };

async function loadReattachable(db: PrismaClient, actor: Actor, kind: ItemKind, id: string): Promise<Reattachable> {
  const select = { id: true, documentId: true, versionId: true, selectors: true, anchorStatus: true } as const;
  const refused = () => new AppError("forbidden", "Only its author or an instructor of the seminar can re-attach this.");
  if (kind === "note") {
    const { note, viewer } = await loadVisibleNote(db, actor, id);
    if (note.authorId !== actor.id && viewer.role !== "instructor") throw refused();
    return db.note.findUniqueOrThrow({ where: { id }, select });
  }
  if (kind === "linkEnd") {
    // An end is named by its row id, or as the reader knows it: "<linkId>:<side>".
    const [linkId, side] = id.split(":");
    const where = side === "a" || side === "b" ? { linkId_side: { linkId, side } } : { id };
    const end = await db.linkEnd.findUnique({ where, select: { ...select, linkId: true } });
    if (!end) throw new AppError("not_found", "No such link.");
    const { link, viewer } = await loadVisibleLink(db, actor, end.linkId);
    if (link.authorId !== actor.id && viewer.role !== "instructor") throw refused();
    return end;
  }
  const passage = await db.questionPassage.findUnique({ where: { id }, select: { ...select, question: { select: { seminarId: true } } } });
  if (!passage) throw new AppError("not_found", "No such question.");
  await requireInstructor(db, actor, passage.question.seminarId).catch((error: unknown) => {
    throw error instanceof AppError && error.code === "not_found" ? new AppError("not_found", "No such question.") : error;
  });
  return passage;
}
