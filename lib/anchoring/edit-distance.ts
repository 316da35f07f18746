/**
 * Anchored edit-distance kernels (Levenshtein: insertions, deletions, substitutions
 * cost 1) on folded strings, for placing a passage's boundaries. They only ever run
 * on a few dozen characters around a boundary, so a plain dynamic programme is fast
 * enough and easier to trust than bit tricks.
 */

/**
 * For every position x in [from, to]: the fewest edits to align all of `pattern`
 * with text ending exactly at x (starting anywhere at or after `from`).
 * Returned array is indexed by x - from. Used for a prefix, which must end where
 * the passage starts, and for the tail of a quote, which must end where it ends.
 */
export function costsEndingAt(text: string, from: number, to: number, pattern: string): Int32Array {
  const m = pattern.length;
  const out = new Int32Array(to - from + 1);
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  out[0] = m;
  for (let x = from; x < to; x++) {
    const t = text.charCodeAt(x);
    let diag = col[0]; // value of col[i - 1] before this column
    col[0] = 0; // free start: the alignment may begin at any text position
    for (let i = 1; i <= m; i++) {
      const up = col[i];
      const sub = diag + (pattern.charCodeAt(i - 1) === t ? 0 : 1);
      const best = Math.min(sub, up + 1, col[i - 1] + 1);
      diag = up;
      col[i] = best;
    }
    out[x - from + 1] = col[m];
  }
  return out;
}

/**
 * For every position x in [from, to]: the fewest edits to align all of `pattern`
 * with text starting exactly at x (ending anywhere at or before `to`).
 * Returned array is indexed by x - from. Used for a suffix and the head of a quote.
 */
export function costsStartingAt(text: string, from: number, to: number, pattern: string): Int32Array {
  const m = pattern.length;
  const out = new Int32Array(to - from + 1);
  const col = new Int32Array(m + 1);
  for (let i = 0; i <= m; i++) col[i] = i;
  out[to - from] = m;
  // The mirror image of costsEndingAt: walk the text and the pattern backwards.
  for (let x = to - 1; x >= from; x--) {
    const t = text.charCodeAt(x);
    let diag = col[0];
    col[0] = 0;
    for (let i = 1; i <= m; i++) {
      const up = col[i];
      const sub = diag + (pattern.charCodeAt(m - i) === t ? 0 : 1);
      const best = Math.min(sub, up + 1, col[i - 1] + 1);
      diag = up;
      col[i] = best;
    }
    out[x - from] = col[m];
  }
  return out;
}
