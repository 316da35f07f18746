import type { Metadata } from "next";
import Link from "next/link";
import { safeCallbackPath } from "@/lib/auth/redirect";
import { AuthCard } from "../auth-card";
import { SignUpForm } from "./sign-up-form";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string }> }) {
  const next = safeCallbackPath((await searchParams).callbackUrl);
  return (
    <AuthCard title="Create an account">
      <SignUpForm callbackPath={next} />
      <p className="mt-6 text-sm text-grey-7">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(next)}`} className="text-brand underline">
          Sign in
        </Link>
      </p>
    </AuthCard>
  );
}
