/** Why an upload or a pasted text could not become a reading. */
export type ImportErrorCode = "empty" | "too_large" | "not_text" | "unknown_encoding" | "nothing_readable" | "invalid";

/**
 * An upload or a pasted text that cannot become a reading. `message` is written for the
 * instructor: it says what is wrong and what to do about it.
 */
export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ImportError";
  }
}
