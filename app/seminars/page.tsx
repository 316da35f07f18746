import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { listMySeminars } from "@/lib/seminars/service";
import { CreateSeminarForm, JoinSeminarForm } from "./seminar-forms";

export const metadata: Metadata = { title: "Seminars" };

export default async function SeminarsPage() {
  await connection();
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/seminars");
  const seminars = await listMySeminars(prisma, user);
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <h1 className="text-2xl font-semibold text-grey-9">Your seminars</h1>
      {seminars.length === 0 ? (
        <p className="mt-4 rounded border border-grey-3 bg-white p-6 text-grey-7">
          You are not in a seminar yet. Join one with the code your instructor gave you, or create your own.
        </p>
      ) : (
        <ul className="mt-6 space-y-3" aria-label="Your seminars">
          {seminars.map((seminar) => (
            <li key={seminar.id} className="rounded-lg border border-grey-3 bg-white p-5 shadow-sm hover:border-grey-5">
              <h2 className="text-lg font-medium">
                <Link href={`/seminars/${seminar.id}`} className="text-grey-9 underline-offset-2 hover:underline">
                  {seminar.name}
                </Link>
              </h2>
              {seminar.description ? <p className="mt-1 text-sm text-grey-7">{seminar.description}</p> : null}
              <p className="mt-2 flex flex-wrap gap-x-3 text-xs uppercase tracking-wide text-grey-6">
                <span>{seminar.role}</span>
                <span aria-hidden="true">·</span>
                <span>{seminar.memberCount === 1 ? "1 member" : `${seminar.memberCount} members`}</span>
                <span aria-hidden="true">·</span>
                <span>{seminar.readingCount === 1 ? "1 reading" : `${seminar.readingCount} readings`}</span>
              </p>
            </li>
          ))}
        </ul>
      )}
      <div className="mt-10 grid gap-6 md:grid-cols-2">
        <JoinSeminarForm />
        <CreateSeminarForm />
      </div>
    </div>
  );
}
