/**
 * A small RFC 4180 writer: fields separated by commas, records by CRLF, a field
 * quoted when it holds a comma, a double quote, CR or LF (quotes inside doubled).
 * Pure; the export prepends a UTF-8 byte order mark so spreadsheets read accents.
 */

/** The byte order mark that tells Excel and LibreOffice the file is UTF-8. */
export const BOM = "\uFEFF";
const CRLF = "\r\n";

/**
 * Text a spreadsheet would run as a formula when a cell starts with it (=, +, -, @,
 * tab, CR): such a cell gets a leading apostrophe, which spreadsheets show as text
 * ("CSV injection", OWASP). Applied to what people typed, never to our own columns.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell of text people typed, made safe to open in a spreadsheet. */
export function inertCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One field, quoted when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Records to CSV text: CRLF after every record (the last included), optionally with the BOM. */
export function toCsv(records: string[][], { bom = true }: { bom?: boolean } = {}): string {
  const body = records.map((record) => record.map(csvField).join(",") + CRLF).join("");
  return bom ? BOM + body : body;
}

/** A file name from a title: letters and digits kept (accents folded), the rest as dashes. */
export function csvFilename(title: string, suffix: string): string {
  const base = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return `${base || "seminar"}-${suffix}.csv`;
}

/** The Content-Disposition of a download: an ASCII name and the UTF-8 one (RFC 6266). */
export function attachmentHeader(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
