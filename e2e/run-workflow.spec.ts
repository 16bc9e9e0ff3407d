import { expect, test } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { missedCallTextAndWebhookGraph } from "./fixtures/tracked-call";
import { webhookReceiverForThisFile } from "./fixtures/webhook-receiver";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";

const receiver = webhookReceiverForThisFile();

test("a simulated missed call runs a live workflow: the run succeeds and the signed webhook arrives", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("runner"));
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Name").fill("Missed call follow-up");
  await page.getByLabel("Workflow JSON").fill(JSON.stringify(missedCallTextAndWebhookGraph(`${receiver().url}/crm`)));
  await page.getByRole("button", { name: "Import workflow" }).click();
  const row = page.getByTestId("workflow-row").filter({ hasText: "Missed call follow-up" });
  await expect(row).toContainText("Paused");
  await row.getByRole("switch").click();
  await expect(row).toContainText("Active");

  await page.getByRole("button", { name: "Simulate a call" }).click();
  await page.getByLabel("Caller number").fill("+14155550142");
  await page.getByLabel("Caller name").fill("Grace");
  await page.getByRole("button", { name: "Send simulated event" }).click();
  await expect(page.getByText("Simulated event sent")).toBeVisible();

  await page.goto("/runs");
  const run = page.getByTestId("run-row").filter({ hasText: "Missed call follow-up" }).first();
  await expect(run).toContainText("Succeeded");
  await expect(run).toContainText("+14155550142");
  await run.getByRole("link", { name: "Missed call follow-up", exact: true }).click();
  await expect(page.getByTestId("run-step")).toHaveCount(3);
  await expect(page.locator('[data-testid="run-step"][data-status="succeeded"]')).toHaveCount(3);

  const [delivery] = await receiver().waitForRequests(1);
  expect(delivery!.path).toBe("/crm");

  // The receiver verifies the signature with the secret an admin sees in Settings → Webhooks.
  await page.goto("/settings/webhooks");
  await page.getByRole("button", { name: "Show secret" }).click();
  const secret = (await page.locator("code").filter({ hasText: "whsec_" }).textContent())!.trim();
  const payload = new Webhook(secret).verify(delivery!.body, delivery!.headers) as { caller: { name: string }; type: string };
  expect(payload.type).toBe("call.missed");
  expect(payload.caller.name).toBe("Grace");

  await page.goto("/outbox");
  await expect(page.getByTestId("outbox-message").first()).toContainText("Sorry we missed you, Grace!");
});
