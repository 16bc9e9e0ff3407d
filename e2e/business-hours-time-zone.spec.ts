import { expect, test } from "@playwright/test";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";
import { expectSaved, importWorkflowAndOpen, stepOfKind } from "./fixtures/editor-canvas";

// The workspace's time zone comes from the browser's at setup: Berlin makes it recognisable.
test.use({ timezoneId: "Europe/Berlin", viewport: { width: 1600, height: 1000 } });

const onlyTrigger = {
  version: 1,
  nodes: [{ id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } }],
  edges: [],
};

test("a business-hours step's time zone is searched for in the picker, and its first choice is the workspace's", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("business-hours"));
  const editorUrl = await importWorkflowAndOpen(page, "After hours", onlyTrigger);
  await stepOfKind(page, "trigger").click();
  await page.getByTestId("palette-condition.business_hours").click();
  await expect(stepOfKind(page, "condition.business_hours")).toBeVisible();

  const timeZone = page.getByRole("button", { name: /^Time zone/ });
  await expect(timeZone).toHaveText(/^The workspace's time zone \(Berlin \(UTC\+0[12]:00\)\)/);
  await expect(page.getByText("Business hours are read in this time zone. The workspace's time zone is set in Settings.")).toBeVisible();
  await expect(page.locator("#step-settings").getByText(/organization/i)).toHaveCount(0);

  // By keyboard: open, type part of a city, Backspace, Enter.
  await timeZone.focus();
  await page.keyboard.press("Enter");
  const search = page.getByRole("combobox", { name: "Search time zones" });
  await expect(search).toBeFocused();
  await expect(page.getByRole("option").first()).toHaveText(/The workspace's time zone/);
  await expect(page.getByRole("option").first()).toHaveAttribute("aria-selected", "true");
  await page.keyboard.type("tokyx");
  await page.keyboard.press("Backspace");
  await page.keyboard.type("o");
  await expect(page.getByRole("option", { name: /^Tokyo/ })).toHaveAttribute("data-active", "true");
  await page.keyboard.press("Enter");
  await expect(timeZone).toHaveText(/^Tokyo \(UTC\+09:00\)/);
  await expect(stepOfKind(page, "condition.business_hours")).toBeVisible();
  await expectSaved(page);

  // Saved: still Tokyo after a reload; then back to the workspace's own.
  await page.goto(editorUrl);
  await stepOfKind(page, "condition.business_hours").click();
  await expect(timeZone).toHaveText(/^Tokyo/);
  await timeZone.click();
  await page.keyboard.type("workspace");
  await page.getByRole("option", { name: /The workspace's time zone/ }).click();
  await expect(timeZone).toHaveText(/^The workspace's time zone/);
  await expectSaved(page);
  await page.goto(editorUrl);
  await stepOfKind(page, "condition.business_hours").click();
  await expect(timeZone).toHaveText(/^The workspace's time zone \(Berlin/);
});
