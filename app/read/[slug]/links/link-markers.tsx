"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { createPortal } from "react-dom";
import { TextIndex } from "@/lib/anchoring/dom";
import { Highlighter } from "@/lib/anchoring/highlighter";
import { RELATION_STYLES, relationPhrase, shortQuote } from "@/lib/links/relations";
import { stackMarkers } from "./group";
import { useLiveLinkEnds } from "./live-links";
import type { ReaderLinkEnd } from "./types";
import "./links.css";

const PASSAGES = "parallax-link";
const FOCUS = "parallax-link-focus";
const SLOT = 22; // px between markers sharing a line
const GAP = 30; // px from the text to the first marker

type Placed = { end: ReaderLinkEnd; top: number; left: number };

export type LinkMarkersProps = {
  /** Every end of a link in this reading (from `loadLinksForReader`); those without a span get no marker. */
  ends: ReaderLinkEnd[];
  /** The rendered reading (default: the page's `[data-reading]`). */
  rootSelector?: string;
};

/**
 * Margin markers for the links of a reading: beside the first line of each linked
 * passage, a small button named "Link: parallel to ‘…’ in <reading>". Pointing at it or
 * focusing it marks the passage and shows the other passage (quote, reading, author) in
 * a card; activating it opens the compare view. The markers live in one layer at the top
 * of the reading, marked `data-noanchor`, so the text the anchors index is untouched.
 * Links made, changed or removed while the page is open come and go live.
 */
export function LinkMarkers({ ends: initial, rootSelector = "[data-reading]" }: LinkMarkersProps) {
  const ends = useLiveLinkEnds(initial);
  const router = useRouter();
  const [layer, setLayer] = useState<HTMLElement | null>(null);
  const [placed, setPlaced] = useState<Placed[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [highlighter, setHighlighter] = useState<Highlighter | null>(null);

  useEffect(() => {
    const root = document.querySelector<HTMLElement>(rootSelector);
    if (!root) return;
    const div = document.createElement("div");
    div.setAttribute("data-noanchor", "");
    div.setAttribute("data-link-markers", "");
    div.style.position = "relative";
    div.style.height = "0";
    root.prepend(div);
    setLayer(div);
    setHighlighter(new Highlighter(root));
    return () => {
      div.remove();
      setLayer(null);
    };
  }, [rootSelector]);

  const place = useCallback(() => {
    const root = layer?.parentElement;
    if (!layer || !root) return;
    const index = new TextIndex(root);
    const origin = layer.getBoundingClientRect();
    const tops: { key: string; top: number; end: ReaderLinkEnd }[] = [];
    for (const end of ends) {
      if (!end.span) continue;
      const rect = index.rangeFromSpan(end.span.start, end.span.end)?.getClientRects()[0];
      if (rect) tops.push({ key: end.key, top: rect.top - origin.top + rect.height / 2 - 9, end });
    }
    const slots = stackMarkers(tops);
    // Never further left than the window's edge (a phone has no margin to spare).
    const room = Math.max(0, origin.left - 2);
    setPlaced(tops.map(({ key, top, end }) => ({ end, top, left: -Math.min(room, GAP + slots.get(key)! * SLOT) })));
  }, [layer, ends]);

  useEffect(() => {
    if (!layer) return;
    place();
    const observer = new ResizeObserver(() => place());
    observer.observe(layer.parentElement!);
    void document.fonts?.ready.then(place);
    return () => observer.disconnect();
  }, [layer, place]);

  useEffect(() => {
    highlighter?.draw(PASSAGES, ends.flatMap((end) => (end.span ? [{ id: end.key, ...end.span }] : [])));
    return () => highlighter?.clear(PASSAGES);
  }, [highlighter, ends]);

  useEffect(() => {
    const end = ends.find((e) => e.key === open);
    highlighter?.draw(FOCUS, end?.span ? [{ id: end.key, ...end.span }] : []);
  }, [highlighter, ends, open]);

  if (!layer) return null;
  return createPortal(
    placed.map(({ end, top, left }) => (
      <Marker key={end.key} end={end} top={top} left={left} open={open === end.key} onOpen={setOpen} onActivate={() => router.push(end.href)} />
    )),
    layer,
  );
}

function Marker({
  end,
  top,
  left,
  open,
  onOpen,
  onActivate,
}: {
  end: ReaderLinkEnd;
  top: number;
  left: number;
  open: boolean;
  onOpen: (key: string | null) => void;
  onActivate: () => void;
}) {
  const style = RELATION_STYLES[end.relation];
  const phrase = relationPhrase(end.relation, end.side);
  const cardId = `link-card-${end.key.replace(/[^A-Za-z0-9_-]/g, "-")}`;
  return (
    <span className="absolute font-sans" style={{ top, left }} onMouseEnter={() => onOpen(end.key)} onMouseLeave={() => onOpen(null)}>
      <button
        type="button"
        aria-label={`Link: ${phrase} ‘${shortQuote(end.other.quote)}’ in ${end.other.readingTitle}`}
        aria-describedby={open ? cardId : undefined}
        onFocus={() => onOpen(end.key)}
        onBlur={() => onOpen(null)}
        onKeyDown={(event) => {
          if (event.key === "Escape" && open) {
            event.stopPropagation();
            onOpen(null);
          }
        }}
        onClick={onActivate}
        className="flex h-[18px] w-[18px] items-center justify-center rounded-full border-2 bg-white text-[10px] font-bold leading-none text-grey-9 shadow-sm hover:scale-110 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-focus"
        style={{ borderColor: style.colour }}
      >
        <span aria-hidden="true">⇄</span>
      </button>
      {open && (
        <span
          id={cardId}
          role="tooltip"
          className="absolute left-6 top-0 z-20 block w-[min(20rem,80vw)] rounded-lg border border-grey-3 bg-white p-3 text-left text-sm leading-snug text-grey-9 shadow-lg"
        >
          <span className="flex items-center gap-1.5 text-xs font-semibold text-grey-8">
            <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full" style={{ background: style.colour }} />
            {style.label} · {phrase}
          </span>
          <span className="mt-1 block font-reading">“{shortQuote(end.other.quote, 200)}”</span>
          <span className="mt-1 block text-xs text-grey-7">
            {end.other.readingTitle} · {end.author?.name ?? "Former member"}
            {end.replyCount > 0 ? ` · ${end.replyCount} ${end.replyCount === 1 ? "reply" : "replies"}` : ""}
          </span>
          <span className="mt-1 block text-xs text-grey-7">Open to compare side by side.</span>
        </span>
      )}
    </span>
  );
}
