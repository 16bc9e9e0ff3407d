import { expect, test, type Locator, type Page } from "@playwright/test";
import { startWebhookReceiver, type WebhookReceiver } from "../test-support/stand-ins/webhook-receiver";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";

// A phone, keyboard only.
test.use({ viewport: { width: 390, height: 844 } });

let recovering: WebhookReceiver; // answers 500, 500, then 200
let silent: WebhookReceiver; // takes every request and never answers
test.beforeAll(async () => {
  recovering = await startWebhookReceiver({ failFirst: 2, failStatus: 500 });
  silent = await startWebhookReceiver({ respondWith: () => new Promise(() => {}) });
});
test.afterAll(async () => {
  await recovering?.close();
  await silent?.close();
});

function missedCallWebhookGraph(url: string) {
  return {
    version: 1,
    nodes: [
      { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
      { id: "crm", kind: "action.webhook", position: { x: 0, y: 160 }, config: { urls: [url], headers: [] } },
    ],
    edges: [{ id: "to-crm", source: "trigger", sourceHandle: "out", target: "crm" }],
  };
}

async function importLiveWorkflow(page: Page, name: string, url: string) {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Workflow JSON").fill(JSON.stringify(missedCallWebhookGraph(url)));
  await page.getByRole("button", { name: "Import workflow" }).click();
  const row = page.getByTestId("workflow-row").filter({ hasText: name });
  await row.getByRole("switch").click();
  await expect(row).toContainText("Active");
}

async function openRun(page: Page, callerNumber: string, workflowName: string, status: string) {
  await page.goto(`/runs?caller=${encodeURIComponent(callerNumber)}`);
  const row = page.getByTestId("run-row").filter({ hasText: workflowName });
  await expect(row).toContainText(status, { timeout: 30_000 });
  await row.getByRole("link", { name: workflowName, exact: true }).click();
  await expect(page).toHaveURL(/\/runs\/run_/);
}

/** Focuses a button and presses a key on it, as someone without a mouse does. */
async function press(button: Locator, key: "Enter" | "Space") {
  await button.focus();
  await button.press(key);
}

test("a webhook's every attempt is on the run page: 500, 500 then 200, and a receiver that never answers", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("attempts"));
  await importLiveWorkflow(page, "CRM that recovers", `${recovering.url}/crm`);
  await importLiveWorkflow(page, "CRM that never answers", `${silent.url}/crm`);

  const caller = "+14155550177";
  await page.getByRole("button", { name: "Simulate a call" }).click();
  await page.getByLabel("Caller number").fill(caller);
  await page.getByRole("button", { name: "Send simulated event" }).click();
  await expect(page.getByText("Simulated event sent")).toBeVisible();

  // 500, 500, 200: the step shows its last attempt, and the two failures a key press away.
  await openRun(page, caller, "CRM that recovers", "Succeeded");
  const recoveringStep = page.locator('[data-testid="run-step"][data-node-id="crm"]');
  await expect(recoveringStep).toContainText("3 attempts");
  await press(recoveringStep.getByRole("button").first(), "Enter");
  const attempts = recoveringStep.getByTestId("step-attempt");
  await expect(attempts).toHaveCount(1);
  await expect(attempts.first()).toHaveAttribute("data-attempt", "3");
  await expect(attempts.first().getByTestId("attempt-status")).toHaveText("200");

  const showAll = recoveringStep.getByRole("button", { name: "Show all 3 attempts" });
  await expect(showAll).toHaveAttribute("aria-expanded", "false");
  await press(showAll, "Space");
  await expect(recoveringStep.getByRole("button", { name: "Show the last attempt only" })).toHaveAttribute("aria-expanded", "true");
  await expect(attempts).toHaveCount(3);
  for (const [index, status] of ["500", "500", "200"].entries()) {
    const attempt = attempts.nth(index);
    await expect(attempt).toHaveAttribute("data-attempt", String(index + 1));
    await expect(attempt.getByTestId("attempt-status")).toHaveText(status);
  }
  await expect(attempts.nth(0).getByTestId("attempt-next")).toContainText("Retried at");
  await expect(attempts.nth(1).getByTestId("attempt-next")).toContainText("Retried at");
  await expect(attempts.nth(0)).toHaveAttribute("data-outcome", "failed");
  await expect(attempts.nth(2)).toHaveAttribute("data-outcome", "succeeded");
  expect(new Set(recovering.requests.map((request) => request.headers["webhook-id"])).size).toBe(1);

  // Never answers: the first attempt times out (after 15 s) and the run goes on to the next.
  await openRun(page, caller, "CRM that never answers", "Running");
  const silentStep = page.locator('[data-testid="run-step"][data-node-id="crm"]');
  await expect(silentStep.getByTestId("step-retry-state")).toHaveText(/Waiting to retry at|Attempt 2 in progress/, { timeout: 30_000 });
  await press(silentStep.getByRole("button").first(), "Enter");
  await press(silentStep.getByRole("button", { name: /Show all \d attempts/ }), "Enter");
  const first = silentStep.locator('[data-testid="step-attempt"][data-attempt="1"]');
  await expect(first).toHaveAttribute("data-outcome", "failed");
  await expect(first.getByTestId("attempt-error")).toHaveText("Timed out after 15 s");
  await expect(first.getByTestId("attempt-error")).toHaveAttribute("data-kind", "timeout");
  await expect(first.getByTestId("attempt-next")).toHaveText(/Retried at|Will retry at/);
  expect(silent.requests.length).toBeGreaterThanOrEqual(1);
});
