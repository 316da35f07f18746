"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { describe } from "@/lib/anchoring/describe";
import { TextIndex } from "@/lib/anchoring/dom";
import { Highlighter } from "@/lib/anchoring/highlighter";
import { ApiError } from "@/lib/http/client";
import { createLink, plainTextBody } from "@/lib/links/client";
import { shortQuote } from "@/lib/links/relations";
import { viewLinkHref, type PassageTarget } from "@/lib/links/passage-param";
import { emptyLinkFields, LinkFields, type LinkFieldValues } from "./link-fields";

type Chosen = { start: number; end: number; quote: string };
const DRAFT_STYLE = "parallax-compare-draft";

export type MakeLinkProps = {
  seminarId: string;
  left: { slug: string; title: string };
  right: { slug: string; title: string; versionId: string };
  from: PassageTarget;
  fromQuote: string;
  backHref: string;
};

/**
 * Making a link in the compare view: the left passage is given; the person selects the
 * other passage in the right reading (mouse, touch, or caret browsing with Shift and the
 * arrows), which stays chosen (and marked) until another selection replaces it; then
 * fills the form, reachable by Tab. Escape clears the chosen passage, and with none,
 * goes back to the reading. What is typed is kept in the tab's session storage, so a
 * failed save, a reload or a change of reading loses nothing.
 */
export function MakeLink({ seminarId, left, right, from, fromQuote, backHref }: MakeLinkProps) {
  const router = useRouter();
  const draftKey = `parallax:link-draft:${seminarId}:${left.slug}:${JSON.stringify(from.selectors)}`;
  const [values, setValues] = useState<LinkFieldValues>(emptyLinkFields);
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const index = useRef<TextIndex | null>(null);
  const highlighter = useRef<Highlighter | null>(null);

  // The draft typed earlier in this tab (after a reload or a change of the right reading).
  useEffect(() => {
    try {
      const saved = sessionStorage.getItem(draftKey);
      if (saved) setValues({ ...emptyLinkFields, ...(JSON.parse(saved) as Partial<LinkFieldValues>) });
    } catch {
      // no storage (private mode, quota): the draft lives in memory only
    }
  }, [draftKey]);

  const update = (next: LinkFieldValues) => {
    setValues(next);
    try {
      sessionStorage.setItem(draftKey, JSON.stringify(next));
    } catch {
      // as above
    }
  };

  useEffect(() => {
    const root = document.querySelector<HTMLElement>('[data-compare-pane="right"] [data-reading]');
    if (!root) return;
    index.current = new TextIndex(root);
    highlighter.current = new Highlighter(root);
    const onSelection = () => {
      const selection = window.getSelection();
      if (!selection || selection.isCollapsed || selection.rangeCount === 0 || !index.current) return;
      const range = selection.getRangeAt(0);
      if (!root.contains(range.commonAncestorContainer)) return;
      const span = index.current.spanFromRange(range);
      if (!span) return;
      setChosen({ ...span, quote: index.current.text.slice(span.start, span.end) });
    };
    document.addEventListener("selectionchange", onSelection);
    onSelection();
    return () => {
      document.removeEventListener("selectionchange", onSelection);
      highlighter.current?.clear(DRAFT_STYLE);
    };
  }, []);

  useEffect(() => {
    highlighter.current?.draw(DRAFT_STYLE, chosen ? [{ id: "chosen", start: chosen.start, end: chosen.end }] : []);
  }, [chosen]);

  const clear = useCallback(() => {
    setChosen(null);
    window.getSelection()?.removeAllRanges();
    setStatus("The chosen passage was cleared. Select another in the right reading.");
    document.querySelector<HTMLElement>('[data-compare-pane="right"]')?.focus();
  }, []);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || event.defaultPrevented) return;
      if (popoverOpen()) return; // Escape closes the open note popover, nothing more
      event.preventDefault();
      if (chosen) clear();
      else router.push(backHref);
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [chosen, clear, router, backHref]);

  async function save() {
    const text = index.current?.text;
    if (!chosen || text === undefined) {
      setError(`First select the passage in “${right.title}” that this one links to.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const link = await createLink(seminarId, {
        a: { slug: left.slug, target: from },
        b: { slug: right.slug, target: { versionId: right.versionId, selectors: describe(text, chosen.start, chosen.end) } },
        relation: values.relation,
        visibility: values.visibility,
        ...(plainTextBody(values.note) ? { body: plainTextBody(values.note)! } : {}),
      });
      try {
        sessionStorage.removeItem(draftKey);
      } catch {
        // nothing stored
      }
      router.replace(viewLinkHref(seminarId, link.id, left.slug));
    } catch (caught) {
      setError(caught instanceof ApiError ? caught.message : "Could not reach the server. Your link is still here; try again.");
      setBusy(false);
    }
  }

  return (
    <form
      aria-labelledby="make-heading"
      className="rounded-lg border border-grey-3 bg-white p-5"
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <h2 id="make-heading" className="text-lg font-semibold text-grey-9">
        New link
      </h2>
      <dl className="mt-2 grid gap-2 text-sm sm:grid-cols-2">
        <div>
          <dt className="font-medium text-grey-7">From “{left.title}”</dt>
          <dd className="font-reading text-grey-9">“{shortQuote(fromQuote, 220)}”</dd>
        </div>
        <div>
          <dt className="font-medium text-grey-7">To “{right.title}”</dt>
          <dd className="font-reading text-grey-9" aria-live="polite">
            {chosen ? `“${shortQuote(chosen.quote, 220)}”` : <span className="font-sans italic text-grey-7">Select the passage in the right-hand reading.</span>}
          </dd>
        </div>
      </dl>
      {chosen && (
        <button type="button" onClick={clear} className="mt-1 text-sm text-grey-7 underline">
          Choose another passage
        </button>
      )}
      <div className="mt-4">
        <LinkFields values={values} onChange={update} disabled={busy} />
      </div>
      {error && (
        <p role="alert" className="mt-3 rounded border border-red bg-red-light px-3 py-2 text-sm text-red-dark">
          {error}
        </p>
      )}
      <div className="mt-4 flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={busy}
          aria-describedby="make-hint"
          className="rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark disabled:cursor-wait disabled:opacity-70 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-focus"
        >
          {busy ? "Saving…" : "Save link"}
        </button>
        <a href={backHref} className="text-sm text-grey-7 underline">
          Cancel
        </a>
        <p id="make-hint" className="text-xs text-grey-7">
          Keyboard: in the right reading, turn on caret browsing (F7) and select with Shift and the arrows; Tab reaches this form. Esc cancels.
        </p>
      </div>
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
    </form>
  );
}

/** Whether one of the readings' note popovers is open (older engines lack the selector). */
function popoverOpen(): boolean {
  try {
    return document.querySelector(":popover-open") !== null;
  } catch {
    return false;
  }
}
