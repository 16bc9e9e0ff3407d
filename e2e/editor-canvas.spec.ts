import { expect, test, type Page } from "@playwright/test";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";
import {
  dragStepToCanvas,
  expectNoStepsOverlap,
  expectSaved,
  flowPositionOf,
  importWorkflowAndOpen,
  stepOfKind,
} from "./fixtures/editor-canvas";

test.use({ viewport: { width: 1600, height: 1000 } });

/** Missed call → first-time caller? Yes: text back → tag; No: wait. Plus a step not connected yet. */
function chainGraph() {
  return {
    version: 1,
    nodes: [
      { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
      { id: "first", kind: "condition.caller_frequency", position: { x: 0, y: 160 }, config: { mode: "first_time" } },
      { id: "sms", kind: "action.send_sms", position: { x: -150, y: 330 }, config: { body: "Sorry we missed you!" } },
      { id: "tag", kind: "action.tag_call", position: { x: -150, y: 490 }, config: { tags: ["lead"] } },
      { id: "wait", kind: "action.delay", position: { x: 200, y: 330 }, config: { amount: 1, unit: "hours" } },
    ],
    edges: [
      { id: "e-trigger-first", source: "trigger", sourceHandle: "out", target: "first" },
      { id: "e-first-sms", source: "first", sourceHandle: "true", target: "sms" },
      { id: "e-sms-tag", source: "sms", sourceHandle: "out", target: "tag" },
      { id: "e-first-wait", source: "first", sourceHandle: "false", target: "wait" },
    ],
  };
}

/** Missed call → text back, and an email step not connected to anything yet. */
function looseGraph() {
  return {
    version: 1,
    nodes: [
      { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
      { id: "sms", kind: "action.send_sms", position: { x: 0, y: 170 }, config: { body: "Sorry we missed you!" } },
      { id: "tag", kind: "action.tag_call", position: { x: 320, y: 340 }, config: { tags: ["lead"] } },
    ],
    edges: [{ id: "e-trigger-sms", source: "trigger", sourceHandle: "out", target: "sms" }],
  };
}

const connection = (page: Page, from: string, to: string) =>
  page.locator(`.react-flow__edge[aria-label^="Connection from ${from}"][aria-label$=" to ${to}"]`);

test("adding under a selected step connects it, moves the steps below down, and never overlaps", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("add-under"));
  await importWorkflowAndOpen(page, "Add under", chainGraph());
  await expect(page.getByTestId("workflow-node")).toHaveCount(5);

  const gapBefore =
    (await flowPositionOf(stepOfKind(page, "action.tag_call"))).y - (await flowPositionOf(stepOfKind(page, "action.send_sms"))).y;
  // "Text the caller" already leads to "Tag the call": the new step goes in between.
  await stepOfKind(page, "action.send_sms").click();
  await page.getByTestId("palette-action.send_email").click();
  await expect(page.getByTestId("workflow-node")).toHaveCount(6);
  await expect(connection(page, "Text the caller", "Send an email")).toHaveCount(1);
  await expect(connection(page, "Send an email", "Tag the call")).toHaveCount(1);
  await expect(connection(page, "Text the caller", "Tag the call")).toHaveCount(0);
  await expectNoStepsOverlap(page);
  // The tag step moved down to make room under "Text the caller".
  const gapAfter =
    (await flowPositionOf(stepOfKind(page, "action.tag_call"))).y - (await flowPositionOf(stepOfKind(page, "action.send_sms"))).y;
  expect(gapAfter).toBeGreaterThan(gapBefore + 100);

  // The trigger's only output is taken too; the condition's both are: each add still lands clear of every step.
  await page.getByRole("button", { name: "Fit the whole workflow on screen" }).click();
  await stepOfKind(page, "trigger").click();
  await page.getByTestId("palette-action.delay").click();
  await expect(page.getByTestId("workflow-node")).toHaveCount(7);
  await page.getByRole("button", { name: "Fit the whole workflow on screen" }).click();
  await stepOfKind(page, "condition.caller_frequency").click();
  await page.getByTestId("palette-action.tag_call").click();
  await expect(page.getByTestId("workflow-node")).toHaveCount(8);
  await expectNoStepsOverlap(page);
  await expect(page.locator(".react-flow__edge")).toHaveCount(7);

  // A step dropped right on top of another moves aside.
  const canvas = (await page.getByTestId("workflow-canvas").boundingBox())!;
  const target = (await stepOfKind(page, "action.send_email").boundingBox())!;
  await dragStepToCanvas(page, "action.delay", { x: target.x - canvas.x + target.width / 2, y: target.y - canvas.y + 20 });
  await expect(page.getByTestId("workflow-node")).toHaveCount(9);
  await expectNoStepsOverlap(page);
  await expectSaved(page);
});

test("deleting a middle step joins its parent to its child; + on a connection inserts a step; undo brings it back", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("connections"));
  await importWorkflowAndOpen(page, "Edit connections", chainGraph());

  // Connections carry the condition's Yes and No, and are announced by step names.
  await expect(connection(page, "Caller frequency, Yes,", "Text the caller")).toHaveCount(1);
  await expect(connection(page, "Caller frequency, No,", "Wait")).toHaveCount(1);
  await expect(page.getByTestId("edge-label").filter({ hasText: "Yes" })).toHaveCount(1);
  await expect(page.getByTestId("edge-label").filter({ hasText: "No" })).toHaveCount(1);
  // Said once: a connected output's word is on its connection, not again under the card.
  await expect(stepOfKind(page, "condition.caller_frequency").getByText(/^(Yes|No)$/)).toHaveCount(0);
  await expect(page.locator('.react-flow__edge[aria-label*="e-"]')).toHaveCount(0);
  // A wide, invisible line to click on.
  await expect(page.locator(".react-flow__edge-interaction").first()).toHaveAttribute("stroke-width", "24");

  await stepOfKind(page, "action.send_sms").click();
  await page.keyboard.press("Delete");
  await expect(page.getByTestId("workflow-node")).toHaveCount(4);
  await expect(connection(page, "Caller frequency, Yes,", "Tag the call")).toHaveCount(1);
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("workflow-node")).toHaveCount(5);
  await expect(connection(page, "Caller frequency, Yes,", "Tag the call")).toHaveCount(0);
  await expect(connection(page, "Text the caller", "Tag the call")).toHaveCount(1);

  // "+" in the middle of a connection puts a step there.
  await page
    .locator('[data-testid="edge-label"][data-edge-id="e-sms-tag"]')
    .getByRole("button", { name: /Add a step between/ })
    .click();
  await page.getByRole("menuitem", { name: "Wait" }).click();
  await expect(page.getByTestId("workflow-node")).toHaveCount(6);
  await expect(connection(page, "Text the caller", "Wait")).toHaveCount(1);
  await expect(connection(page, "Wait", "Tag the call")).toHaveCount(1);
  await expectNoStepsOverlap(page);
  await page.keyboard.press("ControlOrMeta+z");
  await expect(page.getByTestId("workflow-node")).toHaveCount(5);
  await expect(connection(page, "Text the caller", "Tag the call")).toHaveCount(1);

  // The map is off until asked for, and the choice is remembered.
  await expect(page.locator(".react-flow__minimap")).toHaveCount(0);
  await page.getByRole("button", { name: "Show the map" }).click();
  await expect(page.locator(".react-flow__minimap")).toBeVisible();
  await expectSaved(page);
  await page.reload();
  await expect(page.locator(".react-flow__minimap")).toBeVisible();
  await expect(connection(page, "Text the caller", "Tag the call")).toHaveCount(1);
});

test("keyboard only: a focused step shows a ring, moves with the arrows, and Connect to… joins steps or says why not", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("keys"));
  await importWorkflowAndOpen(page, "Keyboard", looseGraph());

  await expect(page.getByRole("heading", { level: 1, name: "Keyboard" })).toBeAttached();
  // The skip link takes the keyboard to the canvas; Tab then walks its connections and steps.
  const skip = page.getByRole("link", { name: "Skip to the canvas" });
  await skip.focus();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  // The first stop on the canvas is a connection: its line turns the ring's colour and thickens.
  await page.keyboard.press("Tab");
  const focusedConnection = page.locator(".react-flow__edge:focus");
  await expect(focusedConnection).toHaveCount(1);
  await expect(focusedConnection).toHaveCSS("outline-style", "solid");
  await expect(focusedConnection.locator(".react-flow__edge-path")).toHaveCSS("stroke-width", "3px");
  const sms = stepOfKind(page, "action.send_sms");
  await expect(sms).toHaveCSS("outline-style", "none");
  for (let presses = 0; presses < 12; presses++) {
    if (await sms.evaluate((node) => node === document.activeElement)) break;
    await page.keyboard.press("Tab");
  }
  await expect(sms).toBeFocused();
  await expect(sms).toHaveCSS("outline-style", "solid");
  await expect(sms).toHaveCSS("outline-width", "3px");

  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-inspector")).toContainText("Text the caller");
  const before = await sms.evaluate((node) => (node as HTMLElement).style.transform);
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => sms.evaluate((node) => (node as HTMLElement).style.transform)).not.toBe(before);

  // Connect to…: the settings list where this step may lead.
  await page.getByRole("button", { name: "Connect to…" }).focus();
  await page.keyboard.press("Enter");
  await page.getByRole("menuitem", { name: /Tag the call/ }).focus();
  await page.keyboard.press("Enter");
  await expect(connection(page, "Text the caller", "Tag the call")).toHaveCount(1);

  // Back into the trigger is refused, with the same reason dragging gives.
  await page.getByRole("button", { name: "Connect to…" }).focus();
  await page.keyboard.press("Enter");
  const intoTrigger = page.getByRole("menuitem", { name: /Trigger/ });
  await expect(intoTrigger).toContainText("Nothing can lead into the trigger");
  await intoTrigger.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByText("Nothing can lead into the trigger: it is where the workflow starts.").last()).toBeVisible();
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
});

test("an edit typed just before leaving by the sidebar is saved, and is there on coming back", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("leaver"));
  await importWorkflowAndOpen(page, "Leaving quickly", looseGraph());
  await stepOfKind(page, "action.send_sms").click();
  const body = page.getByLabel("Text message");
  await body.click();
  await page.keyboard.press("End");
  await body.pressSequentially(" Call us back");
  await page.keyboard.press("Backspace");
  await page.getByRole("link", { name: "Calls", exact: true }).click();
  await expect(page).toHaveURL(/\/calls$/);

  // The back button: the editor opens with the edit.
  await page.goBack();
  await expect(page.getByTestId("workflow-node")).toHaveCount(3);
  await stepOfKind(page, "action.send_sms").click();
  await expect(page.getByLabel("Text message")).toHaveValue("Sorry we missed you! Call us bac");
  // And the server has it.
  await page.reload();
  await stepOfKind(page, "action.send_sms").click();
  await expect(page.getByLabel("Text message")).toHaveValue("Sorry we missed you! Call us bac");
  await expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");
});

test("Versions → View shows a read-only banner", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("versions"));
  await importWorkflowAndOpen(page, "Version banner", chainGraph());
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByRole("button", { name: "Publish now" }).click();
  await expect(dialog.getByText("Published version 1")).toBeVisible();
  await dialog.getByRole("button", { name: "Not now" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("tab", { name: "Versions" }).click();
  await page.getByRole("button", { name: "View version 1" }).click();
  const banner = page.getByTestId("version-banner");
  await expect(banner.getByRole("heading")).toContainText("Version 1 — read-only");
  await expect(banner).toContainText("Nothing here can be changed");
  await expect(page.getByTestId("version-preview").getByRole("button", { name: /Add a step between/ })).toHaveCount(0);
  await banner.getByRole("button", { name: "Back to the draft" }).click();
  await expect(banner).toHaveCount(0);
});

test("at 1280×720 the panels fold away and the Test panel sits beside the canvas, not over it", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await signInWithMagicLink(page, uniqueEmail("laptop"));
  await importWorkflowAndOpen(page, "Small laptop", chainGraph());

  await page.getByRole("button", { name: "Hide the steps list" }).click();
  await page.getByRole("button", { name: "Hide the side panel" }).click();
  await expect(page.getByRole("navigation", { name: "Steps" })).toHaveCount(0);
  await page.getByRole("button", { name: "Test", exact: true }).click();
  const panel = page.getByTestId("test-run-panel");
  await expect(panel).toBeVisible();

  const canvasBox = (await page.getByTestId("workflow-canvas").boundingBox())!;
  const panelBox = (await panel.boundingBox())!;
  expect(canvasBox.x + canvasBox.width).toBeLessThanOrEqual(panelBox.x + 1);
  // Every step is on screen inside the canvas (it is fitted in again when it narrows).
  await expect
    .poll(async () => {
      const boxes = await page
        .locator(".react-flow__node")
        .evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().toJSON()));
      return boxes.every(
        (box: DOMRect) =>
          box.left >= canvasBox.x - 1 &&
          box.right <= canvasBox.x + canvasBox.width + 1 &&
          box.top >= canvasBox.y - 1 &&
          box.bottom <= canvasBox.y + canvasBox.height + 1,
      );
    })
    .toBe(true);

  // Folded panels stay folded on the next visit.
  await page.reload();
  await expect(page.getByRole("button", { name: "Show the steps list" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Show the side panel" })).toBeVisible();
  await page.getByRole("button", { name: "Show the side panel" }).click();
  await page.getByRole("button", { name: "Show the steps list" }).click();
  await expect(page.getByRole("navigation", { name: "Steps" })).toBeVisible();
});

test("on a phone the editor opens read-only, fits the screen, and a tapped step's settings open in a bottom sheet", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("phone"));
  const url = await importWorkflowAndOpen(page, "On the go", chainGraph());
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(url);
  await expect(page.getByTestId("workflow-node")).toHaveCount(5);
  await expect(page.getByTestId("phone-read-only")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Steps" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Add a step between/ })).toHaveCount(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  // Fitted: every step is within the screen's width.
  const widths = await page.locator(".react-flow__node").evaluateAll((nodes) => nodes.map((node) => node.getBoundingClientRect().right));
  for (const right of widths) expect(right).toBeLessThanOrEqual(390);

  await stepOfKind(page, "action.send_sms").click();
  const sheet = page.getByTestId("step-settings-sheet");
  await expect(sheet).toBeVisible();
  await expect(page.getByRole("dialog", { name: "Settings of Text the caller" })).toBeVisible();
  await expect(sheet.getByLabel("Text message")).toBeDisabled();
  await expect(sheet.getByLabel("Text message")).toHaveValue("Sorry we missed you!");
  const sheetBox = (await sheet.boundingBox())!;
  expect(sheetBox.y + sheetBox.height).toBeGreaterThanOrEqual(843);
  await sheet.getByRole("button", { name: "Close" }).click();
  await expect(sheet).toHaveCount(0);
  await expect(page.getByTestId("workflow-node")).toHaveCount(5);

  // Nothing can change here, so leaving never asks "Leave site?".
  const asked: string[] = [];
  page.on("dialog", (dialog) => {
    asked.push(dialog.type());
    void dialog.accept();
  });
  await page.goto("/runs");
  await expect(page).toHaveURL(/\/runs$/);
  expect(asked).toEqual([]);
});
