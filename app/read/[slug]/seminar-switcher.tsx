"use client";

import { useRouter } from "next/navigation";

/** Chooses which of the reader's seminars the notes shown and made belong to. */
export function SeminarSwitcher({
  slug,
  current,
  seminars,
}: {
  slug: string;
  current: string;
  seminars: { id: string; name: string; role: string }[];
}) {
  const router = useRouter();
  return (
    <form action={`/read/${slug}`} method="get" className="flex items-center gap-2 text-sm" data-noanchor>
      <label htmlFor="seminar-switcher" className="text-grey-7">
        Seminar
      </label>
      <select
        id="seminar-switcher"
        name="seminar"
        defaultValue={current}
        onChange={(event) => router.push(`/read/${slug}?seminar=${encodeURIComponent(event.target.value)}`)}
        className="max-w-[16rem] rounded border border-grey-3 bg-white px-2 py-1 text-grey-9"
      >
        {seminars.map((seminar) => (
          <option key={seminar.id} value={seminar.id}>
            {seminar.name} ({seminar.role})
          </option>
        ))}
      </select>
      <noscript>
        <button type="submit" className="rounded border border-grey-3 px-2 py-1">
          Switch
        </button>
      </noscript>
    </form>
  );
}
