import { describe, expect, it } from "vitest";
import { formatComment, formatEvent, formatRetry, parseEventId, parseFrames } from "@/lib/realtime/sse";

describe("event-stream frames", () => {
  it("writes id, event and one data line of JSON, and reads them back", () => {
    const text = formatEvent({ id: 42, event: "note.created", data: { body: "two\nlines", quote: "a: b" } });
    expect(text).toBe('id: 42\nevent: note.created\ndata: {"body":"two\\nlines","quote":"a: b"}\n\n');
    const { frames, rest } = parseFrames(text);
    expect(rest).toBe("");
    expect(frames).toEqual([{ id: "42", event: "note.created", data: '{"body":"two\\nlines","quote":"a: b"}', comments: [] }]);
  });

  it("keeps an unfinished frame for the next chunk, and reads comments and bare ids", () => {
    const all = formatRetry(3000) + formatComment("ping", 7) + formatEvent({ event: "presence", data: { names: [] } });
    const cut = all.length - 5;
    const first = parseFrames(all.slice(0, cut));
    const second = parseFrames(first.rest + all.slice(cut));
    const frames = [...first.frames, ...second.frames];
    expect(frames.map((f) => [f.event, f.id, f.comments])).toEqual([
      ["comment", null, []], // retry only
      ["comment", "7", ["ping"]],
      ["presence", null, []],
    ]);
  });

  it("a comment cannot break out of its line", () => {
    expect(formatComment("a\n\ndata: x")).toBe(": a data: x\n\n");
  });

  it("parses CRLF streams", () => {
    expect(parseFrames("event: a\r\ndata: 1\r\n\r\n").frames[0]).toMatchObject({ event: "a", data: "1" });
  });

  it("Last-Event-ID: safe non-negative integers only", () => {
    expect(parseEventId("1732252800000001")).toBe(1732252800000001);
    expect(parseEventId(" 12 ")).toBe(12);
    for (const bad of [null, undefined, "", "-1", "1.5", "abc", "99999999999999999", "1e5"]) expect(parseEventId(bad), String(bad)).toBeNull();
  });
});
