/**
 * Prefixes every id in a rendered reading (and the attributes that point at ids: `href="#…"`,
 * `popovertarget`, `aria-*` references), so two readings, or one reading twice, can sit
 * on one page without clashing ids. The renderer escapes text, so these patterns only
 * ever match attributes.
 */
export function prefixIds(html: string, prefix: string): string {
  return html
    .replace(/ (id|popovertarget|aria-controls|aria-describedby|aria-labelledby)="([^"]+)"/g, (_m, name: string, value: string) =>
      ` ${name}="${value.split(/\s+/).map((id) => prefix + id).join(" ")}"`,
    )
    .replace(/ href="#([^"]+)"/g, (_m, id: string) => ` href="#${prefix}${id}"`);
}
