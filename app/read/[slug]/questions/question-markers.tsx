"use client";

import "./questions.css";
import "@/app/read/[slug]/notes/notes.css";
import { useCallback, useEffect, useId, useRef, useState } from "react";
import { createPortal } from "react-dom";
import Link from "next/link";
import { Highlighter } from "@/lib/anchoring/highlighter";
import type { ReaderQuestionHere, Span } from "./here";
import { useLiveQuestions } from "./live-questions";
import { QuestionStatusPill } from "./question-status";
import { placeMarkers, type Marker } from "./marker-layout";

const STYLE = "parallax-question";

export type QuestionMarkersProps = {
  /** The seminar's questions touching this reading (loadQuestionsForReader). */
  questions: ReaderQuestionHere[];
  /** The rendered reading (default: the element with `data-reading`). */
  rootSelector?: string;
};

/**
 * A "?" badge in the margin beside each question passage of the reading, visibly not a
 * note (notes are yellow fills; question passages get a dotted underline), opening a
 * small card with the prompt and a link to answer. Rendered in a portal, marked
 * `data-noanchor`, so nothing is added to the reading's text. Questions asked or
 * changed while the page is open come and go live; a page opened with `?question=<id>`
 * (from the inbox) scrolls to that question's first marker and opens its card.
 */
export function QuestionMarkers({ questions: initial, rootSelector = "[data-reading]" }: QuestionMarkersProps) {
  const questions = useLiveQuestions(initial);
  const [markers, setMarkers] = useState<Marker[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const highlighter = useRef<Highlighter | null>(null);
  /** The question the address asks for, until its card has been opened (undefined: not read yet). */
  const asked = useRef<string | null | undefined>(undefined);
  const id = useId();

  const layout = useCallback(() => {
    const root = document.querySelector(rootSelector);
    if (!root) return;
    highlighter.current ??= new Highlighter(root);
    const spans = questions.flatMap((q) => Object.entries(q.spans).flatMap(([passageId, span]) => (span ? [{ question: q, passageId, span }] : [])));
    highlighter.current.draw(STYLE, spans.map((s) => ({ id: s.passageId, ...s.span })));
    const box = root.getBoundingClientRect();
    const placed = spans.flatMap(({ question, passageId, span }) => {
      const rect = highlighter.current?.rangeOf(STYLE, passageId)?.getClientRects()[0];
      return rect ? [{ key: `${question.id}:${passageId}`, questionId: question.id, top: rect.top + window.scrollY }] : [];
    });
    setMarkers(placeMarkers(placed, box.left + window.scrollX));
  }, [questions, rootSelector]);

  useEffect(() => {
    layout();
    let frame = 0;
    const again = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(layout);
    };
    window.addEventListener("resize", again);
    const fonts = (document as Document & { fonts?: FontFaceSet }).fonts;
    void fonts?.ready.then(again);
    return () => {
      window.removeEventListener("resize", again);
      cancelAnimationFrame(frame);
      highlighter.current?.clear(STYLE);
    };
  }, [layout]);

  // Open on the question the address names, once its marker is placed.
  useEffect(() => {
    if (asked.current === undefined) asked.current = new URLSearchParams(window.location.search).get("question");
    const marker = asked.current ? markers.find((m) => m.questionId === asked.current) : undefined;
    if (!marker) return;
    asked.current = null;
    setOpen(marker.key);
    window.scrollTo({ top: Math.max(0, marker.top - window.innerHeight / 3) });
    const frame = requestAnimationFrame(() => document.getElementById(`${id}-${marker.key}`)?.focus({ preventScroll: true }));
    return () => cancelAnimationFrame(frame);
  }, [markers, id]);

  // Escape or a click elsewhere closes the card.
  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      document.getElementById(`${id}-${open}`)?.focus();
      setOpen(null);
    };
    const onClick = (event: MouseEvent) => {
      if (!(event.target as Element | null)?.closest?.("[data-question-marker]")) setOpen(null);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("click", onClick);
    };
  }, [open, id]);

  if (markers.length === 0 || typeof document === "undefined") return null;
  const byId = new Map(questions.map((q) => [q.id, q]));
  return createPortal(
    <div data-noanchor>
      {markers.map((marker) => {
        const question = byId.get(marker.questionId);
        if (!question) return null;
        const expanded = open === marker.key;
        return (
          <div key={marker.key} data-question-marker className="absolute z-20" style={{ top: marker.top, left: marker.left }}>
            <button
              id={`${id}-${marker.key}`}
              type="button"
              aria-label={`Question: ${question.title}`}
              aria-expanded={expanded}
              aria-controls={`${id}-${marker.key}-card`}
              onClick={() => setOpen(expanded ? null : marker.key)}
              className="flex h-6 w-6 items-center justify-center rounded-full bg-slate-7 text-sm font-bold text-white shadow hover:bg-slate-9 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-focus"
            >
              ?
            </button>
            {expanded && <QuestionCard question={question} id={`${id}-${marker.key}-card`} />}
          </div>
        );
      })}
    </div>,
    document.body,
  );
}

/** The small card a marker opens: title, status, prompt, and the way to answer. */
function QuestionCard({ question, id }: { question: ReaderQuestionHere; id: string }) {
  const answerable = question.permissions.answer && question.myStatus === "not-yet";
  return (
    <div id={id} role="dialog" aria-label={`Question: ${question.title}`} className="absolute left-8 top-0 w-80 max-w-[80vw] rounded-lg border border-grey-3 bg-white p-3 text-left shadow-lg">
      <p className="text-sm font-semibold text-grey-9">{question.title}</p>
      <p className="mt-1">
        <QuestionStatusPill question={question} />
      </p>
      <div className="note-body mt-2 max-h-48 overflow-y-auto text-sm text-grey-9" dangerouslySetInnerHTML={{ __html: question.prompt.html }} />
      <p className="mt-2 flex flex-wrap gap-3 text-sm">
        <Link href={question.href} className="font-medium text-brand underline">
          {answerable ? "Answer this question" : "Open the question"}
        </Link>
        {question.compare.map((other) => (
          <Link key={other.slug} href={other.href} className="text-grey-8 underline">
            Compare with {other.title}
          </Link>
        ))}
      </p>
    </div>
  );
}
