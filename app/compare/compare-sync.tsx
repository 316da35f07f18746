"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { Highlighter } from "@/lib/anchoring/highlighter";
import { alignPair, buildKnots, mapScroll, type Knot } from "./align";
import type { Sibling, Span } from "./load-compare";
import "./compare.css";

type Side = "left" | "right";
const OTHER: Record<Side, Side> = { left: "right", right: "left" };
/** Where aligned passages sit: this fraction of the pane's height from its top. */
const LINE = 0.3;
/** A programmatic scroll's own scroll event arrives within this many milliseconds. */
const ECHO_MS = 200;

export type CompareSyncProps = {
  /** The passages of the link shown (or, when making one, the left passage only). */
  current: { left: Span | null; right: Span | null };
  /** Other links between the same two readings: drawn lightly, and anchors for keeping in step. */
  siblings: Sibling[];
  /** Keep the panes in step from the start (viewing a link) or not (making one). */
  inStepAtFirst: boolean;
};

/** The scrollable pane and its rendered reading, for one side. */
function paneOf(side: Side): { pane: HTMLElement; root: HTMLElement } | null {
  const pane = document.querySelector<HTMLElement>(`[data-compare-pane="${side}"]`);
  const root = pane?.querySelector<HTMLElement>("[data-reading]");
  return pane && root ? { pane, root } : null;
}

/** The top of a drawn passage within its pane's scrolled content, or null. */
function topIn(pane: HTMLElement, range: Range | null): number | null {
  const rect = range?.getClientRects()[0] ?? range?.getBoundingClientRect();
  if (!rect) return null;
  return rect.top - pane.getBoundingClientRect().top + pane.scrollTop;
}

/**
 * The compare view's two panes: marks the passages (each pane has its own text index
 * and highlighter), scrolls both so the link's passages sit at the same height, and
 * keeps the panes in step while either is scrolled (piecewise linearly between the
 * links between the two readings; see align.ts). Renders the controls for it.
 */
export function CompareSync({ current, siblings, inStepAtFirst }: CompareSyncProps) {
  const [inStep, setInStep] = useState(inStepAtFirst);
  const [message, setMessage] = useState("");
  const highlighters = useRef<Partial<Record<Side, Highlighter>>>({});
  const knots = useRef<Knot[]>([]);
  const echo = useRef<Record<Side, { top: number; at: number } | null>>({ left: null, right: null });

  const scrollPane = useCallback((side: Side, top: number) => {
    const found = paneOf(side);
    if (!found) return;
    const target = Math.round(top);
    if (Math.abs(found.pane.scrollTop - target) < 1) return;
    echo.current[side] = { top: target, at: performance.now() };
    found.pane.scrollTop = target;
  }, []);

  /** Recomputes where each link's passages are (layout changes move them) and the knots. */
  const measure = useCallback(() => {
    const left = paneOf("left");
    const right = paneOf("right");
    const hl = highlighters.current;
    if (!left || !right || !hl.left || !hl.right) return null;
    const line = Math.min(left.pane.clientHeight, right.pane.clientHeight) * LINE;
    const maxL = left.pane.scrollHeight - left.pane.clientHeight;
    const maxR = right.pane.scrollHeight - right.pane.clientHeight;
    const leftTop = topIn(left.pane, hl.left.rangeOf("parallax-compare-left", "current"));
    const rightTop = topIn(right.pane, hl.right.rangeOf("parallax-compare-right", "current"));
    const pairs: Knot[] = [];
    if (leftTop !== null && rightTop !== null) {
      const aligned = alignPair({ top: leftTop, maxScroll: maxL }, { top: rightTop, maxScroll: maxR }, line);
      pairs.push([aligned.a, aligned.b]);
    }
    for (const sibling of siblings) {
      const a = topIn(left.pane, hl.left.rangeOf("parallax-compare-other-left", sibling.id));
      const b = topIn(right.pane, hl.right.rangeOf("parallax-compare-other-right", sibling.id));
      if (a !== null && b !== null) pairs.push([a - line, b - line]);
    }
    knots.current = buildKnots(pairs, maxL, maxR);
    return { line, maxL, maxR, leftTop, rightTop };
  }, [siblings]);

  const align = useCallback(() => {
    const m = measure();
    if (!m) return;
    if (m.leftTop !== null && m.rightTop !== null) {
      const aligned = alignPair({ top: m.leftTop, maxScroll: m.maxL }, { top: m.rightTop, maxScroll: m.maxR }, m.line);
      scrollPane("left", aligned.a);
      scrollPane("right", aligned.b);
    } else if (m.leftTop !== null) scrollPane("left", m.leftTop - m.line);
    else if (m.rightTop !== null) scrollPane("right", m.rightTop - m.line);
  }, [measure, scrollPane]);

  // Draw the passages, then align them once the layout has settled.
  useEffect(() => {
    const sides: Side[] = ["left", "right"];
    const missing: string[] = [];
    for (const side of sides) {
      const found = paneOf(side);
      if (!found) continue;
      const hl = new Highlighter(found.root);
      highlighters.current[side] = hl;
      const span = current[side];
      if (span && hl.draw(`parallax-compare-${side}`, [{ id: "current", ...span }]).length) missing.push(side);
      hl.draw(`parallax-compare-other-${side}`, siblings.flatMap((s) => (s[side] ? [{ id: s.id, ...s[side]! }] : [])));
    }
    if (missing.length) setMessage("A passage of this link could not be shown in the current text of its reading.");
    let frame = requestAnimationFrame(() => (frame = requestAnimationFrame(align)));
    void document.fonts?.ready.then(() => align());
    return () => {
      cancelAnimationFrame(frame);
      for (const side of sides) {
        highlighters.current[side]?.clear(`parallax-compare-${side}`);
        highlighters.current[side]?.clear(`parallax-compare-other-${side}`);
      }
    };
  }, [current, siblings, align]);

  // The layout changes with the window (and the panes stack on a phone): measure again.
  useEffect(() => {
    const panes = (["left", "right"] as Side[]).flatMap((side) => paneOf(side)?.pane ?? []);
    const observer = new ResizeObserver(() => measure());
    panes.forEach((pane) => observer.observe(pane));
    return () => observer.disconnect();
  }, [measure]);

  // Scrolling one pane moves the other (ignoring the echo of our own scrolling).
  useEffect(() => {
    if (!inStep) return;
    measure();
    const listeners = (["left", "right"] as Side[]).map((side) => {
      const pane = paneOf(side)?.pane;
      const onScroll = () => {
        const mine = echo.current[side];
        echo.current[side] = null;
        if (mine && performance.now() - mine.at < ECHO_MS && Math.abs(pane!.scrollTop - mine.top) <= 1) return;
        scrollPane(OTHER[side], mapScroll(knots.current, pane!.scrollTop, side === "left" ? 0 : 1));
      };
      pane?.addEventListener("scroll", onScroll, { passive: true });
      return () => pane?.removeEventListener("scroll", onScroll);
    });
    return () => listeners.forEach((remove) => remove());
  }, [inStep, measure, scrollPane]);

  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm text-grey-8" data-noanchor>
      <label className="inline-flex items-center gap-2">
        <input type="checkbox" checked={inStep} onChange={(event) => setInStep(event.target.checked)} className="h-4 w-4 accent-brand" />
        Scroll the two readings together
      </label>
      <button
        type="button"
        onClick={align}
        className="rounded border border-grey-3 bg-white px-2.5 py-1 text-grey-8 hover:bg-grey-1 focus-visible:outline-2 focus-visible:outline-blue-focus"
      >
        Line the passages up again
      </button>
      {message && (
        <p role="status" className="text-red-dark">
          {message}
        </p>
      )}
    </div>
  );
}
