"use client";

import { documentKinds } from "@/lib/documents/schema";
import type { ReadingDraft } from "./reading-draft";

export const field = "mt-1 w-full rounded border border-grey-4 bg-white px-3 py-1.5 text-grey-9 focus-visible:outline-2 focus-visible:outline-blue-focus";
const labelClass = "text-sm font-medium text-grey-8";
const kindNames: Record<(typeof documentKinds)[number], string> = { article: "Article", essay: "Essay", "book excerpt": "Book excerpt", transcript: "Transcript" };

/** The reading's details: title, author, publication, year and kind. Ids are `${id}-title` and so on. */
export function DetailsFields({ id, draft, change }: { id: string; draft: ReadingDraft; change: (patch: Partial<ReadingDraft>) => void }) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <div className="sm:col-span-2">
        <label htmlFor={`${id}-title`} className={labelClass}>
          Title
        </label>
        <input id={`${id}-title`} className={field} value={draft.title} maxLength={300} required onChange={(e) => change({ title: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${id}-author`} className={labelClass}>
          Author
        </label>
        <input id={`${id}-author`} className={field} value={draft.author} maxLength={300} required onChange={(e) => change({ author: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${id}-publication`} className={labelClass}>
          Publication (optional)
        </label>
        <input id={`${id}-publication`} className={field} value={draft.publication} maxLength={300} onChange={(e) => change({ publication: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${id}-year`} className={labelClass}>
          Year (optional)
        </label>
        <input id={`${id}-year`} className={field} inputMode="numeric" value={draft.year} maxLength={5} onChange={(e) => change({ year: e.target.value })} />
      </div>
      <div>
        <label htmlFor={`${id}-kind`} className={labelClass}>
          Kind
        </label>
        <select id={`${id}-kind`} className={field} value={draft.kind} onChange={(e) => change({ kind: e.target.value as ReadingDraft["kind"] })}>
          {documentKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kindNames[kind]}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}

/** Where the reading goes: the instructor's seminars, and the shared library. */
export function PlacesFields({ id, seminars, draft, change }: { id: string; seminars: { id: string; name: string }[]; draft: ReadingDraft; change: (patch: Partial<ReadingDraft>) => void }) {
  const toggle = (seminarId: string, on: boolean) =>
    change({ seminarIds: on ? [...new Set([...draft.seminarIds, seminarId])] : draft.seminarIds.filter((s) => s !== seminarId) });
  return (
    <fieldset id={`${id}-seminars`} tabIndex={-1} className="rounded border border-grey-3 bg-white px-4 py-3">
      <legend className="px-1 text-sm font-medium text-grey-8">Who reads it</legend>
      <ul className="space-y-1">
        {seminars.map((seminar) => (
          <li key={seminar.id}>
            <label className="flex items-center gap-2 text-sm text-grey-9">
              <input type="checkbox" className="accent-brand" checked={draft.seminarIds.includes(seminar.id)} onChange={(e) => toggle(seminar.id, e.target.checked)} />
              {seminar.name}
            </label>
          </li>
        ))}
      </ul>
      <label className="mt-3 flex items-center gap-2 border-t border-grey-2 pt-3 text-sm text-grey-9">
        <input type="checkbox" className="accent-brand" checked={draft.shared} onChange={(e) => change({ shared: e.target.checked })} />
        Also add it to the shared library
      </label>
      <p className="mt-1 text-xs text-grey-7">A reading in the shared library is open to everyone; otherwise only your seminars&apos; members see it.</p>
    </fieldset>
  );
}
