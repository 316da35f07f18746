import { describe, expect, it } from "vitest";
import { decodeUpload, formatSize, MAX_UPLOAD_BYTES } from "@/lib/documents/import";
import { importError } from "./support";

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...values: number[]) => new Uint8Array(values);

function utf16(text: string, bigEndian: boolean, bom = true): Uint8Array {
  const out = new Uint8Array((text.length + (bom ? 1 : 0)) * 2);
  const units = (bom ? "\uFEFF" : "") + text;
  for (let i = 0; i < units.length; i++) {
    const unit = units.charCodeAt(i);
    out[i * 2] = bigEndian ? unit >> 8 : unit & 0xff;
    out[i * 2 + 1] = bigEndian ? unit & 0xff : unit >> 8;
  }
  return out;
}

const sample = "Café — naïve reading 📖\nSecond line.\n";

describe("decodeUpload: accepted text", () => {
  it("reads UTF-8 with and without a byte-order mark, dropping the mark", () => {
    expect(decodeUpload(utf8(sample))).toBe(sample);
    expect(decodeUpload(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(sample)]))).toBe(sample);
  });

  it("reads UTF-16 LE and BE with a byte-order mark, astral characters included", () => {
    expect(decodeUpload(utf16(sample, false))).toBe(sample);
    expect(decodeUpload(utf16(sample, true))).toBe(sample);
  });

  it("accepts a file of exactly the limit", () => {
    const text = "a".repeat(MAX_UPLOAD_BYTES);
    expect(decodeUpload(utf8(text)).length).toBe(MAX_UPLOAD_BYTES);
  });
});

describe("decodeUpload: refused files", () => {
  it("refuses an empty file and a file of only whitespace", () => {
    importError(() => decodeUpload(new Uint8Array()), "empty", /^This file is empty/);
    importError(() => decodeUpload(utf8("  \n\t\r\n  ")), "empty", /has no text in it/);
    importError(() => decodeUpload(utf16("   \n", false)), "empty", /empty/);
    importError(() => decodeUpload(bytes(0xef, 0xbb, 0xbf)), "empty", /empty/);
  });

  it("refuses a file over 5 MB, saying its size and the limit", () => {
    expect(MAX_UPLOAD_BYTES).toBe(5 * 1024 * 1024);
    const justOver = new Uint8Array(MAX_UPLOAD_BYTES + 1).fill(0x61);
    const e = importError(() => decodeUpload(justOver), "too_large", /^This file is just over 5 MB; the limit is 5 MB\./);
    expect(e.message).toMatch(/Split the reading/);
    const big = new Uint8Array(Math.round(7.2 * 1024 * 1024)).fill(0x61);
    importError(() => decodeUpload(big), "too_large", /^This file is 7\.2 MB; the limit is 5 MB\./);
  });

  it("takes another limit from the options", () => {
    importError(() => decodeUpload(utf8("a".repeat(150)), { maxBytes: 100 }), "too_large", /^This file is 150 bytes; the limit is 100 bytes\./);
    expect(decodeUpload(utf8("a".repeat(100)), { maxBytes: 100 })).toHaveLength(100);
  });

  it("refuses a PDF, saying what it looks like and what to do", () => {
    const pdf = utf8("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n");
    importError(() => decodeUpload(pdf), "not_text", /^This file is not text \(it looks like a PDF\)\. Copy its text/);
  });

  it("refuses images: PNG, JPEG, GIF, WebP", () => {
    const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52);
    importError(() => decodeUpload(png), "not_text", /^This file is not text \(it looks like a PNG image\)/);
    importError(() => decodeUpload(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46)), "not_text", /JPEG image/);
    importError(() => decodeUpload(utf8("GIF89a\u0001\u0000")), "not_text", /GIF image/);
    importError(() => decodeUpload(utf8("RIFF\u0000\u0000\u0000\u0000WEBPVP8 ")), "not_text", /WebP image/);
  });

  it("refuses Word documents, EPUBs and other archives", () => {
    importError(() => decodeUpload(bytes(0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0x06, 0)), "not_text", /Word document, an EPUB or another ZIP archive\)\. Save it as plain text, Markdown or HTML/);
    importError(() => decodeUpload(bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0)), "not_text", /older Word/);
    importError(() => decodeUpload(utf8("{\\rtf1\\ansi Hello}")), "not_text", /Rich Text/);
    importError(() => decodeUpload(bytes(0x1f, 0x8b, 0x08, 0)), "not_text", /gzip/);
  });

  it("refuses other binary data: NUL bytes or many control characters", () => {
    importError(() => decodeUpload(bytes(0x41, 0x00, 0x00, 0x07, 0x42, 0x43, 0x00, 0x00, 0x00, 0x01)), "not_text", /binary data/);
    importError(() => decodeUpload(utf8("ab\u0001\u0002\u0003cd\u0004\u0005\u0006")), "not_text", /binary data/);
  });

  it("refuses Latin-1 text that is not UTF-8, saying to save it as UTF-8", () => {
    const latin1 = bytes(...[..."Une lecture d'"].map((c) => c.charCodeAt(0)), 0xe9, 0x74, 0xe9, 0x2e);
    importError(() => decodeUpload(latin1), "unknown_encoding", /^This file is not UTF-8 or UTF-16 text\. Save it as UTF-8/);
  });

  it("refuses UTF-16 without a byte-order mark, and UTF-32", () => {
    importError(() => decodeUpload(utf16("Plain words here.", false, false)), "unknown_encoding", /UTF-16 text without a byte-order mark\. Save it as UTF-8/);
    importError(() => decodeUpload(bytes(0xff, 0xfe, 0, 0, 0x41, 0, 0, 0)), "unknown_encoding", /UTF-32/);
  });

  it("refuses UTF-16 with a broken surrogate or an odd length", () => {
    importError(() => decodeUpload(bytes(0xff, 0xfe, 0x41, 0x00, 0x3d, 0xd8, 0x41, 0x00)), "unknown_encoding", /not UTF-8 or UTF-16/);
    importError(() => decodeUpload(bytes(0xff, 0xfe, 0x41, 0x00, 0x42)), "unknown_encoding", /not UTF-8 or UTF-16/);
  });
});

describe("formatSize", () => {
  it("writes sizes for people", () => {
    expect(formatSize(1)).toBe("1 byte");
    expect(formatSize(812)).toBe("812 bytes");
    expect(formatSize(14.2 * 1024)).toBe("14.2 KB");
    expect(formatSize(5 * 1024 * 1024)).toBe("5 MB");
  });
});
