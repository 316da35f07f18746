import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { prisma } from "@/lib/db/client";
import { getCurrentUser } from "@/lib/auth/session";
import { listMyNotifications } from "@/lib/notifications/service";
import { InboxList } from "./inbox-list";

export const metadata: Metadata = { title: "Inbox" };

/** /inbox: replies to my notes, replies in my threads, mentions of me, new questions; unread first. */
export default async function InboxPage() {
  await connection();
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/inbox");
  const { notifications, unread } = await listMyNotifications(prisma, user, { limit: 100 });
  return (
    <div className="mx-auto max-w-3xl px-4 py-10">
      <InboxList initial={notifications} initialUnread={unread} />
    </div>
  );
}
