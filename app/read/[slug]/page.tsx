import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { AppError } from "@/lib/errors";
import { getReadingFor, type Reading } from "@/lib/documents/service";
import type { Actor } from "@/lib/auth/actor";
import { getCurrentUser } from "@/lib/auth/session";
import { findPassage } from "@/lib/documents/find-passage";
import { TableOfContents } from "./table-of-contents";
import { PassageMark } from "./passage-mark";
import { SeminarSwitcher } from "./seminar-switcher";
import { loadAnnotations, type AnnotationContext } from "./load-annotations";
import { currentEventCursor } from "@/lib/realtime/service";
import { SideTabs } from "./side-tabs";
import { LazyAnnotator, LazyConnectionsPanel, LazyLinkMarkers, LazyQuestionMarkers, LazyQuestionsTab } from "./lazy-side";
import { VersionBar } from "./versions/version-bar";
import { ReadingTitle } from "./reading-title";

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<{ quote?: string | string[]; seminar?: string | string[]; note?: string | string[] }>;
};

/** The reading if this person may open it (a seminar reading only for its seminars); 404 otherwise. */
async function loadReading(slug: string, user: Actor | null): Promise<Reading> {
  try {
    return await getReadingFor(slug, user?.id ?? null);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  await connection();
  const { slug } = await params;
  const reading = await getCurrentUser()
    .then((user) => loadReading(slug, user))
    .catch(() => null);
  return { title: reading?.title ?? "Reading not found" };
}

export default async function ReaderPage({ params, searchParams }: Props) {
  await connection();
  const { slug } = await params;
  const query = await searchParams;
  const { quote, seminar, note } = query;
  const user = await getCurrentUser();
  const reading = await loadReading(slug, user);
  const annotations = await loadAnnotations(reading, user, typeof seminar === "string" ? seminar : undefined);
  const quoteText = typeof quote === "string" ? quote.slice(0, 2000) : undefined;
  const passage = quoteText ? findPassage(reading.text, quoteText) : null;
  const headings = reading.blocks.filter((block) => block.type === "heading");

  return (
    <div className="mx-auto flex max-w-[92rem] flex-col gap-8 px-4 py-8 lg:flex-row">
      <div className="flex min-w-0 flex-1 flex-col gap-8 xl:flex-row">
      {headings.length > 0 && (
        <aside className="xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:w-60 xl:shrink-0 xl:self-start xl:overflow-y-auto">
          <TableOfContents headings={headings} />
        </aside>
      )}
      <article className="mx-auto w-full min-w-0 max-w-[var(--reading-measure)] flex-1" aria-labelledby="reading-title">
        <header className="mb-8" data-noanchor>
          <p className="text-xs uppercase tracking-wide text-grey-6">
            {reading.kind} · {reading.readingMinutes} min read
          </p>
          <ReadingTitle reading={reading} />
          {reading.titleSupplied && (
            <p className="mt-1 text-sm italic text-grey-7">The title is supplied by the editor; the excerpt has none.</p>
          )}
          <VersionBar slug={reading.slug} documentId={reading.documentId} current={reading.versionNumber} query={query} />
          {annotations.state === "ready" && annotations.seminars.length > 1 && (
            <div className="mt-4">
              <SeminarSwitcher
                slug={reading.slug}
                current={annotations.seminar.id}
                seminars={annotations.seminars.map(({ id, name, role }) => ({ id, name, role }))}
              />
            </div>
          )}
        </header>
        {quoteText !== undefined && <PassageMark quote={quoteText} span={passage} />}
        <div
          data-reading={reading.slug}
          data-version={reading.versionId}
          className="font-reading text-[1.125rem] leading-[1.7] text-grey-9"
          dangerouslySetInnerHTML={{ __html: reading.html }}
        />
        <p className="mt-12 text-sm text-grey-7" data-noanchor>
          <Link href="/" className="underline">
            ← Back to the library
          </Link>
        </p>
      </article>
      </div>
      <AnnotationSide reading={reading} annotations={annotations} focusNoteId={typeof note === "string" ? note : null} />
    </div>
  );
}

/** The notes beside the text, or what a reader must do to see and make them. */
function AnnotationSide({
  reading,
  annotations,
  focusNoteId,
}: {
  reading: Reading;
  annotations: AnnotationContext;
  focusNoteId: string | null;
}) {
  if (annotations.state === "ready") {
    const { user, seminar, notes, spans, links, questions, members } = annotations;
    const notesPanel = (
      <LazyAnnotator
        slug={reading.slug}
        versionId={reading.versionId}
        seminarId={seminar.id}
        viewer={{ id: user.id, name: user.name, role: seminar.role }}
        initialNotes={notes}
        initialSpans={spans}
        focusNoteId={focusNoteId}
        liveCursor={currentEventCursor()}
        canAsk={seminar.role === "instructor"}
        members={members}
      />
    );
    const connections = (
      <LazyConnectionsPanel slug={reading.slug} seminarId={seminar.id} viewerId={user.id} ends={links.ends} suggestions={links.suggestions} mapHref={links.mapHref} />
    );
    return (
      <>
        <LazyLinkMarkers ends={links.ends} />
        <LazyQuestionMarkers questions={questions} />
        <SideTabs
          tabs={[
            { id: "notes", label: "Notes", content: notesPanel },
            { id: "connections", label: "Connections", count: new Set(links.ends.map((end) => end.linkId)).size, content: connections },
            { id: "questions", label: "Questions", count: questions.length, content: <LazyQuestionsTab questions={questions} /> },
          ]}
        />
      </>
    );
  }
  const next = encodeURIComponent(`/read/${reading.slug}`);
  return (
    <aside aria-label="Notes" className="rounded-lg border border-grey-3 bg-white p-5 text-sm text-grey-7 lg:w-80 lg:shrink-0 lg:self-start">
      <h2 className="font-semibold text-grey-9">Notes</h2>
      {annotations.state === "signed-out" ? (
        <p className="mt-2">
          <Link href={`/sign-in?callbackUrl=${next}`} className="text-brand underline">
            Sign in
          </Link>{" "}
          to read your seminar&apos;s notes on this reading and add your own.
        </p>
      ) : (
        <p className="mt-2">
          None of your seminars reads this text yet.{" "}
          <Link href="/seminars" className="text-brand underline">
            Join or create a seminar
          </Link>{" "}
          to annotate it.
        </p>
      )}
    </aside>
  );
}
