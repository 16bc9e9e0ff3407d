import { expect, test, type Page } from "@playwright/test";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";

// The browser's own time zone is what setup suggests; Berlin makes that visible.
test.use({ timezoneId: "Europe/Berlin" });

/** Whether the page scrolls sideways, or was left scrolled sideways while it loaded (it must not). */
async function scrollsSideways(page: Page) {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth || window.scrollX > 0);
}

test("a new user names the business and picks a time zone before the app, and Settings shows both", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("maria"), "/sign-in", { onboarding: "stop" });
  await expect(page).toHaveURL(/\/onboarding$/);
  await expect(page.getByRole("heading", { name: "Set up your workspace" })).toBeVisible();
  // Nothing else opens until this is done.
  await page.goto("/workflows");
  await expect(page).toHaveURL(/\/onboarding$/);

  const timeZone = page.getByLabel("Time zone");
  await expect(timeZone).toContainText("Berlin (UTC+0");

  // Nothing typed: the field says what is missing.
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByText("Give your workspace a name")).toBeVisible();
  await expect(page.getByLabel("Business name")).toHaveAttribute("aria-invalid", "true");

  const name = page.getByLabel("Business name");
  await name.pressSequentially("Harbor Dental Co.x");
  await name.press("Backspace");
  await expect(name).toHaveValue("Harbor Dental Co.");
  await expect(page.getByText("Give your workspace a name")).toHaveCount(0);

  // The time zone, by keyboard only: Tab to it, open it, search, pick.
  await name.press("Tab");
  await expect(timeZone).toBeFocused();
  await page.keyboard.press("Enter");
  const search = page.getByRole("combobox", { name: "Search time zones" });
  await expect(search).toBeFocused();
  await page.keyboard.type("new y");
  await expect(page.getByRole("option", { name: /^New York/ })).toHaveAttribute("data-active", "true");
  await page.keyboard.press("Enter");
  await expect(search).toBeHidden();
  await expect(timeZone).toBeFocused();
  await expect(timeZone).toContainText(/New York \(UTC\u22120[45]:00\)/);

  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: "Welcome to Harbor Dental Co." })).toBeVisible();
  await expect(page.getByTestId("org-switcher")).toContainText("Harbor Dental Co.");

  await page.goto("/settings");
  await expect(page.getByLabel("Business name")).toHaveValue("Harbor Dental Co.");
  await expect(page.getByText("Used in texts and emails as {{ organization.name }}")).toBeVisible();
  await expect(page.getByLabel("Time zone")).toContainText("New York");
  await expect(page.getByText("Business-hours conditions and dates in texts and emails use this time zone")).toBeVisible();

  // Setup is asked once.
  await page.goto("/onboarding");
  await expect(page).toHaveURL(/\/$/);
});

test("Settings explains an empty workspace name next to the field, and the only owner cannot leave", async ({ page }) => {
  const owner = uniqueEmail("owner");
  await signInWithMagicLink(page, owner, "/sign-in", { businessName: "Solo Dental" });
  await page.goto("/settings");
  const name = page.getByLabel("Business name");
  await name.click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.press("Backspace");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("field-error")).toHaveText("Give your workspace a name");
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByText(/^name:/)).toHaveCount(0);
  await expect(page.getByText("Settings saved")).toHaveCount(0);

  // A time zone can be found by its offset too, and Escape leaves the saved one as it was.
  await page.getByLabel("Time zone").click();
  await page.keyboard.type("utc+05:30");
  await expect(page.getByRole("option").first()).toContainText("UTC+05:30");
  await page.keyboard.press("Escape");
  await expect(page.getByLabel("Time zone")).toContainText("Berlin");

  await name.pressSequentially("Solo Dental & Co");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();
  await expect(page.getByTestId("org-switcher")).toContainText("Solo Dental & Co");

  await page.goto("/settings/members");
  // The server's reason shows in the form too, not only as a passing toast.
  await page.getByLabel("Email address").pressSequentially(owner);
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByRole("alert").filter({ hasText: `${owner} is already a member of Solo Dental & Co.` })).toBeVisible();

  await expect(page.getByRole("button", { name: "Leave workspace" })).toBeDisabled();
  await expect(page.getByTestId("leave-only-owner")).toContainText("You are the only owner, so you cannot leave");
});

test("setup and the settings pages fit a phone's width", async ({ browser }) => {
  // The longest label ("Coordinated Universal Time (UTC+00:00)") must not widen the page either.
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, timezoneId: "UTC" });
  const page = await context.newPage();
  try {
    await signInWithMagicLink(page, uniqueEmail("phone"), "/sign-in", { onboarding: "stop" });
    await expect(page.getByRole("heading", { name: "Set up your workspace" })).toBeVisible();
    await expect(page.getByLabel("Time zone")).toContainText("Coordinated Universal Time");
    expect(await scrollsSideways(page)).toBe(false);
    await page.getByLabel("Time zone").click();
    await expect(page.getByRole("listbox", { name: "Time zones" })).toBeVisible();
    expect(await scrollsSideways(page)).toBe(false);
    await page.keyboard.press("Escape");
    await page.getByLabel("Business name").pressSequentially("Pocket Dental");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByRole("heading", { name: "Welcome to Pocket Dental" })).toBeVisible();

    // Every page the same: the whole page fits the phone, sidebar and all (it is a menu there).
    for (const path of ["/", "/settings", "/settings/members", "/settings/api-keys", "/settings/webhooks", "/settings/callrail"]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expect(page.getByRole("button", { name: "Open menu" })).toBeVisible();
      const { scrollWidth, innerWidth } = await page.evaluate(() => ({
        scrollWidth: document.documentElement.scrollWidth,
        innerWidth: window.innerWidth,
      }));
      expect(scrollWidth, `${path} is ${scrollWidth} px wide on a ${innerWidth} px phone`).toBeLessThanOrEqual(innerWidth);
    }
  } finally {
    await context.close();
  }
});
