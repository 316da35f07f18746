import { ApiError } from "@/lib/http/client";
import type { UploadInput } from "@/lib/revisions/schema";

/**
 * The revise page's draft, pure: the text being edited, the file it came from, the
 * version it started from; kept in sessionStorage so a reload or an error loses nothing.
 */

export type RevisionDraft = { baseVersion: number; body: string; upload: UploadInput | null; warnings: string[] };

export const draftKey = (slug: string) => `parallax:revision-draft:${slug}`;

export function parseRevisionDraft(text: string | null): RevisionDraft | null {
  if (!text) return null;
  try {
    const v = JSON.parse(text) as Partial<RevisionDraft>;
    if (typeof v.body !== "string" || typeof v.baseVersion !== "number" || !Number.isInteger(v.baseVersion) || v.baseVersion < 1) return null;
    const u = v.upload;
    const upload = u && typeof u.name === "string" && typeof u.text === "string" && ["text", "markdown", "html"].includes(u.format) ? u : null;
    const warnings = Array.isArray(v.warnings) ? v.warnings.filter((w): w is string => typeof w === "string") : [];
    return { baseVersion: v.baseVersion, body: v.body, upload, warnings };
  } catch {
    return null;
  }
}

/** Keeps the draft; false when it does not fit in sessionStorage. */
export function storeRevisionDraft(storage: Pick<Storage, "setItem" | "removeItem">, slug: string, draft: RevisionDraft): boolean {
  try {
    storage.setItem(draftKey(slug), JSON.stringify(draft));
    return true;
  } catch {
    try {
      storage.setItem(draftKey(slug), JSON.stringify({ ...draft, upload: null }));
      return true;
    } catch {
      storage.removeItem(draftKey(slug));
      return false;
    }
  }
}

/**
 * The version current now when a check or publish failed because the reading changed
 * (409): from the error's details, or from its message ("version 4 is current now");
 * undefined when the error is something else.
 */
export function conflictVersion(error: unknown): number | null | undefined {
  if (!(error instanceof ApiError) || (error.status !== 409 && error.code !== "conflict")) return undefined;
  const detail = (error.details as { currentVersion?: unknown } | undefined)?.currentVersion;
  if (typeof detail === "number") return detail;
  const match = /version (\d+) is current/.exec(error.message);
  return match ? Number(match[1]) : null;
}
