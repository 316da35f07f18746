"use client";

import { useEffect, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { callApi } from "@/lib/http/client";

const small = "rounded border border-grey-4 bg-white px-3 py-1 text-sm text-grey-8 hover:border-grey-6 disabled:opacity-60";

/** Runs one API action, then re-renders the server page; keeps the last error. */
function useAction() {
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>, after: () => void = () => router.refresh()) {
    setPending(true);
    setError(null);
    try {
      await action();
      after();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Something went wrong.");
    } finally {
      setPending(false);
    }
  }
  return { pending, error, run, router };
}

function Alert({ message }: { message: string | null }) {
  return (
    <p role="alert" className={message ? "mt-2 text-sm text-red-dark" : "sr-only"}>
      {message ?? ""}
    </p>
  );
}

/**
 * A button whose action waits for an in-page confirmation: the first press asks the
 * question beside it, with the confirming button focused; Cancel or Escape goes back.
 */
function ConfirmingButton({
  label,
  accessibleLabel,
  question,
  confirmLabel,
  disabled,
  onConfirm,
}: {
  label: string;
  /** The button's name when its text alone is not enough ("Remove" → "Remove Ana Lima"). */
  accessibleLabel?: string;
  question: string;
  confirmLabel: string;
  disabled: boolean;
  onConfirm: () => void;
}) {
  const [asking, setAsking] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) confirmRef.current?.focus();
    else if (wasAsking.current) startRef.current?.focus();
    wasAsking.current = asking;
  }, [asking]);
  if (!asking) {
    return (
      <button ref={startRef} type="button" className={small} disabled={disabled} aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <span role="group" aria-label={question} className="inline-flex flex-wrap items-center gap-2" onKeyDown={(event) => event.key === "Escape" && setAsking(false)}>
      <span className="text-sm text-grey-8">{question}</span>
      <button
        ref={confirmRef}
        type="button"
        className="rounded bg-brand px-3 py-1 text-sm font-medium text-white hover:bg-brand-dark disabled:opacity-60"
        disabled={disabled}
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button type="button" className={small} onClick={() => setAsking(false)}>
        Cancel
      </button>
    </span>
  );
}

/** The join code, for instructors, with a button that replaces it. */
export function JoinCodePanel({ seminarId, code }: { seminarId: string; code: string }) {
  const { pending, error, run } = useAction();
  return (
    <section aria-labelledby="code-heading" className="mt-6 rounded-lg border border-grey-3 bg-white p-4">
      <h2 id="code-heading" className="text-sm font-medium text-grey-8">
        Join code
      </h2>
      <p className="mt-1 flex items-center gap-4">
        <span className="font-mono text-2xl tracking-widest text-grey-9">{code}</span>
        <ConfirmingButton
          label="New code"
          question="Make a new code? The current one stops working."
          confirmLabel="Make a new code"
          disabled={pending}
          onConfirm={() => run(() => callApi("POST", `/api/seminars/${seminarId}/code`))}
        />
      </p>
      <p className="mt-1 text-xs text-grey-6">Students join at /seminars with this code.</p>
      <Alert message={error} />
    </section>
  );
}

/** Removes one member (instructors). */
export function RemoveMemberButton({ seminarId, userId, name }: { seminarId: string; userId: string; name: string }) {
  const { pending, error, run } = useAction();
  return (
    <>
      <ConfirmingButton
        label="Remove"
        accessibleLabel={`Remove ${name}`}
        question={`Remove ${name} from this seminar?`}
        confirmLabel="Remove"
        disabled={pending}
        onConfirm={() => run(() => callApi("DELETE", `/api/seminars/${seminarId}/members/${userId}`))}
      />
      <Alert message={error} />
    </>
  );
}

/** Leaves the seminar (anyone but its last instructor). */
export function LeaveButton({ seminarId, userId }: { seminarId: string; userId: string }) {
  const { pending, error, run, router } = useAction();
  return (
    <div className="mt-4">
      <ConfirmingButton
        label="Leave seminar"
        question="Leave this seminar?"
        confirmLabel="Leave"
        disabled={pending}
        onConfirm={() => run(() => callApi("DELETE", `/api/seminars/${seminarId}/members/${userId}`), () => router.push("/seminars"))}
      />
      <Alert message={error} />
    </div>
  );
}

type LibraryItem = { slug: string; title: string; author: string };

/** Chooses the seminar's readings and their order (PUT /api/seminars/[id]/readings). */
export function ReadingsEditor({ seminarId, library, assigned }: { seminarId: string; library: LibraryItem[]; assigned: string[] }) {
  const [order, setOrder] = useState<string[]>(assigned);
  const { pending, error, run } = useAction();
  const bySlug = new Map(library.map((r) => [r.slug, r]));
  const unassigned = library.filter((r) => !order.includes(r.slug));
  const move = (index: number, delta: number) => {
    const next = [...order];
    const [item] = next.splice(index, 1);
    next.splice(index + delta, 0, item);
    setOrder(next);
  };
  return (
    <details className="mt-4 rounded border border-grey-3 bg-white p-4">
      <summary className="cursor-pointer text-sm font-medium text-grey-8">Change readings</summary>
      <ol className="mt-3 space-y-1" aria-label="Assigned readings, in order">
        {order.map((slug, index) => (
          <li key={slug} className="flex items-center gap-2 text-sm">
            <span className="flex-1 text-grey-9">{bySlug.get(slug)?.title ?? slug}</span>
            <button type="button" className={small} disabled={index === 0} onClick={() => move(index, -1)} aria-label={`Move ${bySlug.get(slug)?.title} up`}>
              ↑
            </button>
            <button type="button" className={small} disabled={index === order.length - 1} onClick={() => move(index, 1)} aria-label={`Move ${bySlug.get(slug)?.title} down`}>
              ↓
            </button>
            <button type="button" className={small} onClick={() => setOrder(order.filter((s) => s !== slug))}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      {unassigned.length ? (
        <ul className="mt-3 space-y-1" aria-label="Other readings in the library">
          {unassigned.map((reading) => (
            <li key={reading.slug} className="flex items-center gap-2 text-sm">
              <span className="flex-1 text-grey-7">{reading.title}</span>
              <button type="button" className={small} onClick={() => setOrder([...order, reading.slug])}>
                Add
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <button
        type="button"
        disabled={pending}
        className="mt-4 rounded bg-brand px-4 py-2 text-sm font-medium text-white hover:bg-brand-dark disabled:opacity-60"
        onClick={() => run(() => callApi("PUT", `/api/seminars/${seminarId}/readings`, { slugs: order }))}
      >
        {pending ? "Saving…" : "Save readings"}
      </button>
      <Alert message={error} />
    </details>
  );
}
