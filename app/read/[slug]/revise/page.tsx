import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { MessagePage } from "@/app/_shared/message-page";
import { AppError } from "@/lib/errors";
import { revisionDraft } from "@/lib/revisions/service";
import { ReviseForm } from "./revise-form";

export const metadata: Metadata = { title: "Revise a reading" };

type Props = { params: Promise<{ slug: string }> };

/** Loads the text to revise; 404 for a reading the person cannot open, the reason for one they cannot revise. */
async function load(slug: string, user: NonNullable<Awaited<ReturnType<typeof getCurrentUser>>>) {
  try {
    return { draft: await revisionDraft(prisma, user, slug) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "forbidden") return { forbidden: error.message };
    throw error;
  }
}

/** Revises a reading (the instructor who added it, or one whose seminar reads it). */
export default async function RevisePage({ params }: Props) {
  await connection();
  const { slug } = await params;
  const path = `/read/${encodeURIComponent(slug)}`;
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(`${path}/revise`)}`);
  const loaded = await load(slug, user);

  if (!loaded.draft) {
    return (
      <MessagePage title="You cannot revise this reading" back={{ href: path, label: "Back to the reading" }}>
        {loaded.forbidden}
      </MessagePage>
    );
  }
  const { draft } = loaded;
  return (
    <div className="mx-auto max-w-6xl px-4 py-10">
      <p className="text-sm">
        <Link href={path} className="text-grey-7 hover:text-grey-9">
          ← {draft.title}
        </Link>
      </p>
      <h1 className="mt-2 text-2xl font-semibold text-grey-9">Revise “{draft.title}”</h1>
      <p className="mt-1 max-w-3xl text-grey-7">
        Edit the text of version {draft.version} or replace it with a file, then check what the change does to your seminars&apos; notes, links and questions
        before publishing version {draft.version + 1}. Every item is moved onto the new version; none is lost.{" "}
        <Link href={`${path}/versions`} className="text-brand underline">
          Version history
        </Link>
      </p>
      <ReviseForm slug={draft.slug} version={draft.version} body={draft.body} />
    </div>
  );
}
