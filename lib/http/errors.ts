import { AppError } from "@/lib/errors";

/** The JSON every failed request answers with. */
export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/**
 * The one place where errors become HTTP: an AppError keeps its code, status and
 * details; anything else is logged and answered as a bare 500 so no stack trace or
 * internal message reaches the client.
 */
export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const body: ErrorBody = { error: { code: error.code, message: error.message } };
    if (error.details !== undefined) body.error.details = error.details;
    const headers: Record<string, string> = {};
    const retryAfter = (error.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds;
    if (error.code === "too_many_requests" && typeof retryAfter === "number") headers["Retry-After"] = String(retryAfter);
    return Response.json(body, { status: error.status, headers });
  }
  console.error("parallax: unexpected error in a route handler", error);
  const body: ErrorBody = { error: { code: "internal", message: "Something went wrong on the server." } };
  return Response.json(body, { status: 500 });
}
