import { expect, test, type Page } from "@playwright/test";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";

async function openSimulateDialog(page: Page) {
  await page.getByRole("button", { name: "Simulate a call" }).click();
  const dialog = page.getByRole("dialog", { name: "Simulate a call" });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** The made-up caller number a sent simulation used, from its confirmation (closed after reading, so the next one is alone). */
async function sentFrom(page: Page) {
  const toast = page.locator("[data-sonner-toast]").filter({ hasText: "Simulated event sent" });
  await expect(toast).toHaveCount(1);
  await expect(toast).toContainText(/From \(415\) 555-01\d\d\./);
  const number = (await toast.textContent())!.match(/\(415\) 555-01\d\d/)![0];
  await toast.getByRole("button", { name: "Close toast" }).click();
  await expect(toast).toHaveCount(0);
  return number;
}

test("Simulate a call checks every field first, uses a new caller each time, and the call shows on Calls marked simulated", async ({
  page,
}) => {
  await signInWithMagicLink(page, uniqueEmail("simulator"));
  await page.goto("/workflows");

  // A number that is not one: said next to the field, and nothing is sent.
  let dialog = await openSimulateDialog(page);
  const callerNumber = dialog.getByLabel("Caller number");
  await callerNumber.pressSequentially("555-12");
  const duration = dialog.getByLabel("Duration (seconds)");
  await expect(duration).toHaveCount(0); // a missed call has no duration
  await dialog.getByLabel("What happens").click();
  await page.getByRole("option", { name: "When a call ends" }).click();
  await dialog.getByLabel("Duration (seconds)").click();
  await page.keyboard.press("ControlOrMeta+A");
  await page.keyboard.type("4.5");
  await dialog.getByRole("button", { name: "Send simulated event" }).click();
  await expect(dialog.getByText(/"555-12" .*Type it as \+1 415 555 0142/)).toBeVisible();
  await expect(callerNumber).toHaveAttribute("aria-invalid", "true");
  await expect(dialog.getByText("Enter the duration as a whole number of seconds, such as 45")).toBeVisible();
  await expect(dialog).toBeVisible();

  // Fixed: the duration, and the number left empty for a made-up one.
  await dialog.getByLabel("Duration (seconds)").click();
  await page.keyboard.press("End");
  await page.keyboard.press("Backspace");
  await page.keyboard.press("Backspace");
  await expect(dialog.getByLabel("Duration (seconds)")).toHaveValue("4");
  await callerNumber.click();
  await page.keyboard.press("End");
  for (let index = 0; index < "555-12".length; index += 1) await callerNumber.press("Backspace");
  await expect(callerNumber).toHaveValue("");
  await expect(dialog.getByTestId("field-error")).toHaveCount(0);
  await dialog.getByRole("button", { name: "Send simulated event" }).click();
  await expect(dialog).toBeHidden();
  const first = await sentFrom(page);

  // Again, straight away: another caller, named by the person this time.
  dialog = await openSimulateDialog(page);
  const callerName = dialog.getByLabel("Caller name");
  await callerName.click();
  await callerName.press("ControlOrMeta+a");
  await callerName.pressSequentially("Zed Named");
  await dialog.getByRole("button", { name: "Send simulated event" }).click();
  await expect(dialog).toBeHidden();
  const second = await sentFrom(page);
  expect(second).not.toBe(first);

  // A new caller does not inherit the last one's name.
  dialog = await openSimulateDialog(page);
  await expect(dialog.getByLabel("Caller name")).toHaveValue("Jane Doe");
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();

  // Unless the last one is reused.
  dialog = await openSimulateDialog(page);
  await dialog.getByRole("checkbox", { name: /Reuse the last number/ }).check();
  await expect(dialog.getByRole("checkbox", { name: /Reuse the last number/ })).toHaveAccessibleName(`Reuse the last number: ${second}`);
  await dialog.getByRole("button", { name: "Send simulated event" }).click();
  await expect(dialog).toBeHidden();
  expect(await sentFrom(page)).toBe(second);

  // Each simulation is a call on the Calls page, from its own number, marked simulated.
  await page.goto("/calls");
  const rows = page.getByTestId("call-row");
  await expect(rows).toHaveCount(3);
  await expect(rows.filter({ hasText: first })).toHaveCount(1);
  await expect(rows.filter({ hasText: second })).toHaveCount(2);
  await rows.filter({ hasText: first }).getByRole("link").first().click();
  await expect(page).toHaveURL(/\/calls\/call_/);
  await expect(page.getByTestId("simulated-call")).toHaveText("Simulated");
  await expect(page.getByText(first).first()).toBeVisible();

  // Not counted as calls people made on the home page.
  await page.goto("/");
  await expect(page.getByTestId("stat-Calls, last 7 days")).toHaveText("0");
  await expect(page.getByText("3 simulated not counted")).toBeVisible();
});
