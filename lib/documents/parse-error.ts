/**
 * A reading file that cannot be parsed. The message names the file and the line
 * (`reading.md:12: …`) so whoever fixes it knows where to look.
 */
export class DocumentParseError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${file}:${line}: ${reason}`);
    this.name = "DocumentParseError";
  }
}
