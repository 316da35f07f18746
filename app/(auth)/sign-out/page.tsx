import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import { getCurrentUser } from "@/lib/auth/session";
import { AuthCard } from "../auth-card";
import { SignOutButton } from "./sign-out-button";

export const metadata: Metadata = { title: "Sign out" };

export default async function SignOutPage() {
  await connection();
  const user = await getCurrentUser();
  return (
    <AuthCard title="Sign out">
      {user ? (
        <>
          <p className="mt-2 text-grey-7">
            You are signed in as <strong className="text-grey-9">{user.name}</strong> ({user.email}).
          </p>
          <SignOutButton />
        </>
      ) : (
        <p className="mt-2 text-grey-7">
          You are not signed in.{" "}
          <Link href="/sign-in" className="text-brand underline">
            Sign in
          </Link>
        </p>
      )}
    </AuthCard>
  );
}
