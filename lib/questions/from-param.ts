import { passageInput, type PassageInput } from "@/lib/questions/schema";
import { decodeJsonParam, encodeJsonParam } from "@/lib/passages/param";

/**
 * The `from` parameter of /seminars/<id>/questions/new: one passage picked in the
 * reader as base64url of its JSON `{slug, versionId, selectors}`. Repeat the parameter
 * for several passages. Pure and isomorphic (browser and server), so the reader's
 * "Ask a question" action and the page that reads it share one codec.
 */

/** The `from` value for a passage. */
export function encodePassageParam(passage: PassageInput): string {
  return encodeJsonParam({ slug: passage.slug, versionId: passage.versionId, selectors: passage.selectors });
}

/** A `from` value back to a passage (shape checked with the API's contract), or null when it is not one. */
export function decodePassageParam(value: string): PassageInput | null {
  const parsed = passageInput.safeParse(decodeJsonParam(value));
  return parsed.success ? parsed.data : null;
}

export { newQuestionHref } from "@/lib/passages/hrefs";
