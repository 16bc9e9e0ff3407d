import { expect, test, type Page } from "@playwright/test";
import { webhookReceiverForThisFile } from "./fixtures/webhook-receiver";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";

const receiver = webhookReceiverForThisFile();

/** A call over 10 s posts to the CRM; a shorter one gets a text. */
function longCallGraph(url: string) {
  return {
    version: 1,
    nodes: [
      { id: "trigger", kind: "trigger", position: { x: 200, y: 0 }, config: { eventType: "call.completed", trackingNumbers: [] } },
      { id: "long-call", kind: "condition.call_duration", position: { x: 200, y: 160 }, config: { operator: "gt", seconds: 10 } },
      { id: "crm", kind: "action.webhook", position: { x: 0, y: 340 }, config: { urls: [url], headers: [] } },
      {
        id: "text-back",
        kind: "action.send_sms",
        position: { x: 400, y: 340 },
        config: { body: "Sorry we got cut off, {{ caller.name | default: 'there' }}!" },
      },
    ],
    edges: [
      { id: "to-check", source: "trigger", sourceHandle: "out", target: "long-call" },
      { id: "yes-crm", source: "long-call", sourceHandle: "true", target: "crm" },
      { id: "no-text", source: "long-call", sourceHandle: "false", target: "text-back" },
    ],
  };
}

async function simulateCompletedCall(page: Page, callerNumber: string, durationSeconds: number) {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Simulate a call" }).click();
  await page.getByLabel("What happens").click();
  await page.getByRole("option", { name: "When a call ends" }).click();
  await page.getByLabel("Caller number").fill(callerNumber);
  await page.getByLabel("Caller name").fill("Robin");
  await page.getByLabel("Duration (seconds)").fill(String(durationSeconds));
  await page.getByRole("button", { name: "Send simulated event" }).click();
  await expect(page.getByText("Simulated event sent")).toBeVisible();
}

/** Opens the run of this caller from the Runs page, filtered by the caller's number in the address bar. */
async function openRunOf(page: Page, callerNumber: string) {
  await page.goto(`/runs?caller=${encodeURIComponent(callerNumber)}`);
  await expect(page.getByLabel("Caller number")).toHaveValue(callerNumber);
  const row = page.getByTestId("run-row");
  await expect(row).toHaveCount(1);
  await expect(row).toContainText("Succeeded");
  await row.getByRole("link", { name: "Call length router", exact: true }).click();
  await expect(page).toHaveURL(/\/runs\/run_/);
}

const node = (page: Page, id: string) => page.locator(`[data-testid="run-node"][data-node-id="${id}"]`);
const edge = (page: Page, id: string) => page.locator(`[data-testid="run-edge"][data-edge-id="${id}"]`);

test("a run's page highlights the path it took, for each branch of a condition, and replays it", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("paths"));
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Name").fill("Call length router");
  await page.getByLabel("Workflow JSON").fill(JSON.stringify(longCallGraph(`${receiver().url}/crm`)));
  await page.getByRole("button", { name: "Import workflow" }).click();
  const workflowRow = page.getByTestId("workflow-row").filter({ hasText: "Call length router" });
  await workflowRow.getByRole("switch").click();
  await expect(workflowRow).toContainText("Active");

  await simulateCompletedCall(page, "+14155550111", 45);
  await simulateCompletedCall(page, "+14155550122", 5);

  // The long call took the Yes path: the webhook ran, the text did not.
  await openRunOf(page, "+14155550111");
  await expect(node(page, "trigger")).toHaveAttribute("data-outcome", "succeeded");
  await expect(node(page, "long-call")).toHaveAttribute("data-outcome", "succeeded");
  await expect(node(page, "crm")).toHaveAttribute("data-outcome", "succeeded");
  await expect(node(page, "text-back")).toHaveAttribute("data-outcome", "skipped");
  await expect(edge(page, "to-check")).toHaveAttribute("data-outcome", "taken");
  await expect(edge(page, "yes-crm")).toHaveAttribute("data-outcome", "taken");
  await expect(edge(page, "no-text")).toHaveAttribute("data-outcome", "not-taken");
  const longRunUrl = page.url();

  // Clicking the webhook on the canvas opens its step: the request went out and the receiver answered.
  await node(page, "crm").click();
  const hookStep = page.locator('[data-testid="run-step"][data-node-id="crm"]');
  await expect(hookStep.getByRole("button", { expanded: true })).toBeVisible();
  // The receiver's answer is said once, in the step's attempt; the delivery below it shows what came back.
  await expect(hookStep.getByTestId("attempt-status")).toHaveText("200");
  await expect(hookStep.getByTestId("webhook-delivery")).toContainText("Response body");
  expect((await hookStep.innerText()).match(/Answered\s+\d{3}/g)).toHaveLength(1);
  await expect(node(page, "crm")).toHaveAttribute("data-focused", "true");
  // And the other way round: opening a step in the list marks its node.
  await page.locator('[data-testid="run-step"][data-node-id="long-call"]').getByRole("button").click();
  await expect(node(page, "long-call")).toHaveAttribute("data-focused", "true");
  await expect(page.locator('[data-testid="run-step"][data-node-id="long-call"]')).toContainText("Yes — the Yes path ran");
  await expect(page.getByText('"phone_number": "+14155550111"')).toBeVisible();

  // The short call took the No path: the text went out, the webhook did not.
  await openRunOf(page, "+14155550122");
  await expect(node(page, "long-call")).toHaveAttribute("data-outcome", "succeeded");
  await expect(node(page, "crm")).toHaveAttribute("data-outcome", "skipped");
  await expect(node(page, "text-back")).toHaveAttribute("data-outcome", "succeeded");
  await expect(edge(page, "yes-crm")).toHaveAttribute("data-outcome", "not-taken");
  await expect(edge(page, "no-text")).toHaveAttribute("data-outcome", "taken");
  await node(page, "text-back").click();
  await expect(page.getByTestId("rendered-sms")).toHaveText("Sorry we got cut off, Robin!");

  // Replay the long call: a new run, linked to the old one, posts to the CRM again.
  await page.goto(longRunUrl);
  await page.getByRole("button", { name: "Replay" }).click();
  await page.getByRole("button", { name: "Replay now" }).click();
  await expect(page).not.toHaveURL(longRunUrl);
  await expect(page).toHaveURL(/\/runs\/run_/);
  await expect(page.getByTestId("replay-of-link")).toBeVisible();
  await expect(node(page, "crm")).toHaveAttribute("data-outcome", "succeeded");
  await expect(edge(page, "yes-crm")).toHaveAttribute("data-outcome", "taken");
  const deliveries = await receiver().waitForRequests(2);
  expect(deliveries.map((delivery) => delivery.path)).toEqual(["/crm", "/crm"]);

  await page.getByTestId("replay-of-link").click();
  await expect(page).toHaveURL(longRunUrl);
  await expect(page.getByTestId("replay-link")).toHaveCount(1);
});
