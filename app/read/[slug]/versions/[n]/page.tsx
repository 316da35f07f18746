import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { findReadableDocument, getVersion } from "@/lib/documents/service";
import { versionView } from "@/lib/revisions/history";
import { LocalTime } from "@/app/seminars/[id]/questions/local-time";
import { RevisionReportView } from "../../revise/revision-report";
import { orNotFound, versionNumber } from "../load";
import { VersionItems, type VersionItem } from "./version-items";
import { positionOf } from "@/lib/annotations/selectors";
import { ReadingTitle } from "../../reading-title";

export const metadata: Metadata = { title: "An earlier version" };

type Props = { params: Promise<{ slug: string; n: string }> };

/**
 * An earlier version of a reading, read-only: its text as it was, the notes, links and
 * questions as they sat on it (for a signed-in member), and what the change to it did.
 * The current version's number goes to the reader.
 */
export default async function VersionPage({ params }: Props) {
  await connection();
  const { slug, n } = await params;
  const number = versionNumber(n);
  const user = await getCurrentUser();
  const viewerId = user?.id ?? null;
  const reading = await orNotFound(() => findReadableDocument(slug, viewerId));
  const current = reading.currentVersion.number;
  const path = `/read/${encodeURIComponent(slug)}`;
  if (number === current) redirect(path);
  if (number > current) notFound();
  const version = await orNotFound(() => getVersion(reading.id, number));
  const { items: placed, report } = await orNotFound(() => versionView(prisma, viewerId, reading.id, slug, number));
  const items: VersionItem[] = placed.map((item) => ({
    key: item.key,
    kind: item.kind,
    title: item.title,
    author: item.author,
    seminar: item.seminar,
    href: item.href,
    anchorStatus: item.anchorStatus,
    span: item.anchorStatus === "orphaned" ? null : positionOf(item.selectors),
  }));

  return (
    <div className="mx-auto flex max-w-[92rem] flex-col gap-8 px-4 py-8 lg:flex-row">
      <article className="mx-auto w-full min-w-0 max-w-[var(--reading-measure)] flex-1" aria-labelledby="reading-title">
        <header className="mb-8">
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded border border-yellow bg-yellow-light px-4 py-3 text-sm text-yellow-dark">
            <strong>
              Version {number} of {current} — read-only
            </strong>
            <span>
              Made <LocalTime iso={version.createdAt.toISOString()} />.
            </span>
            <Link href={path} className="underline">
              Read the current version ({current})
            </Link>
            <Link href={`${path}/versions`} className="underline">
              All versions
            </Link>
          </p>
          <p className="mt-6 text-xs uppercase tracking-wide text-grey-6">{reading.kind}</p>
          <ReadingTitle reading={reading} />
        </header>
        <div data-reading={reading.slug} data-version={version.id} className="font-reading text-[1.125rem] leading-[1.7] text-grey-9" dangerouslySetInnerHTML={{ __html: version.html }} />
        {report && (
          <div id="changes" className="mt-12 border-t border-grey-3 pt-8">
            <RevisionReportView report={report} title={`What changed in version ${number}`} />
          </div>
        )}
      </article>
      {user ? <VersionItems items={items} /> : null}
    </div>
  );
}
