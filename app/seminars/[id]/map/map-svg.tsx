"use client";

import { RELATION_STYLES, SUGGESTION_COLOUR, shortQuote, type RelationStyle } from "@/lib/links/relations";
import type { Relation } from "@/lib/links/schema";
import { GEOMETRY, type Column, type Curve } from "./geometry";

/** What one line stands for, with what its label and tooltip say. */
export type MapLine = {
  id: string;
  kind: "link" | "suggestion";
  relation: Relation | "suggestion";
  curve: Curve;
  name: string;
  ends: { title: string; quote: string }[];
  byline: string;
  /** The compare view of the link, or of the suggestion for an instructor to judge. */
  href: string;
};

/** The shape drawn at a line's ends, so colour is never the only cue. */
export function EndShape({ shape, x, y, colour, size = 4.5 }: { shape: RelationStyle["shape"] | "none"; x: number; y: number; colour: string; size?: number }) {
  const s = size;
  switch (shape) {
    case "circle":
      return <circle cx={x} cy={y} r={s} fill={colour} stroke="white" strokeWidth={1} />;
    case "square":
      return <rect x={x - s} y={y - s} width={2 * s} height={2 * s} fill={colour} stroke="white" strokeWidth={1} />;
    case "diamond":
      return <path d={`M ${x} ${y - s * 1.3} L ${x + s * 1.3} ${y} L ${x} ${y + s * 1.3} L ${x - s * 1.3} ${y} Z`} fill={colour} stroke="white" strokeWidth={1} />;
    case "triangle":
      return <path d={`M ${x} ${y - s * 1.3} L ${x + s * 1.2} ${y + s} L ${x - s * 1.2} ${y + s} Z`} fill={colour} stroke="white" strokeWidth={1} />;
    case "bar":
      return <rect x={x - s * 1.4} y={y - s / 2} width={s * 2.8} height={s} fill={colour} stroke="white" strokeWidth={1} />;
    default:
      return <circle cx={x} cy={y} r={s - 1} fill="white" stroke={colour} strokeWidth={1.5} />;
  }
}

const styleOf = (line: Pick<MapLine, "relation">) =>
  line.relation === "suggestion" ? { colour: SUGGESTION_COLOUR, shape: "none" as const } : { colour: RELATION_STYLES[line.relation].colour, shape: RELATION_STYLES[line.relation].shape };

/**
 * The map's picture: one bar per column, every suggestion as a faint dashed grey line
 * (the seminar's own links stand out over them), every link as a coloured curve inside
 * its own focusable <a> (named for both passages). The active line (pointed at,
 * focused, or picked in the suggestion list) is drawn again on top, thicker, with the
 * others dimmed, and its tooltip shows both quotes.
 */
export function MapSvg({
  columns,
  width,
  height,
  lines,
  activeId,
  onActivate,
  onOpen,
}: {
  columns: Column[];
  width: number;
  height: number;
  lines: MapLine[];
  activeId: string | null;
  onActivate: (id: string | null) => void;
  onOpen: (href: string) => void;
}) {
  const active = lines.find((line) => line.id === activeId) ?? null;
  const half = GEOMETRY.barWidth / 2;
  return (
    <div className="relative" style={{ width, height }}>
      <svg width={width} height={height} role="group" aria-label="Lines between linked passages" className="block overflow-visible">
        {columns.map((column) => (
          <rect key={column.slug} x={column.x - half} y={column.top} width={GEOMETRY.barWidth} height={column.height} rx={3} fill="#eef0f2" stroke="#8a9099" />
        ))}
        {lines
          .filter((line) => line.kind === "suggestion")
          .map((line) => (
            <path
              key={line.id}
              d={line.curve.d}
              fill="none"
              stroke={SUGGESTION_COLOUR}
              strokeWidth={1.25}
              strokeDasharray="5 4"
              opacity={active && active.id !== line.id ? 0.15 : 0.45}
              onMouseEnter={() => onActivate(line.id)}
              onMouseLeave={() => onActivate(null)}
              onClick={() => onOpen(line.href)}
              className="cursor-pointer"
            >
              <title>{line.name}</title>
            </path>
          ))}
        {lines
          .filter((line) => line.kind === "link")
          .map((line) => {
            const { colour, shape } = styleOf(line);
            const dim = active !== null && active.id !== line.id;
            return (
              <a
                key={line.id}
                href={line.href}
                aria-label={line.name}
                aria-describedby={active?.id === line.id ? "map-tooltip" : undefined}
                onFocus={() => onActivate(line.id)}
                onBlur={() => onActivate(null)}
                onMouseEnter={() => onActivate(line.id)}
                onMouseLeave={() => onActivate(null)}
                onClick={(event) => {
                  if (event.metaKey || event.ctrlKey || event.shiftKey) return;
                  event.preventDefault();
                  onOpen(line.href);
                }}
                className="outline-none"
              >
                <path d={line.curve.d} fill="none" stroke="transparent" strokeWidth={14} pointerEvents="stroke" />
                <path d={line.curve.d} fill="none" stroke={colour} strokeWidth={2} opacity={dim ? 0.18 : 0.9} />
                {[line.curve.from, line.curve.to].map((end, i) => (
                  <g key={i} opacity={dim ? 0.25 : 1}>
                    {/* The passage's extent, painted on its bar (a loop's ends both sit on the bar's right edge). */}
                    <rect
                      x={i === 0 || line.curve.from.x === line.curve.to.x ? end.x - GEOMETRY.barWidth : end.x}
                      y={end.y0}
                      width={GEOMETRY.barWidth}
                      height={end.y1 - end.y0}
                      fill={colour}
                    />
                    <EndShape shape={shape} x={end.x} y={end.y} colour={colour} />
                  </g>
                ))}
              </a>
            );
          })}
        {active && (
          <g pointerEvents="none">
            <path d={active.curve.d} fill="none" stroke="white" strokeWidth={8} opacity={0.9} />
            <path
              d={active.curve.d}
              fill="none"
              stroke={styleOf(active).colour}
              strokeWidth={4}
              strokeDasharray={active.kind === "suggestion" ? "7 4" : undefined}
            />
            {[active.curve.from, active.curve.to].map((end, i) => (
              <EndShape key={i} shape={styleOf(active).shape} x={end.x} y={end.y} colour={styleOf(active).colour} size={6} />
            ))}
          </g>
        )}
      </svg>
      {active && <Tooltip line={active} width={width} />}
    </div>
  );
}

function Tooltip({ line, width }: { line: MapLine; width: number }) {
  const { colour } = styleOf(line);
  const label = line.relation === "suggestion" ? "Suggested parallel" : RELATION_STYLES[line.relation].label;
  const left = Math.min(Math.max(line.curve.mid.x, 170), Math.max(170, width - 170));
  return (
    <div
      id="map-tooltip"
      role="tooltip"
      className="pointer-events-none absolute z-10 w-[20rem] -translate-x-1/2 rounded-lg border border-grey-3 bg-white p-3 text-sm shadow-lg"
      style={{ left, top: line.curve.mid.y + 14 }}
    >
      <p className="flex items-center gap-1.5 font-semibold text-grey-9">
        <span aria-hidden="true" className="inline-block h-2.5 w-2.5 rounded-full" style={{ background: colour }} />
        {label}
      </p>
      {line.ends.map((end, i) => (
        <p key={i} className="mt-1.5 text-grey-9">
          <span className="block text-xs font-medium text-grey-7">{end.title}</span>
          <span className="font-reading">“{shortQuote(end.quote, 150)}”</span>
        </p>
      ))}
      <p className="mt-1.5 text-xs text-grey-7">{line.byline}</p>
    </div>
  );
}
