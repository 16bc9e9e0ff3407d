import { expect, test } from "@playwright/test";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";
import { expectSaved, stepOfKind } from "./fixtures/editor-canvas";

test.use({ viewport: { width: 1600, height: 1000 } });

test("a caller without a name gets “Hi there,” from a text whose name was inserted with the variable picker", async ({ page }) => {
  await signInWithMagicLink(page, uniqueEmail("unnamed"));
  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).first().click();
  const create = page.getByRole("dialog");
  await create.getByRole("radio", { name: /Missed call → text the caller back/ }).check();
  await create.getByLabel("Name").fill("Text back, no name");
  await create.getByRole("button", { name: "Create and open" }).click();
  await expect(page).toHaveURL(/\/workflows\/[^/]+$/);

  // Write the text as a person does: type, pick the caller's name from the list, type on.
  await stepOfKind(page, "action.send_sms").click();
  const body = page.getByLabel("Text message");
  await body.click();
  await body.press("ControlOrMeta+a");
  await body.press("Backspace");
  await body.pressSequentially("Hi ");
  await page.getByRole("button", { name: "Insert a variable" }).click();
  const search = page.getByRole("searchbox", { name: "Search variables" });
  await expect(search).toBeFocused();
  await search.pressSequentially("name");
  const variables = page.getByTestId("variable-list");
  await expect(variables.getByRole("group", { name: "Caller" })).toBeVisible();
  await expect(variables).not.toContainText("Event id");
  // By keyboard: down from the search box to the first match, Enter to insert it.
  await search.press("ArrowDown");
  await expect(variables.getByRole("button", { name: /^Caller's name/ })).toBeFocused();
  await page.keyboard.press("Enter");
  // The cursor is back in the text, right after the inserted name.
  await expect(body).toBeFocused();
  await page.keyboard.type(", sorry we missed your call!");
  await expect(body).toHaveValue('Hi {{ caller.name | default: "there" }}, sorry we missed your call!');

  // The preview shows both callers.
  const preview = page.getByTestId("template-preview");
  await expect(preview).toHaveText("Hi Jane Doe, sorry we missed your call!");
  await page.getByRole("combobox", { name: "Sample caller for the preview" }).click();
  await page.getByRole("option", { name: "A caller without a name" }).click();
  await expect(preview).toHaveText("Hi there, sorry we missed your call!");
  await expectSaved(page);

  // Publish, and turn it on right from the dialog.
  await expect(page.getByTestId("published-version")).toHaveText("Not published yet");
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  const publish = page.getByRole("dialog");
  await publish.getByRole("button", { name: "Publish now" }).click();
  await expect(publish.getByText("Published version 1")).toBeVisible();
  await expect(page.getByTestId("published-version")).toHaveText("Published · Off");
  await publish.getByRole("button", { name: "Turn on" }).click();
  await expect(publish).toBeHidden();
  await expect(page.getByTestId("published-version")).toHaveText("Published · On");
  await expect(page.getByRole("switch", { name: "Workflow on" })).toBeChecked();

  // A missed call from someone whose name the phone network doesn't give.
  const caller = `+1415555${String(Date.now()).slice(-4)}`;
  await page.getByRole("button", { name: "Simulate a call" }).click();
  const simulate = page.getByRole("dialog");
  const number = simulate.getByLabel("Caller number");
  await number.click();
  await number.press("ControlOrMeta+a");
  await number.pressSequentially(caller);
  const name = simulate.getByLabel("Caller name");
  await name.click();
  await name.press("ControlOrMeta+a");
  await name.press("Backspace");
  await expect(name).toHaveValue("");
  await simulate.getByRole("button", { name: "Send simulated event" }).click();
  await expect(page.getByText("Simulated event sent")).toBeVisible();

  // The run sends the text a moment later: look again until it is there.
  await page.goto("/outbox");
  const sent = page.getByTestId("outbox-message").filter({ hasText: caller }).first();
  await expect(async () => {
    await page.reload();
    await expect(sent).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await expect(sent).toContainText("Hi there, sorry we missed your call!");
  await expect(sent).not.toContainText("Hi ,");
});
