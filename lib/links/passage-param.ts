import { targetInput } from "@/lib/annotations/schema";
import type { PassageTarget } from "@/lib/passages/hrefs";
import { decodeJsonParam, encodeJsonParam } from "@/lib/passages/param";

/**
 * The `from` parameter of the compare view's making mode: the left passage's version
 * and W3C selectors as base64url-encoded UTF-8 JSON, so a passage chosen in the reader
 * travels in a plain link. Works in the browser and on the server (btoa/atob and
 * TextEncoder exist in both).
 */

export type { PassageTarget } from "@/lib/passages/hrefs";
export { makeLinkHref } from "@/lib/passages/hrefs";

/** Encodes a passage for `from=`. */
export function encodePassageParam(target: PassageTarget): string {
  return encodeJsonParam({ versionId: target.versionId, selectors: target.selectors });
}

/** Decodes `from=`; null when it is not a passage (bad base64, bad JSON, wrong shape). */
export function decodePassageParam(value: string): PassageTarget | null {
  const parsed = targetInput.safeParse(decodeJsonParam(value));
  return parsed.success ? (parsed.data as PassageTarget) : null;
}

/** The compare view's address for viewing a link, with `left` the reading to show on the left. */
export function viewLinkHref(seminarId: string, linkId: string, left?: string): string {
  const params = new URLSearchParams({ seminar: seminarId, link: linkId });
  if (left) params.set("left", left);
  return `/compare?${params}`;
}

/** The compare view's address for looking at a suggested parallel before deciding on it. */
export function viewSuggestionHref(seminarId: string, suggestionId: string, left?: string): string {
  const params = new URLSearchParams({ seminar: seminarId, suggestion: suggestionId });
  if (left) params.set("left", left);
  return `/compare?${params}`;
}
