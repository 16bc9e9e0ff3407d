import { expect, test, type Locator, type Page } from "@playwright/test";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";
import { expectSaved, stepOfKind } from "./fixtures/editor-canvas";

test.use({ viewport: { width: 1600, height: 1000 } });

// One step of each field kind the settings panel has, every one reachable from the trigger.
const at = (column: number, row: number) => ({ x: column * 320, y: row * 150 });
const everyField = {
  version: 1,
  nodes: [
    { id: "trigger", kind: "trigger", position: at(1, 0), config: { eventType: "call.missed", trackingNumbers: [] } },
    {
      id: "duration",
      kind: "condition.call_duration",
      position: at(0, 1),
      config: { operator: "gt", seconds: 10, unit: "seconds" },
      openHandles: ["false"],
    },
    { id: "wait", kind: "action.delay", position: at(0, 2), config: { amount: 5, unit: "minutes" } },
    {
      id: "number",
      kind: "condition.caller_number",
      position: at(1, 1),
      config: { operator: "starts_with", value: "+1" },
      openHandles: ["false"],
    },
    { id: "sms", kind: "action.send_sms", position: at(1, 2), config: { body: "Hello" } },
    {
      id: "mail",
      kind: "action.send_email",
      position: at(2, 1),
      config: { to: "addresses", addresses: ["team@example.com"], subject: "Missed call", body: "", includeSummary: true },
    },
    { id: "hook", kind: "action.webhook", position: at(2, 2), config: { urls: ["https://hooks.example.com/a"], headers: [] } },
    {
      id: "hours",
      kind: "condition.business_hours",
      position: at(3, 1),
      config: {
        mode: "inside",
        clock: "event",
        schedule: {
          mon: [{ start: "09:00", end: "17:00" }],
          tue: [{ start: "09:00", end: "17:00" }],
          wed: [],
          thu: [],
          fri: [],
          sat: [],
          sun: [],
        },
      },
      openHandles: ["true", "false"],
    },
  ],
  edges: [
    { id: "e1", source: "trigger", sourceHandle: "out", target: "duration" },
    { id: "e2", source: "duration", sourceHandle: "true", target: "wait" },
    { id: "e3", source: "trigger", sourceHandle: "out", target: "number" },
    { id: "e4", source: "number", sourceHandle: "true", target: "sms" },
    { id: "e5", source: "trigger", sourceHandle: "out", target: "mail" },
    { id: "e6", source: "mail", sourceHandle: "out", target: "hook" },
    { id: "e7", source: "trigger", sourceHandle: "out", target: "hours" },
  ],
};
const stepCount = everyField.nodes.length;

async function importAndOpen(page: Page, name: string) {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Workflow JSON").fill(JSON.stringify(everyField));
  // Kept as a draft: publishing would check that the webhook's host exists.
  await dialog.getByRole("switch", { name: "Publish now" }).uncheck();
  await dialog.getByRole("button", { name: "Import workflow" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
  await expect(page.locator(".react-flow__node")).toHaveCount(stepCount);
}

async function openStep(page: Page, kind: string) {
  await stepOfKind(page, kind).click();
  await expect(page.getByTestId("node-inspector")).toBeVisible();
}

/**
 * As a person edits a field: click in, select what is there, type, then Backspace. Focus must stay in
 * the field the whole time, so Backspace takes one character and never the selected step.
 */
async function typeThenBackspace(page: Page, field: Locator, typed: string) {
  await field.click();
  await field.press("ControlOrMeta+a");
  await field.pressSequentially(typed, { delay: 30 });
  await expect(field).toBeFocused();
  await field.press("Backspace");
  await expect(field).toBeFocused();
  await expect(field).toHaveValue(typed.slice(0, -1));
  await expect(page.locator(".react-flow__node")).toHaveCount(stepCount);
}

const panel = (page: Page) => page.getByRole("complementary", { name: "Side panel" });

test("every kind of settings field keeps focus while typing, Backspace never deletes the step, and the values are saved", async ({
  page,
}) => {
  await signInWithMagicLink(page, uniqueEmail("fields"));
  await importAndOpen(page, "Every field");

  // Numbers: the call duration's Amount (seconds) and the Wait's "Wait for".
  await openStep(page, "condition.call_duration");
  await typeThenBackspace(page, panel(page).getByLabel("Amount"), "120");
  await openStep(page, "action.delay");
  await typeThenBackspace(page, panel(page).getByLabel("Wait for"), "60");

  // Emptied key by key, then typed again: the box stays empty in between (the step's starting value
  // must not come back, or typing 45 after clearing "6" would give 645).
  await openStep(page, "condition.call_duration");
  const amount = panel(page).getByLabel("Amount");
  await amount.click();
  await amount.press("End");
  await amount.press("Backspace");
  await amount.press("Backspace");
  await expect(amount).toHaveValue("");
  await expect(panel(page).getByTestId("field-problem")).toContainText("Enter a number of seconds");
  await amount.pressSequentially("45");
  await expect(amount).toHaveValue("45");
  await amount.press("Backspace");
  await expect(amount).toHaveValue("4");
  await amount.pressSequentially("5");
  await openStep(page, "action.delay");
  const waitFor = panel(page).getByLabel("Wait for");
  await waitFor.click();
  await waitFor.press("End");
  await waitFor.press("Backspace");
  await expect(waitFor).toHaveValue("");
  await waitFor.pressSequentially("6");
  await expect(waitFor).toHaveValue("6");

  // A text field.
  await openStep(page, "condition.caller_number");
  await typeThenBackspace(page, panel(page).getByLabel("Number or prefix"), "+14155");

  // A message template.
  await openStep(page, "action.send_sms");
  await typeThenBackspace(page, panel(page).getByLabel("Text message"), "Thanks for calling!");

  // A select, then a list it reveals, then a one-line template.
  await openStep(page, "action.send_email");
  const sendTo = panel(page).getByLabel("Send to", { exact: true });
  await sendTo.click();
  await page.getByRole("option", { name: "Me" }).click();
  await expect(sendTo).toBeFocused();
  await sendTo.press("Backspace");
  await expect(page.locator(".react-flow__node")).toHaveCount(stepCount);
  await sendTo.click();
  await page.getByRole("option", { name: "These addresses…" }).click();
  await typeThenBackspace(page, panel(page).getByLabel("Email addresses"), "sales@example.com\nboss@example.org");
  await typeThenBackspace(page, panel(page).getByLabel("Subject", { exact: true }), "Call from {{ caller.phone_number }}!");

  // The webhook's addresses and a header; an http:// address gets the https hint as it is typed.
  await openStep(page, "action.webhook");
  await typeThenBackspace(page, panel(page).getByLabel("Send to these addresses"), "http://hooks.example.com/calls1");
  await expect(panel(page).getByTestId("field-hint")).toContainText("Use https://");
  await typeThenBackspace(page, panel(page).getByLabel("Send to these addresses"), "https://hooks.example.com/calls1");
  await expect(panel(page).getByTestId("field-hint")).toHaveCount(0);
  await panel(page).getByRole("button", { name: "Add a header" }).click();
  await typeThenBackspace(page, panel(page).getByLabel("Header 1 name"), "X-Tokens");
  await typeThenBackspace(page, panel(page).getByLabel("Header 1 value"), "secret1");

  // Business hours: a day's checkbox and its times.
  await openStep(page, "condition.business_hours");
  const wednesday = panel(page).getByRole("checkbox", { name: "Wed" });
  await wednesday.check();
  await expect(wednesday).toBeFocused();
  await wednesday.press("Backspace");
  await expect(page.locator(".react-flow__node")).toHaveCount(stepCount);
  const mondayCloses = panel(page).getByLabel("Mon closes");
  // Keyboard focus lands on the hours part of the time field.
  await mondayCloses.focus();
  await mondayCloses.pressSequentially("0615PM", { delay: 30 });
  await expect(mondayCloses).toHaveValue("18:15");
  await mondayCloses.press("Backspace");
  await expect(mondayCloses).toBeFocused();
  await expect(page.locator(".react-flow__node")).toHaveCount(stepCount);
  await mondayCloses.pressSequentially("P");
  await expect(mondayCloses).toHaveValue("18:15");
  // Focus anywhere in the side panel (here on a button) keeps Delete away from the canvas too.
  await panel(page).getByRole("tab", { name: "Settings" }).focus();
  await page.keyboard.press("Delete");
  await expect(page.locator(".react-flow__node")).toHaveCount(stepCount);

  await expectSaved(page);
  await page.reload();
  await expect(page.locator(".react-flow__node")).toHaveCount(stepCount);

  await openStep(page, "condition.call_duration");
  await expect(panel(page).getByLabel("Amount")).toHaveValue("45");
  await openStep(page, "action.delay");
  await expect(panel(page).getByLabel("Wait for")).toHaveValue("6");
  await openStep(page, "condition.caller_number");
  await expect(panel(page).getByLabel("Number or prefix")).toHaveValue("+1415");
  await openStep(page, "action.send_sms");
  await expect(panel(page).getByLabel("Text message")).toHaveValue("Thanks for calling");
  await openStep(page, "action.send_email");
  await expect(panel(page).getByLabel("Email addresses")).toHaveValue("sales@example.com\nboss@example.or");
  await expect(panel(page).getByLabel("Subject", { exact: true })).toHaveValue("Call from {{ caller.phone_number }}");
  await openStep(page, "action.webhook");
  await expect(panel(page).getByLabel("Send to these addresses")).toHaveValue("https://hooks.example.com/calls");
  await expect(panel(page).getByLabel("Header 1 name")).toHaveValue("X-Token");
  await expect(panel(page).getByLabel("Header 1 value")).toHaveValue("secret");
  await openStep(page, "condition.business_hours");
  await expect(panel(page).getByRole("checkbox", { name: "Wed" })).toBeChecked();
  await expect(panel(page).getByLabel("Mon closes")).toHaveValue("18:15");
});

test("a canvas step still goes with Delete when the canvas has focus", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("fields-delete"));
  await importAndOpen(page, "Delete from canvas");
  await stepOfKind(page, "action.delay").click();
  await page.keyboard.press("Delete");
  await expect(page.locator(".react-flow__node")).toHaveCount(stepCount - 1);
});
