"use client";

import { useEffect, useId, useMemo, useState } from "react";
import type { Editor } from "@tiptap/react";

/**
 * @mention suggestions in the tiptap editor: typing "@" and the start of a name lists
 * the seminar's members; Arrow keys choose, Enter or Tab insert "@Full Name ", Escape
 * closes. What it inserts is plain text, which the server parses for mentions
 * (lib/notifications/mentions.ts), so the body's schema does not change.
 *
 * Plug-in (note-editor.tsx): render `<MentionSuggest editor={editor} members={members} />`
 * right after `<EditorContent editor={editor} />`, inside the same relatively
 * positioned box; `members` are the seminar's members ({ id, name }), e.g. from
 * GET /api/seminars/<id> (`seminar.members`, mapped to { id: userId, name }).
 */

export type MentionMember = { id: string; name: string };

/** The "@query" right before the caret, if the caret is in one (a word start, no line break, at most 40 characters). */
export function mentionQuery(textBeforeCaret: string): { query: string; length: number } | null {
  const match = /(^|[^\p{L}\p{N}])@([\p{L}\p{N}][\p{L}\p{N} .'’-]{0,39}|)$/u.exec(textBeforeCaret);
  if (!match) return null;
  const query = match[2];
  if (/\s{2,}$/.test(query)) return null; // two spaces: the mention is over
  return { query, length: query.length + 1 };
}

/** Members whose name, or a word of it, starts with the query (case-insensitive), best first. */
export function matchMembers(members: readonly MentionMember[], query: string, limit = 6): MentionMember[] {
  const q = query.trim().toLocaleLowerCase("en");
  const scored = members.flatMap((member) => {
    const name = member.name.toLocaleLowerCase("en");
    if (name.startsWith(q)) return [{ member, score: 0 }];
    if (name.split(/\s+/).some((word) => word.startsWith(q))) return [{ member, score: 1 }];
    return [];
  });
  return scored
    .sort((a, b) => a.score - b.score || a.member.name.localeCompare(b.member.name))
    .slice(0, limit)
    .map(({ member }) => member);
}

type Open = { query: string; length: number; top: number; left: number };

export function MentionSuggest({ editor, members }: { editor: Editor | null; members: readonly MentionMember[] }) {
  const listId = useId();
  const [open, setOpen] = useState<Open | null>(null);
  const [active, setActive] = useState(0);
  const matches = useMemo(() => (open ? matchMembers(members, open.query) : []), [open, members]);

  // Follow the text before the caret as the reader types or moves.
  useEffect(() => {
    if (!editor) return;
    const update = () => {
      const { $from, empty } = editor.state.selection;
      const found = empty ? mentionQuery($from.parent.textBetween(0, $from.parentOffset, undefined, "\ufffc")) : null;
      if (!found || !editor.isFocused) return setOpen(null);
      const caret = editor.view.coordsAtPos($from.pos);
      const box = (editor.view.dom.offsetParent ?? editor.view.dom).getBoundingClientRect();
      setOpen((previous) => {
        if (previous?.query !== found.query) setActive(0);
        return { ...found, top: caret.bottom - box.top + 4, left: caret.left - box.left };
      });
    };
    const close = () => setOpen(null);
    editor.on("transaction", update);
    editor.on("blur", close);
    return () => {
      editor.off("transaction", update);
      editor.off("blur", close);
    };
  }, [editor]);

  const shown = open && matches.length > 0;
  const activeId = shown ? `${listId}-${Math.min(active, matches.length - 1)}` : null;

  // Tell assistive technology the text box now controls a list.
  useEffect(() => {
    const dom = editorDom(editor);
    if (!dom) return;
    if (shown) {
      dom.setAttribute("aria-controls", listId);
      dom.setAttribute("aria-expanded", "true");
      if (activeId) dom.setAttribute("aria-activedescendant", activeId);
    } else {
      dom.removeAttribute("aria-controls");
      dom.removeAttribute("aria-activedescendant");
      dom.removeAttribute("aria-expanded");
    }
  }, [editor, shown, activeId, listId]);

  const choose = (member: MentionMember) => {
    if (!editor || !open) return;
    const { from } = editor.state.selection;
    editor.chain().focus().deleteRange({ from: from - open.length, to: from }).insertContent(`@${member.name} `).run();
    setOpen(null);
  };

  // Keys go to the list before the editor (capture on its own element, then stopped),
  // so Enter does not break the paragraph and Escape does not close the form.
  useEffect(() => {
    const dom = editorDom(editor);
    if (!dom || !shown) return;
    const onKey = (event: KeyboardEvent) => {
      const handled: Record<string, () => void> = {
        ArrowDown: () => setActive((i) => (i + 1) % matches.length),
        ArrowUp: () => setActive((i) => (i - 1 + matches.length) % matches.length),
        Enter: () => choose(matches[Math.min(active, matches.length - 1)]),
        Tab: () => choose(matches[Math.min(active, matches.length - 1)]),
        Escape: () => setOpen(null),
      };
      const run = handled[event.key];
      if (!run || event.ctrlKey || event.metaKey || event.altKey) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      run();
    };
    dom.addEventListener("keydown", onKey, true);
    return () => dom.removeEventListener("keydown", onKey, true);
  });

  if (!shown) return null;
  return (
    <ul
      id={listId}
      role="listbox"
      aria-label="Mention a member"
      style={{ top: open.top, left: open.left }}
      className="absolute z-30 min-w-48 rounded border border-grey-3 bg-white py-1 text-sm shadow-md"
    >
      {matches.map((member, i) => (
        <li
          key={member.id}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === Math.min(active, matches.length - 1)}
          // mousedown, not click: the editor must keep its focus and selection.
          onMouseDown={(event) => {
            event.preventDefault();
            choose(member);
          }}
          className="cursor-pointer px-3 py-1 text-grey-9 aria-selected:bg-grey-1 aria-selected:font-medium"
        >
          {member.name}
        </li>
      ))}
    </ul>
  );
}

/** The editor's element, or null while the editor is not mounted (tiptap throws then). */
function editorDom(editor: Editor | null): HTMLElement | null {
  if (!editor || editor.isDestroyed) return null;
  try {
    return editor.view.dom;
  } catch {
    return null;
  }
}
