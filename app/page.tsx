import Link from "next/link";
import { connection } from "next/server";
import { getLibrary } from "@/lib/documents/service";
import { getCurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { isTeaching } from "@/lib/revisions/viewer";

export default async function LibraryPage() {
  await connection();
  const user = await getCurrentUser();
  const readings = await getLibrary(undefined, user?.id ?? null);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold text-grey-9">Library</h1>
      <p className="mt-1 text-grey-7">
        {readings.length === 1 ? "One reading" : `${readings.length} readings`} on the Korean War of 1950.
      </p>
      {(await isTeaching(prisma, user?.id ?? null)) && (
        <p className="mt-3">
          <Link href="/readings/new" className="rounded bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-dark">
            Add a reading
          </Link>
        </p>
      )}
      {readings.length === 0 ? (
        <p className="mt-8 rounded border border-grey-3 bg-white p-6 text-grey-7">
          The library is empty. Readings placed in <code>documents/</code> appear here once they are ingested.
        </p>
      ) : (
        <ul className="mt-8 space-y-4" aria-label="Readings">
          {readings.map((reading) => (
            <li key={reading.slug} className="rounded-lg border border-grey-3 bg-white p-5 shadow-sm hover:border-grey-5">
              <h2 className="font-reading text-lg leading-snug">
                <Link href={`/read/${reading.slug}`} className="text-grey-9 underline-offset-2 hover:underline">
                  {reading.title}
                </Link>
              </h2>
              <p className="mt-1 text-sm text-grey-7">
                {reading.author}
                {reading.year ? `, ${reading.year}` : ""}
                {reading.titleSupplied ? " · title supplied by the editor" : ""}
              </p>
              <p className="mt-2 flex flex-wrap gap-x-3 text-xs uppercase tracking-wide text-grey-6">
                <span>{reading.kind}</span>
                <span aria-hidden="true">·</span>
                <span>{reading.readingMinutes} min read</span>
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
