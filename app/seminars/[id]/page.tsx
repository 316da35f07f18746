import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { getCurrentUser } from "@/lib/auth/session";
import { getLibrary } from "@/lib/documents/service";
import { getSeminar } from "@/lib/seminars/service";
import type { SeminarDetail } from "@/lib/seminars/schema";
import { JoinCodePanel, LeaveButton, ReadingsEditor, RemoveMemberButton } from "./manage";

export const metadata: Metadata = { title: "Seminar" };

async function load(id: string, userId: Parameters<typeof getSeminar>[1]): Promise<SeminarDetail> {
  try {
    return await getSeminar(prisma, userId, id);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function SeminarPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const { id } = await params;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`/seminars/${id}`)}`);
  const seminar = await load(id, user);
  const library = seminar.permissions.manage ? await getLibrary(undefined, user.id) : [];

  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <p className="text-sm">
        <Link href="/seminars" className="text-grey-7 hover:text-grey-9">
          ← Your seminars
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-grey-9">{seminar.name}</h1>
      {seminar.description ? <p className="mt-1 text-grey-7">{seminar.description}</p> : null}
      <p className="mt-1 text-xs uppercase tracking-wide text-grey-6">You are {seminar.role === "instructor" ? "an instructor" : "a student"} here</p>
      <nav aria-label="This seminar" className="mt-3 flex gap-4 text-sm">
        <Link href={`/seminars/${seminar.id}/questions`} className="font-medium text-brand underline">
          Questions
        </Link>
        <Link href={`/seminars/${seminar.id}/map`} className="font-medium text-brand underline">
          Connections map
        </Link>
      </nav>

      {seminar.joinCode ? <JoinCodePanel seminarId={seminar.id} code={seminar.joinCode} /> : null}

      <section aria-labelledby="readings-heading" className="mt-8">
        <h2 id="readings-heading" className="text-lg font-medium text-grey-9">
          Readings
        </h2>
        {seminar.readings.length === 0 ? (
          <p className="mt-2 text-grey-7">No readings assigned yet.</p>
        ) : (
          <ol className="mt-3 space-y-2">
            {seminar.readings.map((reading) => (
              <li key={reading.slug} className="rounded border border-grey-3 bg-white px-4 py-3">
                <Link href={`/read/${reading.slug}?seminar=${seminar.id}`} className="font-reading text-grey-9 underline-offset-2 hover:underline">
                  {reading.title}
                </Link>
                <span className="ml-2 text-sm text-grey-6">
                  {reading.author}
                  {reading.year ? `, ${reading.year}` : ""} · {reading.noteCount === 1 ? "1 note" : `${reading.noteCount} notes`}
                </span>
              </li>
            ))}
          </ol>
        )}
        {seminar.permissions.manage ? (
          <p className="mt-3 text-sm">
            <Link href={`/readings/new?seminar=${encodeURIComponent(seminar.id)}`} className="font-medium text-brand underline">
              Add a reading
            </Link>
          </p>
        ) : null}
        {seminar.permissions.manage ? (
          <ReadingsEditor
            seminarId={seminar.id}
            library={library.map((r) => ({ slug: r.slug, title: r.title, author: r.author }))}
            assigned={seminar.readings.map((r) => r.slug)}
          />
        ) : null}
      </section>

      <section aria-labelledby="members-heading" className="mt-8">
        <h2 id="members-heading" className="text-lg font-medium text-grey-9">
          Members
        </h2>
        <ul className="mt-3 divide-y divide-grey-2 rounded border border-grey-3 bg-white">
          {seminar.members.map((member) => (
            <li key={member.userId} className="flex items-center gap-3 px-4 py-2">
              <span className="text-grey-9">{member.name}</span>
              {member.role === "instructor" ? (
                <span className="rounded bg-brand px-1.5 py-0.5 text-xs font-medium text-white">Instructor</span>
              ) : null}
              {member.email ? <span className="text-sm text-grey-6">{member.email}</span> : null}
              <span className="ml-auto">
                {seminar.permissions.manage && member.userId !== user.id ? (
                  <RemoveMemberButton seminarId={seminar.id} userId={member.userId} name={member.name} />
                ) : null}
              </span>
            </li>
          ))}
        </ul>
        <LeaveButton seminarId={seminar.id} userId={user.id} />
      </section>
    </div>
  );
}
