import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support";
import { xssPayloads } from "../fixtures/xss-payloads";
import { highlightedTexts, selectWithMouse, signedInPage } from "./annotate-support";

const PODCAST = "/read/korean-war-podcast-episode-30";

test("two readers: A annotates, B sees it and replies, A sees the reply; A's private note never reaches B", async ({ browser }) => {
  const stamp = Date.now();
  const ana = await signedInPage(browser, "ana@parallax.test");
  await ana.goto(PODCAST);
  const panel = ana.getByRole("complementary", { name: "Notes" });

  await selectWithMouse(ana, "the complex but fascinating world of Anglo-American relations");
  await ana.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: /Annotate/ }).click();
  const editor = panel.getByRole("textbox", { name: "Note" });
  await editor.click();
  await ana.keyboard.type(`Shared thought ${stamp}: alliances strain under war.`);
  await panel.getByRole("radio", { name: "Seminar" }).check();
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByRole("article").filter({ hasText: `Shared thought ${stamp}` })).toBeVisible();

  await selectWithMouse(ana, "huge budgetary increases for their defensive capabilities");
  await ana.keyboard.press("a");
  await panel.getByRole("textbox", { name: "Note" }).click();
  await ana.keyboard.type(`Private thought ${stamp}`);
  await panel.getByRole("radio", { name: "Only me" }).check();
  await panel.getByRole("button", { name: "Save" }).click();
  await expect(panel.getByRole("article").filter({ hasText: `Private thought ${stamp}` })).toContainText("Only me");

  const ben = await signedInPage(browser, "ben@parallax.test");
  await ben.goto(PODCAST);
  const benPanel = ben.getByRole("complementary", { name: "Notes" });
  const shared = benPanel.getByRole("article").filter({ hasText: `Shared thought ${stamp}` });
  await expect(shared).toBeVisible();
  await expect(ben.locator("body")).not.toContainText(`Private thought ${stamp}`);
  const listed = await ben.evaluate(async () => {
    const me = await (await fetch("/api/me")).json();
    const seminar = me.seminars[0].id;
    return (await fetch(`/api/readings/korean-war-podcast-episode-30/notes?seminar=${seminar}`)).text();
  });
  expect(listed).toContain(`Shared thought ${stamp}`);
  expect(listed).not.toContain(`Private thought ${stamp}`);

  await shared.getByRole("button", { name: "Reply to note" }).click();
  await benPanel.getByRole("textbox", { name: /^Reply/ }).click();
  await ben.keyboard.type(`Ben agrees ${stamp}`);
  await benPanel.getByRole("button", { name: "Save" }).click();
  await expect(shared).toContainText(`Ben agrees ${stamp}`);

  await ana.reload();
  const mine = panel.getByRole("article").filter({ hasText: `Shared thought ${stamp}` });
  await mine.getByRole("button", { name: "Show 1 reply" }).click();
  await expect(mine).toContainText(`Ben agrees ${stamp}`);
  await expectNoSeriousA11yViolations(ana);
  await ana.screenshot({ path: "test-results/screens/reader-notes-desktop.png" });
});

test("clicking a highlight focuses its note", async ({ browser }) => {
  const ana = await signedInPage(browser, "ana@parallax.test");
  await ana.goto("/read/costa-who-wanted-war");
  const quote = "an unqualified desire for war can hardly be attributed to any of the three leaders";
  await expect.poll(() => highlightedTexts(ana)).toContain(quote);
  const box = await ana.evaluate((quote) => {
    const range = Array.from(CSS.highlights.get("parallax-note") as unknown as Iterable<Range>).find((r) => r.toString() === quote)!;
    const rect = range.getClientRects()[0];
    return { x: rect.x + 10, y: rect.y + rect.height / 2 };
  }, quote);
  await ana.mouse.click(box.x, box.y);
  const card = ana.getByRole("complementary", { name: "Notes" }).locator("article[aria-current='true']");
  await expect(card).toContainText(quote);
});

test("a highlight made with the mouse comes back on the same words after a reload", async ({ browser }) => {
  const ben = await signedInPage(browser, "ben@parallax.test");
  await ben.goto("/read/book-excerpt-crossing-the-parallel");
  const quote = "the aggressors had been repelled";
  await selectWithMouse(ben, quote);
  await ben.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: /Highlight/ }).click();
  await expect(ben.getByRole("complementary", { name: "Notes" }).getByRole("article", { name: /^Highlight by Ben/ }).first()).toBeVisible();
  await ben.reload();
  await expect.poll(() => highlightedTexts(ben)).toContain(quote);
});

test("notes and replies holding known XSS payloads render inert in the reader", async ({ browser }) => {
  const ana = await signedInPage(browser, "ana@parallax.test");
  await ana.goto("/read/costa-who-wanted-war");
  const saved = await ana.evaluate(async (payloads) => {
    const seminar = (await (await fetch("/api/me")).json()).seminars[0].id;
    const root = document.querySelector("[data-reading]")!;
    const paragraph = Array.from(root.querySelectorAll<HTMLElement>("p[data-block]")).find((p) => p.textContent!.length > 200)!;
    const text = paragraph.textContent!.slice(0, 40);
    const start = Number(paragraph.dataset.start);
    const versionId = (root as HTMLElement).dataset.version!;
    const failed: string[] = [];
    for (const html of payloads) {
      const response = await fetch(`/api/readings/costa-who-wanted-war/notes?seminar=${seminar}`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({
          target: {
            versionId,
            selectors: [
              { type: "TextQuoteSelector", exact: text },
              { type: "TextPositionSelector", start, end: start + text.length },
            ],
          },
          motivation: "commenting",
          body: { html: `${html} xss-probe` },
          visibility: "seminar",
        }),
      });
      if (!response.ok) {
        failed.push(`${response.status} ${html}`);
        continue;
      }
      const { note } = await response.json();
      const reply = await fetch(`/api/notes/${note.id}/replies`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ body: { html: `${html} xss-probe` } }),
      });
      if (!reply.ok) failed.push(`${reply.status} reply ${html}`);
    }
    return failed;
  }, xssPayloads);
  // A payload that cleans down to nothing (an unclosed <svg> swallows the text after it)
  // is refused as an empty body; every other one is stored, cleaned.
  expect(saved.every((failure) => failure.startsWith("400 "))).toBe(true);
  expect(saved.length).toBeLessThanOrEqual(2);

  const ben = await signedInPage(browser, "ben@parallax.test");
  const dialogs: string[] = [];
  ben.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await ben.goto("/read/costa-who-wanted-war");
  const panel = ben.getByRole("complementary", { name: "Notes" });
  await expect(panel.getByText("xss-probe").first()).toBeVisible();
  // Render every card and open every thread, so each stored payload is in the page.
  const more = panel.getByRole("button", { name: /^Show more notes/ });
  while ((await more.count()) > 0) await more.evaluate((button) => (button as HTMLButtonElement).click());
  const threads = panel.getByRole("button", { name: "Show 1 reply" });
  for (let left = await threads.count(); left > 0; left = await threads.count()) {
    await threads.first().click();
    await expect(threads).toHaveCount(left - 1);
  }
  await expect(panel.locator("[data-reply-id]").filter({ hasText: "xss-probe" })).toHaveCount(xssPayloads.length - saved.length);
  await ben.waitForTimeout(1000);
  const fired = await ben.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null);
  const scripts = await ben.locator("aside script, aside iframe, aside object, aside embed, aside svg script").count();
  expect(dialogs).toEqual([]);
  expect(fired).toBeNull();
  expect(scripts).toBe(0);
});

test("a link with ?note= opens the reader on that note and its passage", async ({ browser }) => {
  const ana = await signedInPage(browser, "ana@parallax.test");
  await ana.goto("/read/costa-who-wanted-war");
  const { id, quote } = await ana.evaluate(async () => {
    const seminar = (await (await fetch("/api/me")).json()).seminars[0].id;
    const { notes } = await (await fetch(`/api/readings/costa-who-wanted-war/notes?seminar=${seminar}`)).json();
    return { id: notes[0].id as string, quote: notes[0].quote as string };
  });
  await ana.goto(`/read/costa-who-wanted-war?note=${id}`);
  await expect(ana.locator(`article[data-note-id='${id}']`)).toHaveAttribute("aria-current", "true");
  await expect.poll(() => highlightedTexts(ana, "parallax-note-focus")).toEqual([quote]);
});
