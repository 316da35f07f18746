import "server-only";
import { notFound, redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/actor";
import { AppError } from "@/lib/errors";

/** The signed-in person, or a redirect to sign in that comes back to `path`. */
export async function requireUser(path: string): Promise<Actor> {
  const user = await getCurrentUser();
  if (!user) redirect(`/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  return user;
}

/**
 * Runs a service call for a page: "not found" (unknown, or not the actor's to see)
 * becomes the 404 page; "forbidden" comes back as null for the page to explain.
 */
export async function loadOrNotFound<T>(load: () => Promise<T>): Promise<T | null> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    if (error instanceof AppError && error.code === "forbidden") return null;
    throw error;
  }
}
