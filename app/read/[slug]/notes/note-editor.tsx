"use client";

import { useContext, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { MentionSuggest } from "../live/mention-suggest";
import { MentionMembers } from "../live/mention-members";
import { EditorContent, Extension, useEditor, useEditorState, type Editor, type JSONContent } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import Link from "@tiptap/extension-link";
import { MAX_BODY_CHARS, type Visibility } from "@/lib/annotations/schema";
import { EditorToolbar } from "./editor-toolbar";
import { TagsInput } from "./tags-input";
import { addTag } from "./editor-input";

/** The body's length as the server counts it (blocks on their own lines, trimmed). */
function textLength(editor: Editor): number {
  // Read the document itself: getText() needs the editor's view, which is not mounted
  // on the first render.
  const { doc } = editor.state;
  return doc.textBetween(0, doc.content.size, "\n").trim().length;
}

/**
 * The rich-text form for notes and replies (tiptap). Loaded only through
 * `lazy-note-editor.tsx`, so tiptap stays out of the reader's first JavaScript.
 * The schema is StarterKit without headings, code, strike, underline and rules, plus
 * links: exactly what the server keeps, so pasted HTML is reduced to it on the spot.
 */

/** tiptap's document JSON, as the API's body contract types it. */
export type EditorDoc = { type: "doc"; [key: string]: unknown };

export type EditorValue = {
  /** null: the body was left empty (allowed only when `bodyRequired` is false: a highlight). */
  body: { json: EditorDoc } | null;
  tags: string[];
  visibility: Visibility;
};

export type NoteEditorProps = {
  /** "note" adds tags and visibility; "reply" is the body alone. */
  kind: "note" | "reply";
  /** Accessible name of the text box ("Note", "Reply", "Comment"). */
  label: string;
  /** tiptap JSON or sanitised HTML to start from. */
  initialBody?: unknown;
  initialTags?: string[];
  initialVisibility?: Visibility;
  /** false for highlights: leaving the body empty saves a highlight. */
  bodyRequired: boolean;
  busy: boolean;
  /** The last failed call's message, shown next to the buttons. */
  error: string | null;
  /** Shown above the buttons, e.g. the text someone else saved meanwhile. */
  notice?: ReactNode;
  onSave: (value: EditorValue) => void;
  onCancel: () => void;
};

/** From 90 % of the limit on, the count is shown. */
const COUNT_FROM = Math.floor(MAX_BODY_CHARS * 0.9);

export default function NoteEditor(props: NoteEditorProps) {
  const { kind, label, bodyRequired, busy, error, notice, onCancel } = props;
  const id = useId();
  const members = useContext(MentionMembers);
  const [tags, setTags] = useState<string[]>(props.initialTags ?? []);
  const [pendingTag, setPendingTag] = useState("");
  const [visibility, setVisibility] = useState<Visibility>(props.initialVisibility ?? "seminar");
  const [problem, setProblem] = useState<string | null>(null);

  // The keyboard shortcuts inside the editor call whatever save/cancel are current.
  const saveRef = useRef<() => void>(() => {});
  const cancelRef = useRef(onCancel);
  const busyRef = useRef(busy);

  const editor = useEditor({
    // Rendered on the client only (next/dynamic with ssr: false), so no hydration to protect.
    immediatelyRender: true,
    autofocus: "end",
    extensions: [
      StarterKit.configure({ heading: false, code: false, codeBlock: false, strike: false, underline: false, horizontalRule: false, link: false }),
      Link.configure({ openOnClick: false, autolink: true, defaultProtocol: "https", protocols: ["mailto"] }),
      Extension.create({
        name: "formShortcuts",
        // Above StarterKit's hard break, which also claims Mod-Enter.
        priority: 1000,
        addKeyboardShortcuts: () => ({
          "Mod-Enter": () => {
            saveRef.current();
            return true;
          },
          Escape: () => {
            if (!busyRef.current) cancelRef.current();
            return true;
          },
        }),
      }),
    ],
    content: (props.initialBody as JSONContent | string | undefined) ?? "",
    editorProps: {
      attributes: {
        role: "textbox",
        "aria-multiline": "true",
        "aria-label": label,
        class: "note-body min-h-[5rem] px-3 py-2 text-sm leading-relaxed text-grey-9 outline-none",
      },
    },
  });

  const chars = useEditorState({
    editor,
    selector: ({ editor: e }) => (e ? textLength(e) : 0),
  }) ?? 0;

  function save() {
    if (busy || !editor) return;
    let allTags = tags;
    if (pendingTag.trim()) {
      const added = addTag(tags, pendingTag);
      if (added.error) return setProblem(added.error);
      allTags = added.tags;
      setTags(allTags);
      setPendingTag("");
    }
    const length = textLength(editor);
    const empty = length === 0;
    if (empty && bodyRequired) return setProblem("Write something before saving.");
    if (length > MAX_BODY_CHARS) {
      return setProblem(`This is ${length.toLocaleString("en")} characters; the limit is ${MAX_BODY_CHARS.toLocaleString("en")}.`);
    }
    setProblem(null);
    props.onSave({ body: empty ? null : { json: editor.getJSON() as EditorDoc }, tags: allTags, visibility });
  }
  useLayoutEffect(() => {
    saveRef.current = save;
    cancelRef.current = onCancel;
    busyRef.current = busy;
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.defaultPrevented) return; // the editor's own shortcuts already ran
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      save();
    } else if (event.key === "Escape") {
      event.preventDefault();
      if (!busy) onCancel();
    }
  }

  const message = problem ?? error;
  return (
    <div onKeyDown={onKeyDown} className="space-y-3" aria-busy={busy || undefined}>
      <div className="rounded border border-grey-3 bg-white focus-within:outline-2 focus-within:outline-blue-focus">
        <EditorToolbar editor={editor} />
        <div className="relative">
          <EditorContent editor={editor} />
          {members.length > 0 && <MentionSuggest editor={editor} members={members} />}
        </div>
      </div>
      {chars >= COUNT_FROM && (
        <p className={`text-xs ${chars > MAX_BODY_CHARS ? "text-red-dark" : "text-grey-7"}`}>
          {chars.toLocaleString("en")} / {MAX_BODY_CHARS.toLocaleString("en")} characters
        </p>
      )}
      {kind === "note" && (
        <>
          <TagsInput tags={tags} onChange={setTags} pending={pendingTag} onPendingChange={setPendingTag} />
          <fieldset>
            <legend className="text-sm font-medium text-grey-8">Visibility</legend>
            <div className="mt-1 flex gap-4 text-sm text-grey-9">
              {(
                [
                  ["seminar", "Seminar"],
                  ["private", "Only me"],
                ] as const
              ).map(([value, text]) => (
                <label key={value} className="flex items-center gap-1.5">
                  <input
                    type="radio"
                    name={`${id}-visibility`}
                    value={value}
                    checked={visibility === value}
                    onChange={() => setVisibility(value)}
                    className="accent-brand focus-visible:outline-2 focus-visible:outline-blue-focus"
                  />
                  {text}
                </label>
              ))}
            </div>
          </fieldset>
        </>
      )}
      {notice}
      {message && (
        <p role="alert" className="rounded bg-red-light px-3 py-2 text-sm text-red-dark">
          {message}
        </p>
      )}
      <div className="flex items-center gap-2">
        <button
          type="button"
          onClick={save}
          // aria-disabled, not disabled: a disabled button would drop the keyboard focus.
          aria-disabled={busy || undefined}
          className="rounded bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-dark aria-disabled:cursor-wait focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-focus"
        >
          {busy ? "Saving…" : "Save"}
        </button>
        <button
          type="button"
          onClick={() => busy || onCancel()}
          aria-disabled={busy || undefined}
          className="rounded px-3 py-1.5 text-sm text-grey-8 hover:bg-grey-1 aria-disabled:cursor-wait focus-visible:outline-2 focus-visible:outline-blue-focus"
        >
          Cancel
        </button>
        <span className="ml-auto text-xs text-grey-7">Ctrl+Enter saves · Esc cancels</span>
      </div>
    </div>
  );
}
