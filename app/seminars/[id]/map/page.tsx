import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { listPendingSuggestions } from "@/lib/links/decisions";
import { listSeminarLinks } from "@/lib/links/service";
import { getSeminar } from "@/lib/seminars/service";
import { ConnectionsMap } from "./connections-map";

export const metadata: Metadata = { title: "Connections map" };

/**
 * A seminar's connections: its readings as columns and every link the viewer may see
 * as a line between the two passages; instructors also see the pending suggested
 * parallels, dashed, with Confirm / Dismiss beside the map.
 */
export default async function MapPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/seminars/${id}/map`)}`);
  let data;
  try {
    const seminar = await getSeminar(prisma, user, id);
    const map = await listSeminarLinks(prisma, user, id);
    const suggestions = seminar.role === "instructor" ? (await listPendingSuggestions(prisma, user, id)).suggestions : null;
    data = { seminar, map, suggestions };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const { seminar, map, suggestions } = data;
  return (
    <div className="mx-auto max-w-[110rem] px-4 py-8">
      <p className="text-sm">
        <Link href={`/seminars/${seminar.id}`} className="text-grey-7 hover:text-grey-9">
          ← {seminar.name}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-grey-9">Connections map</h1>
      <p className="mt-1 max-w-3xl text-sm text-grey-7">
        Each column is a reading, its bar as long as the text; each line joins two linked passages. Point at a line, or
        reach it with Tab, to read both passages; open it to compare them side by side.
      </p>
      <ConnectionsMap seminarId={seminar.id} readings={map.readings} links={map.links} suggestions={suggestions} />
    </div>
  );
}
