// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { parseDocument } from "@/lib/documents/parse";
import { renderReadingHtml } from "@/lib/documents/render";
import { TextIndex } from "@/lib/anchoring/dom";

const source = `---
title: A crafted reading
author: Someone
kind: essay
source: crafted.txt
---

# Heading <one>

A paragraph with <script>alert(1)</script> & "quotes".[^1]

> A quotation.

- an item

[^1]: The note's text.
`;

function render(markdown: string) {
  const parsed = parseDocument(markdown, "crafted.md");
  const root = document.createElement("div");
  root.innerHTML = renderReadingHtml(parsed.blocks);
  return { parsed, root };
}

/** The text of an element outside data-noanchor chrome. */
function anchorable(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
  if (node instanceof Element && node.hasAttribute("data-noanchor")) return "";
  return Array.from(node.childNodes).map(anchorable).join("");
}

describe("renderReadingHtml", () => {
  it("escapes reading text so it can never become markup", () => {
    const { root } = render(source);
    expect(root.querySelector("script")).toBeNull();
    expect(root.textContent).toContain("<script>alert(1)</script>");
    expect(root.querySelector("h2")?.textContent).toBe("Heading <one>");
  });

  it("gives each block its canonical span, and the text outside chrome is exactly that span", () => {
    const { parsed, root } = render(source);
    const blocks = Array.from(root.querySelectorAll<HTMLElement>("[data-block]"));
    expect(blocks).toHaveLength(parsed.blocks.length);
    for (const el of blocks) {
      expect(anchorable(el)).toBe(parsed.text.slice(Number(el.dataset.start), Number(el.dataset.end)));
    }
  });

  it("turns a note call into a popover button and leads the note back to it", () => {
    const { root } = render(source);
    const call = root.querySelector<HTMLButtonElement>("button[aria-label='Note 1']")!;
    const popover = root.querySelector(`#${call.getAttribute("popovertarget")}`)!;
    expect(popover.getAttribute("popover")).toBe("auto");
    expect(popover.textContent).toContain("The note's text.");
    expect(root.querySelector(`a[href='#${call.id}']`)?.textContent).toBe("↩ back");
  });

  it("maps offsets to DOM ranges and back through the rendered text", () => {
    const { parsed, root } = render(source);
    const index = new TextIndex(root);
    const start = parsed.text.indexOf("paragraph");
    const end = parsed.text.indexOf("A quotation") + 3;
    const range = index.rangeFromSpan(start, end)!;
    expect(range.toString().startsWith("paragraph")).toBe(true);
    expect(index.spanFromRange(range)).toEqual({ start, end });
  });
});
