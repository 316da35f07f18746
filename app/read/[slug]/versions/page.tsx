import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { listVersionHistory, type VersionEntry } from "@/lib/revisions/history";
import { LocalTime } from "@/app/seminars/[id]/questions/local-time";
import { blockSummary } from "../revise/revision-report";
import { orNotFound } from "./load";

export const metadata: Metadata = { title: "Version history" };

type Props = { params: Promise<{ slug: string }> };

/** Who made a version and how. */
function madeBy(v: VersionEntry): string {
  if (v.origin === "file") return "From the readings folder";
  const who = v.author ?? "An instructor";
  if (v.origin === "upload") return `${who}, uploaded ${v.uploadName ?? "a file"}`;
  return `${who}, ${v.number === 1 ? "typed" : "edited"} in Parallax`;
}

/** Every version of a reading, newest first, for anyone who can read it. */
export default async function VersionsPage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const user = await getCurrentUser();
  const history = await orNotFound(() => listVersionHistory(prisma, user?.id ?? null, slug));
  const path = `/read/${encodeURIComponent(slug)}`;
  const link = "text-brand underline";

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm">
        <Link href={path} className="text-grey-7 hover:text-grey-9">
          ← {history.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-grey-9">Version history</h1>
      <p className="mt-1 text-grey-7">
        {history.versions.length === 1 ? "One version" : `${history.versions.length} versions`} of “{history.title}”, newest first. Old versions are kept, with the
        notes as they were on them.
      </p>
      {history.canRevise && (
        <p className="mt-3">
          <Link href={`${path}/revise`} className="rounded bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-dark">
            Revise
          </Link>
        </p>
      )}
      <ol aria-label="Versions, newest first" className="mt-6 space-y-3">
        {history.versions.map((v) => (
          <li key={v.number} className="rounded-lg border border-grey-3 bg-white p-4">
            <h2 className="font-medium text-grey-9">
              Version {v.number}
              {v.current && <span className="ml-2 rounded bg-brand px-1.5 py-0.5 text-xs font-medium text-white">Current</span>}
            </h2>
            <p className="mt-1 text-sm text-grey-7">
              <LocalTime iso={v.createdAt} /> · {madeBy(v)}
            </p>
            <p className="mt-1 text-sm text-grey-8">{v.blocks ? `${blockSummary(v.blocks)}.` : "The first version."}</p>
            <p className="mt-2 flex flex-wrap gap-4 text-sm">
              <Link href={v.current ? path : `${path}/versions/${v.number}`} className={link}>
                {v.current ? "Read" : "Read this version"}
                <span className="sr-only"> (version {v.number})</span>
              </Link>
              {v.origin === "upload" && (
                <a href={`/api${path.replace(/^\/read\//, "/readings/")}/versions/${v.number}/upload`} className={link} download>
                  The uploaded file
                  <span className="sr-only"> of version {v.number}</span>
                </a>
              )}
              {v.number >= 2 && (
                <Link href={`${path}/versions/${v.number}/changes`} className={link}>
                  What changed
                  <span className="sr-only"> in version {v.number}</span>
                </Link>
              )}
            </p>
          </li>
        ))}
      </ol>
    </div>
  );
}
