import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";
import { stepOfKind } from "./fixtures/editor-canvas";
import { startWebhookReceiver, type WebhookReceiver } from "../test-support/stand-ins/webhook-receiver";

test.use({ viewport: { width: 1600, height: 1000 } });

let receiver: WebhookReceiver;
test.beforeAll(async () => {
  receiver = await startWebhookReceiver({
    respondWith: () => ({ status: 201, body: '{"stored":true}', headers: { "content-type": "application/json" } }),
  });
});
test.afterAll(async () => {
  await receiver?.close();
});

/** Missed call → was it short? yes: text the caller back and post to the CRM; no: email the team. */
function missedCallGraph(url: string) {
  return {
    version: 1,
    nodes: [
      { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
      { id: "short", kind: "condition.call_duration", position: { x: 0, y: 160 }, config: { operator: "lt", seconds: 30 } },
      {
        id: "text-back",
        kind: "action.send_sms",
        position: { x: -160, y: 340 },
        config: { body: "Sorry we missed you, {{ caller.name | default: 'there' }}!" },
      },
      { id: "crm", kind: "action.webhook", position: { x: -160, y: 500 }, config: { urls: [url], headers: [] } },
      {
        id: "team",
        kind: "action.send_email",
        position: { x: 200, y: 340 },
        config: { to: "me", subject: "Long missed call", body: "Call them back." },
      },
    ],
    edges: [
      { id: "e-trigger-short", source: "trigger", sourceHandle: "out", target: "short" },
      { id: "e-short-text", source: "short", sourceHandle: "true", target: "text-back" },
      { id: "e-text-crm", source: "text-back", sourceHandle: "out", target: "crm" },
      { id: "e-short-team", source: "short", sourceHandle: "false", target: "team" },
    ],
  };
}

function canvasNode(page: Page, nodeId: string) {
  return page.locator(`[data-testid="workflow-node"][data-node-id="${nodeId}"]`);
}

async function importAndOpen(page: Page, name: string, url: string) {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Workflow JSON").fill(JSON.stringify(missedCallGraph(url)));
  await page.getByRole("button", { name: "Import workflow" }).click();
  await page.getByTestId("workflow-row").filter({ hasText: name }).getByRole("link", { name, exact: true }).click();
  await expect(page.getByTestId("workflow-node")).toHaveCount(5);
}

test("a test run from the editor shows the would-be text message and the path it took, and sends nothing", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("tester"));
  await importAndOpen(page, "Missed call test", `${receiver.url}/never`);

  await page.getByRole("button", { name: "Test", exact: true }).click();
  const panel = page.getByTestId("test-run-panel");
  const json = panel.getByLabel("Sample event JSON");
  const sample = await json.inputValue();

  // A broken edit is explained, field by field, before anything runs.
  await json.fill(sample.replace('"phone_number": "+14155550123"', '"phone_number": 42'));
  await expect(panel.getByTestId("sample-problems")).toContainText("caller.phone_number");
  await expect(panel.getByRole("button", { name: "Run test" })).toBeDisabled();

  await json.fill(sample.replace('"name": "Jane Doe"', '"name": "Grace"'));
  await panel.getByRole("button", { name: "Run test" }).click();

  await expect(panel.getByTestId("test-run-summary")).toHaveText("2 actions would run. Nothing was sent.", { timeout: 15_000 });
  await expect(panel.getByTestId("rendered-sms")).toHaveText("Sorry we missed you, Grace!");
  await expect(panel.locator('[data-testid="test-step"][data-node-id="text-back"]')).toContainText("1 segment");
  await expect(panel.locator('[data-testid="test-step"][data-node-id="crm"]')).toContainText("Not sent (test)");
  await expect(panel.locator('[data-testid="test-step"][data-node-id="team"]')).toHaveAttribute("data-status", "skipped");

  // The canvas shows the path: the short-call branch ran, the other one did not.
  await expect(canvasNode(page, "text-back")).toHaveAttribute("data-outcome", "succeeded");
  await expect(canvasNode(page, "crm")).toHaveAttribute("data-outcome", "succeeded");
  await expect(canvasNode(page, "team")).toHaveAttribute("data-outcome", "skipped");
  await expect(page.locator(".react-flow__edge.edge-taken")).toHaveCount(3);
  await expect(page.locator(".react-flow__edge.edge-not-taken")).toHaveCount(1);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: "docs/screenshots/test-run.png" });

  // Dismissing the result gives the canvas back for editing.
  await panel.getByRole("button", { name: "Close the test panel" }).click();
  await expect(panel).toBeHidden();
  await expect(page.locator('[data-testid="workflow-node"][data-outcome]')).toHaveCount(0);

  expect(receiver.requests.filter((request) => request.path === "/never")).toHaveLength(0);
  await page.goto("/outbox");
  await expect(page.getByText("Nothing sent yet").or(page.getByTestId("outbox-message").first())).toBeVisible();
  await expect(page.getByText("Sorry we missed you, Grace!")).toHaveCount(0);
});

test("the Test webhook button shows the receiver's response, and the receiver verifies the signature", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("hooks"));
  await importAndOpen(page, "Webhook test", `${receiver.url}/crm`);
  await stepOfKind(page, "action.webhook").click();
  const panel = page.getByTestId("webhook-test-panel");

  await panel.getByRole("button", { name: "Preview payload" }).click();
  const preview = panel.getByTestId("webhook-test-preview");
  await expect(preview).toContainText(`POST ${receiver.url}/crm`);
  await expect(preview).toContainText("webhook-signature");
  await expect(preview).toContainText('"x-switchboard-test": "true"');
  await expect(preview).toContainText('"type": "call.missed"');

  const before = receiver.requests.length;
  await panel.getByRole("button", { name: "Send test" }).click();
  const result = panel.getByTestId("webhook-test-result");
  await expect(result.getByTestId("webhook-status")).toHaveText("201");
  await expect(result.getByTestId("webhook-response-body")).toContainText('"stored": true');
  await expect(panel.getByTestId("webhook-test-history").locator("li")).toHaveCount(1);
  if (process.env.UPDATE_SCREENSHOTS) await page.screenshot({ path: "docs/screenshots/test-webhook.png" });

  const [delivery] = (await receiver.waitForRequests(before + 1)).slice(before);
  expect(delivery!.path).toBe("/crm");
  expect(delivery!.headers["x-switchboard-test"]).toBe("true");

  await page.goto("/settings/webhooks");
  await page.getByRole("button", { name: "Show secret" }).click();
  const secret = (await page.locator("code").filter({ hasText: "whsec_" }).textContent())!.trim();
  const payload = new Webhook(secret).verify(delivery!.body, delivery!.headers) as {
    type: string;
    caller: { phone_number: string };
    run: { mode: string };
  };
  expect(payload).toMatchObject({ type: "call.missed", caller: { phone_number: "+14155550123" }, run: { mode: "test" } });
});
