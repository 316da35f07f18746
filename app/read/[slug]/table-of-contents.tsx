import type { Block } from "@/lib/documents/schema";

/** The reading's headings as a collapsible list of links to their blocks. */
export function TableOfContents({ headings }: { headings: Block[] }) {
  return (
    <details open className="rounded-lg border border-grey-3 bg-white p-4 text-sm lg:border-0 lg:bg-transparent lg:p-0">
      <summary className="cursor-pointer font-semibold text-grey-8">Contents</summary>
      <nav aria-label="Contents" className="mt-3">
        <ol className="space-y-1.5">
          {headings.map((heading) => (
            <li key={heading.id} style={{ paddingLeft: `${((heading.level ?? 1) - 1) * 0.75}rem` }}>
              <a href={`#b-${heading.id}`} className="text-grey-7 hover:text-grey-9 hover:underline">
                {heading.inlines.map((inline) => (inline.type === "text" ? inline.text : "")).join("")}
              </a>
            </li>
          ))}
        </ol>
      </nav>
    </details>
  );
}
