import { describe, expect, it } from "vitest";
import { bodyLine, joinReadingSource } from "@/lib/documents/import";

describe("bodyLine", () => {
  const file = joinReadingSource("---\ntitle: T\nauthor: A\nkind: essay\n---", "First line\n\nSecond paragraph\n");

  it("counts from the body's first line, after the front matter and one blank line", () => {
    expect(file.split("\n")[6]).toBe("First line");
    expect(bodyLine(file, 7)).toBe(1);
    expect(bodyLine(file, 9)).toBe(3);
  });

  it("is 0 or less for the front matter and the blank line after it", () => {
    expect(bodyLine(file, 6)).toBe(0);
    expect(bodyLine(file, 2)).toBeLessThan(0);
  });
});
