import { expect, test } from "@playwright/test";
import { selectWithMouse, signedInPage } from "./annotate-support";
import { expectNoSeriousA11yViolations } from "./support";

test("link a passage of 001 to one of 000 with the mouse, follow it into the compare view and back", async ({ browser }) => {
  const ana = await signedInPage(browser, "ana@parallax.test");
  await ana.goto("/read/book-excerpt-crossing-the-parallel");
  await selectWithMouse(ana, "The resolution passed on October 7");
  await ana.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: "Link…" }).click();
  await expect(ana.getByRole("heading", { level: 1 })).toContainText("Link a passage of");
  await ana.getByRole("navigation", { name: "Reading to link to" }).getByRole("link", { name: /Where US Omnipotence Fails/ }).click();
  const right = '[data-compare-pane="right"] [data-reading]';
  await expect(ana.locator(right)).toBeVisible();
  const quote = await ana.locator(`${right} p[data-block]`).nth(3).evaluate((p) => p.textContent!.split(/(?<=\.)\s/)[0].slice(0, 60));
  await selectWithMouse(ana, quote, right);
  await ana.getByRole("radio", { name: /contradicts/i }).check();
  await ana.getByRole("button", { name: "Save link" }).click();
  await expect(ana).toHaveURL(/link=/);
  await expect(ana.getByRole("navigation", { name: "Links between these readings" })).toBeVisible();
  const marked = await ana.evaluate(() => Array.from(CSS.highlights.keys()));
  expect(marked.length).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(ana);
  await ana.screenshot({ path: "test-results/screens/compare-view.png" });

  await ana.getByRole("link", { name: /Back to the reading/ }).first().click();
  await expect(ana).toHaveURL(/\/read\//);
  await ana.getByRole("tab", { name: /Connections/ }).click();
  await expect(ana.getByRole("tabpanel")).toContainText(quote.slice(0, 30));
});

test("an instructor confirms and dismisses suggestions on the map; a student sees the confirmed link", async ({ browser }) => {
  const teacher = await signedInPage(browser, "instructor@parallax.test");
  const seminar = await teacher.evaluate(async () => (await (await fetch("/api/me")).json()).seminars[0].id as string);
  await teacher.goto(`/seminars/${seminar}`);
  await teacher.getByRole("navigation", { name: "This seminar" }).getByRole("link", { name: "Connections map" }).click();
  await expect(teacher.getByRole("heading", { level: 1 })).toHaveText("Connections map");
  const confirm = teacher.getByRole("button", { name: /^Confirm/ });
  await expect(confirm.first()).toBeVisible();
  const before = await confirm.count();
  await confirm.first().click();
  await expect(confirm).toHaveCount(before - 1);
  await teacher.getByRole("button", { name: /^Dismiss/ }).first().click();
  await expect(confirm).toHaveCount(before - 2);
  await expectNoSeriousA11yViolations(teacher);
  // All five readings fit beside the suggestion list at 1280 px: no sideways scrolling.
  const frame = teacher.locator("[data-map-frame]");
  await expect(frame.getByRole("list", { name: "Readings, left to right" }).getByRole("listitem")).toHaveCount(5);
  await expect.poll(() => frame.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await teacher.screenshot({ path: "test-results/screens/connections-map.png" });

  const ben = await signedInPage(browser, "ben@parallax.test");
  await ben.goto(`/seminars/${seminar}/map`);
  await expect(ben.getByRole("button", { name: /^Confirm/ })).toHaveCount(0);
  const line = ben.getByRole("link", { name: /^parallel:/ }).first();
  await expect(line).toBeAttached();
  await line.focus();
  await ben.keyboard.press("Enter");
  await expect(ben).toHaveURL(/\/compare\?/);
});

test("an instructor judges suggestions side by side from the reader: dismisses one, steps to the next and confirms it", async ({ browser }) => {
  const teacher = await signedInPage(browser, "instructor@parallax.test");
  await teacher.goto("/read/costa-who-wanted-war");
  await teacher.getByRole("tab", { name: /Connections/ }).click();
  const panel = teacher.getByRole("region", { name: "Suggested parallels" });
  await panel.getByRole("link", { name: "Compare side by side" }).first().click();
  await expect(teacher).toHaveURL(/\/compare\?.*suggestion=/);
  await expect(teacher.getByRole("heading", { level: 1 })).toContainText("Suggested parallel: Who wanted to go to war over Korea in 1950?");
  await expect(teacher.getByRole("list", { name: "Why it was suggested" }).getByRole("listitem").first()).toBeVisible();
  await expect.poll(() => teacher.evaluate(() => CSS.highlights.size)).toBeGreaterThan(0);
  await expectNoSeriousA11yViolations(teacher);
  await teacher.screenshot({ path: "test-results/screens/compare-suggestion.png" });
  // Dismiss this one, and go on to the next between the same two readings.
  const steps = teacher.getByRole("navigation", { name: "Suggestions between these readings" });
  await expect(steps).toContainText(/Suggestion 1 of \d+ between these readings/);
  const first = teacher.url();
  await teacher.getByRole("button", { name: /^Dismiss suggested parallel/ }).click();
  await expect(teacher.getByRole("status")).toContainText("Dismissed");
  // Focus moves on to the next suggestion, so the keyboard carries on from there.
  await expect(teacher.getByRole("status").getByRole("link", { name: "Next suggestion →" })).toBeFocused();
  await teacher.keyboard.press("Enter");
  await expect(teacher).not.toHaveURL(first);
  await expect(steps).toContainText(/Suggestion 1 of \d+ between these readings/);
  await teacher.getByRole("button", { name: /^Confirm suggested parallel/ }).click();
  await expect(teacher).toHaveURL(/\/compare\?.*link=/);
  await expect(teacher.getByRole("heading", { level: 1 })).toContainText("Parallel: Who wanted to go to war over Korea in 1950?");
});
