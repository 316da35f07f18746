/**
 * Where to look, found on the original text: folding a whole 80 KB reading costs
 * more than the whole budget of an anchor, so the engine folds only short windows
 * around places that verbatim look-ups point at. The look-ups use "stable" pieces:
 * runs of characters that reflowing a text does not change (no spaces, quotes or
 * dashes), taken from the quote and from the ends of its context.
 */
import { clusterVotes, occurrences, type Vote } from "./candidates";

/**
 * A stretch [start, end) of the original text worth folding and searching, for a
 * quote that would start near one of `at`; `votes` says how many seeds agree.
 */
export type Window = { start: number; end: number; at: number[]; votes: number };

/** What the windows are for: the raw quote, its raw context and the stored position. */
export type Looked = { exact: string; prefix?: string; suffix?: string; hint?: number };

const UNSTABLE = /[\s'"`\u2018-\u201f\u2032-\u2037\u00ab\u00bb\u2010-\u2015\u2212\u2026\u00ad]+/;
const MIN_PIECE = 4;
const MAX_QUOTE_PIECES = 8;
const MAX_HITS = 16;
const MAX_WINDOWS = 6;

/** A stable run of a string and its offset there. */
export type Piece = { text: string; offset: number };

/** The stable runs of `s` at least `min` long, with their offsets. */
export function stablePieces(s: string, min: number): Piece[] {
  const out: Piece[] = [];
  let offset = 0;
  for (const part of s.split(UNSTABLE)) {
    const at = s.indexOf(part, offset);
    if (part.length >= min) out.push({ text: part, offset: at });
    offset = at + part.length;
  }
  return out;
}

/**
 * Windows of the text that may hold the quote, best supported first: each stable
 * piece of the quote, and the last (first) two of the prefix (suffix), votes for
 * where the quote would start; votes that agree within a tolerance are one place.
 * Pieces with too many hits are common words and say nothing. Verbatim hits of the
 * whole quote (`exactHits`) and the hint always get a window. With `range`, pieces
 * are only looked up in text[range.from, range.to) (each look-up over a whole
 * reading costs tens of microseconds).
 */
export function findWindows(
  text: string,
  looked: Looked,
  exactHits: number[],
  range: { from: number; to: number } = { from: 0, to: text.length },
): Window[] {
  const { exact, prefix = "", suffix = "", hint } = looked;
  const m = exact.length;
  const votes: Vote[] = [];
  const vote = (piece: Piece, distanceToStart: number) => {
    const hits = occurrences(text, piece.text, MAX_HITS, range.from, range.to);
    if (hits) for (const h of hits) votes.push({ at: h + distanceToStart, weight: 1 });
  };

  // Long pieces are rarer: keep the longest.
  const kept = stablePieces(exact, MIN_PIECE)
    .sort((a, b) => b.text.length - a.text.length)
    .slice(0, MAX_QUOTE_PIECES);
  for (const p of kept) vote(p, -p.offset);
  for (const p of stablePieces(prefix, 3).slice(-2)) vote(p, prefix.length - p.offset);
  for (const p of stablePieces(suffix, 3).slice(0, 2)) vote(p, -(m + p.offset));
  for (const h of exactHits) votes.push({ at: h, weight: 2 });
  if (hint !== undefined) votes.push({ at: hint, weight: 0.5 });

  const tolerance = 16 + Math.min(128, m >> 3);
  const places = clusterVotes(votes, tolerance);
  // A place far behind the best is a common piece hit by chance, not worth a search.
  const floor = places.length > 0 ? places[0].votes / 4 : 0;
  const chosen = places.slice(0, MAX_WINDOWS).filter((p) => p.votes >= floor);
  if (hint !== undefined && !chosen.some((p) => Math.abs(p.at - hint) <= tolerance)) chosen.push({ at: hint, votes: 0.5 });
  // Exact hits were ranked by their context in the caller; each keeps its window.
  for (const h of exactHits) if (!chosen.some((p) => Math.abs(p.at - h) <= tolerance)) chosen.push({ at: h, votes: 2 });

  // Reflowing shifts offsets a little, so each window has slack beyond quote and
  // context. Overlapping windows are folded once, as one, keeping every place.
  const slack = tolerance + 16;
  const windows = chosen
    .map((p) => ({
      start: Math.max(0, p.at - prefix.length - slack),
      end: Math.min(text.length, p.at + m + suffix.length + slack),
      at: [p.at],
      votes: p.votes,
    }))
    .sort((a, b) => a.start - b.start);
  const merged: Window[] = [];
  for (const w of windows) {
    const last = merged[merged.length - 1];
    if (last && w.start <= last.end) {
      last.end = Math.max(last.end, w.end);
      last.at.push(...w.at);
      last.votes += w.votes;
    } else merged.push(w);
  }
  return merged;
}
