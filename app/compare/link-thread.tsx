"use client";

import { useId, useState } from "react";
import { ApiError } from "@/lib/http/client";
import { createLinkReply, deleteLinkReply, plainTextBody, setLinkReplyHidden, updateLinkReply } from "@/lib/links/client";
import type { LinkReplyView, LinkView } from "@/lib/links/schema";
import { ItemMeta } from "@/app/read/[slug]/notes/item-meta";
import { useItemForm } from "@/app/read/[slug]/notes/item-actions";

const small =
  "rounded px-1.5 py-0.5 text-xs font-medium text-grey-7 hover:bg-grey-1 hover:text-grey-9 disabled:cursor-wait focus-visible:outline-2 focus-visible:outline-blue-focus";
const MAX_INDENT = 4;

/**
 * A link's discussion: the same thread as a note's (nested replies, placeholders for
 * deleted or hidden ones), with a plain-text reply box. Every change reloads the link,
 * so what shows is what the server holds; a failed call keeps what was typed.
 */
export function LinkThread({ link, onChanged }: { link: LinkView; onChanged: () => Promise<void> }) {
  return (
    <section aria-labelledby="thread-heading" className="mt-6 border-t border-grey-2 pt-4">
      <h3 id="thread-heading" className="text-base font-semibold text-grey-9">
        Discussion {link.replyCount > 0 && <span className="font-normal text-grey-7">({link.replyCount})</span>}
      </h3>
      {link.replies.length === 0 && <p className="mt-1 text-sm text-grey-7">No replies yet.</p>}
      <Replies link={link} replies={link.replies} depth={0} onChanged={onChanged} />
      {link.permissions.reply && (
        <ReplyBox label="Reply to this link" linkId={link.id} parentId={null} onDone={onChanged} />
      )}
    </section>
  );
}

function Replies({ link, replies, depth, onChanged }: { link: LinkView; replies: LinkReplyView[]; depth: number; onChanged: () => Promise<void> }) {
  if (replies.length === 0) return null;
  const indent = depth > 0 && depth <= MAX_INDENT ? "ml-2 border-l-2 border-grey-2 pl-3" : "";
  return (
    <ul className={`mt-3 space-y-3 ${indent}`} aria-label={depth === 0 ? "Replies" : undefined}>
      {replies.map((reply) => (
        <li key={reply.id}>
          <Reply link={link} reply={reply} depth={depth} onChanged={onChanged} />
        </li>
      ))}
    </ul>
  );
}

function Reply({ link, reply, depth, onChanged }: { link: LinkView; reply: LinkReplyView; depth: number; onChanged: () => Promise<void> }) {
  const form = useItemForm();
  const [text, setText] = useState(reply.body?.text ?? "");
  const [base, setBase] = useState(reply.revision);
  const [conflict, setConflict] = useState<string | null>(null);
  const name = reply.author?.name ?? "Former member";

  const save = () =>
    form.run(
      "save",
      async () => {
        const body = plainTextBody(text);
        if (!body) throw new ApiError(400, "bad_request", "A reply cannot be empty.");
        await updateLinkReply(link.id, reply.id, base, body);
        form.switchTo("view");
        await onChanged();
      },
      (error) => {
        const current = error instanceof ApiError && error.status === 409 ? (error.details as { current?: LinkReplyView } | undefined)?.current : undefined;
        if (!current) return false;
        setConflict(current.body?.text ?? "");
        setBase(current.revision);
        return true;
      },
    );

  if (reply.placeholder) {
    return (
      <article aria-label="Removed reply">
        <p className="text-sm italic text-grey-7">{reply.placeholder === "deleted" ? "This reply was deleted." : "This reply was hidden by an instructor."}</p>
        <Replies link={link} replies={reply.children} depth={depth + 1} onChanged={onChanged} />
      </article>
    );
  }
  return (
    <article aria-label={`Reply by ${name}`}>
      <ItemMeta author={reply.author} createdAt={reply.createdAt} edited={reply.revision > 1} />
      {reply.hidden && <p className="mt-1 inline-block rounded bg-yellow-light px-2 py-0.5 text-xs font-medium text-yellow-dark">Hidden by an instructor</p>}
      {form.mode === "edit" ? (
        <form
          className="mt-1"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          {conflict !== null && (
            <p role="alert" className="mb-1 text-xs text-yellow-dark">
              {name} changed this reply meanwhile (“{conflict.slice(0, 120)}”). Save again to replace it with yours.
            </p>
          )}
          <textarea
            aria-label="Edit reply"
            value={text}
            onChange={(event) => setText(event.target.value)}
            rows={3}
            className="block w-full rounded border border-grey-3 px-2 py-1 text-sm focus-visible:outline-2 focus-visible:outline-blue-focus"
          />
          <div className="mt-1 flex gap-1">
            <button type="submit" className={small} disabled={form.busy === "save"}>
              Save reply
            </button>
            <button type="button" className={small} onClick={() => form.switchTo("view")}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        reply.body && <div className="note-body mt-1 text-sm text-grey-9" dangerouslySetInnerHTML={{ __html: reply.body.html }} />
      )}
      {form.mode !== "edit" && (
        <div className="mt-1 flex flex-wrap gap-1">
          {reply.permissions.reply && (
            <button type="button" className={small} aria-label={`Reply to ${name}`} onClick={() => form.switchTo("reply")}>
              Reply
            </button>
          )}
          {reply.permissions.edit && (
            <button type="button" className={small} aria-label={`Edit reply by ${name}`} onClick={() => { setText(reply.body?.text ?? ""); setBase(reply.revision); setConflict(null); form.switchTo("edit"); }}>
              Edit
            </button>
          )}
          {reply.permissions.delete &&
            (form.mode === "confirm-delete" ? (
              <>
                <button type="button" className={small} onClick={() => void form.run("delete", async () => { await deleteLinkReply(link.id, reply.id); await onChanged(); })}>
                  Yes, delete
                </button>
                <button type="button" className={small} onClick={() => form.switchTo("view")}>
                  Keep it
                </button>
              </>
            ) : (
              <button type="button" className={small} aria-label={`Delete reply by ${name}`} onClick={() => form.switchTo("confirm-delete")}>
                Delete
              </button>
            ))}
          {reply.permissions.hide && (
            <button type="button" className={small} disabled={form.busy === "hide"} onClick={() => void form.run("hide", async () => { await setLinkReplyHidden(link.id, reply.id, !reply.hidden); await onChanged(); })}>
              {reply.hidden ? "Unhide" : "Hide"}
            </button>
          )}
        </div>
      )}
      {form.error && (
        <p role="alert" className="mt-1 text-xs text-red-dark">
          {form.error}
        </p>
      )}
      {form.mode === "reply" && (
        <ReplyBox label={`Reply to ${name}`} linkId={link.id} parentId={reply.id} onDone={onChanged} onCancel={() => form.switchTo("view")} />
      )}
      <Replies link={link} replies={reply.children} depth={depth + 1} onChanged={onChanged} />
    </article>
  );
}

/** A plain-text reply box; the text stays until the server has taken it. */
function ReplyBox({ label, linkId, parentId, onDone, onCancel }: { label: string; linkId: string; parentId: string | null; onDone: () => Promise<void>; onCancel?: () => void }) {
  const id = useId();
  const form = useItemForm();
  const [text, setText] = useState("");
  const post = () =>
    form.run("reply", async () => {
      const body = plainTextBody(text);
      if (!body) throw new ApiError(400, "bad_request", "Write something first.");
      await createLinkReply(linkId, parentId, body);
      setText("");
      await onDone();
      onCancel?.();
    });
  return (
    <form
      className="mt-3"
      onSubmit={(event) => {
        event.preventDefault();
        void post();
      }}
    >
      <label htmlFor={id} className="text-sm font-medium text-grey-9">
        {label}
      </label>
      <textarea
        id={id}
        value={text}
        onChange={(event) => setText(event.target.value)}
        rows={2}
        className="mt-1 block w-full rounded border border-grey-3 px-2.5 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-blue-focus"
      />
      {form.error && (
        <p role="alert" className="mt-1 text-sm text-red-dark">
          {form.error}
        </p>
      )}
      <div className="mt-1 flex gap-2">
        <button
          type="submit"
          disabled={form.busy === "reply"}
          className="rounded bg-brand px-3 py-1 text-sm font-medium text-white hover:bg-brand-dark disabled:cursor-wait disabled:opacity-70 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-focus"
        >
          {form.busy === "reply" ? "Posting…" : "Post reply"}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel} className="rounded px-2 py-1 text-sm text-grey-7 hover:bg-grey-1">
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
