"use client";

import { useState, type FormEvent } from "react";
import { signIn } from "next-auth/react";
import { signInErrorMessage } from "@/lib/auth/redirect";
import { Field, FormError, SubmitButton } from "../auth-card";

/** Email + password, sent to next-auth's Credentials provider without leaving the page. */
export function SignInForm({ callbackPath, initialError }: { callbackPath: string; initialError: string | null }) {
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    const result = await signIn("credentials", {
      redirect: false,
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
    });
    if (!result?.ok || result.error) {
      setPending(false);
      setError(signInErrorMessage(result?.error ?? "Unknown"));
      return;
    }
    // A full load, so the header and server pages render with the new session.
    window.location.assign(callbackPath);
  }

  return (
    <form onSubmit={onSubmit} noValidate={false} className="mt-2" aria-label="Sign in">
      <FormError message={error} />
      <Field label="Email" name="email" type="email" autoComplete="email" />
      <Field label="Password" name="password" type="password" autoComplete="current-password" />
      <SubmitButton pending={pending}>{pending ? "Signing in…" : "Sign in"}</SubmitButton>
    </form>
  );
}
