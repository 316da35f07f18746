import type { z } from "zod";
import { AppError } from "@/lib/errors";

/** Request bodies larger than this are refused before parsing (rich-text bodies included). */
export const MAX_REQUEST_BYTES = 512 * 1024;

/**
 * Reads a JSON request body and parses it with its zod contract. Oversize → 413,
 * malformed JSON → 400, a body that breaks the contract → 400 naming the first fields.
 */
export async function parseJsonBody<T>(req: Request, schema: z.ZodType<T>, maxBytes = MAX_REQUEST_BYTES): Promise<T> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const text = await req.text();
  // Content-Length may be absent (chunked) or wrong, so the text is measured too.
  if (Buffer.byteLength(text, "utf8") > maxBytes) throw tooLarge(maxBytes);
  let raw: unknown;
  try {
    raw = text.trim() === "" ? undefined : JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
  return parseWith(schema, raw, "request body");
}

/** Parses URL query parameters (each name once) with a zod contract; 400 on failure. */
export function parseQuery<T>(url: URL, schema: z.ZodType<T>): T {
  return parseWith(schema, Object.fromEntries(url.searchParams), "query");
}

/** Runs a zod contract and turns its failure into one readable 400. */
export function parseWith<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 3).map((issue) => {
    const where = issue.path.length ? issue.path.join(".") : what;
    return `${where}: ${issue.message}`;
  });
  throw new AppError("bad_request", `Invalid ${what}. ${problems.join("; ")}`);
}

/** Reads a raw request body (an uploaded file) of at most `maxBytes`; 413 beyond. */
export async function readRawBody(req: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw tooLarge(maxBytes);
  const bytes = new Uint8Array(await req.arrayBuffer());
  if (bytes.byteLength > maxBytes) throw tooLarge(maxBytes);
  return bytes;
}

function tooLarge(maxBytes: number) {
  const size = maxBytes >= 1024 * 1024 ? `${Math.round(maxBytes / (1024 * 1024))} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new AppError("too_large", `The request body is larger than ${size}.`);
}
