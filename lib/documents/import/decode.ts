import { ImportError } from "./errors";

/** The largest upload accepted by default: 5 MB. */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

const saveAsText = "Save it as plain text, Markdown or HTML and upload it again.";

/** Magic numbers of the files instructors most often upload by mistake. */
const signatures: { bytes: (number | null)[]; looksLike: string; advice: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], looksLike: "a PDF", advice: "Copy its text into a plain text file, or paste it here." },
  { bytes: [0x50, 0x4b, 0x03, 0x04], looksLike: "a Word document, an EPUB or another ZIP archive", advice: saveAsText },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], looksLike: "an older Word or Office document", advice: saveAsText },
  { bytes: [0x7b, 0x5c, 0x72, 0x74, 0x66], looksLike: "a Rich Text (RTF) document", advice: saveAsText },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], looksLike: "a PNG image", advice: "Upload the reading's text instead." },
  { bytes: [0xff, 0xd8, 0xff], looksLike: "a JPEG image", advice: "Upload the reading's text instead." },
  { bytes: [0x47, 0x49, 0x46, 0x38], looksLike: "a GIF image", advice: "Upload the reading's text instead." },
  { bytes: [0x52, 0x49, 0x46, 0x46, null, null, null, null, 0x57, 0x45, 0x42, 0x50], looksLike: "a WebP image", advice: "Upload the reading's text instead." },
  { bytes: [0x1f, 0x8b], looksLike: "a compressed (gzip) file", advice: "Unpack it and upload the text inside." },
];

const notUnicode = "This file is not UTF-8 or UTF-16 text. Save it as UTF-8 (most editors offer it under Save As → Encoding) and upload it again.";

/**
 * Turns an uploaded file's bytes into text. Accepts UTF-8 (with or without a byte-order
 * mark) and UTF-16 LE or BE with a byte-order mark; the mark is not part of the result.
 * Pure: runs in Node and in the browser.
 *
 * @param options.maxBytes the largest accepted size; {@link MAX_UPLOAD_BYTES} by default
 * @throws ImportError "empty" (no bytes, or only whitespace), "too_large", "not_text" (a
 *   PDF, an image, an archive, other binary data) or "unknown_encoding" (e.g. Latin-1)
 */
export function decodeUpload(bytes: Uint8Array, options: { maxBytes?: number } = {}): string {
  const maxBytes = options.maxBytes ?? MAX_UPLOAD_BYTES;
  if (bytes.length === 0) throw emptyFile();
  if (bytes.length > maxBytes) {
    throw new ImportError("too_large", `This file is ${describeSize(bytes.length, maxBytes)}; the limit is ${formatSize(maxBytes)}. Split the reading into shorter parts and upload them one at a time.`);
  }
  const signature = signatures.find((s) => startsWith(bytes, s.bytes));
  if (signature) throw new ImportError("not_text", `This file is not text (it looks like ${signature.looksLike}). ${signature.advice}`);

  const text = decodeUnicode(bytes);
  if (/[\0]/.test(text) || controlShare(text) > 0.01) {
    throw new ImportError("not_text", `This file is not text (it holds binary data). ${saveAsText}`);
  }
  if (text.trim() === "") throw emptyFile();
  return text;
}

function decodeUnicode(bytes: Uint8Array): string {
  if (startsWith(bytes, [0xff, 0xfe, 0x00, 0x00]) || startsWith(bytes, [0x00, 0x00, 0xfe, 0xff])) {
    throw new ImportError("unknown_encoding", "This file is UTF-32 text, which Parallax does not read. Save it as UTF-8 and upload it again.");
  }
  if (startsWith(bytes, [0xff, 0xfe])) return decodeUtf16(bytes.subarray(2), false);
  if (startsWith(bytes, [0xfe, 0xff])) return decodeUtf16(bytes.subarray(2), true);
  if (bytes.includes(0)) {
    if (looksLikeUtf16(bytes)) {
      throw new ImportError("unknown_encoding", "This file looks like UTF-16 text without a byte-order mark. Save it as UTF-8 and upload it again.");
    }
    throw new ImportError("not_text", `This file is not text (it holds binary data). ${saveAsText}`);
  }
  try {
    // The decoder drops a UTF-8 byte-order mark.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError("unknown_encoding", notUnicode);
  }
}

function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): string {
  if (bytes.length % 2 !== 0) throw new ImportError("unknown_encoding", notUnicode);
  let data = bytes;
  if (bigEndian) {
    data = new Uint8Array(bytes.length);
    for (let i = 0; i < bytes.length; i += 2) {
      data[i] = bytes[i + 1];
      data[i + 1] = bytes[i];
    }
  }
  try {
    return new TextDecoder("utf-16le", { fatal: true, ignoreBOM: true }).decode(data);
  } catch {
    throw new ImportError("unknown_encoding", notUnicode);
  }
}

/** Whether NUL bytes sit at every other position, as in ASCII written as UTF-16. */
function looksLikeUtf16(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096 - (Math.min(bytes.length, 4096) % 2));
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) even++;
    if (sample[i + 1] === 0) odd++;
  }
  return Math.max(even, odd) / pairs > 0.9 && Math.min(even, odd) / pairs < 0.1;
}

/** The share of characters that are control characters other than tabs, line and page breaks. */
function controlShare(text: string): number {
  const controls = text.match(/[\x01-\x08\x0e-\x1f\x7f]/g)?.length ?? 0;
  return text.length ? controls / text.length : 0;
}

function startsWith(bytes: Uint8Array, prefix: (number | null)[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => byte === null || bytes[i] === byte);
}

function emptyFile(): ImportError {
  return new ImportError("empty", "This file is empty: it has no text in it. Choose the file that holds the reading's text.");
}

/** A size for people: "812 bytes", "14.2 KB", "7.2 MB" (whole units without ".0"). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} ${bytes === 1 ? "byte" : "bytes"}`;
  const [value, unit] = bytes < 1024 * 1024 ? [bytes / 1024, "KB"] : [bytes / (1024 * 1024), "MB"];
  return `${value.toFixed(1).replace(/\.0$/, "")} ${unit}`;
}

/** The size of a file over the limit, never written so that it looks like the limit itself. */
function describeSize(bytes: number, limit: number): string {
  const size = formatSize(bytes);
  return size === formatSize(limit) ? `just over ${size}` : size;
}
