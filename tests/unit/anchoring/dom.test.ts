// @vitest-environment jsdom
import { beforeEach, describe as suite, expect, it } from "vitest";
import { rangeFromSpan, spanFromRange, TextIndex } from "@/lib/anchoring/dom";

// A reading as the reader renders it: blocks with canonical offsets, chrome marked
// data-noanchor (a header, a note call with its popover, a "back" link), and inline
// markup inside the text. Built without whitespace between tags, as React renders.
type Part = string | { em: string } | { chrome: string } | { noteCall: string };
const blocks: { tag: string; parts: Part[] }[] = [
  { tag: "h2", parts: ["A heading"] },
  { tag: "p", parts: ["The ", { em: "first" }, " paragraph", { noteCall: "1" }, " ends here."] },
  { tag: "p", parts: [{ chrome: "¶ " }, "Second ", { em: "block" }, ", with ", { em: "more" }, " text."] },
  { tag: "li", parts: [{ chrome: "1." }, "A note", { chrome: "↩ back" }] },
];

function partHtml(part: Part): string {
  if (typeof part === "string") return part;
  if ("em" in part) return `<em>${part.em}</em>`;
  if ("chrome" in part) return `<span data-noanchor>${part.chrome}</span>`;
  return `<sup data-noanchor><button>${part.noteCall}</button><span role="note">Note ${part.noteCall} text</span></sup>`;
}

function partText(part: Part): string {
  if (typeof part === "string") return part;
  return "em" in part ? part.em : "";
}

/** Renders `blocks` into the document and returns the root and the canonical text. */
function render(): { root: Element; canonical: string } {
  let canonical = "";
  let html = `<header data-noanchor>Title, author</header>`;
  blocks.forEach((block, i) => {
    if (i > 0) canonical += "\n\n";
    const text = block.parts.map(partText).join("");
    const start = canonical.length;
    canonical += text;
    const attrs = `data-block="b${i}" data-start="${start}" data-end="${canonical.length}"`;
    html += `<${block.tag} ${attrs}>${block.parts.map(partHtml).join("")}</${block.tag}>`;
  });
  html += `<footer data-noanchor>Source: somewhere</footer>`;
  document.body.innerHTML = `<main>${html}</main>`;
  return { root: document.querySelector("main")!, canonical };
}

/** The anchorable text a range covers (Range.toString would include the chrome). */
function anchorableText(root: Element, range: Range, canonical: string): string {
  const span = spanFromRange(root, range);
  return span ? canonical.slice(span.start, span.end) : "";
}

let root: Element;
let canonical: string;
beforeEach(() => ({ root, canonical } = render()));

suite("rangeFromSpan", () => {
  it("maps a span inside one text node exactly", () => {
    const start = canonical.indexOf("paragraph");
    const range = rangeFromSpan(root, start, start + "paragraph".length)!;
    expect(range.toString()).toBe("paragraph");
    expect(range.startContainer.nodeType).toBe(Node.TEXT_NODE);
  });

  it.each([
    ["across inline markup", "The first paragraph"],
    ["across a note call", "paragraph ends"],
    ["across blocks", "ends here.\n\nSecond block"],
    ["over a whole block and chrome inside it", "Second block, with more text."],
  ])("maps a span %s onto the right text", (_, passage) => {
    const start = canonical.indexOf(passage);
    const range = rangeFromSpan(root, start, start + passage.length)!;
    expect(spanFromRange(root, range)).toEqual({ start, end: start + passage.length });
  });

  it("leaves out the separator between blocks: a span in it clamps to the blocks' text", () => {
    const gap = canonical.indexOf("\n\nSecond");
    const range = rangeFromSpan(root, gap + 1, gap + 2 + "Second".length)!;
    expect(range.toString()).toBe("¶ Second".slice(2)); // starts at the block's first anchorable text
    expect(spanFromRange(root, range)).toEqual({ start: gap + 2, end: gap + 2 + "Second".length });
  });

  // Offsets as functions of the canonical text, which is only known once rendered.
  const at = (f: (c: string) => number) => f;
  it.each([
    ["empty", at(() => 5), at(() => 5)],
    ["reversed", at(() => 9), at(() => 4)],
    ["only the separator between blocks", at((c) => c.indexOf("\n\n")), at((c) => c.indexOf("\n\n") + 2)],
    ["beyond the text", at((c) => c.length + 5), at((c) => c.length + 9)],
  ])("returns null for a span that is %s", (_, start, end) => {
    expect(rangeFromSpan(root, start(canonical), end(canonical))).toBeNull();
  });

  it("round-trips every span: spanFromRange(rangeFromSpan(span)) is the span, clamped to text", () => {
    const inBlock = (x: number) => !/\n/.test(canonical[x] ?? "\n");
    for (let start = 0; start < canonical.length; start++) {
      for (let end = start + 1; end <= canonical.length; end++) {
        let s = start;
        let e = end;
        while (s < e && !inBlock(s)) s++;
        while (e > s && !inBlock(e - 1)) e--;
        const range = rangeFromSpan(root, start, end);
        if (s === e) expect(range).toBeNull();
        else expect(spanFromRange(root, range!), `[${start}, ${end})`).toEqual({ start: s, end: e });
      }
    }
  });
});

suite("spanFromRange", () => {
  const textNode = (text: string) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) if (n.textContent === text) return n;
    throw new Error(`no text node ${text}`);
  };

  it("clamps a start inside chrome forward and an end inside chrome backward", () => {
    const range = document.createRange();
    range.setStart(textNode("Title, author"), 3); // in the header
    range.setEnd(textNode("Note 1 text"), 2); // in the note call's popover
    expect(anchorableText(root, range, canonical)).toBe("A heading\n\nThe first paragraph");
  });

  it("clamps an end inside a note call's button and a start inside a block's chrome", () => {
    const range = document.createRange();
    range.setStart(textNode("¶ "), 1);
    range.setEnd(textNode("↩ back"), 3);
    expect(anchorableText(root, range, canonical)).toBe("Second block, with more text.\n\nA note");
  });

  it("accepts element boundaries, as a selection of whole elements gives", () => {
    const range = document.createRange();
    const second = root.querySelector('[data-block="b2"]')!;
    range.selectNodeContents(second);
    expect(anchorableText(root, range, canonical)).toBe("Second block, with more text.");
    range.setStartBefore(root);
    range.setEndAfter(root);
    expect(spanFromRange(root, range)).toEqual({ start: 0, end: canonical.length });
  });

  it("returns null for a range that holds chrome only", () => {
    const range = document.createRange();
    range.selectNodeContents(root.querySelector("sup")!);
    expect(spanFromRange(root, range)).toBeNull();
    range.selectNodeContents(root.querySelector("footer")!);
    expect(spanFromRange(root, range)).toBeNull();
  });
});

suite("TextIndex", () => {
  it("answers many look-ups from one walk of the reading", () => {
    const index = new TextIndex(root);
    const start = canonical.indexOf("more");
    const range = index.rangeFromSpan(start, start + 4)!;
    expect(range.toString()).toBe("more");
    expect(index.spanFromRange(range)).toEqual({ start, end: start + 4 });
  });

  it("works with a single block as the root", () => {
    const block = root.querySelector('[data-block="b2"]')!;
    const start = canonical.indexOf("with more");
    const range = rangeFromSpan(block, start, start + 9)!;
    expect(range.toString()).toBe("with more");
    expect(spanFromRange(block, range)).toEqual({ start, end: start + 9 });
  });

  it("ignores a block whose offsets are missing instead of misplacing its text", () => {
    root.querySelector('[data-block="b1"]')!.removeAttribute("data-start");
    for (const word of ["heading", "Second", "note"]) {
      const start = canonical.indexOf(word);
      expect(spanFromRange(root, rangeFromSpan(root, start, start + word.length)!)).toEqual({ start, end: start + word.length });
    }
    const first = canonical.indexOf("first");
    expect(rangeFromSpan(root, first, first + 5)).toBeNull();
  });
});
