import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { findReadableDocument } from "@/lib/documents/service";
import { changeReport } from "@/lib/revisions/history";
import { RevisionReportView } from "../../../revise/revision-report";
import { orNotFound, versionNumber } from "../../load";

export const metadata: Metadata = { title: "What changed" };

type Props = { params: Promise<{ slug: string; n: string }> };

/** The revision report of the change to version n (the current one too), for anyone who can read the reading. */
export default async function VersionChangesPage({ params }: Props) {
  await connection();
  const { slug, n } = await params;
  const number = versionNumber(n);
  const user = await getCurrentUser();
  const reading = await orNotFound(() => findReadableDocument(slug, user?.id ?? null));
  const report = await orNotFound(() => changeReport(prisma, user?.id ?? "", reading.id, slug, number));
  const path = `/read/${encodeURIComponent(slug)}`;
  const current = number === reading.currentVersion.number;

  return (
    <div className="mx-auto max-w-5xl px-4 py-10">
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href={`${path}/versions`} className="text-grey-7 hover:text-grey-9">
          ← Version history
        </Link>
        <Link href={current ? path : `${path}/versions/${number}`} className="text-grey-7 hover:text-grey-9">
          Read version {number}
          {current ? " (current)" : ""}
        </Link>
        <Link href={`${path}/versions/${number - 1}`} className="text-grey-7 hover:text-grey-9">
          Read version {number - 1}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-grey-9">What changed in version {number}</h1>
      <p className="mt-1 text-grey-7">“{reading.title}”{user ? "" : ". Sign in to see your seminars' notes, links and questions in this report."}</p>
      <div className="mt-6">
        <RevisionReportView report={report} title={`From version ${number - 1} to version ${number}`} />
      </div>
    </div>
  );
}
