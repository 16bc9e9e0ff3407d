import { expect, test } from "@playwright/test";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";

// Refreshes the README's pictures: UPDATE_SCREENSHOTS=1 npx playwright test readme-screenshots
test.skip(!process.env.UPDATE_SCREENSHOTS, "only when refreshing the README screenshots");

test("README screenshots", async ({ page }) => {
  await page.setViewportSize({ width: 1360, height: 820 });
  await page.goto("/sign-in");
  await page.screenshot({ path: "docs/screenshots/sign-in.png" });
  await signInWithMagicLink(page, uniqueEmail("maria"));
  await expect(page.getByRole("heading", { name: /Welcome/ })).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/home.png" });
  await page.goto("/settings/members");
  await expect(page.getByRole("list", { name: "Members" })).toBeVisible();
  await page.screenshot({ path: "docs/screenshots/members.png" });
});
