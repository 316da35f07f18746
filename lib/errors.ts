/** The error codes Parallax answers with, each with its HTTP status. */
export const errorStatus = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  /** An upload that is not text Parallax can read (a PDF, an image, an unknown encoding). */
  unsupported_media_type: 415,
  /** Repeated failed sign-ins: the account or address waits before the next try. */
  too_many_requests: 429,
} as const;

export type ErrorCode = keyof typeof errorStatus;

/**
 * The one typed error of the services. Route handlers map it to
 * `{"error":{"code","message"}}` with its status; anything else becomes a plain 500.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "AppError";
  }

  get status(): number {
    return errorStatus[this.code];
  }
}
