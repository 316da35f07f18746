import type { Db } from "@/lib/revisions/items";

const MAX_SLUG_CHARS = 60;

/** A URL slug from a title: lower-case ASCII words joined by hyphens ("reading" when nothing is left). */
export function slugify(title: string): string {
  const slug = title
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, MAX_SLUG_CHARS)
    .replace(/-+$/, "");
  return slug || "reading";
}

/** The title's slug, with "-2", "-3"… when a reading already has it. */
export async function uniqueSlug(db: Db, title: string): Promise<string> {
  const base = slugify(title);
  const taken = new Set((await db.document.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } })).map((d) => d.slug));
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}
