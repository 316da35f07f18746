import { expect, test, type Page } from "@playwright/test";
import { highlightedTexts, selectWithMouse, signedInPage } from "./annotate-support";
import { collectPageErrors, expectNoSeriousA11yViolations } from "./support";

const DEMO_SEMINAR = "Korea 1950: origins and escalation";

/** Opens the demo seminar's page; returns its id. */
async function openDemoSeminar(page: Page): Promise<string> {
  await page.goto("/seminars");
  await page.getByRole("link", { name: DEMO_SEMINAR }).click();
  await expect(page.getByRole("heading", { level: 1, name: DEMO_SEMINAR })).toBeVisible();
  return page.url().split("/seminars/")[1].split(/[?#/]/)[0];
}

/** Adds a reading to a seminar through the API (the add page is tested on its own); returns its slug. */
async function addReading(page: Page, seminarId: string, title: string, body: string): Promise<string> {
  const started = await page.request.post("/api/readings", { data: { title, author: "A. Historian", kind: "essay", body, seminarIds: [seminarId], shared: false } });
  expect(started.status()).toBe(202);
  const { job } = (await started.json()) as { job: string };
  let slug = "";
  await expect
    .poll(async () => {
      const state = (await (await page.request.get(`/api/jobs/${job}`)).json()) as { job: { stage: string; result?: { slug: string } } };
      slug = state.job.result?.slug ?? "";
      return state.job.stage;
    })
    .toBe("done");
  return slug;
}

const UPLOAD = `---
title: The armistice talks
author: A. Historian
---

# Kaesong

The talks at Kaesong opened on 10 July 1951 and moved to Panmunjom in October.[^1]

> Neither side wished to be seen to want peace more than the other.

- Prisoners of war
- The demarcation line

[^1]: The first meeting lasted three hours.
`;

test("an instructor adds a reading from a Markdown file to the demo seminar, previews and publishes it", async ({ browser }) => {
  const title = `The armistice talks ${Date.now()}`;
  const teacher = await signedInPage(browser, "instructor@parallax.test");
  const errors = collectPageErrors(teacher);
  await openDemoSeminar(teacher);
  await teacher.getByRole("link", { name: "Add a reading" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: "Add a reading" })).toBeVisible();
  await expect(teacher.getByRole("checkbox", { name: DEMO_SEMINAR })).toBeChecked();

  await teacher.getByLabel("Choose a file").setInputFiles({ name: "armistice.md", mimeType: "text/markdown", buffer: Buffer.from(UPLOAD, "utf8") });
  await expect(teacher.getByLabel("Text of the reading")).toHaveValue(/The talks at Kaesong opened/);
  await expect(teacher.getByLabel("Title")).toHaveValue("The armistice talks");
  await expect(teacher.getByLabel("Author")).toHaveValue("A. Historian");
  await expect(teacher.getByRole("list", { name: "Warnings from the conversion" })).toContainText("front matter");

  const outline = teacher.getByRole("list", { name: "Outline" });
  await expect(outline).toContainText("1 block quotation");
  await expect(outline).toContainText("2 list items");
  await expect(outline).toContainText("1 note call");
  await expect(teacher.getByRole("region", { name: "The reading as it will look" })).toContainText("Neither side wished to be seen");
  await expectNoSeriousA11yViolations(teacher);
  await teacher.screenshot({ path: "test-results/add-reading.png", fullPage: true });

  // A broken note call shows the parser's message and line instead of the preview.
  const body = teacher.getByLabel("Text of the reading");
  const text = await body.inputValue();
  await body.fill(text.replace("October.[^1]", "October.[^9]"));
  await expect(teacher.getByText(/^Line \d+ of the text: note call \[\^9\] points at no note/)).toBeVisible();
  await body.fill(text);
  await expect(outline).toContainText("1 note call");

  await teacher.getByLabel("Title").fill(title);
  await teacher.getByRole("button", { name: "Publish", exact: true }).click();
  await teacher.waitForURL(/\/read\/[^/?#]+$/);
  await expect(teacher.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(teacher.locator("[data-reading]")).toContainText("The talks at Kaesong opened");
  await expect(teacher.getByRole("link", { name: "Version 1 · History" })).toBeVisible();
  await expect(teacher.getByRole("link", { name: "Revise", exact: true })).toBeVisible();
  expect(errors).toEqual([]);

  // A student of the seminar reads it, and is told plainly that only instructors add readings.
  const ana = await signedInPage(browser, "ana@parallax.test");
  await ana.goto(new URL(teacher.url()).pathname);
  await expect(ana.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(ana.getByRole("link", { name: "Revise", exact: true })).toHaveCount(0);
  await ana.goto("/readings/new");
  await expect(ana.getByRole("heading", { level: 1, name: "Only instructors add readings" })).toBeVisible();
});

test("the revise page reports what an edit does to a note, publishes it, and the old version stays readable", async ({ browser }) => {
  const stamp = Date.now();
  const kept = "The first paragraph stays exactly as it was written.";
  const doomed = `A paragraph about the weather in Pusan, ${stamp}, that the revision removes.`;
  const teacher = await signedInPage(browser, "instructor@parallax.test");
  const seminarId = await openDemoSeminar(teacher);
  const slug = await addReading(teacher, seminarId, `Revised reading ${stamp}`, `${kept}\n\n${doomed}\n\nThe last paragraph is about the crossing of the parallel.\n`);

  await teacher.goto(`/read/${slug}?seminar=${seminarId}`);
  await selectWithMouse(teacher, "the weather in Pusan");
  await teacher.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: /Highlight/ }).click();
  await expect(teacher.getByRole("complementary", { name: "Notes" }).getByRole("article", { name: /^Highlight by/ }).first()).toBeVisible();

  await teacher.getByRole("link", { name: "Revise", exact: true }).click();
  await expect(teacher.getByRole("heading", { level: 1, name: /^Revise/ })).toBeVisible();
  const publish = teacher.getByRole("button", { name: "Publish version 2" });
  await expect(publish).toBeDisabled();
  const box = teacher.getByLabel(/^Text of the reading/);
  await box.fill((await box.inputValue()).replace(`${doomed}\n\n`, ""));
  await teacher.getByRole("button", { name: "Check what changes" }).click();

  const report = teacher.getByRole("region", { name: "What version 2 changes" });
  await expect(report).toBeVisible();
  await expect(report.getByRole("row", { name: /^Notes/ })).toContainText("1");
  const items = report.getByRole("list", { name: "Notes, links and questions, orphaned first" });
  await expect(items.getByRole("listitem").first()).toContainText("Orphaned");
  await expect(items.getByRole("listitem").first()).toContainText("No longer in the text");
  await expect(publish).toBeEnabled();
  await expectNoSeriousA11yViolations(teacher);

  // Editing the text makes the report stale until it is checked again.
  await box.press("End");
  await box.pressSequentially(" ");
  await expect(publish).toBeDisabled();
  await teacher.getByRole("button", { name: "Check what changes" }).click();
  await expect(publish).toBeEnabled();
  await publish.click();
  await teacher.waitForURL(new RegExp(`/read/${slug}\\?revised=2$`));
  await expect(teacher.getByText("Published version 2. Notes, links and questions were moved onto it.")).toBeVisible();
  await expect(teacher.locator("[data-reading]")).not.toContainText("weather in Pusan");

  await teacher.getByRole("link", { name: "Version 2 · History" }).click();
  const versions = teacher.getByRole("list", { name: "Versions, newest first" });
  await expect(versions.getByRole("listitem")).toHaveCount(2);
  await versions.getByRole("link", { name: "Read this version (version 1)" }).click();
  await expect(teacher.getByText("Version 1 of 2 — read-only")).toBeVisible();
  await expect(teacher.locator("[data-reading]")).toContainText("weather in Pusan");
  await expect(teacher.getByRole("complementary", { name: "On this version" })).toContainText("Highlight");
  await expectNoSeriousA11yViolations(teacher);
  await teacher.screenshot({ path: "test-results/old-version.png", fullPage: true });

  // An old version's address lands on the current one with a notice.
  await teacher.goto(`/read/${slug}?version=1`);
  await expect(teacher.getByText("This reading has been revised since version 1; you are reading version 2.")).toBeVisible();
  await teacher.goto(`/read/${slug}/versions/2`);
  await expect(teacher).toHaveURL(new RegExp(`/read/${slug}$`));
});

test("a student's notes follow a revision: the reworded one stays on its passage, the deleted one is orphaned and re-attached", async ({ browser }) => {
  const stamp = Date.now();
  const reworded = `MacArthur planned a landing at Inchon for the middle of September ${stamp}.`;
  const rewordedAfter = `MacArthur planned the landing at Inchon for mid-September ${stamp}.`;
  const doomed = `A paragraph about the weather in Pusan ${stamp} that the editor removes.`;
  const tail = "The last paragraph is about the crossing of the parallel in October.";
  const teacher = await signedInPage(browser, "instructor@parallax.test");
  const seminarId = await openDemoSeminar(teacher);
  const slug = await addReading(teacher, seminarId, `Summer of 1950 ${stamp}`, `${reworded}\n\n${doomed}\n\n${tail}\n`);

  // Ana annotates two passages.
  const ana = await signedInPage(browser, "ana@parallax.test");
  await ana.goto(`/read/${slug}?seminar=${seminarId}`);
  const panel = ana.getByRole("complementary", { name: "Notes" });
  for (const [quote, body] of [["landing at Inchon", `On Inchon ${stamp}`], ["the weather in Pusan", `On Pusan ${stamp}`]]) {
    await selectWithMouse(ana, quote);
    await ana.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: /Annotate/ }).click();
    await panel.getByRole("textbox", { name: "Note" }).click();
    await ana.keyboard.type(body);
    await panel.getByRole("radio", { name: "Seminar" }).check();
    await panel.getByRole("button", { name: "Save" }).click();
    await expect(panel.getByRole("article").filter({ hasText: body })).toBeVisible();
  }

  // The instructor rewords one annotated passage and deletes the other; the report shows both.
  await teacher.goto(`/read/${slug}/revise`);
  const box = teacher.getByLabel(/^Text of the reading/);
  await box.fill((await box.inputValue()).replace(reworded, rewordedAfter).replace(`${doomed}\n\n`, ""));
  await teacher.getByRole("button", { name: "Check what changes" }).click();
  const report = teacher.getByRole("region", { name: "What version 2 changes" });
  const items = report.getByRole("list", { name: "Notes, links and questions, orphaned first" });
  await expect(items.getByRole("listitem").filter({ hasText: `On Pusan ${stamp}` })).toContainText("Orphaned");
  await expect(items.getByRole("listitem").filter({ hasText: `On Inchon ${stamp}` })).toContainText("landing at Inchon");
  await teacher.screenshot({ path: "test-results/revision-report.png", fullPage: true });
  await teacher.getByRole("button", { name: "Publish version 2" }).click();
  await teacher.waitForURL(new RegExp(`/read/${slug}\\?revised=2$`));

  // Ana, still reading, is told live; following the notice shows the new version.
  await expect(ana.getByText("A new version (2) of this reading was published.")).toBeVisible({ timeout: 10_000 });
  await ana.getByRole("link", { name: "Read the new version" }).click();
  await ana.waitForURL(new RegExp(`/read/${slug}\\?revised=2$`));

  // Ana's reworded note is still on its passage; the deleted one is listed apart and re-attached.
  await ana.goto(`/read/${slug}?seminar=${seminarId}`);
  await expect.poll(() => highlightedTexts(ana)).toContain("landing at Inchon");
  const lost = panel.getByRole("region", { name: "Passage not found" });
  const orphan = lost.getByRole("article").filter({ hasText: `On Pusan ${stamp}` });
  await expect(orphan).toContainText("the weather in Pusan");
  await orphan.getByRole("button", { name: "Re-attach" }).click();
  await selectWithMouse(ana, "crossing of the parallel");
  await ana.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: "Attach here" }).click();
  await expect(ana.getByText("Re-attaching a note: select")).toHaveCount(0);
  await expect(lost).toHaveCount(0);
  await expect(panel.getByRole("article").filter({ hasText: `On Pusan ${stamp}` })).toContainText("crossing of the parallel");
  await expect.poll(() => highlightedTexts(ana)).toContain("crossing of the parallel");
  await ana.screenshot({ path: "test-results/reattached.png", fullPage: true });
  await ana.reload();
  await expect.poll(() => highlightedTexts(ana)).toContain("crossing of the parallel");
});

test("a 2 MB reading is converted and stored off the server's thread while the server keeps answering", async ({ browser }) => {
  const teacher = await signedInPage(browser, "instructor@parallax.test");
  const seminarId = await openDemoSeminar(teacher);
  const paragraph = "The seminar read the long report of the commission slowly, one chapter a week, and argued about each. ";
  const body = `# A long report\n\n${`${paragraph.repeat(12)}\n\n`.repeat(1700)}`;
  expect(body.length).toBeGreaterThan(2_000_000);

  const converted = await teacher.request.post("/api/readings/import", {
    headers: { "content-type": "text/markdown", "x-file-name": "long-report.md" },
    data: Buffer.from(body, "utf8"),
  });
  expect(converted.status()).toBe(200);
  const { body: readingBody } = (await converted.json()) as { body: string };

  const started = await teacher.request.post("/api/readings", {
    data: { title: `A long report ${Date.now()}`, author: "The commission", kind: "book excerpt", body: readingBody, seminarIds: [seminarId], shared: false },
  });
  expect(started.status()).toBe(202);
  const { job } = (await started.json()) as { job: string };
  let slug = "";
  await expect
    .poll(
      async () => {
        // Other readers are served meanwhile: the library answers quickly between polls.
        const library = await teacher.request.get("/api/me");
        expect(library.status()).toBeLessThan(500);
        const state = (await (await teacher.request.get(`/api/jobs/${job}`)).json()) as { job: { stage: string; result?: { slug: string } } };
        slug = state.job.result?.slug ?? "";
        return state.job.stage;
      },
      { timeout: 60_000, intervals: [100] },
    )
    .toBe("done");
  await teacher.goto(`/read/${slug}`);
  await expect(teacher.getByRole("heading", { level: 1, name: /^A long report/ })).toBeVisible();
});
