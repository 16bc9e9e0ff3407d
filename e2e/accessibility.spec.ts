import { expect, test, type Page } from "@playwright/test";
import { askForSignInLink, signInWithMagicLink, uniqueEmail } from "./fixtures/auth";
import { expectNoSeriousAxeViolations } from "./fixtures/axe";
import { stepOfKind } from "./fixtures/editor-canvas";
import { describeFocus, tabThroughPage, type FocusedControl } from "./fixtures/focus-ring";
import { startWebhookReceiver, type WebhookReceiver } from "../test-support/stand-ins/webhook-receiver";
import { missedCallFromTwilio } from "./fixtures/tracked-call";

// Every page and every dialog is checked with axe against WCAG 2.1 A and AA: no serious or critical
// violation anywhere. A failure lists each rule, why it matters and the selectors of what breaks it.

test.use({ viewport: { width: 1440, height: 900 } });

/** Missed call → text the caller back → email the team: a workflow with a run worth looking at. */
const textBackGraph = {
  version: 1,
  nodes: [
    { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
    {
      id: "text-back",
      kind: "action.send_sms",
      position: { x: 0, y: 160 },
      config: { body: "Sorry we missed you, {{ caller.name | default: 'there' }}!" },
    },
    {
      id: "team",
      kind: "action.send_email",
      position: { x: 0, y: 320 },
      config: { to: "me", subject: "Missed call", body: "Call them back." },
    },
  ],
  edges: [
    { id: "e1", source: "trigger", sourceHandle: "out", target: "text-back" },
    { id: "e2", source: "text-back", sourceHandle: "out", target: "team" },
  ],
};

// A CRM that refuses every post: a failed run, its error and the delivery to look at.
let crm: WebhookReceiver;
test.beforeAll(async () => {
  crm = await startWebhookReceiver({
    // Plain text, not JSON: the body is shown as the text it is, in a box that scrolls by keyboard too.
    respondWith: () => ({ status: 410, body: "Gone: this endpoint was removed.", headers: { "content-type": "text/plain" } }),
  });
});
test.afterAll(async () => {
  await crm?.close();
});

/** Missed call → post to the CRM. */
function crmGraph(url: string) {
  return {
    version: 1,
    nodes: [
      { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
      { id: "crm", kind: "action.webhook", position: { x: 0, y: 160 }, config: { urls: [url], headers: [] } },
    ],
    edges: [{ id: "e1", source: "trigger", sourceHandle: "out", target: "crm" }],
  };
}

/** Missed call → was it short? Yes: text back, then email the team; No: not connected yet, a problem to see. */
const conditionGraph = {
  version: 1,
  nodes: [
    { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
    { id: "short", kind: "condition.call_duration", position: { x: 0, y: 160 }, config: { operator: "lt", seconds: 30 } },
    ...textBackGraph.nodes.slice(1).map((node) => ({ ...node, position: { x: -160, y: node.position.y + 180 } })),
  ],
  edges: [
    { id: "e0", source: "trigger", sourceHandle: "out", target: "short" },
    { id: "e1", source: "short", sourceHandle: "true", target: "text-back" },
    { id: "e2", source: "text-back", sourceHandle: "out", target: "team" },
  ],
};

/** Waits until the page has drawn its data: no loading placeholders left. */
async function settled(page: Page) {
  await expect(page.locator(".animate-pulse")).toHaveCount(0);
}

async function checkPage(page: Page, path: string, heading: string | RegExp) {
  await page.goto(path);
  await expect(page.getByRole("heading", { name: heading }).first()).toBeVisible();
  await settled(page);
  await expectNoSeriousAxeViolations(page, path);
}

async function importWorkflow(page: Page, name: string, graph: object = textBackGraph, { publish = true } = {}) {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").pressSequentially(name);
  // A pasted graph: pasting is what a person does with JSON.
  await dialog.getByLabel("Workflow JSON").fill(JSON.stringify(graph));
  if (!publish) await dialog.getByRole("switch", { name: "Publish now" }).click();
  await dialog.getByRole("button", { name: "Import workflow" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  return page.getByTestId("workflow-row").filter({ hasText: name });
}

test("signed out: sign-in, check your email and the local mailbox", async ({ page }) => {
  await checkPage(page, "/sign-in", /Sign in/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in to Switchboard");
  // A sign-in link sent: "Check your email", then the mailbox that holds it.
  await askForSignInLink(page, uniqueEmail("axe-out"));
  await settled(page);
  await expectNoSeriousAxeViolations(page, "/verify-request");
  await page.getByRole("link", { name: "Open the local mailbox" }).click();
  await expect(page.getByTestId("mailbox-message").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Local mailbox");
  await expectNoSeriousAxeViolations(page, "/mailbox");
  // An invitation link needs an account: signed out, it asks to sign in first.
  await page.goto("/invite/not-a-real-token");
  await expect(page).toHaveURL(/\/sign-in/);
  await expectNoSeriousAxeViolations(page, "/invite/<bad token> signed out");
});

test("signed in: home, lists, a run, a call, numbers, outbox and a bad invitation", async ({ page, baseURL }) => {
  await signInWithMagicLink(page, uniqueEmail("axe-lists"));
  await expect(page).toHaveURL(/\/$/);
  await settled(page);
  await expectNoSeriousAxeViolations(page, "/ (home, no data yet)");

  // A tracking number, a live workflow and a missed call to it: a call, a run, a text, an email.
  const trackingNumber = `+14155551${(Date.now() % 900) + 100}`;
  await page.goto("/numbers");
  await page.getByRole("button", { name: "Add a number" }).first().click();
  const numberDialog = page.getByRole("dialog");
  await numberDialog.getByLabel("Tracking number").pressSequentially(trackingNumber);
  await numberDialog.getByLabel("Label").pressSequentially("Spring mailer");
  await numberDialog.getByLabel("Forward calls to").pressSequentially("(510) 555-0111");
  await numberDialog.getByRole("button", { name: "Add number" }).click();
  await expect(numberDialog).toBeHidden();
  for (const [name, graph] of [
    ["Text back", textBackGraph],
    ["CRM post", crmGraph(`${crm.url}/gone`)],
  ] as const) {
    const row = await importWorkflow(page, name, graph);
    await row.getByRole("switch").click();
    await expect(row).toContainText("Active");
  }
  await missedCallFromTwilio(page.request, baseURL!, { from: "+16505550142", trackingNumber, callerName: "JANE DOE" });
  await page.goto("/runs");
  await expect(page.getByTestId("run-row").filter({ hasText: "Text back" })).toContainText("Succeeded", { timeout: 20_000 });
  await expect(page.getByTestId("run-row").filter({ hasText: "CRM post" })).toContainText("Failed", { timeout: 20_000 });

  await checkPage(page, "/", /./);
  // The home chart draws each series in its own colour from the theme (a failed var() would be black).
  const legendFills = await page
    .getByTestId("runs-over-time-chart")
    .locator(".recharts-legend-item path")
    .evaluateAll((icons) => icons.map((icon) => getComputedStyle(icon).fill));
  expect(legendFills.length).toBeGreaterThanOrEqual(4);
  expect(new Set(legendFills).size).toBe(legendFills.length);
  expect(legendFills).not.toContain("rgb(0, 0, 0)");
  await checkPage(page, "/workflows", "Workflows");
  await checkPage(page, "/runs", "Runs");
  await page.getByTestId("run-row").filter({ hasText: "Text back" }).getByRole("link", { name: "Text back", exact: true }).click();
  await expect(page).toHaveURL(/\/runs\/run_/);
  await expect(page.getByTestId("run-step").first()).toBeVisible();
  await settled(page);
  await expectNoSeriousAxeViolations(page, "/runs/<run>");
  // A step opened in the run's timeline.
  await page.locator('[data-testid="run-step"][data-node-id="text-back"]').getByRole("button").first().click();
  await expect(page.getByTestId("rendered-sms")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "/runs/<run> with a step open");
  // A failed run: the webhook's error, its delivery and the raw input and output unfolded.
  await page.goto("/runs");
  await page.getByTestId("run-row").filter({ hasText: "CRM post" }).getByRole("link", { name: "CRM post", exact: true }).click();
  const failedStep = page.locator('[data-testid="run-step"][data-node-id="crm"]');
  await expect(failedStep).toBeVisible();
  if ((await failedStep.getByRole("button", { expanded: true }).count()) === 0) await failedStep.getByRole("button").first().click();
  await expect(failedStep.getByRole("group", { name: "What went wrong" })).toBeVisible();
  for (const summary of await failedStep.locator("summary").all()) await summary.click();
  await settled(page);
  const responseBody = failedStep.getByRole("region", { name: "Response body" }).first();
  await expect(responseBody).toHaveText("Gone: this endpoint was removed.");
  await expect(responseBody).toHaveAttribute("tabindex", "0");
  await expectNoSeriousAxeViolations(page, "/runs/<failed run> with its step and details open");

  await checkPage(page, "/calls", "Calls");
  // The outcome filter is one Tab stop; the arrow keys choose. A key is held a moment, as a finger
  // does: Radix checks the radio the arrow moved to only while the key is down.
  const outcome = page.getByRole("radiogroup", { name: "Outcome" });
  await outcome.getByRole("radio", { name: "All calls" }).focus();
  await page.keyboard.press("ArrowRight", { delay: 50 });
  await expect(outcome.getByRole("radio", { name: "Answered" })).toBeChecked();
  await expect(outcome.getByRole("radio", { name: "Answered" })).toBeFocused();
  await page.keyboard.press("ArrowRight", { delay: 50 });
  await expect(outcome.getByRole("radio", { name: "Missed" })).toBeChecked();
  await expect(page.getByTestId("call-row").first()).toBeVisible();
  await expect(outcome.getByRole("radio", { name: "Missed" })).toHaveAttribute("tabindex", "0");
  await expect(outcome.getByRole("radio", { name: "All calls" })).toHaveAttribute("tabindex", "-1");
  await page.getByTestId("call-row").first().getByRole("link", { name: "JANE DOE" }).click();
  await expect(page.getByTestId("call-event").first()).toBeVisible();
  await settled(page);
  await expectNoSeriousAxeViolations(page, "/calls/<call>");

  await checkPage(page, "/numbers", "Tracking numbers");
  await checkPage(page, "/outbox", "Outbox");
  await expect(page.getByTestId("outbox-message").first()).toBeVisible();

  await page.goto("/invite/not-a-real-token");
  await expect(page.getByRole("heading", { name: "Invitation not found" })).toBeVisible();
  await expectNoSeriousAxeViolations(page, "/invite/<bad token>");
});

test("the editor: problems, a step selected, Problems, Versions, the Test panel and the publish dialog", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("axe-editor"));
  // Imported as a draft: its condition's No path is not connected yet, a problem on the canvas and in the tab.
  const row = await importWorkflow(page, "Editor check", conditionGraph, { publish: false });
  await row.getByRole("link", { name: "Editor check", exact: true }).click();
  await expect(page.getByTestId("workflow-node")).toHaveCount(4);
  await expect(page.getByTestId("node-problem-badge")).toBeVisible();
  await settled(page);
  await expectNoSeriousAxeViolations(page, "the editor with a problem, nothing selected");

  await stepOfKind(page, "action.send_sms").click();
  await expect(page.getByLabel("Text message")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the editor, the text step selected");

  await page.getByRole("tab", { name: /Problems/ }).click();
  await expect(page.getByRole("tabpanel")).toContainText("leave it open on purpose");
  await expectNoSeriousAxeViolations(page, "the editor's Problems tab, one problem");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the publish dialog, blocked by a problem");
  await page.keyboard.press("Escape");

  await stepOfKind(page, "condition.call_duration").click();
  await page.getByRole("tab", { name: "Settings" }).click();
  await page.getByLabel("Leave the ‘No’ path open on purpose").click();
  await page.getByRole("tab", { name: /Problems/ }).click();
  await expect(page.getByTestId("no-problems")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the editor's Problems tab, none");

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the publish dialog");
  await page.getByRole("dialog").getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByRole("dialog").getByText("Published version 1")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the publish dialog, published, offering to turn it on");
  await page.getByRole("dialog").getByRole("button", { name: "Not now" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.getByRole("tab", { name: "Versions" }).click();
  await expect(
    page
      .getByRole("tabpanel")
      .getByText(/version 1/i)
      .first(),
  ).toBeVisible();
  await settled(page);
  await expectNoSeriousAxeViolations(page, "the editor's Versions tab");

  await page.getByRole("button", { name: "Test", exact: true }).click();
  const panel = page.getByTestId("test-run-panel");
  await expect(panel).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the editor's Test panel");
  await panel.getByRole("button", { name: "Run test" }).click();
  await expect(panel.getByTestId("rendered-sms")).toBeVisible({ timeout: 15_000 });
  await expectNoSeriousAxeViolations(page, "the editor's Test panel with a result");
});

test("settings: every tab", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("axe-settings"));
  for (const path of ["/settings", "/settings/members", "/settings/api-keys", "/settings/webhooks", "/settings/callrail"]) {
    await checkPage(page, path, "Settings");
  }
});

test("dialogs and menus: new workflow, simulate a call, import, add a number, the account menu and the workspace switcher", async ({
  page,
}) => {
  await signInWithMagicLink(page, uniqueEmail("axe-dialogs"));
  await page.goto("/workflows");
  await settled(page);

  const dialog = page.getByRole("dialog");
  async function checkDialog(opener: string, where: string) {
    await page.getByRole("button", { name: opener, exact: true }).first().click();
    await expect(dialog).toBeVisible();
    await expectNoSeriousAxeViolations(page, where);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
  }
  await checkDialog("New workflow", "the new workflow dialog");
  await checkDialog("Simulate a call", "the simulate call dialog");
  await checkDialog("Import", "the import dialog");

  // A workflow's own dialogs: rename, and the confirmation before deleting it.
  await importWorkflow(page, "Dialog check");
  await settled(page);
  await checkDialog("Rename Dialog check", "the rename dialog");
  await page.getByRole("button", { name: "Delete Dialog check" }).click();
  await expect(page.getByRole("alertdialog")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the delete confirmation");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("alertdialog")).toBeHidden();

  await page.goto("/numbers");
  await settled(page);
  await checkDialog("Add a number", "the add tracking number dialog");

  // A list box open: the Calls page's source filter.
  await page.goto("/calls");
  await settled(page);
  await page.getByLabel("Source").click();
  await expect(page.getByRole("listbox")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the Calls source filter, open");
  // Closed, the page is usable again and the focus is back on the field.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("listbox")).toBeHidden();
  await expect(page.getByLabel("Source")).toBeFocused();

  await page.getByRole("button", { name: "Account menu" }).click();
  await expect(page.getByRole("menu")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the account menu");
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toBeHidden();

  await page.getByTestId("org-switcher").click();
  await expect(page.getByRole("menu")).toBeVisible();
  await settled(page);
  await expectNoSeriousAxeViolations(page, "the workspace switcher");
});

/** Every focus stop shows an indicator of at least 3:1 (WCAG 2.4.7 and 1.4.11); lists those that don't. */
function expectVisibleFocus(stops: (FocusedControl | null)[], where: string) {
  const reached = stops.filter((stop): stop is FocusedControl => stop !== null);
  expect(reached.length, `nothing took the focus on ${where}`).toBeGreaterThan(0);
  const unseen = reached.filter((stop) => !stop.drawn || stop.contrast < 3);
  const list = unseen.map((stop) => `  ${stop.control}: ${stop.drawn ? `ring contrast ${stop.contrast.toFixed(2)}:1` : "no focus ring"}`);
  expect
    .soft(list, `${unseen.length} of ${reached.length} focus stops on ${where} show no focus ring of 3:1:\n${list.join("\n")}`)
    .toEqual([]);
}

test("every control reached by Tab shows a focus ring of at least 3:1: pages, a dialog and a menu", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("axe-focus"));
  await importWorkflow(page, "Focus check");
  for (const path of [
    "/",
    "/workflows",
    "/runs",
    "/calls",
    "/numbers",
    "/outbox",
    "/settings",
    "/settings/members",
    "/settings/webhooks",
  ]) {
    await page.goto(path);
    await settled(page);
    expectVisibleFocus(await tabThroughPage(page), path);
  }

  // The editor: skip links, toolbar, palette, the steps and connections on the canvas, its controls
  // and the side panel.
  await page.goto("/workflows");
  await page.getByTestId("workflow-row").filter({ hasText: "Focus check" }).getByRole("link", { name: "Focus check", exact: true }).click();
  await expect(page.getByTestId("workflow-node")).toHaveCount(3);
  await settled(page);
  const editorStops = await tabThroughPage(page, 120);
  // The canvas's steps and connections are among the stops, so the check covers their rings.
  expect(editorStops.map((stop) => stop.control)).toEqual(
    expect.arrayContaining([expect.stringMatching(/^<div data-testid="rf__node-/), expect.stringMatching(/^<g data-testid="rf__edge-/)]),
  );
  expectVisibleFocus(editorStops, "the editor");

  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).first().focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeVisible();
  expectVisibleFocus([await describeFocus(page), ...(await tabThroughPage(page, 20))], "the new workflow dialog");
  await page.keyboard.press("Escape");
  // Closed, it gives the focus back to its button: only then move on, or the focus is taken back.
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(page.getByRole("button", { name: "New workflow" }).first()).toBeFocused();

  // Menus move focus with the arrow keys.
  await page.getByRole("button", { name: "Account menu" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  expectVisibleFocus([await describeFocus(page)], "the account menu");
});
