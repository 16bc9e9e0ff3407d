import { expect, test } from "@playwright/test";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";

// Refreshes the README's pictures: UPDATE_SCREENSHOTS=1 npx playwright test readme-screenshots
test.skip(!process.env.UPDATE_SCREENSHOTS, "only when refreshing the README screenshots");

test("README screenshots", async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1360, height: 820 });
  await page.goto("/sign-in");
  await page.screenshot({ path: "docs/screenshots/sign-in.png" });
  // First sign-in asks for the business name (used in texts) and the time zone.
  await signInWithMagicLink(page, uniqueEmail("maria"), "/sign-in", { businessName: "Harbor Dental" });
  await expect(page.getByRole("heading", { name: "Welcome to Harbor Dental" })).toBeVisible();
  await page.goto("/settings/members");
  await expect(page.getByRole("list", { name: "Members" })).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/members.png" });

  // A workflow from the gallery, published and switched on.
  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).first().click();
  await page
    .getByRole("dialog")
    .getByRole("radio", { name: /Missed call → text the caller back/ })
    .check();
  await page.getByRole("dialog").getByRole("button", { name: "Create and open" }).click();
  await expect(page.getByTestId("workflow-node")).toHaveCount(2);
  await page.getByTestId("workflow-node").nth(1).click();
  await expect(page.getByRole("textbox", { name: "Text message" })).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/editor.png" });
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByText("Published version 1")).toBeVisible();
  // Publishing offers to switch it on right away.
  await page.getByRole("dialog").getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByTestId("published-version")).toHaveText("Published · On");

  await page.goto("/workflows");
  const row = page.getByTestId("workflow-row").first();
  await expect(row).toContainText("Active");

  // Each simulated call comes from a new made-up number unless one is typed; one caller gave no name.
  for (const name of ["Grace Hopper", "Ada Lovelace", ""]) {
    await page.getByRole("button", { name: "Simulate a call" }).click();
    const callerName = page.getByLabel("Caller name");
    await callerName.click();
    await page.keyboard.press("ControlOrMeta+A");
    await page.keyboard.press("Backspace");
    if (name) await callerName.pressSequentially(name);
    await page.getByRole("button", { name: "Send simulated event" }).click();
    await expect(page.getByText("Simulated event sent").first()).toBeVisible();
  }
  await page.goto("/runs");
  await expect(page.getByTestId("run-row")).toHaveCount(3);
  await expect(page.getByTestId("run-row").filter({ hasText: "Succeeded" })).toHaveCount(3);
  await page.goto("/workflows");
  await expect(page.getByTestId("workflow-row").first()).toContainText("3");
  await page.screenshot({ path: "docs/screenshots/workflows.png" });
  await page.goto("/runs");
  await expect(page.getByTestId("run-row")).toHaveCount(3);
  await page.screenshot({ path: "docs/screenshots/runs.png" });
  await page.getByTestId("run-row").first().getByRole("link").first().click();
  await expect(page.locator('[data-testid="run-node"][data-outcome="succeeded"]')).toHaveCount(2);
  await page.locator('[data-testid="run-node"]').nth(1).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: "docs/screenshots/run-detail.png" });

  await page.goto("/");
  await expect(page.getByTestId("stat-Runs today")).toHaveText("3");
  await page.waitForTimeout(1_000); // the chart animates in
  await page.screenshot({ path: "docs/screenshots/home.png" });

  // On a phone: the runs as cards, and a run with its canvas above the steps.
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/runs");
  await expect(page.getByTestId("run-row").first()).toHaveCSS("display", "grid");
  await page.screenshot({ path: "docs/screenshots/phone-runs.png" });
  await page.getByTestId("run-row").filter({ hasText: "Grace Hopper" }).getByRole("link").first().click();
  await expect(page.locator('[data-testid="run-node"][data-outcome="succeeded"]')).toHaveCount(2);
  await page.locator('[data-testid="run-step"]').last().getByRole("button").first().click();
  // The canvas just under the app's top bar, the steps below it.
  await page.getByTestId("run-canvas").evaluate((canvas) => window.scrollTo(0, window.scrollY + canvas.getBoundingClientRect().top - 64));
  await page.screenshot({ path: "docs/screenshots/phone-run.png" });
});
