import { expect, test, type Locator, type Page } from "@playwright/test";
import { webhookReceiverForThisFile } from "./fixtures/webhook-receiver";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";
import {
  addTrackingNumber,
  importLiveWorkflow,
  missedCallFromTwilio,
  missedCallTextAndWebhookGraph,
  uniqueTrackingNumber,
} from "./fixtures/tracked-call";

test.use({ viewport: { width: 1280, height: 720 } });

const receiver = webhookReceiverForThisFile();

/** Where to click in the middle of `row`: the centre of its `cellIndex`-th cell, which holds no link. */
async function middleOf(row: Locator, cellIndex: number) {
  const rowBox = (await row.boundingBox())!;
  const cellBox = (await row.locator("td").nth(cellIndex).boundingBox())!;
  return { x: cellBox.x - rowBox.x + cellBox.width / 2, y: rowBox.height / 2 };
}

async function expectOneLink(row: Locator, name: string) {
  // Keyboard users meet one link per row (the Calls row keeps its "1 run" link to the runs).
  await expect(row.getByRole("link", { name, exact: true })).toHaveCount(1);
}

async function openInNewTab(page: Page, row: Locator, position: { x: number; y: number }) {
  const [tab] = await Promise.all([page.context().waitForEvent("page"), row.click({ position, modifiers: ["ControlOrMeta"] })]);
  return tab;
}

test.setTimeout(180_000);

test("a click anywhere on a Runs or Calls row opens it; Ctrl-click opens it in a new tab", async ({ page, baseURL }) => {
  const trackingNumber = uniqueTrackingNumber(300);
  const workflowName = "Row link check";
  await signInWithMagicLink(page, uniqueEmail("rows"));
  await addTrackingNumber(page, { phoneNumber: trackingNumber, label: "Radio spot", source: "Google Ads" });
  await importLiveWorkflow(page, workflowName, missedCallTextAndWebhookGraph(`${receiver().url}/crm`));
  await missedCallFromTwilio(page.request, baseURL!, { from: "+16505550144", trackingNumber, callerName: "ADA LOVELACE" });

  // Runs: a table at this width; the "Started" cell (the 4th) has no link, yet a click there opens the run.
  await page.goto("/runs");
  const run = page.getByTestId("run-row").filter({ hasText: workflowName });
  await expect(run).toContainText("Succeeded", { timeout: 30_000 });
  await expect(run).toHaveCSS("display", "table-row");
  await expectOneLink(run, workflowName);
  const runId = await run.getAttribute("data-run-id");
  const startedCell = await middleOf(run, 3);

  const runTab = await openInNewTab(page, run, startedCell);
  await expect(runTab).toHaveURL(new RegExp(`/runs/${runId}$`));
  await runTab.close();
  await expect(page).toHaveURL(/\/runs$/);

  await run.click({ position: startedCell });
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}$`));
  await expect(page.getByTestId("run-canvas")).toBeVisible();

  // Calls: the "Source" cell (the 3rd) opens the call; the "1 run" link still goes to the call's runs.
  await page.goto("/calls");
  const call = page.getByTestId("call-row").filter({ hasText: "ADA LOVELACE" });
  await expect(call).toBeVisible();
  await expectOneLink(call, "ADA LOVELACE");
  const sourceCell = await middleOf(call, 2);
  await call.click({ position: sourceCell });
  await expect(page).toHaveURL(/\/calls\/call_[^#]+$/);
  await expect(page.getByRole("heading", { name: "Call details" })).toBeVisible();

  await page.goBack();
  await expect(call.getByRole("link", { name: "1 run" })).toBeVisible({ timeout: 20_000 });
  await call.getByRole("link", { name: "1 run" }).click();
  await expect(page).toHaveURL(/\/calls\/call_[^#]+#runs$/);
});
