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

// A phone (an iPhone 14's screen).
test.use({ viewport: { width: 390, height: 844 } });

const receiver = webhookReceiverForThisFile();

/** The page fits the screen: nothing makes it scroll sideways. */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    innerWidth: window.innerWidth,
  }));
  expect(scrollWidth, `${where} is ${scrollWidth} px wide on a ${innerWidth} px screen`).toBeLessThanOrEqual(innerWidth);
}

/** A row laid out as a card (a grid of its cells), not as a table row. */
async function expectCard(row: Locator) {
  await expect(row).toHaveCSS("display", "grid");
  const box = await row.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
}

/** Presses Tab until `target` has the focus (at most `limit` times), as a keyboard user does. */
async function tabTo(page: Page, target: Locator, limit = 15) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}

// Setup through four pages, then nine pages visited: more than the default on a busy machine.
test.setTimeout(240_000);

test("at phone width every page fits the screen, runs and calls are cards, filters open in a sheet, and the menu navigates", async ({
  page,
  baseURL,
}) => {
  const trackingNumber = uniqueTrackingNumber(200);
  const workflowName = "Text back and tell the CRM";
  await signInWithMagicLink(page, uniqueEmail("phone"));

  // Numbers: the card and its long Twilio addresses stay on the screen.
  await addTrackingNumber(page, { phoneNumber: trackingNumber, label: "Bus shelter poster", source: "Google Ads" });
  const card = page.getByTestId("tracking-number").filter({ hasText: "Bus shelter poster" });
  await card.getByText("How to connect in Twilio").click();
  await expect(card.getByText(`${baseURL}/api/twilio/voice`)).toBeVisible();
  await expectNoSidewaysScroll(page, "Numbers");

  // Workflows: a card per workflow with its switch.
  await importLiveWorkflow(page, workflowName, missedCallTextAndWebhookGraph(`${receiver().url}/crm/contacts?source=switchboard-phone`));
  await expectCard(page.getByTestId("workflow-row").filter({ hasText: workflowName }));
  await expectNoSidewaysScroll(page, "Workflows");

  await missedCallFromTwilio(page.request, baseURL!, { from: "+16505550143", trackingNumber, callerName: "ROSA PARKS" });

  // Runs: cards, no column headers.
  await page.goto("/runs");
  const run = page.getByTestId("run-row").filter({ hasText: workflowName });
  await expect(run).toContainText("Succeeded", { timeout: 30_000 });
  await expect(page.getByRole("columnheader", { name: "Trigger and caller" })).toBeHidden();
  await expectCard(run);
  await expectNoSidewaysScroll(page, "Runs");

  // A workflow's own runs: the same cards, under its name.
  await page.goto("/workflows");
  await page.getByRole("link", { name: `1 run of ${workflowName} in 7 days: see them` }).click();
  await expect(page.getByRole("heading", { name: `Runs of “${workflowName}”` })).toBeVisible();
  await expectCard(page.getByTestId("run-row").first());
  await expectNoSidewaysScroll(page, "A workflow's runs");
  await page.goto("/runs");

  // The filters sit behind one button; choosing in the sheet filters the list behind it at once.
  const filtersButton = page.getByTestId("filters-button");
  await expect(filtersButton).toHaveAccessibleName("Filters");
  await expect(page.getByLabel("Status", { exact: true })).toBeHidden();
  await filtersButton.click();
  const runFilters = page.getByRole("dialog", { name: "Filter runs" });
  await expect(runFilters).toBeVisible();
  await expectNoSidewaysScroll(page, "Runs with the filters open");
  await runFilters.getByLabel("Status", { exact: true }).click();
  await page.getByRole("option", { name: "Failed", exact: true }).click();
  await expect(page).toHaveURL(/[?&]status=failed/);
  await expect(page.getByText("No runs match these filters")).toBeVisible();
  await runFilters.getByLabel("Status", { exact: true }).click();
  await page.getByRole("option", { name: "Succeeded", exact: true }).click();
  await expect(page).toHaveURL(/[?&]status=succeeded/);
  await runFilters.getByRole("button", { name: "Done" }).click();
  await expect(runFilters).toBeHidden();
  await expect(filtersButton).toHaveAccessibleName("Filters, 1 set");
  await expect(run).toBeVisible();

  // A tap anywhere on the card opens the run.
  const runBox = (await run.boundingBox())!;
  await run.click({ position: { x: runBox.width / 2, y: runBox.height - 12 } });
  await expect(page).toHaveURL(/\/runs\/run_/);

  // The run: canvas as wide as the screen at most, the steps under it, long values inside their boxes.
  const canvas = page.getByTestId("run-canvas");
  await expect(canvas).toBeVisible();
  const canvasBox = (await canvas.boundingBox())!;
  expect(canvasBox.x + canvasBox.width).toBeLessThanOrEqual(390);
  expect(canvasBox.height).toBeGreaterThan(200);
  const steps = page.getByRole("list", { name: "Steps" });
  expect((await steps.boundingBox())!.y).toBeGreaterThan(canvasBox.y + canvasBox.height);
  const textStep = page.locator('[data-testid="run-step"][data-node-id="text-back"]');
  await textStep.getByRole("button").first().click();
  await expect(textStep.getByTestId("rendered-sms")).toContainText("Sorry we missed you, ROSA PARKS!");
  const hookStep = page.locator('[data-testid="run-step"][data-node-id="crm"]');
  await hookStep.getByRole("button").first().click();
  await expect(hookStep.getByRole("button").first()).toHaveAttribute("aria-expanded", "true");
  expect((await hookStep.innerText()).match(/Answered\s+\d{3}/g)).toHaveLength(1);
  await hookStep.getByText("Request and response").click();
  await hookStep.getByText("Raw input and output").click();
  await expect(hookStep.getByText("Response headers").first()).toBeVisible();
  await expectNoSidewaysScroll(page, "The run page with the webhook step open");

  // Calls: cards; the source filter is in the sheet.
  await page.goto("/calls");
  const call = page.getByTestId("call-row").filter({ hasText: "ROSA PARKS" });
  await expect(call).toContainText("Missed");
  await expectCard(call);
  await expect(page.getByRole("columnheader", { name: "Tracking number" })).toBeHidden();
  await expectNoSidewaysScroll(page, "Calls");
  await page.getByTestId("filters-button").click();
  const callFilters = page.getByRole("dialog", { name: "Filter calls" });
  await callFilters.getByLabel("Source").click();
  await page.getByRole("option", { name: "Facebook Ads", exact: true }).click();
  await expect(page.getByText("No calls match these filters")).toBeVisible();
  await expect(page).toHaveURL(/[?&]source=Facebook\+Ads/);
  await callFilters.getByLabel("Source").click();
  await page.getByRole("option", { name: "Google Ads", exact: true }).click();
  await expect(call).toBeVisible();
  await expect(callFilters.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/api/calls/export?source=Google+Ads");
  await page.keyboard.press("Escape");
  await expect(callFilters).toBeHidden();
  await expect(page.getByTestId("filters-button")).toHaveAccessibleName("Filters, 1 set");

  // A tap anywhere on the card opens the call.
  const callBox = (await call.boundingBox())!;
  await call.click({ position: { x: callBox.width / 2, y: callBox.height - 12 } });
  await expect(page).toHaveURL(/\/calls\/call_/);
  await expect(page.getByRole("heading", { name: "Call details" })).toBeVisible();
  await expect(page.getByTestId("call-event").first()).toBeVisible();
  await expectNoSidewaysScroll(page, "A call");
  // Its events unfolded: the payload scrolls inside its own box, the page does not.
  for (const event of await page.getByTestId("call-event").locator("summary").all()) await event.click();
  await expect(page.getByRole("region", { name: "Event payload" }).first()).toBeVisible();
  await expectNoSidewaysScroll(page, "A call with its events open");

  await page.goto("/outbox");
  await expect(page.getByTestId("outbox-message").first()).toContainText("https://example.com/book?from=sms");
  await expectNoSidewaysScroll(page, "Outbox");

  // The menu: by pointer…
  const menuButton = page.getByRole("button", { name: "Open menu" });
  await menuButton.click();
  const menu = page.getByRole("dialog", { name: "Menu" });
  await expect(menu.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(menu.getByRole("link", { name: "Outbox" })).toHaveAttribute("aria-current", "page");
  await menu.getByRole("link", { name: "Workflows" }).click();
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(menu).toBeHidden();

  // …and by keyboard: Tab to the button, Enter, Tab to a link, Enter.
  await page.goto("/outbox");
  await tabTo(page, menuButton);
  await page.keyboard.press("Enter");
  await expect(menu).toBeVisible();
  await tabTo(page, menu.getByRole("link", { name: "Runs" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/runs$/);
  await expect(menu).toBeHidden();
  await expect(page.getByRole("heading", { name: "Runs", level: 1 })).toBeVisible();

  // The smallest phones, and a tablet (the sidebar is back, the lists are still cards).
  for (const viewport of [
    { width: 360, height: 740 },
    { width: 768, height: 1024 },
  ]) {
    await page.setViewportSize(viewport);
    const tablet = viewport.width >= 768;
    for (const [path, row] of [
      ["/workflows", "workflow-row"],
      ["/runs", "run-row"],
      ["/calls", "call-row"],
    ] as const) {
      await page.goto(path);
      await expect(page.getByTestId(row).first()).toBeVisible();
      await expect(page.getByTestId(row).first()).toHaveCSS("display", "grid");
      await expect(page.getByRole("button", { name: "Open menu" })).toBeVisible({ visible: !tablet });
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible({ visible: tablet });
      await expectNoSidewaysScroll(page, `${path} at ${viewport.width} px`);
    }
    await page.goto("/runs");
    await page.getByTestId("run-row").first().click();
    await expect(page.getByTestId("run-canvas")).toBeVisible();
    await expectNoSidewaysScroll(page, `A run at ${viewport.width} px`);
  }
});

test("setup at first sign-in and the home page fit a phone's screen", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("phone-home"), "/sign-in", { onboarding: "stop" });
  await expect(page.getByRole("heading", { name: "Set up your workspace" })).toBeVisible();
  await expectNoSidewaysScroll(page, "Setup");
  await page.getByLabel("Business name").pressSequentially("Harbor Dental");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByRole("heading", { name: "Welcome to Harbor Dental" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await expectNoSidewaysScroll(page, "Home");
});

test("Settings fit a phone's screen", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("phone-settings"));
  for (const path of ["/settings", "/settings/members", "/settings/webhooks", "/settings/api-keys", "/settings/callrail"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    await expectNoSidewaysScroll(page, path);
  }
});

test("the editor opens on a phone read-only, its name readable, without scrolling sideways", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("phone-editor"));
  await importLiveWorkflow(page, "Phone editor check", missedCallTextAndWebhookGraph(`${receiver().url}/editor`));
  await page
    .getByTestId("workflow-row")
    .filter({ hasText: "Phone editor check" })
    .getByRole("link", { name: "Phone editor check", exact: true })
    .click();
  await expect(page).toHaveURL(/\/workflows\/wf_/);
  await expect(page.locator(".react-flow__node").first()).toBeVisible();
  await expect(page.getByTestId("phone-read-only")).toBeVisible();
  const name = page.getByTestId("workflow-editor").getByTestId("workflow-name");
  await expect(name).toHaveText("Phone editor check");
  expect(await name.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(true);
  await expectNoSidewaysScroll(page, "The editor");
});
