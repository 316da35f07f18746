import { MAX_TAG_CHARS, MAX_TAGS } from "@/lib/annotations/schema";

/** Pure checks of what a reader types into the note editor (tags, link addresses). */

/**
 * Adds one typed tag to a list: trimmed, inner spaces collapsed, a duplicate (any
 * case) ignored. Returns an error instead when a limit would be passed.
 */
export function addTag(tags: string[], raw: string): { tags: string[]; error: string | null } {
  const tag = raw.trim().replace(/\s+/g, " ");
  if (!tag) return { tags, error: null };
  if (tag.length > MAX_TAG_CHARS) return { tags, error: `A tag can have at most ${MAX_TAG_CHARS} characters.` };
  if (tags.some((t) => t.toLowerCase() === tag.toLowerCase())) return { tags, error: null };
  if (tags.length >= MAX_TAGS) return { tags, error: `A note can have at most ${MAX_TAGS} tags.` };
  return { tags: [...tags, tag], error: null };
}

/**
 * A typed address as a safe href: http(s) and mailto kept, "example.org/x" gets
 * https://, "a@b.org" gets mailto:. "" removes the link; null: not an address we link.
 */
export function normalizeHref(raw: string): string | null {
  const href = raw.trim();
  if (!href) return "";
  if (/[\u0000-\u001f\u007f\s]/.test(href)) return null;
  if (/^(https?:\/\/|mailto:)/i.test(href)) return href;
  if (/^[^@/:]+@[^@/:]+\.[^@/:]+$/.test(href)) return `mailto:${href}`;
  if (/^[a-z0-9-]+(\.[a-z0-9-]+)+([/?#].*)?$/i.test(href)) return `https://${href}`;
  return null;
}
