import { expect, test } from "@playwright/test";
import { signInWithMagicLink, uniqueEmail } from "./fixtures/auth";
import { TWILIO_ACCOUNT_SID, postAsTwilio, twimlAttribute } from "./fixtures/twilio";

// Three pages of setup (a number, a workflow, its publication) before the call itself: more than the default minute on a busy machine.
test.setTimeout(120_000);

test("a missed call to a tracking number added in the UI texts the caller back, and shows in Calls, Runs and the Outbox", async ({
  page,
  baseURL,
}) => {
  // Numbers are unique across the app: a retry against the same server needs another one.
  const line = 110 + (Date.now() % 90);
  const trackingNumber = `+14155550${line}`;
  const pretty = `(415) 555-0${line}`;
  await signInWithMagicLink(page, uniqueEmail("tracker"));

  // Add the tracking number; the server's reason for a bad number shows next to the field.
  await page.goto("/numbers");
  await expect(page.getByText("No tracking numbers yet")).toBeVisible();
  await page.getByRole("button", { name: "Add a number" }).first().click();
  const dialog = page.getByRole("dialog");
  await dialog.getByLabel("Tracking number").fill("555-0100");
  await dialog.getByLabel("Label").fill("Spring mailer");
  await dialog.getByLabel("Marketing source").click();
  await page.getByRole("option", { name: "Google Ads", exact: true }).click();
  await dialog.getByLabel("Forward calls to").fill("(510) 555-0111");
  await dialog.getByRole("button", { name: "Add number" }).click();
  await expect(dialog.getByRole("alert")).toContainText("isn't a valid US phone number");
  await expect(dialog.getByLabel("Tracking number")).toHaveAttribute("aria-invalid", "true");
  await dialog.getByLabel("Tracking number").fill(trackingNumber);
  await dialog.getByRole("button", { name: "Add number" }).click();
  await expect(dialog).toBeHidden();
  const card = page.getByTestId("tracking-number").filter({ hasText: "Spring mailer" });
  await expect(card).toContainText(pretty);
  await expect(card).toContainText("Google Ads");
  await expect(card).toContainText("(510) 555-0111");
  await card.getByText("How to connect in Twilio").click();
  await expect(card.getByText(`${baseURL}/api/twilio/voice`)).toBeVisible();
  await expect(card.getByText(`${baseURL}/api/twilio/status`)).toBeVisible();
  await expect(card.getByText(`${baseURL}/api/twilio/sms`)).toBeVisible();

  // "Missed call → text the caller back" from the gallery, published and switched on.
  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).first().click();
  await page
    .getByRole("dialog")
    .getByRole("radio", { name: /Missed call → text the caller back/ })
    .check();
  await page.getByRole("dialog").getByRole("button", { name: "Create and open" }).click();
  await expect(page.getByTestId("workflow-node")).toHaveCount(2);
  await page.getByRole("button", { name: "Publish", exact: true }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Publish now" }).click();
  await expect(page.getByTestId("published-version")).toHaveText("Published · Off");
  await page.getByRole("dialog").getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByRole("switch", { name: "Workflow on" })).toBeChecked();

  // Twilio: the call comes in, the forward is not answered, the forwarded leg reports no-answer.
  const callSid = `CA${Date.now().toString(16).padStart(32, "0")}`;
  const call = {
    AccountSid: TWILIO_ACCOUNT_SID,
    CallSid: callSid,
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
  const voice = await postAsTwilio(page.request, `${baseURL}/api/twilio/voice`, { ...call, CallStatus: "ringing" });
  const twiml = await voice.text();
  expect(twiml).toContain("<Number");
  expect(twiml).toContain("+15105550111</Number>");
  await postAsTwilio(page.request, twimlAttribute(twiml, "Dial", "action"), {
    ...call,
    CallStatus: "in-progress",
    DialCallStatus: "no-answer",
    DialCallDuration: "0",
  });
  await postAsTwilio(page.request, twimlAttribute(twiml, "Number", "statusCallback"), {
    AccountSid: TWILIO_ACCOUNT_SID,
    CallSid: `${callSid.slice(0, -4)}leg1`,
    ParentCallSid: callSid,
    From: trackingNumber,
    To: "+15105550111",
    Direction: "outbound-dial",
    CallStatus: "no-answer",
    CallDuration: "0",
    SequenceNumber: "0",
  });

  // The run succeeded and the text is in the Outbox.
  await page.goto("/runs");
  const run = page.getByTestId("run-row").filter({ hasText: "Missed call → text the caller back" }).first();
  await expect(run).toContainText("Succeeded", { timeout: 20_000 });
  await page.goto("/outbox");
  const text = page.getByTestId("outbox-message").first();
  await expect(text).toContainText("Hi JANE DOE, sorry we missed your call!");
  await expect(text).toContainText("To +16505550142");
  await expect(text).toContainText(`from ${trackingNumber}`);

  // The call is listed as missed, with its source and run, and opens with its events.
  await page.goto("/calls");
  const row = page.getByTestId("call-row").filter({ hasText: "JANE DOE" });
  await expect(row).toHaveAttribute("data-outcome", "missed");
  await expect(row).toContainText("Missed");
  await expect(row).toContainText("Spring mailer");
  await expect(row).toContainText("Google Ads");
  await expect(row.getByRole("link", { name: "1 run" })).toBeVisible();
  await page.getByRole("radio", { name: "Answered" }).click();
  await expect(page.getByText("No calls match these filters")).toBeVisible();
  await page.getByRole("radio", { name: "Missed" }).click();
  await expect(page.getByRole("link", { name: "Export CSV" })).toHaveAttribute("href", "/api/calls/export?status=missed");
  const csv = await page.request.get("/api/calls/export?status=missed");
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  expect(await csv.text()).toContain(`JANE DOE,+16505550142,OAKLAND,CA,${trackingNumber},Spring mailer,Google Ads,Missed,No answer,0,`);
  await row.getByRole("link", { name: "JANE DOE" }).click();
  await expect(page.getByTestId("call-event")).toHaveCount(3);
  await expect(page.getByTestId("call-run")).toContainText("Missed call → text the caller back");
  await page.getByTestId("call-run").click();
  await expect(page).toHaveURL(/\/runs\/run_/);
});
