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
