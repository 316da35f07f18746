"use client";

import { useId } from "react";
import type { AuthorOption, PanelFilter, TagOption } from "./order";

const selectClass =
  "mt-0.5 w-full rounded border border-grey-3 bg-white px-2 py-1 text-sm text-grey-9 focus-visible:outline-2 focus-visible:outline-blue-focus";
const scopeClass =
  "px-2.5 py-1 text-sm text-grey-8 hover:bg-grey-1 aria-pressed:bg-grey-8 aria-pressed:text-white focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-blue-focus";

/** Everyone / Mine, an author and a tag, each listing how many notes it holds. */
export function NotesFilters({
  filter,
  onChange,
  authors,
  tags,
}: {
  filter: PanelFilter;
  onChange: (filter: PanelFilter) => void;
  authors: AuthorOption[];
  tags: TagOption[];
}) {
  const id = useId();
  return (
    <div role="group" aria-label="Filter notes" className="space-y-2">
      <div className="inline-flex overflow-hidden rounded border border-grey-3" role="group" aria-label="Whose notes">
        {(
          [
            ["everyone", "Everyone"],
            ["mine", "Mine"],
          ] as const
        ).map(([scope, text]) => (
          <button
            key={scope}
            type="button"
            aria-pressed={filter.scope === scope}
            onClick={() => onChange({ ...filter, scope })}
            className={scopeClass}
          >
            {text}
          </button>
        ))}
      </div>
      <div className="grid grid-cols-2 gap-2">
        <div>
          <label htmlFor={`${id}-author`} className="text-xs font-medium text-grey-7">
            Author
          </label>
          <select
            id={`${id}-author`}
            value={filter.authorId}
            onChange={(event) => onChange({ ...filter, authorId: event.target.value })}
            className={selectClass}
          >
            <option value="">All authors</option>
            {authors.map((author) => (
              <option key={author.id} value={author.id}>
                {author.name} ({author.count})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-tag`} className="text-xs font-medium text-grey-7">
            Tag
          </label>
          <select
            id={`${id}-tag`}
            value={filter.tag}
            onChange={(event) => onChange({ ...filter, tag: event.target.value })}
            className={selectClass}
          >
            <option value="">All tags</option>
            {tags.map((tag) => (
              <option key={tag.tag} value={tag.tag}>
                {tag.tag} ({tag.count})
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}
