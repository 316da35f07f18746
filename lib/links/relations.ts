/** How a link's two passages relate. */
export const relations = ["parallel", "contradicts", "elaborates", "quotes", "cites"] as const;
export type Relation = (typeof relations)[number];
/** A link's two ends. */
export type Side = "a" | "b";

/**
 * How relations are named and drawn everywhere (map, compare view, reader). Colours
 * are the Okabe–Ito palette, distinguishable with the common colour-vision
 * deficiencies, with the orange and pink swapped for darker hues so every line keeps a
 * 3:1 contrast on white; each relation also has its own end shape, so colour is never
 * the only cue. Safe on the client.
 */

export type RelationStyle = {
  label: string;
  colour: string;
  shape: "circle" | "diamond" | "square" | "triangle" | "bar";
  /** How end a reads towards end b ("quotes"), and end b towards end a ("quoted by"). */
  phrase: Record<Side, string>;
  description: string;
};

export const RELATION_STYLES: Record<Relation, RelationStyle> = {
  parallel: { label: "Parallel", colour: "#0072B2", shape: "circle", phrase: { a: "parallel to", b: "parallel to" }, description: "The two passages say or report the same thing." },
  contradicts: { label: "Contradicts", colour: "#D55E00", shape: "diamond", phrase: { a: "contradicts", b: "contradicted by" }, description: "One passage disputes the other." },
  elaborates: { label: "Elaborates", colour: "#009E73", shape: "square", phrase: { a: "elaborates on", b: "elaborated by" }, description: "One passage develops the other further." },
  quotes: { label: "Quotes", colour: "#AA4499", shape: "triangle", phrase: { a: "quotes", b: "quoted by" }, description: "One passage quotes the other." },
  cites: { label: "Cites", colour: "#997700", shape: "bar", phrase: { a: "cites", b: "cited by" }, description: "One passage refers to the other as a source." },
};

/** Suggested (not yet confirmed) parallels are drawn dashed in this grey. */
export const SUGGESTION_COLOUR = "#6b7280";

/** A passage shortened for a label: whitespace collapsed, cut at a word near `max` characters, with "…". */
export function shortQuote(quote: string, max = 60): string {
  const flat = quote.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/** The phrase for a link seen from `side` ("parallel to", "quoted by", …). */
export function relationPhrase(relation: Relation, side: Side): string {
  return RELATION_STYLES[relation].phrase[side];
}
