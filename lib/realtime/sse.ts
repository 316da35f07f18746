/**
 * The text/event-stream wire format (WHATWG HTML, "Server-sent events"): pure helpers
 * to write frames and to read them back (tests, the bench, non-browser clients).
 */

/** One frame: `id:` (advances the client's Last-Event-ID), `event:` (its name), `data:` (JSON). */
export function formatEvent(frame: { id?: number; event: string; data: unknown }): string {
  const lines: string[] = [];
  if (frame.id !== undefined) lines.push(`id: ${frame.id}`);
  lines.push(`event: ${frame.event}`);
  // JSON.stringify never emits a raw newline, so one data line holds the whole value.
  lines.push(`data: ${JSON.stringify(frame.data)}`);
  return `${lines.join("\n")}\n\n`;
}

/**
 * A comment line (ignored by EventSource; keeps proxies from closing an idle
 * connection), optionally with a bare `id:` that moves the client's Last-Event-ID
 * forward without firing an event.
 */
export function formatComment(text: string, id?: number): string {
  return `: ${text.replace(/[\r\n]+/g, " ")}\n${id !== undefined ? `id: ${id}\n` : ""}\n`;
}

/** How long EventSource waits before reconnecting, in ms. */
export function formatRetry(ms: number): string {
  return `retry: ${Math.round(ms)}\n\n`;
}

/** A frame as read back: `event` defaults to "message"; comments are listed apart. */
export type ParsedFrame = { id: string | null; event: string; data: string; comments: string[] };

/**
 * Splits event-stream text into frames. Returns the complete frames and the rest (an
 * unfinished frame to prepend to the next chunk). Frames with neither data nor id
 * (comment-only heartbeats) are returned too, with `event` "comment".
 */
export function parseFrames(text: string): { frames: ParsedFrame[]; rest: string } {
  const normalized = text.replace(/\r\n?/g, "\n");
  const parts = normalized.split("\n\n");
  const rest = parts.pop() ?? "";
  const frames = parts.map((block) => {
    const frame: ParsedFrame = { id: null, event: "", data: "", comments: [] };
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) {
        frame.comments.push(line.slice(1).trim());
        continue;
      }
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
      if (field === "id") frame.id = value;
      else if (field === "event") frame.event = value;
      else if (field === "data") data.push(value);
    }
    frame.data = data.join("\n");
    if (!frame.event) frame.event = data.length ? "message" : "comment";
    return frame;
  });
  return { frames, rest };
}

/** Parses a Last-Event-ID value: a non-negative safe integer, else null. */
export function parseEventId(value: string | null | undefined): number | null {
  if (!value || !/^\d{1,16}$/.test(value.trim())) return null;
  const id = Number(value.trim());
  return Number.isSafeInteger(id) ? id : null;
}
