import Link from "next/link";
import type { ItemStatus, PassageSide, ReportItem, RevisionReport } from "@/lib/revisions/report";
import { plural } from "@/app/readings/_shared/plural";

/**
 * A revision report, shared by the revise page (before publishing) and the version
 * history (after): the blocks kept and changed, the counts of notes, replies, links
 * and questions that stay, move or are orphaned, and every item with its passage
 * before and after, orphans first. No state: it renders on the server or the client.
 */

const FIRST_ITEMS = 100;
const statusNames: Record<ItemStatus, string> = { stays: "Stays", moves: "Moves", orphaned: "Orphaned" };
const statusStyles: Record<ItemStatus, string> = {
  stays: "bg-green-light text-green-dark",
  moves: "bg-yellow-light text-yellow-dark",
  orphaned: "bg-red-light text-red-dark",
};
const kindNames = { note: "Note", link: "Link", question: "Question" } as const;
const rows = [
  ["notes", "Notes"],
  ["replies", "Replies on those notes"],
  ["links", "Links"],
  ["questions", "Questions"],
] as const;

/** "40 blocks kept as they were, 2 new or edited, 1 gone or edited". */
export function blockSummary(blocks: RevisionReport["blocks"]): string {
  return `${plural(blocks.kept, "block", "blocks")} kept as they were, ${blocks.added.toLocaleString("en-US")} new or edited, ${blocks.removed.toLocaleString("en-US")} gone or edited`;
}

export function RevisionReportView({ report, title }: { report: RevisionReport; title?: string }) {
  const headingId = `report-${report.toVersion}`;
  const first = report.items.slice(0, FIRST_ITEMS);
  const rest = report.items.slice(FIRST_ITEMS);
  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <h2 id={headingId} className="text-lg font-medium text-grey-9">
        {title ?? `What version ${report.toVersion} changes`}
      </h2>
      <p className="text-sm text-grey-8">
        From version {report.fromVersion} to version {report.toVersion}: {blockSummary(report.blocks)}. (A block is a paragraph, a heading, a quotation, a list item or a note.)
      </p>
      <div className="overflow-x-auto">
        <table className="w-full max-w-2xl border-collapse rounded border border-grey-3 bg-white text-sm">
          <caption className="mb-1 text-left text-sm font-medium text-grey-8">What happens to the work you can see</caption>
          <thead>
            <tr className="border-b border-grey-3 text-left text-grey-7">
              <th scope="col" className="px-3 py-2 font-medium">
                <span className="sr-only">Item</span>
              </th>
              <th scope="col" className="px-3 py-2 font-medium">Stay where they are</th>
              <th scope="col" className="px-3 py-2 font-medium">Move</th>
              <th scope="col" className="px-3 py-2 font-medium">Orphaned</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([key, name]) => (
              <tr key={key} className="border-b border-grey-2 last:border-0">
                <th scope="row" className="px-3 py-1.5 text-left font-medium text-grey-8">
                  {name}
                </th>
                <td className="px-3 py-1.5 tabular-nums">{report.counts[key].stays}</td>
                <td className="px-3 py-1.5 tabular-nums">{report.counts[key].moves}</td>
                <td className={`px-3 py-1.5 tabular-nums ${report.counts[key].orphaned ? "font-semibold text-red-dark" : ""}`}>{report.counts[key].orphaned}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-xs text-grey-7">An orphaned item is kept and listed under “Passage not found” in the reader; its author can attach it again.</p>
      {report.items.length === 0 ? (
        <p className="text-sm text-grey-7">None of the notes, links or questions you can see is on this reading.</p>
      ) : (
        <>
          <ol aria-label="Notes, links and questions, orphaned first" className="space-y-3">
            {first.map((item, i) => (
              <ItemRow key={`${item.kind}:${item.id}:${i}`} item={item} from={report.fromVersion} to={report.toVersion} />
            ))}
          </ol>
          {rest.length > 0 && (
            <details>
              <summary className="cursor-pointer text-sm text-brand underline">Show the other {rest.length.toLocaleString("en-US")}</summary>
              <ol start={FIRST_ITEMS + 1} className="mt-3 space-y-3">
                {rest.map((item, i) => (
                  <ItemRow key={`${item.kind}:${item.id}:${i}`} item={item} from={report.fromVersion} to={report.toVersion} />
                ))}
              </ol>
            </details>
          )}
        </>
      )}
    </section>
  );
}

function ItemRow({ item, from, to }: { item: ReportItem; from: number; to: number }) {
  return (
    <li className="rounded border border-grey-3 bg-white px-4 py-3">
      <p className="flex flex-wrap items-baseline gap-x-2 gap-y-1 text-sm">
        <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${statusStyles[item.status]}`}>{statusNames[item.status]}</span>
        <span className="text-xs uppercase tracking-wide text-grey-6">{kindNames[item.kind]}</span>
        <Link href={item.href} className="font-medium text-grey-9 underline-offset-2 hover:underline">
          {item.title}
        </Link>
      </p>
      <p className="mt-0.5 text-xs text-grey-7">
        {item.author} · {item.seminar}
        {item.replies ? ` · ${plural(item.replies, "reply", "replies")}` : ""}
      </p>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <Passage label={`Version ${from}`} side={item.old} />
        {item.new ? (
          <Passage label={`Version ${to}`} side={item.new} />
        ) : (
          <div>
            <p className="text-xs font-medium text-grey-7">Version {to}</p>
            <p className="mt-1 text-sm italic text-red-dark">No longer in the text</p>
          </div>
        )}
      </div>
    </li>
  );
}

const squash = (text: string) => text.replace(/\s+/g, " ");

function Passage({ label, side }: { label: string; side: PassageSide }) {
  return (
    <figure>
      <figcaption className="text-xs font-medium text-grey-7">{label}</figcaption>
      <blockquote className="font-reading mt-1 border-l-4 border-grey-3 pl-2 text-[0.95rem] leading-snug text-grey-7">
        {side.before ? `…${squash(side.before)}` : ""}
        <mark className="bg-yellow-light text-grey-9">{squash(side.quote)}</mark>
        {side.after ? `${squash(side.after)}…` : ""}
      </blockquote>
    </figure>
  );
}
