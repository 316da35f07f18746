import { describe, expect, it } from "vitest";
import { prefixIds } from "@/app/compare/prefix-ids";

describe("prefixIds", () => {
  it("prefixes ids and every attribute that points at one, and leaves text alone", () => {
    const html =
      '<p id="b-1" data-block="1">See id=&quot;x&quot; <sup data-noanchor><button id="call-1" popovertarget="pop-call-1">1</button>' +
      '<span id="pop-call-1" popover="auto"><a href="#b-n1">Go</a></span></sup></p><a href="https://example.test/#top">out</a>';
    expect(prefixIds(html, "r-")).toBe(
      '<p id="r-b-1" data-block="1">See id=&quot;x&quot; <sup data-noanchor><button id="r-call-1" popovertarget="r-pop-call-1">1</button>' +
        '<span id="r-pop-call-1" popover="auto"><a href="#r-b-n1">Go</a></span></sup></p><a href="https://example.test/#top">out</a>',
    );
  });
  it("prefixes each id of a list", () => {
    expect(prefixIds('<div aria-describedby="a b"></div>', "l-")).toBe('<div aria-describedby="l-a l-b"></div>');
  });
});
