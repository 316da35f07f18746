"use client";

import { useEffect, useId, useRef, useState } from "react";

export type PresencePerson = { id: string; name: string };

/**
 * "3 reading now": a button that shows who on hover, focus or click (Escape or a click
 * elsewhere closes it). The names are also in the button's accessible description, so
 * a screen reader hears them without opening anything.
 */
export function PresenceIndicator({ people, viewerId }: { people: PresencePerson[]; viewerId?: string }) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const root = useRef<HTMLDivElement>(null);
  const others = people.filter((p) => p.id !== viewerId);
  const here = people.some((p) => p.id === viewerId);
  const names = [...(here ? ["You"] : []), ...others.map((p) => p.name)];

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => event.key === "Escape" && setOpen(false);
    const onPointer = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
    };
  }, [open]);

  if (people.length === 0) return null;
  const label = others.length === 0 ? "Only you are reading now" : `${people.length} reading now`;
  const description = names.join(", ");

  return (
    <div ref={root} className="relative inline-block" onMouseEnter={() => setOpen(true)} onMouseLeave={() => setOpen(false)}>
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        aria-describedby={`${listId}-names`}
        onClick={() => setOpen((value) => !value)}
        onFocus={() => setOpen(true)}
        onBlur={(event) => {
          if (!root.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
        }}
        className="inline-flex items-center gap-1.5 rounded-full border border-grey-3 bg-white px-2.5 py-0.5 text-xs font-medium text-grey-8 hover:border-grey-5 focus-visible:outline-2 focus-visible:outline-blue-focus"
      >
        <span aria-hidden="true" className="inline-block h-2 w-2 rounded-full bg-green-success" />
        {label}
      </button>
      <span id={`${listId}-names`} className="sr-only">
        {description}
      </span>
      {open && (
        <ul
          id={listId}
          aria-label="Reading now"
          className="absolute left-0 top-full z-20 mt-1 min-w-44 rounded border border-grey-3 bg-white p-2 text-sm text-grey-9 shadow-md"
        >
          {names.map((name, i) => (
            <li key={`${i}:${name}`} className="py-0.5">
              {name}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
