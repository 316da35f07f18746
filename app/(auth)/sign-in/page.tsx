import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath, signInErrorMessage } from "@/lib/auth/redirect";
import { AuthCard } from "../auth-card";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const next = safeCallbackPath(callbackUrl);
  return (
    <AuthCard title="Sign in">
      <SignInForm callbackPath={next} initialError={signInErrorMessage(error)} />
      <p className="mt-6 text-sm text-grey-7">
        No account yet?{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(next)}`} className="text-brand underline">
          Create one
        </Link>
      </p>
    </AuthCard>
  );
}
