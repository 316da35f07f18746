"use client";

import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import { Highlighter } from "@/lib/anchoring/highlighter";
import type { AnchorStatus } from "@/lib/annotations/schema";

/** An item as it sat on the version shown: what it is, and its span there (null: not found there). */
export type VersionItem = {
  key: string;
  kind: "note" | "link" | "question";
  title: string;
  author: string;
  seminar: string;
  href: string;
  anchorStatus: AnchorStatus;
  span: { start: number; end: number } | null;
};

const statusNames: Record<AnchorStatus, string> = { anchored: "Anchored", reanchored: "Moved onto this version", orphaned: "Passage not found" };
const kindNames = { note: "Note", link: "Link", question: "Question" } as const;

/**
 * The notes, links and questions on an old version, drawn on its text with the CSS
 * Custom Highlight API (as the reader does, from canonical offsets) and listed beside
 * it; "Show in the text" scrolls to one and marks it more strongly.
 */
export function VersionItems({ items }: { items: VersionItem[] }) {
  const highlighter = useRef<Highlighter | null>(null);
  const [missing, setMissing] = useState<Set<string>>(new Set());
  const [focused, setFocused] = useState<string | null>(null);

  useEffect(() => {
    const root = document.querySelector("[data-reading]");
    if (!root) return;
    const drawn = new Highlighter(root);
    highlighter.current = drawn;
    const spans = items.flatMap((item) => (item.span ? [{ id: item.key, ...item.span }] : []));
    setMissing(new Set(drawn.draw("parallax-note", spans)));
    return () => {
      drawn.clear("parallax-note");
      drawn.clear("parallax-note-focus");
    };
  }, [items]);

  function show(item: VersionItem) {
    const drawn = highlighter.current;
    if (!drawn || !item.span) return;
    drawn.draw("parallax-note-focus", [{ id: item.key, ...item.span }]);
    const range = drawn.rangeOf("parallax-note-focus", item.key);
    range?.startContainer.parentElement?.scrollIntoView({ block: "center" });
    setFocused(item.key);
  }

  const placed = items.filter((item) => item.span && !missing.has(item.key));
  const lost = items.filter((item) => !item.span || missing.has(item.key));
  return (
    <aside aria-labelledby="version-items-heading" className="rounded-lg border border-grey-3 bg-white p-4 text-sm lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:w-96 lg:shrink-0 lg:self-start lg:overflow-y-auto">
      <h2 id="version-items-heading" className="font-semibold text-grey-9">
        On this version
      </h2>
      {items.length === 0 && <p className="mt-2 text-grey-7">None of the notes, links or questions you can see was on this version.</p>}
      <ol aria-label="Notes, links and questions in the text" className="mt-2 space-y-2">
        {placed.map((item) => (
          <Row key={item.key} item={item} focused={focused === item.key} onShow={() => show(item)} />
        ))}
      </ol>
      {lost.length > 0 && (
        <>
          <h3 className="mt-4 font-medium text-grey-8">Passage not found</h3>
          <ol aria-label="Passage not found" className="mt-2 space-y-2">
            {lost.map((item) => (
              <Row key={item.key} item={{ ...item, anchorStatus: "orphaned" }} focused={false} />
            ))}
          </ol>
        </>
      )}
    </aside>
  );
}

function Row({ item, focused, onShow }: { item: VersionItem; focused: boolean; onShow?: () => void }) {
  return (
    <li className={`rounded border px-3 py-2 ${focused ? "border-brand" : "border-grey-3"}`}>
      <p className="text-xs uppercase tracking-wide text-grey-6">
        {kindNames[item.kind]} · {statusNames[item.anchorStatus]}
      </p>
      <p className="mt-0.5">
        <Link href={item.href} className="text-grey-9 underline-offset-2 hover:underline">
          {item.title}
        </Link>
      </p>
      <p className="text-xs text-grey-7">
        {item.author} · {item.seminar}
      </p>
      {onShow && (
        <button type="button" className="mt-1 text-xs text-brand underline" onClick={onShow}>
          Show in the text
        </button>
      )}
    </li>
  );
}
