"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { ApiError, callApi } from "@/lib/http/client";
import { Field, FormError, SubmitButton } from "../auth-card";

/** Creates the account through POST /api/accounts, then signs in with it. */
export function SignUpForm({ callbackPath }: { callbackPath: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    setPending(true);
    setError(null);
    try {
      await callApi("POST", "/api/accounts", { email, name: String(form.get("name") ?? ""), password });
      const result = await signIn("credentials", { redirect: false, email, password });
      if (!result?.ok || result.error) throw new Error("Your account was created, but signing in failed. Try signing in.");
      window.location.assign(callbackPath);
    } catch (caught) {
      setPending(false);
      // The server's message names the field ("email: Enter a valid email address.").
      setError(caught instanceof ApiError || caught instanceof Error ? caught.message.replace(/^Invalid request body\. /, "") : "Something went wrong.");
    }
  }

  return (
    <form onSubmit={onSubmit} className="mt-2" aria-label="Create an account">
      <FormError message={error} />
      <Field label="Name" name="name" type="text" autoComplete="name" hint="Shown to the others in your seminars." />
      <Field label="Email" name="email" type="email" autoComplete="email" />
      <Field label="Password" name="password" type="password" autoComplete="new-password" minLength={8} hint="At least 8 characters." />
      <SubmitButton pending={pending}>{pending ? "Creating your account…" : "Create account"}</SubmitButton>
    </form>
  );
}
