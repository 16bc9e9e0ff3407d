import { expect, test, type Page } from "@playwright/test";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";

const trigger = { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } };

/** Missed call → text back: nothing stops it being published. */
const textBack = {
  version: 1,
  nodes: [trigger, { id: "sms", kind: "action.send_sms", position: { x: 0, y: 200 }, config: { body: "Sorry we missed you!" } }],
  edges: [{ id: "e1", source: "trigger", sourceHandle: "out", target: "sms" }],
};

/** A text nothing leads to and an empty one: two reasons it can't be published. */
const looseEnds = {
  version: 1,
  nodes: [
    trigger,
    { id: "sms", kind: "action.send_sms", position: { x: -200, y: 200 }, config: { body: "Sorry we missed you!" } },
    { id: "empty", kind: "action.send_sms", position: { x: 200, y: 200 }, config: { body: "" } },
  ],
  edges: [{ id: "e1", source: "trigger", sourceHandle: "out", target: "empty" }],
};

async function importWithPublishOn(page: Page, name: string, graph: object) {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Import a workflow" });
  const nameField = dialog.getByLabel("Name");
  await nameField.pressSequentially(`${name}x`);
  await nameField.press("Backspace");
  await expect(nameField).toHaveValue(name);
  await dialog.getByLabel("Workflow JSON").fill(JSON.stringify(graph));
  await expect(dialog.getByRole("switch", { name: "Publish now" })).toBeChecked();
  await dialog.getByRole("button", { name: "Import workflow" }).click();
  await expect(dialog).toBeHidden();
  return page.getByTestId("workflow-row").filter({ hasText: name });
}

test("with “Publish it now”, a graph that can't be published is imported as a draft and the toast says why", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("import-draft"));
  const row = await importWithPublishOn(page, "Loose ends", looseEnds);
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "“Loose ends” imported as a draft" });
  await expect(toast).toBeVisible();
  const reasons = toast.getByTestId("import-draft-reasons");
  await expect(reasons).toContainText("It was saved as a draft and not published: 2 problems need fixing first.");
  await expect(reasons.getByRole("listitem")).toHaveCount(2);
  // Each reason is led by its step's name.
  await expect(reasons).toContainText("Text the caller: Write the text message");
  await expect(row).toContainText("Draft");

  await toast.getByRole("button", { name: "Open it" }).click();
  await expect(page).toHaveURL(/\/workflows\/wf_/);
  await expect(page.getByTestId("published-version")).toHaveText("Not published yet");
});

test("with “Publish it now”, a workflow that can be published is, says it is off, and turns on from the toast", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("import-live"));
  const row = await importWithPublishOn(page, "Text back", textBack);
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "“Text back” imported · Published · Off" });
  await expect(toast).toContainText("Nothing runs until it is on.");
  await expect(row).toContainText("Paused");
  await toast.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("“Text back” is on: it runs on every new matching event.")).toBeVisible();
  await expect(row).toContainText("Active");
  await expect(row.getByRole("switch")).toBeChecked();
});

test("with “Publish it now” off, the draft is imported without publishing", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("import-off"));
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Import a workflow" });
  await dialog.getByLabel("Name").pressSequentially("Later");
  await dialog.getByLabel("Workflow JSON").fill(JSON.stringify(textBack));
  await dialog.getByRole("switch", { name: "Publish now" }).click();
  await dialog.getByRole("button", { name: "Import workflow" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Workflow “Later” created as a draft")).toBeVisible();
  await expect(page.getByTestId("workflow-row").filter({ hasText: "Later" })).toContainText("Draft");
});
