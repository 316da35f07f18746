import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AppError } from "@/lib/errors";
import { getReading, type Reading } from "@/lib/documents/service";
import { findPassage } from "@/lib/documents/find-passage";
import { TableOfContents } from "./table-of-contents";
import { PassageMark } from "./passage-mark";

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<{ quote?: string | string[] }> };

async function loadReading(slug: string): Promise<Reading> {
  try {
    return await getReading(slug);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const reading = await getReading(slug).catch(() => null);
  return { title: reading?.title ?? "Reading not found" };
}

export default async function ReaderPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const { quote } = await searchParams;
  const reading = await loadReading(slug);
  const quoteText = typeof quote === "string" ? quote.slice(0, 2000) : undefined;
  const passage = quoteText ? findPassage(reading.text, quoteText) : null;
  const headings = reading.blocks.filter((block) => block.type === "heading");

  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-8 px-4 py-8 lg:flex-row">
      {headings.length > 0 && (
        <aside className="lg:sticky lg:top-4 lg:max-h-[calc(100vh-2rem)] lg:w-60 lg:shrink-0 lg:self-start lg:overflow-y-auto">
          <TableOfContents headings={headings} />
        </aside>
      )}
      <article className="min-w-0 max-w-[var(--reading-measure)] flex-1" aria-labelledby="reading-title">
        <header className="mb-8" data-noanchor>
          <p className="text-xs uppercase tracking-wide text-grey-6">
            {reading.kind} · {reading.readingMinutes} min read
          </p>
          <h1 id="reading-title" className="font-reading mt-2 text-3xl font-semibold leading-tight text-grey-9">
            {reading.title}
          </h1>
          <p className="mt-2 text-grey-7">
            {reading.author}
            {reading.publication ? <>, <cite>{reading.publication}</cite></> : null}
            {reading.year ? `, ${reading.year}` : ""}
          </p>
          {reading.titleSupplied && (
            <p className="mt-1 text-sm italic text-grey-6">The title is supplied by the editor; the excerpt has none.</p>
          )}
        </header>
        {quoteText !== undefined && <PassageMark quote={quoteText} span={passage} />}
        <div
          data-reading={reading.slug}
          data-version={reading.versionId}
          className="font-reading text-[1.125rem] leading-[1.7] text-grey-9"
          dangerouslySetInnerHTML={{ __html: reading.html }}
        />
        <p className="mt-12 text-sm text-grey-6" data-noanchor>
          <Link href="/" className="underline">
            ← Back to the library
          </Link>
        </p>
      </article>
    </div>
  );
}
