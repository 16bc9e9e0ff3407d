import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import twilio from "twilio";
import { askForSignInLink, signInWithMagicLink, uniqueEmail } from "./fixtures/auth";
import { expectNoSeriousAxeViolations, type HandedOver } from "./fixtures/axe";
import { stepOfKind } from "./fixtures/editor-canvas";

// Every page and every dialog is checked with axe against WCAG 2.1 A and AA: no serious or critical
// violation anywhere. A failure lists each rule, why it matters and the selectors of what breaks it.

test.use({ viewport: { width: 1440, height: 900 } });

// The same credentials playwright.config.ts gives the app server.
const TWILIO_AUTH_TOKEN = "e2e-only-twilio-auth-token";
const TWILIO_ACCOUNT_SID = `AC${"e2e0".repeat(8)}`;

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

/**
 * Found by these checks in code being rewritten by others on issue 16; each is reported to them and
 * shows as an annotation on the test. Remove an entry once its fix is merged, so the check guards it.
 */
const handedOverInEditor: HandedOver[] = [
  {
    // React Flow's connection handles are divs with aria-label and no role.
    rule: "aria-prohibited-attr",
    target: /^div\[data-(nodeid|id)=/,
    owner: "components/workflow-editor/canvas/workflow-node.tsx (keyboard connections)",
  },
];

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

async function importWorkflow(page: Page, name: string) {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Workflow JSON").fill(JSON.stringify(textBackGraph));
  await page.getByRole("button", { name: "Import workflow" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();
  return page.getByTestId("workflow-row").filter({ hasText: name });
}

/** Posts a form exactly as Twilio would: signed with the account's auth token for the public URL. */
async function postAsTwilio(request: APIRequestContext, url: string, params: Record<string, string>) {
  const signature = twilio.getExpectedTwilioSignature(TWILIO_AUTH_TOKEN, url, params);
  const response = await request.post(url, { form: params, headers: { "X-Twilio-Signature": signature } });
  expect(response.status(), await response.text()).toBeLessThan(300);
  return response;
}

function attribute(xml: string, element: string, name: string) {
  const match = new RegExp(`<${element}\\b[^>]*\\s${name}="([^"]*)"`).exec(xml);
  if (!match) throw new Error(`No ${name} on <${element}> in ${xml}`);
  return match[1]!.replaceAll("&amp;", "&");
}

/** A real (stand-in) missed call to `trackingNumber`: it shows on Calls and starts the live workflows. */
async function missedCall(page: Page, baseURL: string, trackingNumber: string) {
  const call = {
    AccountSid: TWILIO_ACCOUNT_SID,
    CallSid: `CA${Date.now().toString(16).padStart(32, "0")}`,
    From: "+16505550142",
    To: trackingNumber,
    Called: trackingNumber,
    Caller: "+16505550142",
    Direction: "inbound",
    CallerName: "JANE DOE",
    FromCity: "OAKLAND",
    FromState: "CA",
    FromCountry: "US",
  };
  const twiml = await (await postAsTwilio(page.request, `${baseURL}/api/twilio/voice`, { ...call, CallStatus: "ringing" })).text();
  await postAsTwilio(page.request, attribute(twiml, "Dial", "action"), {
    ...call,
    CallStatus: "in-progress",
    DialCallStatus: "no-answer",
    DialCallDuration: "0",
  });
  await postAsTwilio(page.request, attribute(twiml, "Number", "statusCallback"), {
    AccountSid: TWILIO_ACCOUNT_SID,
    CallSid: `${call.CallSid.slice(0, -4)}leg1`,
    ParentCallSid: call.CallSid,
    From: trackingNumber,
    To: "+15105550111",
    Direction: "outbound-dial",
    CallStatus: "no-answer",
    CallDuration: "0",
    SequenceNumber: "0",
  });
}

test("signed out: sign-in, check your email and the local mailbox", async ({ page }) => {
  await checkPage(page, "/sign-in", /Sign in/);
  // A sign-in link sent: "Check your email", then the mailbox that holds it.
  await askForSignInLink(page, uniqueEmail("axe-out"));
  await settled(page);
  await expectNoSeriousAxeViolations(page, "/verify-request");
  await page.getByRole("link", { name: "Open the local mailbox" }).click();
  await expect(page.getByTestId("mailbox-message").first()).toBeVisible();
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
  await numberDialog.getByLabel("Tracking number").fill(trackingNumber);
  await numberDialog.getByLabel("Label").fill("Spring mailer");
  await numberDialog.getByLabel("Forward calls to").fill("(510) 555-0111");
  await numberDialog.getByRole("button", { name: "Add number" }).click();
  await expect(numberDialog).toBeHidden();
  const row = await importWorkflow(page, "Text back");
  await row.getByRole("switch").click();
  await expect(row).toContainText("Active");
  await missedCall(page, baseURL!, trackingNumber);
  await page.goto("/runs");
  await expect(page.getByTestId("run-row").first()).toContainText("Succeeded", { timeout: 20_000 });

  await checkPage(page, "/", /./);
  await checkPage(page, "/workflows", "Workflows");
  await checkPage(page, "/runs", "Runs");
  await page.getByTestId("run-row").first().getByRole("link", { name: "Text back", exact: true }).click();
  await expect(page).toHaveURL(/\/runs\/run_/);
  await expect(page.getByTestId("run-step").first()).toBeVisible();
  await settled(page);
  await expectNoSeriousAxeViolations(page, "/runs/<run>");
  // A step opened in the run's timeline.
  await page.locator('[data-testid="run-step"][data-node-id="text-back"]').getByRole("button").first().click();
  await expect(page.getByTestId("rendered-sms")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "/runs/<run> with a step open");

  await checkPage(page, "/calls", "Calls");
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

test("the editor: a step selected, Problems, Versions, the Test panel and the publish dialog", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("axe-editor"));
  const row = await importWorkflow(page, "Editor check");
  await row.getByRole("link", { name: "Editor check", exact: true }).click();
  await expect(page.getByTestId("workflow-node")).toHaveCount(3);
  await settled(page);
  await expectNoSeriousAxeViolations(page, "the editor, nothing selected", handedOverInEditor);

  await stepOfKind(page, "action.send_sms").click();
  await expect(page.getByLabel("Text message")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the editor, the text step selected", handedOverInEditor);

  await page.getByRole("tab", { name: /Problems/ }).click();
  await expect(page.getByRole("tabpanel")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the editor's Problems tab", handedOverInEditor);

  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the publish dialog", handedOverInEditor);
  await page.getByRole("dialog").getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByRole("dialog")).toBeHidden();

  await page.getByRole("tab", { name: "Versions" }).click();
  await expect(
    page
      .getByRole("tabpanel")
      .getByText(/version 1/i)
      .first(),
  ).toBeVisible();
  await settled(page);
  await expectNoSeriousAxeViolations(page, "the editor's Versions tab", handedOverInEditor);

  await page.getByRole("button", { name: "Test", exact: true }).click();
  const panel = page.getByTestId("test-run-panel");
  await expect(panel).toBeVisible();
  await expectNoSeriousAxeViolations(page, "the editor's Test panel", handedOverInEditor);
  await panel.getByRole("button", { name: "Run test" }).click();
  await expect(panel.getByTestId("rendered-sms")).toBeVisible({ timeout: 15_000 });
  await expectNoSeriousAxeViolations(page, "the editor's Test panel with a result", handedOverInEditor);
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

  await page.goto("/numbers");
  await settled(page);
  await checkDialog("Add a number", "the add tracking number dialog");

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
