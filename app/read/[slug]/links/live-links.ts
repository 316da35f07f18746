"use client";

import { callApi } from "@/lib/http/client";
import type { LinkSummary } from "@/lib/links/schema";
import { LINKS_CHANGED, type ReaderChange } from "../live/reader-events";
import { readingShown } from "../live/reading-shown";
import { createRefetcher, useRefetched } from "../live/refetch";
import { readerEnds } from "./ends";
import type { ReaderLinkEnd } from "./types";

/** The reading's links again (GET /api/readings/[slug]/links), as the reader draws them. */
async function loadEnds({ slug, seminarId }: ReaderChange): Promise<ReaderLinkEnd[]> {
  const reading = readingShown(slug);
  if (!reading) throw new Error("This page does not show that reading.");
  const url = `/api/readings/${encodeURIComponent(slug)}/links?seminar=${encodeURIComponent(seminarId)}`;
  const { links } = await callApi<{ links: LinkSummary[] }>("GET", url);
  return readerEnds(links, reading, seminarId);
}

const ends = createRefetcher(LINKS_CHANGED, loadEnds);

/**
 * The link ends the reader shows: those the page was rendered with, then, after each
 * live change to a link touching the reading, the list fetched again (one request
 * for the markers and the Connections tab together).
 */
export function useLiveLinkEnds(initial: ReaderLinkEnd[]): ReaderLinkEnd[] {
  return useRefetched(initial, ends);
}
