import type { LibraryEntry } from "@/lib/documents/service";

/** A reading's title and byline (author, publication, year), as the reader and its old versions show them. */
export function ReadingTitle({ reading }: { reading: Pick<LibraryEntry, "title" | "author" | "publication" | "year"> }) {
  return (
    <>
      <h1 id="reading-title" className="font-reading mt-2 text-3xl font-semibold leading-tight text-grey-9">
        {reading.title}
      </h1>
      <p className="mt-2 text-grey-7">
        {reading.author}
        {reading.publication ? <>, <cite>{reading.publication}</cite></> : null}
        {reading.year ? `, ${reading.year}` : ""}
      </p>
    </>
  );
}
