import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";
import { requireTeaching } from "@/lib/revisions/access";
import { ReadingForm } from "./reading-form";

export const metadata: Metadata = { title: "Add a reading" };

type Props = { searchParams: Promise<{ seminar?: string | string[] }> };

/** The seminars the person teaches, or null when they teach none (a student, a visitor). */
async function taughtSeminars(user: Actor | null) {
  if (!user) return null;
  try {
    return await requireTeaching(prisma, user);
  } catch (error) {
    if (error instanceof AppError && error.code === "forbidden") return null;
    throw error;
  }
}

/** Adds a reading (instructors). `?seminar=<id>` preselects one of their seminars. */
export default async function NewReadingPage({ searchParams }: Props) {
  await connection();
  const { seminar } = await searchParams;
  const user = await getCurrentUser();
  const seminars = await taughtSeminars(user);
  const back = typeof seminar === "string" && seminars?.some((s) => s.id === seminar) ? `/seminars/${encodeURIComponent(seminar)}` : "/";

  return (
    <div className="mx-auto max-w-[92rem] px-4 py-10">
      <p className="text-sm">
        <Link href={back} className="text-grey-7 hover:text-grey-9">
          ← {back === "/" ? "Library" : "Seminar"}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-grey-9">{seminars ? "Add a reading" : "Only instructors add readings"}</h1>
      {seminars ? (
        <>
          <p className="mt-1 max-w-3xl text-grey-7">
            Upload the text or paste it, check how it reads, then publish it for your seminars. Notes, links and questions can be made on it at once.
          </p>
          <ReadingForm seminars={seminars} preselect={typeof seminar === "string" ? seminar : null} />
        </>
      ) : (
        <p className="mt-3 max-w-2xl text-grey-7">
          {user ? (
            "Readings are added by the instructors of a seminar. Ask yours to add the text you want to read together."
          ) : (
            <>
              <Link href={`/sign-in?callbackUrl=${encodeURIComponent("/readings/new")}`} className="text-brand underline">
                Sign in
              </Link>{" "}
              as an instructor to add a reading.
            </>
          )}
        </p>
      )}
    </div>
  );
}
