"use client";

import { useId, useState, type KeyboardEvent } from "react";
import { MAX_TAG_CHARS, MAX_TAGS } from "@/lib/annotations/schema";
import { addTag } from "./editor-input";

/**
 * Tags as removable chips with a text box: Enter or a comma adds what was typed,
 * Backspace in an empty box removes the last chip. The schema's limits (MAX_TAGS,
 * MAX_TAG_CHARS) are checked here so the reader learns them before saving.
 */
export function TagsInput({
  tags,
  onChange,
  pending,
  onPendingChange,
}: {
  tags: string[];
  onChange: (tags: string[]) => void;
  /** What is typed but not yet a chip; the editor adds it on save so nothing typed is lost. */
  pending: string;
  onPendingChange: (text: string) => void;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);

  function add(raw: string): boolean {
    const result = addTag(tags, raw);
    setError(result.error);
    if (result.error) return false;
    onChange(result.tags);
    onPendingChange("");
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if ((event.key === "Enter" && !event.ctrlKey && !event.metaKey) || event.key === ",") {
      event.preventDefault();
      if (pending.trim()) add(pending);
    } else if (event.key === "Backspace" && pending === "" && tags.length > 0) {
      event.preventDefault();
      onChange(tags.slice(0, -1));
      setError(null);
    }
  }

  return (
    <div>
      <label htmlFor={`${id}-input`} className="block text-sm font-medium text-grey-8">
        Tags
      </label>
      <div className="mt-1 flex flex-wrap items-center gap-1.5 rounded border border-grey-3 bg-white px-2 py-1.5 focus-within:outline-2 focus-within:outline-blue-focus">
        {tags.length > 0 && (
        <ul className="flex flex-wrap gap-1.5" aria-label="Tags added">
          {tags.map((tag, index) => (
            <li key={`${tag}-${index}`} className="flex items-center gap-1 rounded-full bg-grey-1 py-0.5 pl-2 pr-1 text-xs text-grey-8">
              {tag}
              <button
                type="button"
                aria-label={`Remove tag ${tag}`}
                onClick={() => {
                  onChange(tags.filter((_, i) => i !== index));
                  setError(null);
                }}
                className="rounded-full px-1 text-grey-7 hover:bg-grey-3 hover:text-grey-9 focus-visible:outline-2 focus-visible:outline-blue-focus"
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        )}
        <input
          id={`${id}-input`}
          type="text"
          value={pending}
          onChange={(event) => {
            // A pasted "a, b, c" becomes chips at once; the text after the last comma stays typed.
            const parts = event.target.value.split(",");
            if (parts.length > 1) {
              let next = tags;
              for (const part of parts.slice(0, -1)) {
                const result = addTag(next, part);
                setError(result.error);
                if (result.error) break;
                next = result.tags;
              }
              onChange(next);
              onPendingChange(parts[parts.length - 1]);
            } else onPendingChange(event.target.value);
          }}
          onKeyDown={onKeyDown}
          aria-describedby={`${id}-hint${error ? ` ${id}-error` : ""}`}
          aria-invalid={error ? true : undefined}
          className="min-w-[8rem] flex-1 bg-transparent py-0.5 text-sm text-grey-9 outline-none"
        />
      </div>
      <p id={`${id}-hint`} className="mt-1 text-xs text-grey-7">
        Enter or comma adds a tag · up to {MAX_TAGS} tags of {MAX_TAG_CHARS} characters
      </p>
      {error && (
        <p id={`${id}-error`} role="alert" className="mt-1 text-xs text-red-dark">
          {error}
        </p>
      )}
    </div>
  );
}
