import { expect, test, type Page } from "@playwright/test";
import { askForSignInLink, openLatestMail, signInWithMagicLink, signOut, uniqueEmail } from "./fixtures/auth";

async function invite(page: Page, email: string, role: "Editor" | "Viewer") {
  await page.goto("/settings/members");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Role", { exact: true }).click();
  await page.getByRole("option", { name: role }).click();
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
  await expect(page.getByRole("list", { name: "Pending invitations" })).toContainText(email);
}

async function acceptInvitation(page: Page, email: string) {
  // The local mailbox shows a browser only the mail of the address it typed on the sign-in page.
  await askForSignInLink(page, email);
  await openLatestMail(page, email, /Open invitation/);
  // Not signed in yet: the invitation sends them to sign in and back.
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Finvite%2F/);
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await openLatestMail(page, email, /Sign in/);
  await page.getByRole("button", { name: /^Join / }).click();
}

test("an owner invites teammates who join with the right role; a viewer cannot manage members", async ({ page }) => {
  const owner = uniqueEmail("owner");
  const editor = uniqueEmail("editor");
  const viewer = uniqueEmail("viewer");

  await signInWithMagicLink(page, owner);
  await page.goto("/settings");
  await page.getByLabel("Business name").fill("Acme Dental");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Settings saved")).toBeVisible();

  await invite(page, editor, "Editor");
  await invite(page, viewer, "Viewer");
  await signOut(page);

  await acceptInvitation(page, editor);
  await expect(page.getByText("Welcome to Acme Dental").first()).toBeVisible();
  await expect(page.getByTestId("org-switcher")).toContainText("Acme Dental");
  await expect(page.getByTestId("current-role")).toHaveText("editor");
  await signOut(page);

  await acceptInvitation(page, viewer);
  await expect(page.getByTestId("org-switcher")).toContainText("Acme Dental");
  await expect(page.getByTestId("current-role")).toHaveText("viewer");
  await page.goto("/settings/members");
  await expect(page.getByRole("note")).toContainText("Only admins and owners can manage members");
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Remove / })).toHaveCount(0);
  await expect(page.getByRole("list", { name: "Members" })).toContainText(owner);
});
