/**
 * Importing an instructor's reading: bytes → text (`decodeUpload`), text → format
 * (`detectFormat`), text → reading body (`toReadingBody`), a guess at the title and author
 * (`suggestMeta`), both from one reading of the file (`readUpload`), and front matter +
 * body → reading file (`buildReadingSource`). Pure; the HTML part uses htmlparser2.
 */
export { decodeUpload, formatSize, MAX_UPLOAD_BYTES } from "./decode";
export { detectFormat, type ImportFormat } from "./detect";
export { ImportError, type ImportErrorCode } from "./errors";
export { readUpload, toReadingBody, type ReadingBody, type ReadUpload } from "./body";
export { suggestMeta, type SuggestedMeta } from "./meta";
export { bodyLine, buildReadingSource, joinReadingSource, splitReadingSource, writeReadingSource, type ReadingMetaInput } from "./source";
