import "server-only";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";

/** Runs a service call for a page: "not found" (unknown, or not the person's to open) becomes the 404 page. */
export async function orNotFound<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

/** A version number from the URL ("3"), or the 404 page. */
export function versionNumber(param: string): number {
  if (!/^[1-9]\d{0,8}$/.test(param)) notFound();
  return Number(param);
}
