"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { TimeAgo } from "@/app/read/[slug]/notes/item-meta";
import { callApi } from "@/lib/http/client";
import type { NotificationView } from "@/lib/notifications/schema";
import { READ_EVENT } from "./events";

/**
 * The inbox's list: unread first (as the server ordered it), each item linking to the
 * passage and thread. Opening an item marks it read; so do its own button and "Mark
 * all as read". The header's badge hears every change (READ_EVENT).
 */
export function InboxList({ initial, initialUnread }: { initial: NotificationView[]; initialUnread: number }) {
  const [items, setItems] = useState(initial);
  const [unread, setUnread] = useState(initialUnread);
  const [message, setMessage] = useState("");

  const markRead = useCallback(async (body: { ids: string[] } | { all: true }, keepalive = false) => {
    const ids = "ids" in body ? new Set(body.ids) : null;
    setItems((list) => list.map((n) => (!ids || ids.has(n.id) ? { ...n, read: true } : n)));
    try {
      const answer = keepalive
        ? await fetch("/api/notifications/read", {
            method: "POST",
            headers: { "Content-Type": "application/json" },
            body: JSON.stringify(body),
            credentials: "same-origin",
            keepalive: true, // the page may be navigating away
          }).then((r) => r.json() as Promise<{ unread: number }>)
        : await callApi<{ unread: number }>("POST", "/api/notifications/read", body);
      setUnread(answer.unread);
      window.dispatchEvent(new CustomEvent(READ_EVENT, { detail: { unread: answer.unread } }));
      if (!ids) setMessage("All notifications marked as read.");
    } catch {
      setMessage("Could not mark as read. Try again.");
    }
  }, []);

  return (
    <section aria-labelledby="inbox-heading">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <h1 id="inbox-heading" className="text-2xl font-semibold text-grey-9">
          Inbox
        </h1>
        <p className="text-sm text-grey-7">{unread === 0 ? "Nothing unread" : `${unread} unread`}</p>
        {unread > 0 && (
          <button
            type="button"
            onClick={() => void markRead({ all: true })}
            className="rounded border border-grey-3 bg-white px-3 py-1 text-sm font-medium text-grey-9 hover:bg-grey-1 focus-visible:outline-2 focus-visible:outline-blue-focus"
          >
            Mark all as read
          </button>
        )}
      </div>
      <p aria-live="polite" className="min-h-5 text-sm text-green-dark">
        {message}
      </p>
      {items.length === 0 ? (
        <p className="mt-4 rounded border border-grey-3 bg-white p-6 text-grey-7">
          Nothing here yet. Replies to your notes, replies in threads you take part in, @mentions of you and new questions in your seminars will appear here.
        </p>
      ) : (
        <ul className="mt-4 space-y-3" aria-label="Notifications">
          {items.map((item) => (
            <li
              key={item.id}
              className={`rounded-lg border bg-white p-4 shadow-sm ${item.read ? "border-grey-3" : "border-l-4 border-brand"}`}
              data-unread={!item.read || undefined}
            >
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0">
                  <p className="text-sm text-grey-9">
                    {!item.read && <span className="sr-only">Unread: </span>}
                    <Link
                      href={item.href}
                      onClick={() => {
                        if (!item.read) void markRead({ ids: [item.id] }, true);
                      }}
                      className={`underline-offset-2 hover:underline ${item.read ? "font-normal" : "font-semibold"}`}
                    >
                      {item.title}
                    </Link>
                  </p>
                  {item.excerpt && <p className="mt-1 line-clamp-3 text-sm text-grey-8">{item.excerpt}</p>}
                  {item.quote && (
                    <blockquote className="font-reading mt-2 line-clamp-2 border-l-2 border-grey-3 pl-2 text-sm italic text-grey-7">
                      {item.quote}
                    </blockquote>
                  )}
                  <p className="mt-2 flex flex-wrap gap-x-2 text-xs text-grey-6">
                    <span>{item.seminar.name}</span>
                    {item.reading && (
                      <>
                        <span aria-hidden="true">·</span>
                        <span>{item.reading.title}</span>
                      </>
                    )}
                    <span aria-hidden="true">·</span>
                    <TimeAgo iso={item.createdAt} />
                  </p>
                </div>
                {!item.read && (
                  <button
                    type="button"
                    onClick={() => void markRead({ ids: [item.id] })}
                    className="shrink-0 rounded px-2 py-1 text-xs text-grey-7 hover:bg-grey-1 hover:text-grey-9 focus-visible:outline-2 focus-visible:outline-blue-focus"
                  >
                    Mark as read<span className="sr-only">: {item.title}</span>
                  </button>
                )}
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
