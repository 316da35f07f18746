/**
 * Importing an instructor's reading: bytes → text (`decodeUpload`), text → format
 * (`detectFormat`), text → reading body (`toReadingBody`), a guess at the title and author
 * (`suggestMeta`), and front matter + body → reading file (`buildReadingSource`). Pure; the
 * HTML part uses htmlparser2.
 */
export { decodeUpload, formatSize, MAX_UPLOAD_BYTES } from "./decode";
export { detectFormat, type ImportFormat } from "./detect";
export { ImportError, type ImportErrorCode } from "./errors";
export { toReadingBody, type ReadingBody } from "./body";
export { suggestMeta, type SuggestedMeta } from "./meta";
export { buildReadingSource, joinReadingSource, splitReadingSource, writeReadingSource, type ReadingMetaInput } from "./source";
