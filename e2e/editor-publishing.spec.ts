import { expect, test, type Page } from "@playwright/test";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";
import { expectSaved, stepOfKind } from "./fixtures/editor-canvas";

// A draft with loose ends: a text nothing leads to, and an email to everyone that still holds a bad
// address typed while "These addresses…" was chosen (not used, so not a problem).
const looseEnds = {
  version: 1,
  nodes: [
    { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.answered", trackingNumbers: [] } },
    { id: "sms", kind: "action.send_sms", position: { x: -200, y: 200 }, config: { body: "Thanks for calling!" } },
    {
      id: "mail",
      kind: "action.send_email",
      position: { x: 200, y: 200 },
      config: { to: "all_members", addresses: ["sales@exa"], subject: "Answered call", body: "", includeSummary: true },
    },
  ],
  edges: [{ id: "e1", source: "trigger", sourceHandle: "out", target: "mail" }],
};

async function importDraft(page: Page, name: string) {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Workflow JSON").fill(JSON.stringify(looseEnds));
  await dialog.getByRole("switch", { name: "Publish now" }).uncheck();
  await dialog.getByRole("button", { name: "Import workflow" }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole("link", { name, exact: true }).first().click();
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
  await expect(page.locator(".react-flow__node")).toHaveCount(3);
}

test.describe("at desktop width", () => {
  test.use({ viewport: { width: 1600, height: 1000 } });

  test("the Problems tab and the Publish dialog list the same problems, by step name, and each opens its step", async ({ page }) => {
    await signInWithMagicLink(page, uniqueEmail("problems"));
    await importDraft(page, "Loose ends");

    await page.getByRole("tab", { name: /Problems/ }).click();
    await expect(page.getByTestId("problems-summary")).toHaveText(/^1 to fix before publishing/);
    const listed = page.getByTestId("problems-list").getByTestId("problem");
    await expect(listed).toHaveCount(1);
    await expect(listed.first()).toContainText("Text the caller:");
    await expect(page.getByText("Nothing blocks publishing")).toHaveCount(0);

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("alert")).toContainText("Fix this problem first");
    await expect(dialog.getByTestId("publish-problems").getByTestId("problem")).toHaveText(await listed.allTextContents());
    await expect(dialog.getByRole("button", { name: "Publish now" })).toBeDisabled();
    await dialog
      .getByTestId("publish-problems")
      .getByRole("button", { name: /^Text the caller:/ })
      .click();
    await expect(dialog).toBeHidden();
    await expect(stepOfKind(page, "action.send_sms")).toHaveClass(/selected/);
    await page.getByRole("tab", { name: "Settings" }).click();

    // The email's leftover address isn't blocking; switching to "These addresses…" shows it, in the step.
    await stepOfKind(page, "action.send_email").click();
    await expect(page.getByTestId("field-problem")).toHaveCount(0);
    await page.getByLabel("Send to", { exact: true }).click();
    await page.getByRole("option", { name: "These addresses…" }).click();
    await expect(page.getByTestId("field-problem")).toContainText("“sales@exa” isn't a valid email address");
    await page.getByLabel("Send to", { exact: true }).click();
    await page.getByRole("option", { name: "Everyone in this workspace" }).click();
    await expect(page.getByTestId("field-problem")).toHaveCount(0);
  });

  test("before publishing, the Off switch says why on keyboard focus; an empty name explains itself", async ({ page }) => {
    await signInWithMagicLink(page, uniqueEmail("switch-why"));
    await importDraft(page, "Why off");
    await expect(page.getByTestId("published-version")).toHaveText("Not published yet");
    await expect(page.getByRole("switch", { name: "Workflow on" })).toBeDisabled();
    await page.getByTestId("switch-why").focus();
    await expect(page.getByRole("tooltip")).toHaveText("Publish the workflow before turning it on.");
    await expect(page.getByRole("switch", { name: "Workflow on" })).toHaveAccessibleDescription(
      "Publish the workflow before turning it on.",
    );

    const name = page.getByLabel("Workflow name");
    await name.click();
    await name.press("ControlOrMeta+a");
    await name.press("Backspace");
    await expect(name).toBeFocused();
    await expect(page.getByRole("alert").filter({ hasText: "A workflow needs a name" })).toBeVisible();
    await expect(page.locator(".react-flow__node")).toHaveCount(3);
    await name.pressSequentially("Answered calls");
    await expect(page.getByText("A workflow needs a name")).toHaveCount(0);
    await name.press("Enter");
    await expectSaved(page);
  });

  test("a new email in an answered-call workflow has a subject that fits", async ({ page }) => {
    await signInWithMagicLink(page, uniqueEmail("subject"));
    await importDraft(page, "Fitting subject");
    await stepOfKind(page, "action.send_sms").click();
    await page.getByTestId("palette-action.send_email").click();
    await expect(page.locator('.react-flow__node [data-kind="action.send_email"]')).toHaveCount(2);
    await expect(page.getByLabel("Subject", { exact: true })).toHaveValue(/^Answered call from /);
  });
});

/** The header and every control in it lie within the screen's width. */
async function expectHeaderFits(page: Page, width: number) {
  const editor = page.getByTestId("workflow-editor");
  const header = editor.locator("header").first();
  await expect(header).toBeVisible();
  expect(await header.evaluate((element) => element.getBoundingClientRect().width)).toBe(width);
  expect(await header.evaluate((element) => element.scrollWidth)).toBeLessThanOrEqual(width);
  const headerBox = (await header.boundingBox())!;
  for (const control of await header.locator("button, a, input, [role=switch]").all()) {
    if (!(await control.isVisible())) continue;
    const box = (await control.boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(headerBox.x);
    expect(box.x + box.width).toBeLessThanOrEqual(headerBox.x + headerBox.width);
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  return header;
}

const longName = "On the go: missed calls after hours, text back";

test.describe("at a laptop's width", () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test("the header keeps a long workflow name readable beside the tools, cut with an ellipsis, whole in its tooltip", async ({ page }) => {
    await signInWithMagicLink(page, uniqueEmail("laptop-toolbar"));
    await importDraft(page, longName);
    const header = await expectHeaderFits(page, 1366 - 240);
    const name = header.getByRole("textbox", { name: "Workflow name" });
    await expect(name).toHaveValue(longName);
    expect((await name.boundingBox())!.width).toBeGreaterThan(250);
    await expect(name).toHaveAttribute("title", longName);
    await expect(name).toHaveCSS("text-overflow", "ellipsis");
    // One row: the name and Publish side by side.
    const publish = (await header.getByRole("button", { name: "Publish", exact: true }).boundingBox())!;
    const nameBox = (await name.boundingBox())!;
    expect(Math.abs(publish.y + publish.height / 2 - (nameBox.y + nameBox.height / 2))).toBeLessThan(8);
    await expect(header.getByRole("button", { name: "Add step" })).toBeVisible();
    await expect(header.getByRole("button", { name: "Test", exact: true })).toBeVisible();
  });
});

test.describe("at phone width", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the editor fills the screen under the top bar, and the header shows the name readably, cut with an ellipsis", async ({ page }) => {
    await signInWithMagicLink(page, uniqueEmail("phone-toolbar"));
    await importDraft(page, longName);
    const editor = page.getByTestId("workflow-editor");
    const editorBox = (await editor.boundingBox())!;
    expect(editorBox.x).toBe(0);
    expect(editorBox.width).toBe(390);
    const header = await expectHeaderFits(page, 390);
    // The name has a row of its own: most of the width, its full text in the tooltip and the heading.
    const name = header.getByTestId("workflow-name");
    await expect(name).toHaveText(longName);
    await expect(name).toHaveAttribute("title", longName);
    expect((await name.boundingBox())!.width).toBeGreaterThan(200);
    await expect(name).toHaveCSS("text-overflow", "ellipsis");
    await expect(page.getByRole("heading", { level: 1, name: longName })).toBeAttached();
    await expect(page.getByTestId("phone-read-only")).toBeVisible();
    await expect(header.getByTestId("published-version")).toHaveText("Not published yet");
  });
});

test.describe("at a small tablet's width", () => {
  test.use({ viewport: { width: 700, height: 1000 } });

  test("the header fits, the name stays readable, and the editing tools are in a More menu", async ({ page }) => {
    await signInWithMagicLink(page, uniqueEmail("tablet-toolbar"));
    await importDraft(page, longName);
    const header = await expectHeaderFits(page, 700);
    const name = header.getByRole("textbox", { name: "Workflow name" });
    await expect(name).toHaveValue(longName);
    await expect(name).toHaveAttribute("title", longName);
    expect((await name.boundingBox())!.width).toBeGreaterThan(250);
    await expect(header.getByRole("button", { name: "Tidy up" })).toBeHidden();
    await header.getByRole("button", { name: "More editing actions" }).click();
    const menu = page.getByRole("menu");
    await expect(menu.getByRole("menuitem", { name: "Undo" })).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "Tidy up" })).toBeVisible();
    await expect(menu.getByRole("menuitem", { name: "Test" })).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(header.getByRole("button", { name: "Publish", exact: true })).toBeVisible();
  });
});

test.describe("a webhook address the server can't reach", () => {
  test.use({ viewport: { width: 1600, height: 1000 } });

  test("shows in the step's settings, not only as a toast, until it is changed", async ({ page }) => {
    await signInWithMagicLink(page, uniqueEmail("webhook-refused"));
    await page.goto("/workflows");
    await page.getByRole("button", { name: "Import", exact: true }).click();
    const importDialog = page.getByRole("dialog");
    await importDialog.getByLabel("Name").fill("Unreachable hook");
    await importDialog.getByLabel("Workflow JSON").fill(
      JSON.stringify({
        version: 1,
        nodes: [
          { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.missed", trackingNumbers: [] } },
          {
            id: "hook",
            kind: "action.webhook",
            position: { x: 0, y: 200 },
            config: { urls: ["https://nowhere.invalid/calls"], headers: [] },
          },
        ],
        edges: [{ id: "e1", source: "trigger", sourceHandle: "out", target: "hook" }],
      }),
    );
    await importDialog.getByRole("switch", { name: "Publish now" }).uncheck();
    await importDialog.getByRole("button", { name: "Import workflow" }).click();
    await expect(importDialog).toBeHidden();
    await page.getByRole("link", { name: "Unreachable hook", exact: true }).first().click();
    await expect(page.locator(".react-flow__node")).toHaveCount(2);

    await page.getByRole("button", { name: "Publish", exact: true }).click();
    const dialog = page.getByRole("dialog");
    const refused = dialog
      .getByTestId("publish-problems")
      .getByRole("button", { name: /^Send a webhook: https:\/\/nowhere\.invalid\/calls: / });
    await expect(refused).toBeVisible();
    await expect(dialog.getByRole("button", { name: "Publish now" })).toBeDisabled();
    await refused.click();
    await expect(dialog).toBeHidden();

    const urls = page.getByLabel("Send to these addresses");
    await expect(page.getByTestId("field-problem")).toContainText("Line 1: https://nowhere.invalid/calls: ");
    await urls.click();
    await urls.press("ControlOrMeta+a");
    await urls.pressSequentially("https://nowhere.invalid/calls2");
    await urls.press("Backspace");
    await expect(urls).toBeFocused();
    await expect(page.getByTestId("field-problem")).toContainText("Line 1: https://nowhere.invalid/calls: ");
    await urls.pressSequentially("/v2");
    await expect(page.getByTestId("field-problem")).toHaveCount(0);
  });
});
