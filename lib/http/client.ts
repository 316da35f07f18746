/**
 * The browser side of the API: one fetch helper that sends JSON and turns an error
 * answer into an `ApiError` with the server's code and message. Safe to import from
 * client components (no server modules).
 */

/** An error answer of the API: `{"error":{"code","message","details"?}}` with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Calls the API and returns its JSON (undefined for 204); throws ApiError otherwise. */
export async function callApi<T>(method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: body === undefined ? {} : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    credentials: "same-origin",
  });
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => null);
  if (!response.ok) {
    const error = data?.error;
    throw new ApiError(response.status, error?.code ?? "internal", error?.message ?? `Request failed (${response.status}).`, error?.details);
  }
  return data as T;
}
