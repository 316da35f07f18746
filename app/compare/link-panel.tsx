"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { ApiError } from "@/lib/http/client";
import { deleteLink, fetchLink, plainTextBody, setLinkHidden, updateLink } from "@/lib/links/client";
import { RELATION_STYLES } from "@/lib/links/relations";
import type { LinkEndView, LinkView } from "@/lib/links/schema";
import { ItemMeta } from "@/app/read/[slug]/notes/item-meta";
import { useItemForm } from "@/app/read/[slug]/notes/item-actions";
import { LinkFields, type LinkFieldValues } from "./link-fields";
import { LinkThread } from "./link-thread";
import "@/app/read/[slug]/notes/notes.css";

const button =
  "rounded border border-grey-3 bg-white px-2.5 py-1 text-sm text-grey-8 hover:bg-grey-1 disabled:cursor-wait focus-visible:outline-2 focus-visible:outline-blue-focus";
const primary =
  "rounded bg-brand px-3 py-1.5 text-sm font-medium text-white hover:bg-brand-dark disabled:cursor-wait disabled:opacity-70 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-blue-focus";

const fieldsOf = (link: LinkView): LinkFieldValues => ({ relation: link.relation, note: link.body?.text ?? "", visibility: link.visibility });

/**
 * A link's details under the two readings: relation, author, note, where each passage
 * stands, the author's Edit and Delete, the instructors' Hide, and its discussion. An
 * edit that lost a race (409) keeps what was typed and shows what the other person saved.
 */
export function LinkPanel({ initialLink, ends, backHref }: { initialLink: LinkView; ends: [LinkEndView, LinkEndView]; backHref: string }) {
  const router = useRouter();
  const [link, setLink] = useState(initialLink);
  const [values, setValues] = useState(fieldsOf(initialLink));
  const [base, setBase] = useState(initialLink.revision);
  const [conflict, setConflict] = useState<LinkView | null>(null);
  const [status, setStatus] = useState("");
  const form = useItemForm();
  const style = RELATION_STYLES[link.relation];

  const reload = async () => setLink(await fetchLink(link.id));

  const save = () =>
    form.run(
      "save",
      async () => {
        const body = plainTextBody(values.note);
        const saved = await updateLink(link.id, { revision: base, relation: values.relation, visibility: values.visibility, body: body ?? null });
        setLink(saved);
        setConflict(null);
        form.switchTo("view");
        setStatus("Link saved.");
      },
      (error) => {
        const current = error instanceof ApiError && error.status === 409 ? (error.details as { current?: LinkView } | undefined)?.current : undefined;
        if (!current) return false;
        setConflict(current);
        setBase(current.revision); // saving again replaces their version with yours
        setLink(current);
        return true;
      },
    );

  const remove = () =>
    form.run("delete", async () => {
      const { outcome } = await deleteLink(link.id);
      if (outcome === "deleted") router.push(backHref);
      else {
        await reload();
        form.switchTo("view");
        setStatus("Link deleted; its discussion stays.");
      }
    });

  const toggleHidden = () =>
    form.run("hide", async () => {
      const saved = await setLinkHidden(link.id, !link.hidden);
      setLink(saved);
      setStatus(saved.hidden ? "Link hidden from students." : "Link shown again.");
    });

  return (
    <section aria-labelledby="link-heading" className="rounded-lg border border-grey-3 bg-white p-5">
      <h2 id="link-heading" className="flex flex-wrap items-center gap-2 text-lg font-semibold text-grey-9">
        <span aria-hidden="true" className="inline-block h-3 w-3 rounded-full" style={{ background: style.colour }} />
        {link.deleted ? "Deleted link" : `${style.label} link`}
        <span className="text-sm font-normal text-grey-7">· {link.visibility === "private" ? "only you see it" : "the seminar sees it"}</span>
      </h2>
      {!link.deleted && <ItemMeta author={link.author} createdAt={link.createdAt} edited={link.revision > 1} />}
      {link.fromSuggestion && <p className="mt-1 text-xs text-grey-7">Confirmed from a suggested parallel.</p>}
      {link.hidden && (
        <p className="mt-2 inline-block rounded bg-yellow-light px-2 py-0.5 text-xs font-medium text-yellow-dark">
          Hidden by an instructor · only its author and instructors see it
        </p>
      )}
      <EndStatus ends={ends} />
      {form.mode === "edit" ? (
        <form
          className="mt-4 space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            void save();
          }}
        >
          {conflict && (
            <p role="alert" className="rounded border border-yellow bg-yellow-light px-3 py-2 text-sm text-yellow-dark">
              Someone changed this link while you were editing (now {RELATION_STYLES[conflict.relation].label.toLowerCase()}
              {conflict.body ? `, note: “${conflict.body.text.slice(0, 120)}”` : ", no note"}). Save again to replace it with yours.
            </p>
          )}
          <LinkFields values={values} onChange={setValues} disabled={form.busy === "save"} />
          {link.body && /<(strong|em|a|ul|ol|blockquote)\b/.test(link.body.html) && <p className="text-xs text-grey-7">Saving turns a formatted note into plain text.</p>}
          {form.error && (
            <p role="alert" className="text-sm text-red-dark">
              {form.error}
            </p>
          )}
          <div className="flex gap-2">
            <button type="submit" disabled={form.busy === "save"} className={primary}>
              {form.busy === "save" ? "Saving…" : "Save link"}
            </button>
            <button type="button" className={button} onClick={() => form.switchTo("view")}>
              Cancel
            </button>
          </div>
        </form>
      ) : (
        <>
          {link.body && <div className="note-body mt-3 text-sm text-grey-9" dangerouslySetInnerHTML={{ __html: link.body.html }} />}
          <div className="mt-3 flex flex-wrap gap-2">
            {link.permissions.edit && (
              <button
                type="button"
                className={button}
                onClick={() => {
                  setValues(fieldsOf(link));
                  setBase(link.revision);
                  setConflict(null);
                  form.switchTo("edit");
                }}
              >
                Edit link
              </button>
            )}
            {link.permissions.delete && form.mode !== "confirm-delete" && (
              <button type="button" className={button} onClick={() => form.switchTo("confirm-delete")}>
                Delete link
              </button>
            )}
            {link.permissions.hide && (
              <button type="button" className={button} disabled={form.busy === "hide"} onClick={() => void toggleHidden()}>
                {link.hidden ? "Unhide link" : "Hide link"}
              </button>
            )}
          </div>
          {form.mode === "confirm-delete" && (
            <div role="group" aria-label="Confirm deleting the link" className="mt-2 flex flex-wrap items-center gap-2 text-sm">
              <span>Delete this link{link.replyCount ? " (its discussion stays)" : ""}?</span>
              <button type="button" className={button} disabled={form.busy === "delete"} onClick={() => void remove()}>
                Yes, delete
              </button>
              <button type="button" className={button} onClick={() => form.switchTo("view")}>
                Keep it
              </button>
            </div>
          )}
          {form.error && (
            <p role="alert" className="mt-2 text-sm text-red-dark">
              {form.error}
            </p>
          )}
        </>
      )}
      <p className="sr-only" aria-live="polite">
        {status}
      </p>
      <LinkThread link={link} onChanged={reload} />
    </section>
  );
}

/** Says where a passage could only be placed approximately, or not at all, in its reading's current text. */
function EndStatus({ ends }: { ends: [LinkEndView, LinkEndView] }) {
  const notes = ends.flatMap((end) =>
    end.anchorStatus === "orphaned"
      ? [`The passage in “${end.readingTitle}” is no longer in its current text: “${end.quote.slice(0, 160)}”.`]
      : end.anchorStatus === "reanchored"
        ? [`The passage in “${end.readingTitle}” moved in a revision and was found again.`]
        : [],
  );
  if (notes.length === 0) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm text-grey-7">
      {notes.map((note) => (
        <li key={note}>{note}</li>
      ))}
    </ul>
  );
}
