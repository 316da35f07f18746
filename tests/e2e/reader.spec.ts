import { expect, test } from "@playwright/test";
import { canonicalText } from "./support-db";
import { collectPageErrors, expectNoSeriousA11yViolations, libraryReadings, renderedBlocks } from "./support";

test("the library lists the five readings and passes an accessibility scan", async ({ page }) => {
  const errors = collectPageErrors(page);
  const readings = await libraryReadings(page);
  expect(readings).toHaveLength(5);
  await expect(page.getByRole("heading", { name: "Library" })).toBeVisible();
  await expectNoSeriousA11yViolations(page);
  expect(errors).toEqual([]);
});

test("every reading renders without console errors and keeps the canonical-text invariant", async ({ page }) => {
  const readings = await libraryReadings(page);
  for (const reading of readings) {
    const errors = collectPageErrors(page);
    await page.goto(reading.href);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(reading.title);
    const text = canonicalText(reading.href.replace("/read/", ""));
    const blocks = await renderedBlocks(page);
    expect(blocks.length).toBeGreaterThan(5);
    for (const block of blocks) {
      expect(block.text, `block ${block.id} of ${reading.href}`).toBe(text.slice(block.start, block.end));
    }
    expect(blocks.map((block) => block.text).join("\n\n")).toBe(text);
    expect(errors, reading.href).toEqual([]);
  }
});

test("a note call opens its note in place and the note leads back", async ({ page }) => {
  const readings = await libraryReadings(page);
  const kim = readings.find((r) => r.title.startsWith("The Origins of the Korean War"))!;
  await page.goto(kim.href);
  const call = page.getByRole("button", { name: "Note 1", exact: true }).first();
  await call.click();
  const popover = page.getByRole("note", { name: "Note 1", exact: true }).first();
  await expect(popover).toBeVisible();
  await popover.getByRole("link", { name: "Go to the note" }).click();
  await expect(page).toHaveURL(/#b-/);
  const noteId = new URL(page.url()).hash;
  const note = page.locator(noteId);
  await expect(note).toBeInViewport();
  await note.getByRole("link", { name: /Back to the text of note 1$/ }).click();
  await expect(call).toBeInViewport();
});

test("?quote= scrolls to the passage and marks it; a missing passage says so", async ({ page }) => {
  const readings = await libraryReadings(page);
  const costa = readings.find((r) => r.title.startsWith("Who wanted to go to war"))!;
  const slug = costa.href.replace("/read/", "");
  const text = canonicalText(slug);
  const quote = text.slice(Math.floor(text.length * 0.7)).split(". ")[1].slice(0, 80);
  await page.goto(`${costa.href}?quote=${encodeURIComponent(quote)}`);
  await expect(page.getByRole("status")).toContainText("Showing the passage");
  const marked = await page.evaluate(() => {
    const highlight = CSS.highlights.get("parallax-quote");
    const range = highlight ? (Array.from(highlight)[0] as Range) : null;
    if (!range) return null;
    const box = range.getBoundingClientRect();
    return { text: range.toString(), top: box.top, bottom: box.bottom, height: window.innerHeight };
  });
  expect(marked?.text).toBe(quote);
  expect(marked!.top).toBeGreaterThanOrEqual(0);
  expect(marked!.bottom).toBeLessThanOrEqual(marked!.height);

  await page.goto(`${costa.href}?quote=${encodeURIComponent("words that appear in no reading at all")}`);
  await expect(page.getByRole("status")).toContainText("not found");
});

test("an unknown reading is a proper 404 page", async ({ page }) => {
  const response = await page.goto("/read/no-such-reading");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Reading not found" })).toBeVisible();
});

test("a reading passes an accessibility scan and reads at desktop and phone width", async ({ page }) => {
  const readings = await libraryReadings(page);
  const kim = readings.find((r) => r.title.startsWith("The Origins of the Korean War"))!;
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto(kim.href);
  await expectNoSeriousA11yViolations(page);
  await page.screenshot({ path: "test-results/screens/reader-002-desktop.png" });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(kim.href);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: "test-results/screens/reader-002-phone.png" });
});

test("the reader works by keyboard alone: skip link, contents, note call", async ({ page }) => {
  const readings = await libraryReadings(page);
  const kim = readings.find((r) => r.title.startsWith("The Origins of the Korean War"))!;
  await page.goto(kim.href);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  const call = page.getByRole("button", { name: "Note 1", exact: true }).first();
  await call.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("note", { name: "Note 1", exact: true }).first()).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("note", { name: "Note 1", exact: true }).first()).toBeHidden();
});
