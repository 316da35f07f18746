import type { TextPositionSelector, TextQuoteSelector } from "@/lib/anchoring/types";
import type { PassageInput } from "@/lib/questions/schema";

/**
 * The question form's draft, pure: its passages (kept ones of an edited question and
 * new ones picked in the reader), merging passages that arrive from the reader into a
 * draft without doubles, the sessionStorage keys and the datetime-local conversions.
 */

/** A passage in the form: one the question already has, or one picked in the reader. */
export type FormPassage =
  | { kind: "kept"; key: string; id: string; slug: string; readingTitle: string; quote: string }
  | ({ kind: "new"; key: string; readingTitle: string; quote: string } & PassageInput);

/** Everything typed into the form so far. */
export type QuestionDraft = { title: string; due: string; answerFirst: boolean; promptHtml: string | null; passages: FormPassage[] };

/** sessionStorage: the draft of the new question, or of the edit of one question. */
export function draftKey(seminarId: string, target: string): string {
  return `parallax:question-draft:${seminarId}:${target}`;
}

/** sessionStorage: where a passage picked next in the reader should go ("new" or a question id). */
export function pickKey(seminarId: string): string {
  return `parallax:question-pick:${seminarId}`;
}

/** A picked passage as it shows in the form; its key identifies the span on its version. */
export function newPassage(passage: PassageInput, readingTitle: string): FormPassage {
  const quote = passage.selectors.find((s): s is TextQuoteSelector => s.type === "TextQuoteSelector")?.exact ?? "";
  const position = passage.selectors.find((s): s is TextPositionSelector => s.type === "TextPositionSelector");
  const key = `${passage.slug}|${passage.versionId}|${position?.start ?? "?"}-${position?.end ?? "?"}`;
  return { kind: "new", key, slug: passage.slug, versionId: passage.versionId, selectors: passage.selectors, readingTitle, quote };
}

/** Passages of a draft followed by those not in it yet (a reload or a second visit adds nothing twice). */
export function mergePassages(current: FormPassage[], arriving: FormPassage[]): FormPassage[] {
  const keys = new Set(current.map((p) => p.key));
  const merged = [...current];
  for (const passage of arriving) {
    if (keys.has(passage.key)) continue;
    keys.add(passage.key);
    merged.push(passage);
  }
  return merged;
}

/** Moves the passage at `index` by -1 or +1 (no change at the ends). */
export function movePassage(passages: FormPassage[], index: number, by: -1 | 1): FormPassage[] {
  const to = index + by;
  if (index < 0 || index >= passages.length || to < 0 || to >= passages.length) return passages;
  const next = [...passages];
  [next[index], next[to]] = [next[to], next[index]];
  return next;
}

/** A stored draft read back, or null when it is missing or not one. */
export function parseDraft(text: string | null): QuestionDraft | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<QuestionDraft>;
    if (typeof value.title !== "string" || typeof value.due !== "string" || typeof value.answerFirst !== "boolean" || !Array.isArray(value.passages)) return null;
    return { title: value.title, due: value.due, answerFirst: value.answerFirst, promptHtml: typeof value.promptHtml === "string" ? value.promptHtml : null, passages: value.passages };
  } catch {
    return null;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

/** An instant as a datetime-local value in the browser's zone ("2025-03-01T17:00"); "" for none. */
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** A datetime-local value (the browser's zone) as an ISO instant; null for "", undefined when unreadable. */
export function fromLocalInput(value: string): string | null | undefined {
  if (!value.trim()) return null;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}
