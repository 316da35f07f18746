"use client";

import { useEffect, useState } from "react";
import { rangeFromSpan } from "@/lib/anchoring/dom";

type Span = { start: number; end: number };

/**
 * Marks and scrolls to the passage named by a `?quote=` link, and says so; says plainly
 * when the passage is not in this reading.
 */
export function PassageMark({ quote, span }: { quote: string; span: Span | null }) {
  const [shown, setShown] = useState(true);

  useEffect(() => {
    if (!span || !shown) return;
    const root = document.querySelector("[data-reading]");
    const range = root ? rangeFromSpan(root, span.start, span.end) : null;
    if (!range) return;
    if ("highlights" in CSS) CSS.highlights.set("parallax-quote", new Highlight(range));
    const box = range.getBoundingClientRect();
    window.scrollTo({ top: window.scrollY + box.top - window.innerHeight / 3 });
    return () => {
      if ("highlights" in CSS) CSS.highlights.delete("parallax-quote");
    };
  }, [span, shown]);

  if (!shown) return null;
  return (
    <div
      role="status"
      data-noanchor
      className={`mb-6 flex items-start justify-between gap-4 rounded border px-4 py-3 text-sm ${
        span ? "border-yellow bg-yellow-light text-yellow-dark" : "border-red bg-red-light text-red-dark"
      }`}
    >
      <p>
        {span ? "Showing the passage " : "This passage was not found in the reading: "}
        <q className="italic">{quote.length > 120 ? `${quote.slice(0, 120)}…` : quote}</q>
      </p>
      <button type="button" onClick={() => setShown(false)} className="shrink-0 underline">
        Dismiss
      </button>
    </div>
  );
}
