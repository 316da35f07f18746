/**
 * A passage picked in the reader travels to another page (the compare view's making
 * mode, the new-question form) in a plain link, as base64url (RFC 4648 §5, no padding)
 * of its UTF-8 JSON. Pure and free of heavy imports, so the reader's client code can
 * build these links; each receiving page checks the decoded shape with its contract.
 */

/** base64url of a value's JSON. */
export function encodeJsonParam(value: unknown): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(JSON.stringify(value))) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** The value back from base64url JSON; undefined when it is not that (bad characters, bytes or JSON). */
export function decodeJsonParam(value: string, maxLength = 20_000): unknown {
  if (value.length === 0 || value.length > maxLength || !/^[A-Za-z0-9_-]+$/.test(value)) return undefined;
  try {
    const base64 = value.replace(/-/g, "+").replace(/_/g, "/");
    const binary = atob(base64 + "=".repeat((4 - (base64.length % 4)) % 4));
    return JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(binary, (c) => c.charCodeAt(0))));
  } catch {
    return undefined;
  }
}
