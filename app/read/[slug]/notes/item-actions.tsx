"use client";

import { useEffect, useRef, useState, type ReactNode } from "react";
import type { ItemPermissions } from "@/lib/annotations/schema";
import { messageOf } from "./notes-api";

/**
 * What notes and replies share: the state of their forms (one open at a time, busy
 * while a call runs, the last error), the row of action buttons, the in-place delete
 * confirmation and the notice shown when someone else saved first.
 */

export type ItemMode = "view" | "edit" | "reply" | "confirm-delete";
export type ItemTask = "save" | "reply" | "delete" | "hide";

export function useItemForm() {
  const [mode, setMode] = useState<ItemMode>("view");
  const [busy, setBusy] = useState<ItemTask | null>(null);
  const [error, setError] = useState<string | null>(null);
  const running = useRef(false);

  function switchTo(next: ItemMode) {
    setMode(next);
    setError(null);
  }

  /**
   * Runs one call at a time. A failure shows the server's message unless `recover`
   * handled it (returns true); forms stay open with their content either way.
   */
  async function run(task: ItemTask, call: () => Promise<void>, recover?: (error: unknown) => boolean) {
    if (running.current) return;
    running.current = true;
    setBusy(task);
    setError(null);
    try {
      await call();
    } catch (error) {
      if (!recover?.(error)) setError(messageOf(error));
    } finally {
      running.current = false;
      setBusy(null);
    }
  }

  return { mode, switchTo, busy, error, run };
}

const actionClass =
  "rounded px-1.5 py-0.5 text-xs font-medium text-grey-7 hover:bg-grey-1 hover:text-grey-9 aria-disabled:cursor-wait focus-visible:outline-2 focus-visible:outline-blue-focus";

/**
 * The buttons an item offers, each only when its permission says so. The visible
 * words are short ("Edit"); the accessible names say what on ("Edit note").
 */
export function ItemActions({
  noun,
  permissions,
  hidden,
  busy,
  onReply,
  onEdit,
  onDelete,
  onToggleHidden,
  children,
}: {
  noun: "note" | "reply";
  permissions: ItemPermissions;
  hidden: boolean;
  busy: ItemTask | null;
  onReply: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onToggleHidden: () => void;
  /** Extra buttons at the end (e.g. "Show in text"). */
  children?: ReactNode;
}) {
  const hideWord = hidden ? "Unhide" : "Hide";
  return (
    <div className="flex flex-wrap items-center gap-1">
      {permissions.reply && (
        <button type="button" onClick={onReply} aria-label={`Reply to ${noun}`} className={actionClass}>
          Reply
        </button>
      )}
      {permissions.edit && (
        <button type="button" onClick={onEdit} aria-label={`Edit ${noun}`} className={actionClass}>
          Edit
        </button>
      )}
      {permissions.delete && (
        <button type="button" onClick={onDelete} aria-label={`Delete ${noun}`} className={actionClass}>
          Delete
        </button>
      )}
      {permissions.hide && (
        <button
          type="button"
          onClick={() => busy || onToggleHidden()}
          aria-label={`${hideWord} ${noun}`}
          aria-disabled={busy === "hide" || undefined}
          className={actionClass}
        >
          {busy === "hide" ? `${hideWord.replace(/e$/, "")}ing…` : hideWord}
        </button>
      )}
      {children}
    </div>
  );
}

/** "Delete this note?" in place of the buttons; focus starts on the safe choice. */
export function ConfirmDelete({
  noun,
  busy,
  onConfirm,
  onCancel,
}: {
  noun: "note" | "reply";
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const keep = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    keep.current?.focus();
  }, []);
  return (
    <div
      role="group"
      aria-label={`Confirm deleting this ${noun}`}
      className="flex flex-wrap items-center gap-2 rounded bg-red-light px-2 py-1.5 text-sm text-red-dark"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !busy) {
          event.preventDefault();
          onCancel();
        }
      }}
    >
      <span>
        Delete this {noun}?{noun === "note" ? " Replies under it stay." : ""}
      </span>
      <button
        type="button"
        onClick={() => busy || onConfirm()}
        aria-disabled={busy || undefined}
        className="rounded bg-red-dark px-2 py-0.5 text-xs font-medium text-white hover:bg-brand-dark aria-disabled:cursor-wait focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-focus"
      >
        {busy ? "Deleting…" : "Yes, delete"}
      </button>
      <button
        ref={keep}
        type="button"
        onClick={() => busy || onCancel()}
        aria-disabled={busy || undefined}
        className="rounded px-2 py-0.5 text-xs font-medium text-grey-8 hover:bg-white focus-visible:outline-2 focus-visible:outline-blue-focus"
      >
        Keep it
      </button>
    </div>
  );
}

/** Shown in an edit form when the item changed meanwhile: their text, and what saving does now. */
export function ConflictNotice({ noun, currentHtml }: { noun: "note" | "reply"; currentHtml: string | null }) {
  return (
    <div role="alert" className="rounded border border-yellow bg-yellow-light px-3 py-2 text-sm text-yellow-dark">
      <p className="font-medium">Someone changed this {noun} while you were editing.</p>
      <p className="mt-1">Your text is still in the editor: saving again replaces theirs, Cancel keeps theirs.</p>
      {currentHtml !== null && (
        <div className="mt-2 rounded bg-white px-2 py-1.5 text-grey-9">
          <p className="text-xs font-medium text-grey-7">Their version now:</p>
          <div className="note-body text-sm" dangerouslySetInnerHTML={{ __html: currentHtml || "<p><em>(no comment)</em></p>" }} />
        </div>
      )}
    </div>
  );
}
