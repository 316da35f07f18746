"use client";

import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useEditorState, type Editor } from "@tiptap/react";
import { normalizeHref } from "./editor-input";

/**
 * The formatting buttons of the note editor. Each says what it does (aria-label) and
 * whether it is on at the cursor (aria-pressed). Left/Right arrows move between them,
 * as in any toolbar. Link opens a small inline field instead of window.prompt.
 */

type Format = "bold" | "italic" | "bulletList" | "orderedList" | "blockquote";

const buttons: { format: Format; label: string; text: string; className?: string }[] = [
  { format: "bold", label: "Bold", text: "B", className: "font-bold" },
  { format: "italic", label: "Italic", text: "I", className: "italic font-serif" },
  { format: "bulletList", label: "Bullet list", text: "•≡" },
  { format: "orderedList", label: "Numbered list", text: "1." },
  { format: "blockquote", label: "Quote", text: "❝" },
];

const buttonClass =
  "min-w-8 rounded px-2 py-1 text-sm text-grey-8 hover:bg-grey-2 aria-pressed:bg-grey-3 aria-pressed:text-grey-9 focus-visible:outline-2 focus-visible:outline-blue-focus";

export function EditorToolbar({ editor }: { editor: Editor | null }) {
  const id = useId();
  const toolbar = useRef<HTMLDivElement>(null);
  const [linkOpen, setLinkOpen] = useState(false);
  const [href, setHref] = useState("");
  const [linkError, setLinkError] = useState<string | null>(null);

  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e?.isActive("bold") ?? false,
      italic: e?.isActive("italic") ?? false,
      bulletList: e?.isActive("bulletList") ?? false,
      orderedList: e?.isActive("orderedList") ?? false,
      blockquote: e?.isActive("blockquote") ?? false,
      link: e?.isActive("link") ?? false,
    }),
  });

  function toggle(format: Format) {
    if (!editor) return;
    const chain = editor.chain().focus();
    if (format === "bold") chain.toggleBold().run();
    else if (format === "italic") chain.toggleItalic().run();
    else if (format === "bulletList") chain.toggleBulletList().run();
    else if (format === "orderedList") chain.toggleOrderedList().run();
    else chain.toggleBlockquote().run();
  }

  function openLink() {
    if (!editor) return;
    setHref((editor.getAttributes("link").href as string | undefined) ?? "");
    setLinkError(null);
    setLinkOpen(true);
  }

  function applyLink() {
    if (!editor) return;
    const normalized = normalizeHref(href);
    if (normalized === null) return setLinkError("A link starts with http://, https:// or mailto:.");
    const chain = editor.chain().focus().extendMarkRange("link");
    if (normalized === "") chain.unsetLink().run();
    else if (editor.state.selection.empty && !editor.isActive("link")) {
      // Nothing selected: the address itself becomes the linked text.
      chain.insertContent({ type: "text", text: normalized, marks: [{ type: "link", attrs: { href: normalized } }] }).run();
    } else chain.setLink({ href: normalized }).run();
    setLinkOpen(false);
  }

  function closeLink() {
    setLinkOpen(false);
    editor?.commands.focus();
  }

  // Arrow keys move along the toolbar; Tab leaves it.
  function onToolbarKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== "ArrowLeft" && event.key !== "ArrowRight") return;
    const items = Array.from(toolbar.current?.querySelectorAll<HTMLButtonElement>("button") ?? []);
    const index = items.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    event.preventDefault();
    const next = (index + (event.key === "ArrowRight" ? 1 : -1) + items.length) % items.length;
    items[next].focus();
  }

  return (
    <div className="border-b border-grey-3 bg-grey-0">
      <div ref={toolbar} role="toolbar" aria-label="Formatting" onKeyDown={onToolbarKeyDown} className="flex flex-wrap gap-0.5 p-1">
        {buttons.map((button) => (
          <button
            key={button.format}
            type="button"
            aria-label={button.label}
            aria-pressed={active?.[button.format] ?? false}
            onClick={() => toggle(button.format)}
            className={`${buttonClass} ${button.className ?? ""}`}
          >
            <span aria-hidden="true">{button.text}</span>
          </button>
        ))}
        <button
          type="button"
          aria-label="Link"
          aria-pressed={active?.link ?? false}
          aria-expanded={linkOpen}
          aria-controls={linkOpen ? `${id}-link` : undefined}
          onClick={() => (linkOpen ? closeLink() : openLink())}
          className={`${buttonClass} underline`}
        >
          <span aria-hidden="true">Link</span>
        </button>
      </div>
      {linkOpen && (
        <div
          id={`${id}-link`}
          className="flex flex-wrap items-center gap-2 border-t border-grey-3 px-2 py-1.5"
          onKeyDown={(event) => {
            if (event.key === "Enter" && !event.ctrlKey && !event.metaKey) {
              event.preventDefault();
              applyLink();
            } else if (event.key === "Escape") {
              // Closes this field only, not the whole editor.
              event.preventDefault();
              event.stopPropagation();
              closeLink();
            }
          }}
        >
          <label htmlFor={`${id}-href`} className="text-xs text-grey-8">
            Link address
          </label>
          <input
            id={`${id}-href`}
            type="url"
            autoFocus
            value={href}
            placeholder="https://"
            onChange={(event) => setHref(event.target.value)}
            aria-invalid={linkError ? true : undefined}
            aria-describedby={linkError ? `${id}-href-error` : undefined}
            className="min-w-[10rem] flex-1 rounded border border-grey-3 px-2 py-0.5 text-sm focus-visible:outline-2 focus-visible:outline-blue-focus"
          />
          <button type="button" onClick={applyLink} className="rounded px-2 py-0.5 text-xs font-medium text-brand hover:bg-grey-1 focus-visible:outline-2 focus-visible:outline-blue-focus">
            Apply link
          </button>
          {active?.link && (
            <button
              type="button"
              onClick={() => {
                editor?.chain().focus().extendMarkRange("link").unsetLink().run();
                setLinkOpen(false);
              }}
              className="rounded px-2 py-0.5 text-xs text-grey-8 hover:bg-grey-1 focus-visible:outline-2 focus-visible:outline-blue-focus"
            >
              Remove link
            </button>
          )}
          {linkError && (
            <p id={`${id}-href-error`} role="alert" className="w-full text-xs text-red-dark">
              {linkError}
            </p>
          )}
        </div>
      )}
    </div>
  );
}
