import "server-only";
import { anchor } from "@/lib/anchoring";
import type { Actor } from "@/lib/auth/actor";
import { spanInVersion, validateSelectors } from "@/lib/annotations/selectors";
import { getQuestion } from "@/lib/questions/service";
import { getReadingFor, type Reading } from "@/lib/documents/service";
import { AppError } from "@/lib/errors";
import { linksBetween, neighbours, orient } from "@/lib/links/order";
import { decodePassageParam, viewLinkHref, viewSuggestionHref, type PassageTarget } from "@/lib/links/passage-param";
import { findReadingsBySlug, findVersionOfReading } from "@/lib/links/repo";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { LinkEndView, LinkView, SuggestionEndView, SuggestionView } from "@/lib/links/schema";
import { getLink, listSeminarLinks } from "@/lib/links/service";
import { getSuggestion, listPendingSuggestions } from "@/lib/links/decisions";
import { getSeminar } from "@/lib/seminars/service";
import { locateIn } from "@/app/read/[slug]/live/reading-here";
import { prefixIds } from "./prefix-ids";

/**
 * What the compare page shows, loaded through the services: viewing a link (both
 * readings, the link, its neighbours between the same two readings), a suggested
 * parallel for an instructor to judge, a guided question's passages, or making a link
 * from a passage of the left reading (`from`) to a passage to be chosen on the right.
 */

export type Span = { start: number; end: number };
/** One side of the page: a reading rendered as the reader renders it (ids prefixed per side). */
export type Pane = { slug: string; title: string; author: string; versionId: string; html: string };
export type SeminarRef = { id: string; name: string; role: "instructor" | "student" };
/** Another link between the same two readings, drawn lightly and used to keep the panes in step. */
export type Sibling = { id: string; left: Span | null; right: Span | null };

export type CompareData =
  | {
      mode: "view";
      seminar: SeminarRef;
      link: LinkView;
      left: Pane;
      right: Pane;
      leftEnd: LinkEndView;
      rightEnd: LinkEndView;
      siblings: Sibling[];
      previousHref: string | null;
      nextHref: string | null;
      position: { index: number; count: number };
      backHref: string;
    }
  | {
      mode: "make";
      seminar: SeminarRef;
      left: Pane;
      right: Pane | null;
      from: PassageTarget;
      fromQuote: string;
      fromSpan: Span | null;
      readings: { slug: string; title: string }[];
      backHref: string;
    }
  | {
      mode: "suggestion";
      seminar: SeminarRef;
      suggestion: SuggestionView;
      left: Pane;
      right: Pane;
      leftEnd: SuggestionEndView;
      rightEnd: SuggestionEndView;
      leftSpan: Span | null;
      rightSpan: Span | null;
      /** Among the pending suggestions between the same two readings, best first (index −1: decided meanwhile). */
      position: { index: number; count: number };
      previousHref: string | null;
      nextHref: string | null;
      backHref: string;
    }
  | {
      mode: "question";
      title: string;
      questionHref: string;
      left: Pane;
      right: Pane;
      leftSpan: Span | null;
      rightSpan: Span | null;
      backHref: string;
    }
  | { mode: "problem"; message: string; backHref: string };

export type CompareParams = {
  seminar?: string;
  link?: string;
  suggestion?: string;
  left?: string;
  right?: string;
  from?: string;
  question?: string;
};

const span = (end: LinkEndView | SuggestionEndView): Span | null => (end.current ? { start: end.current.start, end: end.current.end } : null);

function pane(reading: Reading, side: "l" | "r"): Pane {
  return { slug: reading.slug, title: reading.title, author: reading.author, versionId: reading.versionId, html: prefixIds(reading.html, `${side}-`) };
}

/** The reader at a passage (its quote marks it there), in the seminar. */
export function readerHref(slug: string, seminarId: string, quote?: string): string {
  const params = new URLSearchParams({ seminar: seminarId });
  if (quote) params.set("quote", quote.slice(0, 500));
  return `/read/${encodeURIComponent(slug)}?${params}`;
}

async function seminarRef(db: PrismaClient, actor: Actor, seminarId: string): Promise<SeminarRef> {
  const seminar = await getSeminar(db, actor, seminarId);
  return { id: seminar.id, name: seminar.name, role: seminar.role };
}

/** Throws AppError not_found for what the actor may not see (the page shows its 404). */
export async function loadCompare(db: PrismaClient, actor: Actor, params: CompareParams): Promise<CompareData> {
  if (params.link) return loadView(db, actor, params.link, params.left);
  if (params.suggestion && params.seminar) return loadSuggestionPair(db, actor, params.seminar, params.suggestion, params.left);
  if (params.question && params.left && params.right) return loadQuestion(db, actor, params.question, params.left, params.right);
  if (!params.seminar || !params.left || !params.from) {
    return { mode: "problem", message: "This address does not name a link, or a passage to link from.", backHref: "/seminars" };
  }
  return loadMake(db, actor, params.seminar, params.left, params.right, params.from);
}

async function loadView(db: PrismaClient, actor: Actor, linkId: string, leftSlug: string | undefined): Promise<CompareData> {
  const link = await getLink(db, actor, linkId);
  const seminar = await seminarRef(db, actor, link.seminarId);
  const oriented = orient(link, leftSlug ?? link.ends[0].readingSlug) ?? orient(link, link.ends[0].readingSlug)!;
  const [left, right] = await Promise.all([getReadingFor(oriented.left.readingSlug, actor.id, db), getReadingFor(oriented.right.readingSlug, actor.id, db)]);
  const { links } = await listSeminarLinks(db, actor, link.seminarId);
  const between = linksBetween(links, left.slug, right.slug);
  const { previous, next, index } = neighbours(between, link.id);
  const href = (id: string) => viewLinkHref(seminar.id, id, left.slug);
  return {
    mode: "view",
    seminar,
    link,
    left: pane(left, "l"),
    right: pane(right, "r"),
    leftEnd: oriented.left,
    rightEnd: oriented.right,
    siblings: between.filter((o) => o.link.id !== link.id).map((o) => ({ id: o.link.id, left: span(o.left), right: span(o.right) })),
    previousHref: previous ? href(previous.link.id) : null,
    nextHref: next ? href(next.link.id) : null,
    position: { index, count: between.length },
    backHref: readerHref(left.slug, seminar.id, oriented.left.quote),
  };
}

/**
 * A suggested parallel's two passages side by side, for an instructor to judge before
 * confirming or dismissing it; `left` picks the reading shown on the left. A student
 * is told that only instructors see suggestions.
 */
async function loadSuggestionPair(db: PrismaClient, actor: Actor, seminarId: string, suggestionId: string, leftSlug: string | undefined): Promise<CompareData> {
  let pending: SuggestionView[];
  try {
    ({ suggestions: pending } = await listPendingSuggestions(db, actor, seminarId));
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") {
      return { mode: "problem", message: "Only the seminar's instructors see suggested parallels until they are confirmed.", backHref: `/seminars/${encodeURIComponent(seminarId)}` };
    }
    throw error;
  }
  // One decided meanwhile is no longer pending, but can still be looked at.
  const suggestion = pending.find((s) => s.id === suggestionId) ?? (await getSuggestion(db, actor, seminarId, suggestionId));
  const first = suggestion.ends[0].readingSlug;
  const { left: leftEnd, right: rightEnd } = orient(suggestion, leftSlug ?? first) ?? orient(suggestion, first)!;
  const [seminar, left, right] = await Promise.all([
    seminarRef(db, actor, seminarId),
    getReadingFor(leftEnd.readingSlug, actor.id, db),
    getReadingFor(rightEnd.readingSlug, actor.id, db),
  ]);
  const readings = (slugs: string[]) => [...slugs].sort().join("\u0000");
  const between = pending.filter((s) => readings(s.ends.map((e) => e.readingSlug)) === readings([left.slug, right.slug]));
  const index = between.findIndex((s) => s.id === suggestion.id);
  const href = (s: SuggestionView | undefined) => (s ? viewSuggestionHref(seminar.id, s.id, left.slug) : null);
  return {
    mode: "suggestion",
    seminar,
    suggestion,
    left: pane(left, "l"),
    right: pane(right, "r"),
    leftEnd,
    rightEnd,
    leftSpan: span(leftEnd),
    rightSpan: span(rightEnd),
    position: { index, count: between.length },
    previousHref: index > 0 ? href(between[index - 1]) : null,
    nextHref: href(index >= 0 ? between[index + 1] : between[0]),
    backHref: readerHref(left.slug, seminar.id, leftEnd.quote),
  };
}

/** A guided question's passages in two of its readings, side by side. */
async function loadQuestion(db: PrismaClient, actor: Actor, questionId: string, leftSlug: string, rightSlug: string): Promise<CompareData> {
  const question = await getQuestion(db, actor, questionId);
  const [left, right] = await Promise.all([getReadingFor(leftSlug, actor.id, db), getReadingFor(rightSlug, actor.id, db)]);
  const spanIn = (reading: Reading): Span | null => {
    const passage = question.passages.find((p) => p.slug === reading.slug);
    if (!passage) return null;
    return spanInVersion(passage, reading.versionId, locateIn(() => reading.text));
  };
  return {
    mode: "question",
    title: question.title,
    questionHref: `/seminars/${encodeURIComponent(question.seminarId)}/questions/${encodeURIComponent(question.id)}`,
    left: pane(left, "l"),
    right: pane(right, "r"),
    leftSpan: spanIn(left),
    rightSpan: spanIn(right),
    backHref: readerHref(left.slug, question.seminarId),
  };
}

async function loadMake(db: PrismaClient, actor: Actor, seminarId: string, leftSlug: string, rightSlug: string | undefined, fromParam: string): Promise<CompareData> {
  const seminar = await seminarRef(db, actor, seminarId);
  const backHref = readerHref(leftSlug, seminarId);
  const from = decodePassageParam(fromParam);
  if (!from) return { mode: "problem", message: "The passage to link from could not be read from this address.", backHref };
  const left = await getReadingFor(leftSlug, actor.id, db);
  const [document] = await findReadingsBySlug(db, [leftSlug]);
  const version = document ? await findVersionOfReading(db, document.id, from.versionId) : null;
  if (!version) return { mode: "problem", message: "The passage to link from is on a version of this reading that does not exist.", backHref };
  let quote: string;
  try {
    quote = validateSelectors(version.canonicalText, from.selectors)[0].exact;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return { mode: "problem", message: `The passage to link from does not fit the reading: ${error.message}`, backHref };
  }
  // Made on an older version: find it in the one shown.
  const found = from.versionId === left.versionId ? null : anchor(left.text, from.selectors);
  const position = from.selectors.find((s) => s.type === "TextPositionSelector");
  const fromSpan = from.versionId === left.versionId && position ? { start: position.start, end: position.end } : found && { start: found.start, end: found.end };
  const { readings } = await listSeminarLinks(db, actor, seminarId);
  const right = rightSlug ? await getReadingFor(rightSlug, actor.id, db) : null;
  return {
    mode: "make",
    seminar,
    left: pane(left, "l"),
    right: right && pane(right, "r"),
    from,
    fromQuote: quote,
    fromSpan,
    readings: readings.map((r) => ({ slug: r.slug, title: r.title })),
    backHref: readerHref(leftSlug, seminarId, quote),
  };
}
