import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** Fails the test on any console error or uncaught exception the page reports. */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Runs axe and expects no serious or critical violations. */
export async function expectNoSeriousA11yViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/** The library's readings as [title, href] pairs, in order. */
export async function libraryReadings(page: Page): Promise<{ title: string; href: string }[]> {
  await page.goto("/");
  const links = page.getByRole("list", { name: "Readings" }).getByRole("link");
  const count = await links.count();
  const readings = [];
  for (let i = 0; i < count; i++) {
    const link = links.nth(i);
    readings.push({ title: (await link.innerText()).trim(), href: (await link.getAttribute("href"))! });
  }
  return readings;
}

/**
 * The text the reader renders, block by block, chrome excluded, with each block's
 * claimed canonical offsets: what the canonical-text invariant is checked against.
 */
export function renderedBlocks(page: Page) {
  return page.evaluate(() => {
    const root = document.querySelector("[data-reading]")!;
    const textOf = (node: Node): string => {
      if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? "";
      if (node instanceof Element && node.hasAttribute("data-noanchor")) return "";
      return Array.from(node.childNodes).map(textOf).join("");
    };
    return Array.from(root.querySelectorAll("[data-block]")).map((el) => ({
      id: el.getAttribute("data-block")!,
      start: Number(el.getAttribute("data-start")),
      end: Number(el.getAttribute("data-end")),
      text: textOf(el),
    }));
  });
}
