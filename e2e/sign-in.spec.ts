import { expect, test } from "@playwright/test";
import { completeOnboardingIfAsked, defaultBusinessName, signInWithMagicLink, signOut, uniqueEmail } from "./fixtures/auth";

test("a new user signs in by magic link from the local mailbox and lands in a workspace of their own", async ({ page }) => {
  const email = uniqueEmail("ada");
  await page.goto("/workflows");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fworkflows/);

  await signInWithMagicLink(page, email);
  await expect(page.getByRole("heading", { name: `Welcome to ${defaultBusinessName}` })).toBeVisible();
  await expect(page.getByTestId("user-email")).toHaveText(email);
  await expect(page.getByTestId("current-role")).toHaveText("owner");

  await signOut(page);
  await page.goto("/");
  await expect(page).toHaveURL(/\/sign-in/);
});

test("a used sign-in link cannot be used twice", async ({ page }) => {
  const email = uniqueEmail("reuse");
  await signInWithMagicLink(page, email);
  await expect(page.getByTestId("user-email")).toHaveText(email);
  await page.goto("/mailbox");
  const link = await page
    .getByTestId("mailbox-message")
    .filter({ hasText: email })
    .first()
    .getByRole("link", { name: "Sign in" })
    .getAttribute("href");
  await page.goto("/");
  await signOut(page);
  await page.goto(link!);
  await expect(page.getByText("That sign-in link has expired or was already used")).toBeVisible();
});

test("signs in through a real OpenID Connect provider (authorization-code flow)", async ({ page }) => {
  const login = `sso-${Date.now().toString(36)}@example.test`;
  await page.goto("/sign-in");
  await page.getByRole("button", { name: "Continue with Test SSO" }).click();

  // The provider's own login and consent pages (oidc-provider's development interactions).
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any-password");
  await page.getByRole("button", { name: "Sign-in" }).click();
  await page.getByRole("button", { name: "Continue" }).click();

  await completeOnboardingIfAsked(page, "SSO Dental");
  await expect(page.getByTestId("user-email")).toHaveText(login);
  await expect(page.getByRole("heading", { name: "Welcome to SSO Dental" })).toBeVisible();
});
