import { describe as suite, expect, it } from "vitest";
import { anchor, describe } from "@/lib/anchoring";
import { CASE_CLASSES, buildCases } from "../../bench/perturb";
import { loadReadingTexts } from "../../fixtures/readings";

// A small slice of the benchmark (tests/bench/anchoring.bench.ts) as a regression
// guard: every class of change, on a seed the benchmark does not use.
suite("anchor on perturbed readings", () => {
  const cases = buildCases(loadReadingTexts(), 99, 20);

  it.each(CASE_CLASSES.map((c) => [c]))("handles %s", (cls) => {
    const mine = cases.filter((c) => c.cls === cls);
    let right = 0;
    for (const c of mine) {
      const got = anchor(c.edited, describe(c.original, c.start, c.end));
      const ok = c.expected
        ? !!got && Math.abs(got.start - c.expected.start) <= 3 && Math.abs(got.end - c.expected.end) <= 3
        : got === null;
      if (ok) right++;
    }
    expect(right / mine.length).toBeGreaterThanOrEqual(0.9);
  });
});
