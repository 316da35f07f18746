import { expect, test } from "@playwright/test";
import { expectNoSeriousA11yViolations } from "./support";
import { signedInPage } from "./annotate-support";

test("an instructor creates a seminar and assigns readings; a student joins with the code and is removed", async ({ browser }) => {
  const name = `Seminar ${Date.now()}`;
  const teacher = await signedInPage(browser, "instructor@parallax.test");
  await teacher.goto("/seminars");
  await expectNoSeriousA11yViolations(teacher);
  await teacher.getByLabel("Name").fill(name);
  await teacher.getByRole("button", { name: "Create" }).click();
  await expect(teacher.getByRole("heading", { level: 1, name })).toBeVisible();

  await teacher.getByText("Change readings").click();
  const library = teacher.getByRole("list", { name: "Other readings in the library" });
  await library.getByRole("button", { name: "Add" }).first().click();
  await library.getByRole("button", { name: "Add" }).first().click();
  await teacher.getByRole("button", { name: "Save readings" }).click();
  await expect(teacher.getByRole("list", { name: "Assigned readings, in order" }).getByRole("listitem")).toHaveCount(2);
  const code = (await teacher.locator("section[aria-labelledby='code-heading'] .font-mono").innerText()).trim();
  expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
  await expectNoSeriousA11yViolations(teacher);

  const student = await signedInPage(browser, "chloe@parallax.test");
  await student.goto("/seminars");
  await student.getByLabel("Join code").fill(code.toLowerCase());
  await student.getByRole("button", { name: "Join" }).click();
  await expect(student.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(student.getByText(code)).toHaveCount(0);

  await teacher.reload();
  await teacher.getByRole("button", { name: "Remove Chloé Martin" }).click();
  // An in-page question, not a browser dialog: Cancel keeps the member, Remove removes.
  const asked = teacher.getByRole("group", { name: "Remove Chloé Martin from this seminar?" });
  await asked.getByRole("button", { name: "Cancel" }).click();
  await expect(teacher.getByRole("button", { name: "Remove Chloé Martin" })).toBeFocused();
  await teacher.getByRole("button", { name: "Remove Chloé Martin" }).click();
  await expect(asked.getByRole("button", { name: "Remove", exact: true })).toBeFocused();
  await asked.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(teacher.getByRole("button", { name: "Remove Chloé Martin" })).toHaveCount(0);
  await student.reload();
  await expect(student.getByRole("heading", { level: 1, name })).toHaveCount(0);
});
