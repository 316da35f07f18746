import { AppError, type ErrorCode } from "@/lib/errors";
import { decodeUpload, detectFormat, ImportError, readUpload, type ImportErrorCode, type ImportFormat } from "@/lib/documents/import";

/** An upload converted for the add and revise forms: the body to fix, and what it came from. */
export type ConvertedUpload = {
  name: string;
  format: ImportFormat;
  /** The file as received (decoded), kept with the version as its provenance. */
  text: string;
  body: string;
  warnings: string[];
  suggested: { title?: string; author?: string };
};

const statusFor: Record<ImportErrorCode, ErrorCode> = {
  empty: "bad_request",
  too_large: "too_large",
  not_text: "unsupported_media_type",
  unknown_encoding: "unsupported_media_type",
  nothing_readable: "bad_request",
  invalid: "bad_request",
};

/** An importer's refusal as the API answers it: 400, 413 or 415 with the importer's message. */
export function importFailure(error: ImportError): AppError {
  return new AppError(statusFor[error.code], error.message);
}

/** Decodes and converts an uploaded file; an unreadable one gets a clear 400/413/415 and nothing is kept. */
export function convertUpload(bytes: Uint8Array, fileName: string | null): ConvertedUpload {
  try {
    const text = decodeUpload(bytes);
    const format = detectFormat(fileName, text);
    const { body, warnings, suggested } = readUpload(text, format);
    return { name: fileName ?? `upload.${format === "html" ? "html" : format === "markdown" ? "md" : "txt"}`, format, text, body, warnings, suggested };
  } catch (error) {
    if (error instanceof ImportError) throw importFailure(error);
    throw error;
  }
}
