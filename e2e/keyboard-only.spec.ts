import { expect, test, type Locator, type Page } from "@playwright/test";
import { uniqueEmail } from "./fixtures/auth";
import { expectSaved, stepOfKind } from "./fixtures/editor-canvas";

// A person who uses only the keyboard: Tab and Shift+Tab to move, Enter and Space to act, arrows in
// groups, typing into fields. No click() anywhere, and the page counts every pointer press to prove it.

test.use({ viewport: { width: 1440, height: 900 } });

const message = "Sorry we missed your call! We will ring you back within the hour.";

/** Counts real pointer presses on every page of this tab, across navigations. */
async function countPointerPresses(page: Page) {
  await page.addInitScript(() => {
    const count = () => {
      sessionStorage.setItem("pointer-presses", String(Number(sessionStorage.getItem("pointer-presses") ?? 0) + 1));
    };
    window.addEventListener("pointerdown", (event) => event.isTrusted && count(), true);
    window.addEventListener("mousedown", (event) => event.isTrusted && count(), true);
  });
}

async function pointerPresses(page: Page) {
  return Number(await page.evaluate(() => sessionStorage.getItem("pointer-presses") ?? 0));
}

/** What has the keyboard focus now, in words, for a failure message. */
async function focusedElement(page: Page) {
  return page.evaluate(() => {
    const element = document.activeElement;
    if (!element || element === document.body) return "nothing (the page itself)";
    const name = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 60) ?? "";
    const testId = element.getAttribute("data-testid");
    return `<${element.tagName.toLowerCase()}${testId ? ` data-testid="${testId}"` : ""}${element.id ? ` id="${element.id}"` : ""}> "${name}"`;
  });
}

/**
 * Presses Tab (or Shift+Tab) until `target` has the focus, as a person tabs until they reach a
 * control; fails naming where focus was when it gave up.
 */
async function tabTo(page: Page, target: Locator, { backwards = false, max = 80 } = {}) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses <= max; presses += 1) {
    if (await target.evaluate((element) => element === document.activeElement)) return;
    await page.keyboard.press(backwards ? "Shift+Tab" : "Tab");
  }
  throw new Error(
    `${backwards ? "Shift+Tab" : "Tab"} never reached ${target} in ${max} presses; focus is on ${await focusedElement(page)}`,
  );
}

async function signInByKeyboard(page: Page, email: string) {
  await page.goto("/sign-in");
  await tabTo(page, page.getByLabel("Work email"));
  await page.keyboard.type(email);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await tabTo(page, page.getByRole("link", { name: "Open the local mailbox" }));
  await page.keyboard.press("Enter");
  const signInLink = page.getByTestId("mailbox-message").filter({ hasText: email }).first().getByRole("link", { name: "Sign in" });
  await tabTo(page, signInLink);
  await page.keyboard.press("Enter");
  // A new account sets up its workspace first: the business name, and the time zone already filled in.
  await expect(page).toHaveURL(/\/onboarding/);
  await tabTo(page, page.getByLabel("Business name"));
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("Keyboard Dental");
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Account menu" })).toBeVisible();
}

test("with the keyboard alone, a marketer signs in, builds “missed call → text the caller back”, writes the text and publishes it", async ({
  page,
}) => {
  await countPointerPresses(page);
  await signInByKeyboard(page, uniqueEmail("keyboard"));

  // Workflows → New workflow: a blank one, started by a missed call (the default trigger).
  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workflows" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/workflows$/);
  await tabTo(page, page.getByRole("button", { name: "New workflow" }).first());
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("radio", { name: /Blank workflow/ })).toBeFocused();
  await tabTo(page, dialog.getByLabel("Name"));
  await page.keyboard.type("Missed call text back");
  await tabTo(page, dialog.getByRole("button", { name: "Create and open" }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);
  await expect(page.getByTestId("workflow-node")).toHaveCount(1);

  // Select the trigger on the canvas, then add a text step under it from the palette.
  const trigger = stepOfKind(page, "trigger");
  await tabTo(page, trigger);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-inspector")).toContainText(/missed/i);
  await tabTo(page, page.getByTestId("palette-action.send_sms"), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("workflow-node")).toHaveCount(2);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);

  // Open the new text step's settings from the canvas, then write the message.
  await tabTo(page, stepOfKind(page, "action.send_sms"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-inspector")).toContainText(/text/i);
  const text = page.getByLabel("Text message");
  await tabTo(page, text);
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type(message);
  // Backspace in the field edits the text; it never deletes the step.
  await page.keyboard.type("!");
  await page.keyboard.press("Backspace");
  await expect(text).toBeFocused();
  await expect(text).toHaveValue(message);
  await expect(page.getByTestId("workflow-node")).toHaveCount(2);
  await expectSaved(page);

  // Publish, with a note, then turn it on.
  await tabTo(page, page.getByRole("button", { name: "Publish", exact: true }), { backwards: true });
  await page.keyboard.press("Enter");
  const publish = page.getByRole("dialog");
  await tabTo(page, publish.getByLabel("What changed? (optional)"));
  await page.keyboard.type("Texts back every missed caller");
  await tabTo(page, publish.getByRole("button", { name: "Publish now" }));
  await page.keyboard.press("Enter");
  await expect(publish.getByText("Published version 1")).toBeVisible();
  // Published but off: the dialog offers to turn it on.
  await tabTo(page, publish.getByRole("button", { name: "Turn on" }));
  await page.keyboard.press("Enter");
  await expect(publish).toBeHidden();
  await expect(page.getByRole("switch", { name: "Workflow on" })).toBeChecked();

  // The list agrees: the workflow is live.
  await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Workflows" }), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("workflow-row").filter({ hasText: "Missed call text back" })).toContainText("Active");

  expect(await pointerPresses(page)).toBe(0);
});

async function createBlankByKeyboard(page: Page, name: string) {
  await page.goto("/workflows");
  await tabTo(page, page.getByRole("button", { name: "New workflow" }).first());
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("dialog").getByLabel("Name"));
  await page.keyboard.type(name);
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("workflow-node")).toHaveCount(1);
}

// The editor's first Tab stop is a skip link past the sidebar, the toolbar and the palette.
test("the editor has a main heading and a skip link that takes the keyboard straight to the canvas", async ({ page }) => {
  await countPointerPresses(page);
  await signInByKeyboard(page, uniqueEmail("skip-link"));
  await createBlankByKeyboard(page, "Skip link check");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Skip link check");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: /Skip to the canvas/i })).toBeFocused();
  await page.keyboard.press("Enter");
  // Past the sidebar, the toolbar and the palette: the next Tab is on the first step.
  await expect(page.getByTestId("workflow-canvas")).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(stepOfKind(page, "trigger")).toBeFocused();
  expect(await pointerPresses(page)).toBe(0);
});

// Connecting without dragging: the selected step's settings offer "Connect to…" per output, listing
// the other steps (a refused one says why, as dragging does); the new connection is announced.
test("with the keyboard alone, a person connects two steps already on the canvas (Connect to…)", async ({ page }) => {
  await countPointerPresses(page);
  await signInByKeyboard(page, uniqueEmail("connect"));
  await createBlankByKeyboard(page, "Connect by keyboard");
  // A text added with nothing selected stands alone; an email added next goes under it (it is selected).
  await tabTo(page, page.getByTestId("palette-action.send_sms"));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByTestId("palette-action.send_email"));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("workflow-node")).toHaveCount(3);
  await expect(page.locator(".react-flow__edge")).toHaveCount(1);
  await expect(page.getByRole("group", { name: "Connection from Text the caller to Send an email" })).toHaveCount(1);

  // The trigger leads nowhere yet: select it and connect it to the text from its settings.
  await tabTo(page, stepOfKind(page, "trigger"));
  await page.keyboard.press("Enter");
  await tabTo(page, page.getByRole("button", { name: "Connect to…" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  const textBack = page.getByRole("menuitem", { name: /Text the caller/ });
  for (let presses = 0; presses < 3 && !(await textBack.evaluate((item) => item === document.activeElement)); presses += 1) {
    await page.keyboard.press("ArrowDown");
  }
  await expect(textBack).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeHidden();
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  // Announced (a polite live region) and named by the steps it joins.
  await expect(page.locator("[aria-live=polite]").filter({ hasText: "Connected to Text the caller" })).toHaveCount(1);
  await expect(page.getByRole("group", { name: /^Connection from .+ to Text the caller$/ })).toHaveCount(1);

  // Connecting the email back into the trigger is refused, in the same words as dragging.
  await tabTo(page, stepOfKind(page, "action.send_email"), { backwards: true });
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("node-inspector")).toContainText(/email/i);
  await tabTo(page, page.getByRole("button", { name: "Connect to…" }));
  await page.keyboard.press("Enter");
  const intoTrigger = page.getByRole("menuitem", { name: /Nothing can lead into the trigger/ });
  for (let presses = 0; presses < 3 && !(await intoTrigger.evaluate((item) => item === document.activeElement)); presses += 1) {
    await page.keyboard.press("ArrowDown");
  }
  await expect(intoTrigger).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("[aria-live=polite]").filter({ hasText: "Nothing can lead into the trigger" })).toHaveCount(1);
  await expect(page.locator(".react-flow__edge")).toHaveCount(2);
  expect(await pointerPresses(page)).toBe(0);
});
