import { TextIndex } from "@/lib/anchoring/dom";
import { locateIn, type ReadingHere } from "./reading-here";

/**
 * The reading rendered in this page (`[data-reading]` with its `data-version`), with its
 * canonical text rebuilt from the DOM when a passage must be searched for; null when the
 * page does not show `slug`. Browser only.
 */
export function readingShown(slug: string, rootSelector = "[data-reading]"): ReadingHere | null {
  const root = document.querySelector<HTMLElement>(rootSelector);
  const versionId = root?.dataset.version;
  if (!root || root.dataset.reading !== slug || !versionId) return null;
  return { slug, versionId, locate: locateIn(() => new TextIndex(root).text) };
}
