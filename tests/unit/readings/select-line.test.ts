// @vitest-environment jsdom
/** The shared pieces of the add and revise forms: selecting a line the server named, and counts in words. */
import { describe, expect, it } from "vitest";
import { selectLine } from "@/app/readings/_shared/line-error";
import { plural } from "@/app/readings/_shared/plural";

describe("selectLine", () => {
  it("selects the line as the server counts it and focuses the box", () => {
    const box = document.createElement("textarea");
    document.body.append(box);
    box.value = "\n\nFirst line\nSecond line\nThird";
    selectLine(box, 2);
    expect(box.value.slice(box.selectionStart, box.selectionEnd)).toBe("Second line");
    expect(document.activeElement).toBe(box);
    box.remove();
  });

  it("does nothing past the end or without a box", () => {
    const box = document.createElement("textarea");
    box.value = "Only line";
    box.setSelectionRange(0, 0);
    selectLine(box, 5);
    expect([box.selectionStart, box.selectionEnd]).toEqual([0, 0]);
    expect(() => selectLine(null, 1)).not.toThrow();
  });
});

describe("plural", () => {
  it("says one or many with the count", () => {
    expect(plural(1, "reply", "replies")).toBe("1 reply");
    expect(plural(0, "reply", "replies")).toBe("0 replies");
    expect(plural(1204, "word", "words")).toBe("1,204 words");
  });
});
