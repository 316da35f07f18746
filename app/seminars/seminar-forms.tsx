"use client";

import { useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { callApi } from "@/lib/http/client";

const input =
  "mt-1 block w-full rounded border border-grey-4 px-3 py-2 text-grey-9 focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30";
const button = "mt-4 rounded bg-brand px-4 py-2 font-medium text-white hover:bg-brand-dark disabled:opacity-60";

/** Runs a form's request, keeping its pending state and error message. */
function useSubmit(run: (form: FormData) => Promise<void>) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    try {
      await run(new FormData(event.currentTarget));
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : "Something went wrong.");
      setPending(false);
    }
  }
  return { pending, error, onSubmit };
}

function Alert({ message }: { message: string | null }) {
  return (
    <p role="alert" className={message ? "mt-3 rounded border border-red bg-red-light px-3 py-2 text-sm text-red-dark" : "sr-only"}>
      {message ?? ""}
    </p>
  );
}

/** Join a seminar with its code (POST /api/seminars/join). */
export function JoinSeminarForm() {
  const router = useRouter();
  const { pending, error, onSubmit } = useSubmit(async (form) => {
    const result = await callApi<{ seminar: { id: string } }>("POST", "/api/seminars/join", { code: String(form.get("code") ?? "") });
    router.push(`/seminars/${result.seminar.id}`);
  });
  return (
    <form onSubmit={onSubmit} className="rounded-lg border border-grey-3 bg-white p-5" aria-labelledby="join-heading">
      <h2 id="join-heading" className="text-lg font-medium text-grey-9">
        Join a seminar
      </h2>
      <label htmlFor="join-code" className="mt-3 block text-sm font-medium text-grey-8">
        Join code
      </label>
      <input id="join-code" name="code" required autoComplete="off" placeholder="ABCD-EFGH" className={`${input} font-mono uppercase`} />
      <Alert message={error} />
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Joining…" : "Join"}
      </button>
    </form>
  );
}

/** Create a seminar and become its instructor (POST /api/seminars). */
export function CreateSeminarForm() {
  const router = useRouter();
  const { pending, error, onSubmit } = useSubmit(async (form) => {
    const result = await callApi<{ seminar: { id: string } }>("POST", "/api/seminars", {
      name: String(form.get("name") ?? ""),
      description: String(form.get("description") ?? ""),
    });
    router.push(`/seminars/${result.seminar.id}`);
  });
  return (
    <form onSubmit={onSubmit} className="rounded-lg border border-grey-3 bg-white p-5" aria-labelledby="create-heading">
      <h2 id="create-heading" className="text-lg font-medium text-grey-9">
        Create a seminar
      </h2>
      <label htmlFor="seminar-name" className="mt-3 block text-sm font-medium text-grey-8">
        Name
      </label>
      <input id="seminar-name" name="name" required maxLength={120} className={input} />
      <label htmlFor="seminar-description" className="mt-3 block text-sm font-medium text-grey-8">
        Description <span className="font-normal text-grey-6">(optional)</span>
      </label>
      <textarea id="seminar-description" name="description" rows={3} maxLength={2000} className={input} />
      <Alert message={error} />
      <button type="submit" disabled={pending} className={button}>
        {pending ? "Creating…" : "Create"}
      </button>
    </form>
  );
}
