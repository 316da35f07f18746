/**
 * Selector and result types of the anchoring engine. They follow the W3C Web
 * Annotation Data Model; every offset is in UTF-16 code units of the canonical text.
 */

/** A passage described by its own text and the text just around it. */
export type TextQuoteSelector = {
  type: "TextQuoteSelector";
  exact: string;
  /** Up to 32 characters just before the passage; "" means "at the very start". */
  prefix?: string;
  /** Up to 32 characters just after the passage; "" means "at the very end". */
  suffix?: string;
};

/** A passage described by its offsets in the text it was made on. */
export type TextPositionSelector = {
  type: "TextPositionSelector";
  start: number;
  end: number;
};

/** Any selector the engine understands. */
export type Selector = TextQuoteSelector | TextPositionSelector;

/**
 * Which selector carried the answer: the stored position (text unchanged there),
 * the verbatim quote found elsewhere, or an approximate match.
 */
export type AnchorMethod = "position" | "quote" | "fuzzy";

/** Where a passage sits in a text, and how sure the engine is (0..1, 1 = verbatim). */
export type Anchor = {
  start: number;
  end: number;
  score: number;
  method: AnchorMethod;
};

/** Thrown by `describe` for a span that does not denote a non-empty passage of the text. */
export class InvalidSpanError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InvalidSpanError";
  }
}
