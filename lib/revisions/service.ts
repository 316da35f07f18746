import "server-only";
import { AppError } from "@/lib/errors";
import type { Actor } from "@/lib/auth/actor";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { parseStoredSelectors } from "@/lib/annotations/selectors";
import { DocumentParseError } from "@/lib/documents/parse";
import type { Block } from "@/lib/documents/schema";
import { contentHash } from "@/lib/documents/content-hash";
import { appendVersion } from "@/lib/documents/repo";
import { bodyLine, ImportError, joinReadingSource, splitReadingSource, writeReadingSource } from "@/lib/documents/import";
import { requireTeaching, loadRevisable, type Revisable } from "@/lib/revisions/access";
import { itemKinds, listItemAnchors } from "@/lib/revisions/items";
import type { Placement } from "@/lib/revisions/place";
import type { PrepareProgress, PreparedVersion } from "@/lib/revisions/prepare";
import { moveItemsOnto, TRANSACTION_TIMEOUT_MS, type DocumentReanchor } from "@/lib/revisions/reanchor";
import { buildReport, type Landing, type RevisionReport } from "@/lib/revisions/report";
import { runPrepare, suggestInWorker } from "@/lib/revisions/off-thread";
import { refreshSuggestions } from "@/lib/links/suggestions";
import { liveEvents, type LiveEvents } from "@/lib/realtime/emit";
import type { AddReadingInput, ReviseReadingInput, UploadInput } from "@/lib/revisions/schema";
import { uniqueSlug } from "@/lib/revisions/slug";
import { importFailure } from "@/lib/revisions/upload";
import { loadSubjects } from "@/lib/revisions/subjects";

/**
 * Adding and revising readings. Both parse in a worker (`runPrepare`) and write in one
 * transaction: a new reading with its first version and its seminars, or a new
 * version with every anchored item moved onto it. A revision is all or nothing: if
 * anything fails, no item changes and the old version stays current.
 */

/** Progress of an add or a revision, as a job reports it. */
export type Progress = (update: { stage: "parsing" | "placing" | "saving"; done?: number; total?: number }) => void;

const forward = (progress?: Progress) => (p: PrepareProgress) => progress?.({ stage: p.stage, done: p.done, total: p.total });

/** Adds a reading for the actor's seminars and/or the shared library; returns its slug. */
export async function addReading(db: PrismaClient, actor: Actor, input: AddReadingInput, progress?: Progress): Promise<{ slug: string }> {
  const taught = new Set((await requireTeaching(db, actor)).map((s) => s.id));
  const seminarIds = [...new Set(input.seminarIds)];
  const foreign = seminarIds.find((id) => !taught.has(id));
  if (foreign) throw new AppError("forbidden", "You can add readings only to seminars you teach.");
  if (seminarIds.length === 0 && !input.shared) {
    throw new AppError("bad_request", "Choose at least one of your seminars, or add the reading to the shared library.");
  }
  const { title, author, publication, year, kind } = input;
  const source = readingSource({ title, author, publication, year, kind, source: input.upload?.name }, input.body);
  const slug = await uniqueSlug(db, title);
  const prepared = await prepare(source, `${slug}.md`, [], progress);

  progress?.({ stage: "saving" });
  await db.$transaction(
    async (tx) => {
      const last = await tx.document.aggregate({ _max: { position: true } });
      const document = await tx.document.create({
        data: {
          slug, title, author, kind,
          publication: publication || null,
          year: year ?? null,
          sourceFile: input.upload?.name ?? "typed in Parallax",
          position: (last._max.position ?? 0) + 1,
          scope: input.shared ? "library" : "seminar",
          addedById: actor.id,
        },
      });
      await appendVersion(tx, document.id, versionData(source, contentHash(source), prepared, actor, input.upload));
      for (const seminarId of seminarIds) {
        const end = await tx.seminarReading.aggregate({ where: { seminarId }, _max: { position: true } });
        await tx.seminarReading.create({ data: { seminarId, documentId: document.id, position: (end._max.position ?? -1) + 1 } });
      }
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
  return { slug };
}

/**
 * What a revision would do to the work the actor can see, without changing anything. The
 * reading is given by slug, or as `loadRevisable` already loaded it for the actor.
 */
export async function reportRevision(
  db: PrismaClient,
  actor: Actor,
  reading: string | Revisable,
  input: ReviseReadingInput,
  progress?: Progress,
): Promise<RevisionReport> {
  const document = typeof reading === "string" ? await loadRevisable(db, actor, reading) : reading;
  const plan = await planRevision(db, actor, document, input, progress);
  return plan.report;
}

/** Publishes a revision: a new current version, every item moved onto it, the report of what moved. */
export async function publishRevision(
  db: PrismaClient,
  actor: Actor,
  slug: string,
  input: ReviseReadingInput,
  progress?: Progress,
  events: LiveEvents = liveEvents,
): Promise<{ slug: string; version: number; report: RevisionReport; moved: DocumentReanchor }> {
  const plan = await planRevision(db, actor, await loadRevisable(db, actor, slug), input, progress);
  progress?.({ stage: "saving", done: 0, total: plan.placements.size });
  const moved = await db.$transaction(
    async (tx) => {
      const current = await tx.document.findUnique({ where: { id: plan.documentId }, select: { currentVersion: { select: { number: true } } } });
      if (current?.currentVersion?.number !== input.baseVersion) throw stale(current?.currentVersion?.number);
      const data = versionData(plan.source, plan.contentHash, plan.prepared, actor, input.upload);
      const version = await appendVersion(tx, plan.documentId, { ...data, report: JSON.stringify({ blocks: plan.report.blocks }) });
      return moveItemsOnto(tx, plan.documentId, { id: version.id, canonicalText: plan.prepared.text }, {
        placements: plan.placements,
        onProgress: (done, total) => progress?.({ stage: "saving", done, total }),
      });
    },
    { timeout: TRANSACTION_TIMEOUT_MS },
  );
  // Everyone reading it now is told, in each seminar that reads it.
  const seminars = await db.seminarReading.findMany({ where: { documentId: plan.documentId }, select: { seminarId: true } });
  for (const { seminarId } of seminars) {
    await events.emit(db, {
      type: "reading.revised",
      seminarId,
      documentId: plan.documentId,
      readingSlug: slug,
      itemId: plan.documentId,
      version: plan.report.toVersion,
      actorId: actor.id,
    });
  }
  return { slug, version: plan.report.toVersion, report: plan.report, moved };
}

/** The source a revision edits: the current version's body, without its front matter. */
export async function revisionDraft(db: PrismaClient, actor: Actor, slug: string) {
  const document = await loadRevisable(db, actor, slug);
  return { slug, title: document.title, version: document.currentVersion.number, body: splitReadingSource(document.currentVersion.source).body };
}

type Plan = {
  documentId: string;
  source: string;
  contentHash: string;
  prepared: PreparedVersion;
  placements: Map<string, Placement>;
  report: RevisionReport;
};

async function planRevision(db: PrismaClient, actor: Actor, document: Revisable, input: ReviseReadingInput, progress?: Progress): Promise<Plan> {
  const { slug, currentVersion: current } = document;
  if (current.number !== input.baseVersion) throw stale(current.number);
  const source = joinReadingSource(splitReadingSource(current.source).frontMatter, input.body);
  const hash = contentHash(source);
  if (hash === current.contentHash) throw new AppError("bad_request", "Nothing changed: the text is the same as the current version's.");

  const anchors = (await Promise.all(itemKinds.map(async (kind) => (await listItemAnchors(db, kind, document.id)).map((item) => ({ kind, item }))))).flat();
  const items = anchors.map(({ kind, item }) => ({ key: `${kind}:${item.id}`, selectors: parseStoredSelectors(item.selectors) }));
  const prepared = await prepare(source, `${slug}.md`, items, progress);
  const placements = new Map(prepared.placements);

  const landings = new Map<string, Landing>();
  for (const [key, placement] of placements) {
    landings.set(key, placement.anchorStatus === "orphaned" ? { anchorStatus: "orphaned" } : placement);
  }
  const report = buildReport({
    fromVersion: current.number,
    toVersion: current.number + 1,
    oldText: current.canonicalText,
    newText: prepared.text,
    oldBlockIds: (JSON.parse(current.blocks) as Block[]).map((b) => b.id),
    newBlockIds: prepared.blocks.map((b) => b.id),
    subjects: await loadSubjects(db, actor.id, document.id, slug),
    oldSelectors: new Map(items.map((item) => [item.key, item.selectors])),
    landings,
  });
  return { documentId: document.id, source, contentHash: hash, prepared, placements, report };
}

async function prepare(source: string, fileName: string, items: { key: string; selectors: ReturnType<typeof parseStoredSelectors> }[], progress?: Progress) {
  try {
    return await runPrepare({ source, fileName, items }, forward(progress));
  } catch (error) {
    if (error instanceof DocumentParseError) {
      const line = bodyLine(source, error.line);
      const where = line >= 1 ? `Line ${line} of the text` : "The reading's details";
      throw new AppError("bad_request", `${where}: ${error.reason}.`, { line });
    }
    throw error;
  }
}

/** The whole reading file from the form (parsed later, off the server's thread); bad details are a 400. */
function readingSource(...args: Parameters<typeof writeReadingSource>): string {
  try {
    return writeReadingSource(...args);
  } catch (error) {
    if (error instanceof ImportError) throw importFailure(error);
    throw error;
  }
}

function versionData(source: string, hash: string, prepared: PreparedVersion, actor: Actor, upload?: UploadInput) {
  return {
    contentHash: hash,
    source,
    canonicalText: prepared.text,
    blocks: JSON.stringify(prepared.blocks),
    wordCount: prepared.wordCount,
    origin: upload ? ("upload" as const) : ("edit" as const),
    authorId: actor.id,
    ...(upload ? { uploadName: upload.name, uploadFormat: upload.format, upload: upload.text } : {}),
  };
}

function stale(currentNumber: number | undefined) {
  return new AppError(
    "conflict",
    `This reading has changed since you started: version ${currentNumber ?? "?"} is current now. Check the changes again before publishing.`,
    { currentVersion: currentNumber },
  );
}

let refreshing: Promise<unknown> = Promise.resolve();

/**
 * Recomputes the suggested parallels after a reading was added or revised, in a worker
 * thread and after any refresh still running. Not awaited by the job: the reading is
 * usable at once, and its suggestions appear when ready. A failure is logged; the old
 * suggestions stay.
 */
export function refreshSuggestionsLater(db: PrismaClient): void {
  refreshing = refreshing
    .then(() => refreshSuggestions(db, { suggest: suggestInWorker }))
    .catch((error: unknown) => console.error("parallax: suggested parallels were not refreshed", error));
}
