"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { useFocusAfterDecision } from "@/app/read/[slug]/links/focus-next";
import { useInnerWidth } from "./use-inner-width";
import { viewLinkHref, viewSuggestionHref } from "@/lib/links/passage-param";
import { RELATION_STYLES, SUGGESTION_COLOUR, shortQuote } from "@/lib/links/relations";
import { relations, type LinkedReading, type LinkSummary, type SuggestionView } from "@/lib/links/schema";
import { SuggestionActions } from "@/app/read/[slug]/links/suggestion-actions";
import { curveFor, filterItems, geometryFor, layoutColumns, readingOrder, type MapItem } from "./geometry";
import { EndShape, MapSvg, type MapLine } from "./map-svg";

type Props = {
  seminarId: string;
  readings: LinkedReading[];
  links: LinkSummary[];
  /** Pending suggestions (instructors), or null for students. */
  suggestions: SuggestionView[] | null;
};

const SUGGESTION = "suggestion";
const shortTitle = (title: string) => shortQuote(title, 40);

/** A link or suggestion as the map places it: its ends' spans in the current texts (null: some end is lost). */
function mapItem(item: LinkSummary | SuggestionView): MapItem | null {
  const [a, b] = item.ends;
  if (!a.current || !b.current) return null;
  return {
    id: item.id,
    ends: [
      { slug: a.readingSlug, start: a.current.start, end: a.current.end },
      { slug: b.readingSlug, start: b.current.start, end: b.current.end },
    ],
  };
}

/**
 * The connections map with its controls: the legend doubles as the relation filter,
 * readings can be left out, and instructors get the suggestion list beside the map.
 */
export function ConnectionsMap({ seminarId, readings, links, suggestions }: Props) {
  const router = useRouter();
  const [shownRelations, setShownRelations] = useState<Set<string>>(() => new Set([...relations, SUGGESTION]));
  const [shownReadings, setShownReadings] = useState<Set<string>>(() => new Set(readings.map((r) => r.slug)));
  const [activeId, setActiveId] = useState<string | null>(null);
  const [pending, setPending] = useState(suggestions ?? []);
  const [status, setStatus] = useState("");
  const [frame, available] = useInnerWidth<HTMLDivElement>();
  const list = useRef<HTMLUListElement>(null);
  const focusFrom = useFocusAfterDecision(list);

  const toggle = (set: Set<string>, key: string, update: (next: Set<string>) => void) => {
    const next = new Set(set);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    update(next);
  };

  const filter = { relations: shownRelations, readings: shownReadings };
  const visibleReadings = readings.filter((r) => shownReadings.has(r.slug));
  const geometry = geometryFor(available, visibleReadings.length);
  const { columns, width, height } = layoutColumns(visibleReadings, geometry);
  const titleOf = (slug: string) => readings.find((r) => r.slug === slug)?.title ?? slug;

  const shownLinks = filterItems(links, filter);
  // With suggested lines switched off, the one picked in the list is still drawn.
  const drawn = shownRelations.has(SUGGESTION) ? pending : pending.filter((s) => s.id === activeId);
  const shownSuggestions = filterItems(drawn.map((s) => ({ ...s, relation: SUGGESTION })), { ...filter, relations: new Set([SUGGESTION]) });
  const lost = links.filter((link) => !mapItem(link));

  const lines = (() => {
    const out: MapLine[] = [];
    for (const s of shownSuggestions) {
      const item = mapItem(s);
      const curve = item && curveFor(item, columns, visibleReadings, geometry);
      if (!curve) continue;
      const [a, b] = s.ends;
      out.push({
        id: s.id,
        kind: "suggestion",
        relation: SUGGESTION,
        curve,
        name: `suggested parallel: ${shortTitle(a.readingTitle)} ‘${shortQuote(a.quote)}’ ↔ ${shortTitle(b.readingTitle)} ‘${shortQuote(b.quote)}’`,
        ends: s.ends.map((e) => ({ title: e.readingTitle, quote: e.quote })),
        byline: `Suggested (score ${Math.round(s.score * 100)}%): ${s.why.slice(0, 2).join("; ")}`,
        href: viewSuggestionHref(seminarId, s.id, a.readingSlug),
      });
    }
    const linkLines: MapLine[] = [];
    for (const link of shownLinks) {
      const item = mapItem(link);
      const curve = item && curveFor(item, columns, visibleReadings, geometry);
      if (!curve) continue;
      const [a, b] = link.ends;
      linkLines.push({
        id: link.id,
        kind: "link",
        relation: link.relation,
        curve,
        name: `${link.relation}: ${shortTitle(a.readingTitle)} ‘${shortQuote(a.quote)}’ ↔ ${shortTitle(b.readingTitle)} ‘${shortQuote(b.quote)}’`,
        ends: link.ends.map((e) => ({ title: e.readingTitle, quote: e.quote })),
        byline: `${link.author?.name ?? "Former member"}${link.visibility === "private" ? " · only you see it" : ""}${link.hidden ? " · hidden" : ""} · ${link.replyCount} ${link.replyCount === 1 ? "reply" : "replies"} · Enter opens it side by side`,
        href: viewLinkHref(seminarId, link.id, a.readingSlug),
      });
    }
    const order = new Map(readingOrder(linkLines.map((l) => l.curve)).map((curve, i) => [curve.id, i]));
    return [...out, ...linkLines.sort((x, y) => order.get(x.id)! - order.get(y.id)!)];
  })();

  const counts = new Map<string, number>();
  for (const link of links) counts.set(link.relation, (counts.get(link.relation) ?? 0) + 1);
  const perReading = new Map<string, number>();
  for (const link of links) for (const slug of new Set(link.ends.map((e) => e.readingSlug))) perReading.set(slug, (perReading.get(slug) ?? 0) + 1);
  const linkCount = lines.filter((l) => l.kind === "link").length;

  return (
    <div className="mt-6 flex flex-col gap-6 xl:flex-row">
      <div className="min-w-0 flex-1">
        <Controls
          counts={counts}
          pendingCount={suggestions ? pending.length : null}
          shownRelations={shownRelations}
          onRelation={(key) => toggle(shownRelations, key, setShownRelations)}
          readings={readings}
          perReading={perReading}
          shownReadings={shownReadings}
          onReading={(slug) => toggle(shownReadings, slug, setShownReadings)}
        />
        <p className="mt-3 text-sm text-grey-7" aria-live="polite">
          {links.length === 0
            ? "No links in this seminar yet. Select a passage in a reading to link it to another."
            : `Showing ${linkCount} of ${links.length} ${links.length === 1 ? "link" : "links"}.`}{" "}
          {status}
        </p>
        <div ref={frame} data-map-frame className="mt-3 overflow-x-auto rounded-lg border border-grey-3 bg-white p-4">
          <div style={{ width }}>
            <ol className="flex" aria-label="Readings, left to right">
              {columns.map((column) => (
                <li key={column.slug} className="px-2 text-center" style={{ width: width / Math.max(1, columns.length) }}>
                  <Link href={`/read/${column.slug}?seminar=${seminarId}`} title={column.title} className="line-clamp-3 font-reading text-sm font-semibold leading-snug text-grey-9 hover:underline">
                    {column.title}
                  </Link>
                  <span className="block text-xs text-grey-7">{perReading.get(column.slug) ?? 0} linked</span>
                </li>
              ))}
            </ol>
            {columns.length === 0 ? (
              <p className="py-10 text-center text-sm text-grey-7">No readings chosen. Tick some above.</p>
            ) : (
              <MapSvg columns={columns} width={width} height={height} lines={lines} activeId={activeId} onActivate={setActiveId} onOpen={(href) => router.push(href)} />
            )}
          </div>
        </div>
        {lost.length > 0 && (
          <div className="mt-4 text-sm text-grey-7">
            <p>
              {lost.length === 1 ? "One link has" : `${lost.length} links have`} a passage that is no longer in its reading&apos;s current text:
            </p>
            <ul className="mt-1 list-disc pl-5">
              {lost.map((link) => (
                <li key={link.id}>
                  <Link href={viewLinkHref(seminarId, link.id)} className="text-brand underline">
                    {link.relation}: ‘{shortQuote(link.ends[0].quote)}’ ↔ ‘{shortQuote(link.ends[1].quote)}’
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
      </div>
      {suggestions && (
        <aside aria-labelledby="suggestions-heading" className="xl:sticky xl:top-4 xl:max-h-[calc(100vh-2rem)] xl:w-96 xl:shrink-0 xl:self-start xl:overflow-y-auto">
          <h2 id="suggestions-heading" className="text-lg font-semibold text-grey-9">
            Suggested parallels <span className="font-normal text-grey-7">({pending.length})</span>
          </h2>
          <p className="mt-1 text-sm text-grey-7">Found by comparing the texts. Only instructors see them until they are confirmed.</p>
          {pending.length === 0 && <p className="mt-3 text-sm text-grey-7">Nothing waiting.</p>}
          <ul ref={list} className="mt-3 max-h-[70vh] space-y-3 overflow-y-auto pr-1 xl:max-h-none xl:overflow-visible" aria-label="Suggestions to confirm or dismiss" tabIndex={0}>
            {pending.map((s, index) => {
              const what = `${shortTitle(s.ends[0].readingTitle)} ‘${shortQuote(s.ends[0].quote, 50)}’ ↔ ${shortTitle(s.ends[1].readingTitle)} ‘${shortQuote(s.ends[1].quote, 50)}’`;
              return (
                <li
                  key={s.id}
                  className="rounded-lg border border-dashed border-grey-5 bg-white p-3 text-sm"
                  onMouseEnter={() => setActiveId(s.id)}
                  onMouseLeave={() => setActiveId(null)}
                  onFocus={() => setActiveId(s.id)}
                  onBlur={() => setActiveId(null)}
                >
                  {s.ends.map((end) => (
                    <p key={end.side} className="mt-1 first:mt-0">
                      <span className="block text-xs font-medium text-grey-7">{end.readingTitle}</span>
                      <span className="font-reading text-grey-9">“{shortQuote(end.quote, 160)}”</span>
                    </p>
                  ))}
                  <p className="mt-1 text-xs text-grey-7">
                    Score {Math.round(s.score * 100)}% · {s.why.slice(0, 2).join("; ")}
                  </p>
                  <div className="mt-2 flex flex-wrap items-center gap-2">
                    <Link href={viewSuggestionHref(seminarId, s.id, s.ends[0].readingSlug)} className="text-xs text-grey-7 underline">
                      Compare side by side
                    </Link>
                    <SuggestionActions
                      seminarId={seminarId}
                      suggestionId={s.id}
                      what={what}
                      onDecided={(outcome) => {
                        setPending((list) => list.filter((x) => x.id !== s.id));
                        setActiveId(null);
                        focusFrom(index);
                        setStatus(outcome.decision === "confirmed" ? "Suggestion confirmed as a parallel link." : "Suggestion dismissed.");
                        if (outcome.decision === "confirmed") router.refresh();
                      }}
                    />
                  </div>
                </li>
              );
            })}
          </ul>
        </aside>
      )}
    </div>
  );
}

function Controls(props: {
  counts: Map<string, number>;
  pendingCount: number | null;
  shownRelations: Set<string>;
  onRelation: (key: string) => void;
  readings: LinkedReading[];
  perReading: Map<string, number>;
  shownReadings: Set<string>;
  onReading: (slug: string) => void;
}) {
  const box = "h-4 w-4 accent-brand";
  return (
    <div className="flex flex-col gap-4 md:flex-row md:gap-10">
      <fieldset>
        <legend className="text-sm font-semibold text-grey-9">Relations (legend)</legend>
        <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1.5 text-sm text-grey-9">
          {relations.map((relation) => {
            const style = RELATION_STYLES[relation];
            return (
              <label key={relation} className="inline-flex items-center gap-2">
                <input type="checkbox" className={box} checked={props.shownRelations.has(relation)} onChange={() => props.onRelation(relation)} />
                <svg width="34" height="14" aria-hidden="true">
                  <line x1="2" y1="7" x2="24" y2="7" stroke={style.colour} strokeWidth="3" />
                  <EndShape shape={style.shape} x={27} y={7} colour={style.colour} />
                </svg>
                {style.label} <span className="text-grey-7">({props.counts.get(relation) ?? 0})</span>
              </label>
            );
          })}
          {props.pendingCount !== null && (
            <label className="inline-flex items-center gap-2">
              <input type="checkbox" className={box} checked={props.shownRelations.has(SUGGESTION)} onChange={() => props.onRelation(SUGGESTION)} />
              <svg width="34" height="14" aria-hidden="true">
                <line x1="2" y1="7" x2="32" y2="7" stroke={SUGGESTION_COLOUR} strokeWidth="2" strokeDasharray="5 4" />
              </svg>
              Suggested <span className="text-grey-7">({props.pendingCount})</span>
            </label>
          )}
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-semibold text-grey-9">Readings</legend>
        <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1.5 text-sm text-grey-9">
          {props.readings.map((reading) => (
            <label key={reading.slug} className="inline-flex items-center gap-2">
              <input type="checkbox" className={box} checked={props.shownReadings.has(reading.slug)} onChange={() => props.onReading(reading.slug)} />
              {shortTitle(reading.title)} <span className="text-grey-7">({props.perReading.get(reading.slug) ?? 0})</span>
            </label>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
