import { expect, test } from "@playwright/test";
import { selectWithMouse, signedInPage } from "./annotate-support";
import { expectNoSeriousA11yViolations } from "./support";

test("an instructor asks a question on a passage; a student answers before seeing a peer's answer", async ({ browser }) => {
  const title = `Question ${Date.now()}`;
  const teacher = await signedInPage(browser, "instructor@parallax.test");
  await teacher.goto("/read/kim-origins-of-the-korean-war");
  await selectWithMouse(teacher, "The study of the origins of the Korean War enters a new phase");
  await teacher.getByRole("toolbar", { name: "Selection" }).getByRole("button", { name: "Ask a question" }).click();
  await teacher.getByLabel("Title").fill(title);
  await teacher.getByLabel("Students see each other's answers only after posting their own").check();
  await teacher.getByRole("textbox", { name: "Prompt" }).click();
  await teacher.keyboard.type("What is new about the Soviet archives, according to Kim?");
  await teacher.getByRole("button", { name: "Save" }).click();
  await expect(teacher.getByRole("heading", { name: title })).toBeVisible();
  const questionUrl = teacher.url();

  const ana = await signedInPage(browser, "ana@parallax.test");
  await ana.goto("/read/kim-origins-of-the-korean-war");
  await expect(ana.getByRole("button", { name: `Question: ${title}` }).first()).toBeAttached();
  await ana.goto(questionUrl);
  await ana.getByRole("textbox").first().click();
  await ana.keyboard.type(`Ana's answer ${title}`);
  await ana.getByRole("button", { name: "Save" }).click();
  await expect(ana.getByText(`Ana's answer ${title}`)).toBeVisible();

  const ben = await signedInPage(browser, "ben@parallax.test");
  await ben.goto(questionUrl);
  await expect(ben.locator("main")).not.toContainText(`Ana's answer ${title}`);
  await ben.getByRole("textbox").first().click();
  await ben.keyboard.type(`Ben's answer ${title}`);
  await ben.getByRole("button", { name: "Save" }).click();
  await expect(ben.getByText(`Ben's answer ${title}`)).toBeVisible();
  await ben.reload();
  await expect(ben.locator("main")).toContainText(`Ana's answer ${title}`);

  await teacher.reload();
  await expect(teacher.locator("main")).toContainText(`Ben's answer ${title}`);
  await teacher.getByRole("button", { name: /exemplary/i }).first().click();
  await expect(teacher.locator("main")).toContainText(/exemplary/i);
  await teacher.goto(questionUrl.replace(/\/questions\/[^/]+$/, "/questions"));
  await expect(teacher.locator("main")).toContainText(title);
  await expectNoSeriousA11yViolations(teacher);
  await teacher.screenshot({ path: "test-results/screens/questions-page.png", fullPage: true });
});

test("a question across two readings lists both passages and opens them side by side from the reader", async ({ browser }) => {
  const title = `Across readings ${Date.now()}`;
  const teacher = await signedInPage(browser, "instructor@parallax.test");
  /** The first long paragraph's opening words of a reading, as the reader would pass them on. */
  const passageOf = async (slug: string) => {
    await teacher.goto(`/read/${slug}`);
    return teacher.evaluate((slug) => {
      const root = document.querySelector<HTMLElement>("[data-reading]")!;
      const paragraph = Array.from(root.querySelectorAll<HTMLElement>("p[data-block]")).find((p) => p.textContent!.length > 200)!;
      const exact = paragraph.textContent!.slice(0, 50);
      const start = Number(paragraph.dataset.start);
      const json = JSON.stringify({
        slug,
        versionId: root.dataset.version,
        selectors: [
          { type: "TextQuoteSelector", exact },
          { type: "TextPositionSelector", start, end: start + exact.length },
        ],
      });
      const bytes = new TextEncoder().encode(json);
      return { exact, from: btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "") };
    }, slug);
  };
  const a = await passageOf("pochhammer-crossing-the-parallel");
  const b = await passageOf("book-excerpt-crossing-the-parallel");
  const seminar = await teacher.evaluate(async () => (await (await fetch("/api/me")).json()).seminars[0].id as string);
  await teacher.goto(`/seminars/${seminar}/questions/new?from=${a.from}&from=${b.from}`);
  await teacher.getByLabel("Title").fill(title);
  await teacher.getByRole("textbox", { name: "Prompt" }).click();
  await teacher.keyboard.type("Compare how the two authors open their account.");
  await teacher.getByRole("button", { name: "Save" }).click();
  await expect(teacher.getByRole("heading", { name: title })).toBeVisible();
  await expect(teacher.locator("main")).toContainText(a.exact.slice(0, 30));
  await expect(teacher.locator("main")).toContainText(b.exact.slice(0, 30));

  const ana = await signedInPage(browser, "ana@parallax.test");
  await ana.goto("/read/pochhammer-crossing-the-parallel");
  await ana.getByRole("tab", { name: /Questions/ }).click();
  const panel = ana.getByRole("tabpanel");
  await expect(panel).toContainText(title);
  await panel.getByRole("link", { name: /Compare/ }).first().click();
  await expect(ana).toHaveURL(/\/compare\?/);
  await expect(ana.getByRole("heading", { level: 1 })).toHaveText(`Question: ${title}`);
  await expect(ana.locator('[data-compare-pane="right"] [data-reading]')).toBeVisible();
  const marked = await ana.evaluate(() => Array.from(CSS.highlights.values()).reduce((n, h) => n + h.size, 0));
  expect(marked).toBeGreaterThanOrEqual(2);
});
