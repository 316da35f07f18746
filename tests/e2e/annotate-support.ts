import { expect, type Browser, type Page } from "@playwright/test";

export const DEMO_PASSWORD = "parallax-demo";

/** A new browser context signed in as one of the demo people. */
export async function signedInPage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("link", { name: "Sign out" })).toBeVisible();
  return page;
}

/** The viewport rectangles of the first and last character of `quote` in the reading. */
function quoteEdges(page: Page, quote: string, rootSelector: string) {
  return page.evaluate(({ quote, rootSelector }) => {
    const root = document.querySelector(rootSelector)!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(quote);
      if (at === -1) continue;
      node.parentElement!.scrollIntoView({ block: "center" });
      const rect = (from: number) => {
        const range = document.createRange();
        range.setStart(node!, from);
        range.setEnd(node!, from + 1);
        const box = range.getBoundingClientRect();
        return { x: box.x, y: box.y, width: box.width, height: box.height };
      };
      return { first: rect(at), last: rect(at + quote.length - 1) };
    }
    throw new Error(`"${quote}" is not in one text node of the reading`);
  }, { quote, rootSelector });
}

/** Selects `quote` in the reading (or the one `rootSelector` names) by dragging the mouse over it. */
export async function selectWithMouse(page: Page, quote: string, rootSelector = "[data-reading]") {
  const { first, last } = await quoteEdges(page, quote, rootSelector);
  await page.mouse.move(first.x + 1, first.y + first.height / 2);
  await page.mouse.down();
  await page.mouse.move(last.x + last.width / 2, last.y + last.height / 2, { steps: 8 });
  await page.mouse.move(last.x + last.width - 0.5, last.y + last.height / 2);
  await page.mouse.up();
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(quote);
}

/**
 * Selects `quote` from the keyboard: the caret is put before it (as caret browsing or
 * a screen reader's cursor would be), then Shift+ArrowRight extends the selection.
 */
export async function selectWithKeyboard(page: Page, quote: string) {
  await page.evaluate((quote) => {
    const root = document.querySelector("[data-reading]")!;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      const at = node.data.indexOf(quote);
      if (at === -1) continue;
      node.parentElement!.scrollIntoView({ block: "center" });
      window.getSelection()!.collapse(node, at);
      return;
    }
    throw new Error(`"${quote}" is not in the reading`);
  }, quote);
  for (let i = 0; i < quote.length; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe(quote);
}

/** The texts of every range drawn in a CSS highlight. */
export function highlightedTexts(page: Page, name = "parallax-note"): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(name);
    return highlight ? Array.from(highlight as unknown as Iterable<Range>).map((range) => range.toString()) : [];
  }, name);
}
