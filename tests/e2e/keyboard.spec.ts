import { expect, test } from "@playwright/test";
import { highlightedTexts, selectWithKeyboard, signedInPage } from "./annotate-support";
import { chromiumArgs, chromiumPath } from "./chromium";

// A keyboard reader selects text with caret browsing on (F7 in Chromium): Shift+arrows
// then extend a selection in the page as they would in an editor.
test.use({ launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs, "--enable-caret-browsing"] } });

const PODCAST = "/read/korean-war-podcast-episode-30";

test("the keyboard path: select with Shift+arrows, press A, write, Ctrl+Enter saves", async ({ browser }) => {
  const stamp = Date.now();
  const chloe = await signedInPage(browser, "chloe@parallax.test");
  await chloe.goto(PODCAST);
  const quote = "not a compromise peace";
  await selectWithKeyboard(chloe, quote);
  await chloe.keyboard.press("a");
  const panel = chloe.getByRole("complementary", { name: "Notes" });
  await expect(panel.getByRole("textbox", { name: "Note" })).toBeFocused();
  await chloe.keyboard.type(`Keyboard note ${stamp}`);
  await chloe.keyboard.press("Control+Enter");
  const card = panel.getByRole("article").filter({ hasText: `Keyboard note ${stamp}` });
  await expect(card).toBeVisible();
  await expect.poll(() => highlightedTexts(chloe)).toContain(quote);
  await card.getByRole("button", { name: "Show in text" }).focus();
  await chloe.keyboard.press("Enter");
  await expect.poll(() => highlightedTexts(chloe, "parallax-note-focus")).toEqual([quote]);
});


test("a highlight made from the keyboard (H) comes back on the same words after a reload", async ({ browser }) => {
  const ben = await signedInPage(browser, "ben@parallax.test");
  await ben.goto("/read/book-excerpt-crossing-the-parallel");
  const quote = "the original boundary restored";
  await selectWithKeyboard(ben, quote);
  await ben.keyboard.press("h");
  await expect(ben.getByText("Highlight saved (only you see it).")).toBeAttached();
  await ben.reload();
  await expect.poll(() => highlightedTexts(ben)).toContain(quote);
});
