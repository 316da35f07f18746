/**
 * Folding: the form in which texts are compared. Re-typesetting a reading changes
 * line breaks, spacing, quote and dash glyphs and accents without changing what it
 * says, so matching happens on a folded copy where all of these look the same, and
 * an offset map leads every folded character back to the original text.
 */

/** A folded text and, per folded code unit, the original span it came from. */
export type FoldedText = {
  /** The folded text: no whitespace, lower case, plain quotes and dashes. */
  text: string;
  /** `starts[i]`: original offset of the character that folded code unit `i` came from. */
  starts: Int32Array;
  /**
   * `ends[i]`: original offset just after that character, extended over the characters
   * that fold to nothing but are part of it (combining marks, soft hyphens) and over
   * the later dashes of a run that folds to one dash.
   */
  ends: Int32Array;
};

const SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u2035\u00b4\u02bc\u02bb`";
const DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u2033\u2036\u00ab\u00bb";
const DASHES = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d";
// Invisible characters that are not whitespace but carry no text either.
const INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff";

const HYPHEN = 45; // "-"
const foldCache = new Map<number, string>();

/** The folded form of one non-ASCII UTF-16 code unit (may be "" or several units). */
function foldNonAscii(code: number): string {
  const cached = foldCache.get(code);
  if (cached !== undefined) return cached;
  const ch = String.fromCharCode(code);
  let out: string;
  if (code >= 0xd800 && code <= 0xdfff) {
    // Half of a surrogate pair: astral characters are compared as they are.
    out = ch;
  } else if (SINGLE_QUOTES.includes(ch)) {
    out = "'";
  } else if (DOUBLE_QUOTES.includes(ch)) {
    out = '"';
  } else if (DASHES.includes(ch)) {
    out = "-";
  } else if (INVISIBLE.includes(ch) || /\s/.test(ch)) {
    out = "";
  } else {
    // Compatibility decomposition turns ligatures, superscripts and the ellipsis into
    // plain letters; dropping the marks then makes "é" and "e\u0301" both "e".
    out = ch
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .replace(/\s/g, "")
      .toLowerCase();
  }
  foldCache.set(code, out);
  return out;
}

/** True for a code unit that folds to nothing because it is space (not a mark). */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return /\s/.test(String.fromCharCode(code));
}

/**
 * Folds `text` for matching: whitespace removed (so reflowed lines and collapsed
 * spaces match), ASCII lower-cased, typographic quotes and dashes made plain, runs
 * of dashes made one, accents and compatibility forms (ligatures, "…") decomposed.
 */
export function foldText(text: string): FoldedText {
  const n = text.length;
  let capacity = n + 16;
  let codes = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let len = 0;

  const push = (code: number, from: number) => {
    if (len === capacity) {
      capacity *= 2;
      const grow = <T extends Uint16Array | Int32Array>(a: T, b: T) => (b.set(a), b);
      codes = grow(codes, new Uint16Array(capacity));
      starts = grow(starts, new Int32Array(capacity));
      ends = grow(ends, new Int32Array(capacity));
    }
    codes[len] = code;
    starts[len] = from;
    ends[len] = from + 1;
    len++;
  };

  for (let i = 0; i < n; i++) {
    let code = text.charCodeAt(i);
    if (code < 128) {
      if (code <= 32 && (code === 32 || (code >= 9 && code <= 13))) continue;
      if (code >= 65 && code <= 90) code += 32;
      else if (code === 96) code = 39; // backtick as apostrophe
      if (code === HYPHEN && len > 0 && codes[len - 1] === HYPHEN) {
        ends[len - 1] = i + 1;
        continue;
      }
      push(code, i);
      continue;
    }
    const folded = foldNonAscii(code);
    if (folded.length === 0) {
      // A mark or invisible character belongs to the character before it; a space
      // belongs to nothing, so that the passage never grows over a line break.
      if (len > 0 && !isSpace(code) && ends[len - 1] === i) ends[len - 1] = i + 1;
      continue;
    }
    for (let k = 0; k < folded.length; k++) {
      const c = folded.charCodeAt(k);
      if (c === HYPHEN && len > 0 && codes[len - 1] === HYPHEN) {
        ends[len - 1] = i + 1;
        continue;
      }
      push(c, i);
    }
  }

  let out = "";
  const CHUNK = 8192; // keeps fromCharCode's argument list small
  for (let i = 0; i < len; i += CHUNK) {
    out += String.fromCharCode.apply(null, codes.subarray(i, Math.min(len, i + CHUNK)) as unknown as number[]);
  }
  return { text: out, starts: starts.subarray(0, len), ends: ends.subarray(0, len) };
}

/** Folds a short string (a quote or its context) without keeping the offset map. */
export function foldString(s: string): string {
  return foldText(s).text;
}

/** The first folded index whose original character starts at or after `offset`. */
export function foldedIndexOf(folded: FoldedText, offset: number): number {
  const { starts } = folded;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The original span covered by the folded span [start, end) (which must be non-empty). */
export function originalSpan(folded: FoldedText, start: number, end: number): { start: number; end: number } {
  return { start: folded.starts[start], end: folded.ends[end - 1] };
}
