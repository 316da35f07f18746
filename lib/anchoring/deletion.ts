/**
 * Deletion check: when a passage is removed, its prefix and suffix close up around
 * the gap where it was. If that seam is still near the stored position, deletion
 * explains the text there at least as well as any match found elsewhere, and a
 * look-alike (a repeated phrase, a duplicated footnote) must not take its place.
 */
import approxSearch from "approx-string-match";
import { occurrences } from "./candidates";
import { foldText } from "./normalize";
import { stablePieces, type Piece } from "./windows";

// The seam is looked for this far around the stored position (edits before the
// passage move it, as they move the passage).
const NEAR = 2048;
// A seam must be nearly intact to count: a looser one turns up by chance in
// formulaic text (footnotes, references), next to passages that are still there.
const MAX_SEAM_ERROR_RATE = 0.08;
// Each side must be long enough that the seam says "these two closed up": with no
// prefix (a passage at the very start) the suffix alone is found whether or not
// the passage is still in front of it.
const MIN_SIDE_LENGTH = 8;
const MAX_PLACES = 16;

/** Raw and folded context of the passage. */
export type Context = { rawPrefix: string; rawSuffix: string; prefix: string; suffix: string };

/**
 * Fewest edits with which the folded seam (prefix + suffix) occurs near `hint`, not
 * overlapping `exclude` when given, or null when it does not occur within the error
 * rate or `atMost` edits (or a side is too short to tell). Only places where the
 * prefix's longest verbatim piece occurs are folded and searched.
 */
export function seamErrors(
  text: string,
  ctx: Context,
  hint: number,
  exclude?: { start: number; end: number },
  atMost = Infinity,
): number | null {
  const { rawPrefix, rawSuffix, prefix, suffix } = ctx;
  if (prefix.length < MIN_SIDE_LENGTH || suffix.length < MIN_SIDE_LENGTH) return null;
  const seam = prefix + suffix;
  const limit = Math.min(atMost, Math.floor(seam.length * MAX_SEAM_ERROR_RATE));
  // The longest piece is the rarest: fewest places to check.
  const piece = stablePieces(rawPrefix, 3).reduce<Piece | null>((a, p) => (!a || p.text.length > a.text.length ? p : a), null);
  if (!piece) return null;
  const hits = occurrences(text, piece.text, MAX_PLACES, Math.max(0, hint - NEAR), hint + NEAR) ?? [];
  let best: number | null = null;
  for (const h of hits) {
    const from = Math.max(0, h - piece.offset - 8);
    const to = Math.min(text.length, h - piece.offset + rawPrefix.length + rawSuffix.length + 16);
    if (exclude && from < exclude.end && exclude.start < to) continue;
    const found = approxSearch(foldText(text.slice(from, to)).text, seam, limit);
    if (found.length > 0 && (best === null || found[0].errors < best)) best = found[0].errors;
  }
  return best;
}

/**
 * True when the passage's seam near `hint` costs no more edits than the best match
 * costs (see QuoteMatch.cost): then the passage was deleted. In self-similar text (a
 * list of references) the prefix followed by the quote's first words can look like
 * the seam, and the quote's last words followed by the suffix too; a seam
 * overlapping a `confident` match (see approximate.ts) is therefore that match, not
 * a gap. A seam away from the match always counts.
 */
export function deletionExplains(
  text: string,
  ctx: Partial<Context>,
  hint: number | undefined,
  match: { start: number; end: number; cost: number },
  confident: boolean,
): boolean {
  const { rawPrefix, rawSuffix, prefix, suffix } = ctx;
  if (hint === undefined || rawPrefix === undefined || rawSuffix === undefined) return false;
  if (prefix === undefined || suffix === undefined) return false;
  const exclude = confident ? match : undefined;
  const seam = seamErrors(text, { rawPrefix, rawSuffix, prefix, suffix }, hint, exclude, match.cost);
  return seam !== null && seam <= match.cost;
}
