import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { askForSignInLink, signInWithMagicLink, uniqueEmail } from "./fixtures/auth";

// The production build attacked as an outsider would: from another page, with hostile links and payloads.

/** A page served by another origin on this machine: `localhost` on another port is the same *site*, as a sibling subdomain would be. */
async function startAttackerSite(pages: Record<string, string>): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((request, response) => {
    const body = pages[request.url ?? "/"];
    response.writeHead(body ? 200 : 404, { "content-type": "text/html" });
    response.end(body ?? "not found");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://localhost:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

const autoSubmit = (action: string, enctype: string, fields: Record<string, string>) => `<!doctype html>
<form id="f" method="POST" action="${action}" enctype="${enctype}">
${Object.entries(fields)
  .map(([name, value]) => `<input type="hidden" name="${name}" value="${value}">`)
  .join("\n")}
</form><script>document.getElementById("f").submit()</script>`;

async function webhookSecret(page: Page) {
  await page.goto("/settings/webhooks");
  await page.getByRole("button", { name: "Show secret" }).click();
  return (await page.locator("code").filter({ hasText: "whsec_" }).textContent())!.trim();
}

test("a page on another origin cannot rotate the webhook secret or post a Server Action with the visitor's cookie", async ({
  page,
  baseURL,
}) => {
  await signInWithMagicLink(page, uniqueEmail("csrf"));
  const before = await webhookSecret(page);

  const attacker = await startAttackerSite({
    "/multipart": autoSubmit(`${baseURL}/api/trpc/webhookSecret.rotate`, "multipart/form-data", { "0": "{}" }),
    "/text": autoSubmit(`${baseURL}/api/trpc/webhookSecret.rotate?batch=1`, "text/plain", { '{"0":{"json":null},"x":"': '"}' }),
    "/action": autoSubmit(`${baseURL}/settings`, "application/x-www-form-urlencoded", { $ACTION_ID_0000: "" }),
    "/fetch": `<!doctype html><script>
      fetch(${JSON.stringify(`${baseURL}/api/trpc/webhookSecret.rotate`)}, { method: "POST", mode: "no-cors", credentials: "include",
        headers: { "content-type": "text/plain" }, body: "{}" }).finally(() => { document.title = "sent"; });
    </script>`,
  });
  try {
    for (const form of ["/multipart", "/text", "/action"]) {
      const refused = page.waitForResponse((response) => response.url().startsWith(baseURL!) && response.request().method() === "POST");
      await page.goto(`${attacker.url}${form}`);
      expect((await refused).status(), form).toBe(403);
    }
    await page.goto(`${attacker.url}/fetch`);
    await expect(page).toHaveTitle("sent");
  } finally {
    await attacker.close();
  }
  expect(await webhookSecret(page)).toBe(before);

  // The app itself still works: rotating from Settings changes the secret.
  await page.getByRole("button", { name: "Rotate secret" }).click();
  await page.getByRole("alertdialog").getByRole("button", { name: "Rotate secret" }).click();
  await expect(page.locator("code").filter({ hasText: "whsec_" })).not.toHaveText(before);
});

test("an address with a broken %-escape gets a 400, signed in or out, never a 500", async ({ page, request }) => {
  for (const address of ["/runs/%E0%A4%A", "/workflows/%FF/runs", "/invite/%E0%A4%A"]) {
    expect((await request.get(address, { maxRedirects: 0 })).status(), address).toBe(400);
  }
  const callrail = await request.post("/api/callrail/%E0%A4%A", { data: { id: "x" } });
  expect(callrail.status()).toBe(400);
  expect((await callrail.json()).error.message).toContain("broken %-escape");

  await signInWithMagicLink(page, uniqueEmail("escapes"));
  for (const address of ["/workflows/%E0%A4%A", "/calls/%ZZ"]) {
    expect((await page.request.get(address, { maxRedirects: 0 })).status(), address).toBe(400);
  }
});

test("a Server Action post whose body can't be read gets a 400, never a 500, and sign-in still works", async ({ page, request }) => {
  // The sign-in form is a Server Action: take its id from the page as a browser would send it.
  await page.goto("/sign-in");
  const actionId = await page.locator('form input[name^="$ACTION_ID_"]').first().getAttribute("name");
  expect(actionId).toBeTruthy();
  const id = actionId!.replace("$ACTION_ID_", "");
  const brokenBodies = [
    { "content-type": "text/plain;charset=UTF-8", body: "[[[[" },
    { "content-type": "multipart/form-data; boundary=----x", body: "------x\r\nContent-Disposition: form-data; name=" },
  ];
  for (const { body, ...headers } of brokenBodies) {
    const response = await request.post("/sign-in", { headers: { ...headers, "next-action": id }, data: body });
    expect(response.status(), headers["content-type"]).toBe(400);
  }
  // The same broken form posted to any page, with no Server Action named at all.
  for (const address of ["/sign-in", "/onboarding", "/mailbox"]) {
    const response = await request.post(address, { headers: { "content-type": "multipart/form-data; boundary=zzz" }, data: "garbage" });
    expect(response.status(), address).toBe(400);
  }
  await signInWithMagicLink(page, uniqueEmail("after-broken-action"));
});

test("sign-in never sends a signed-in person to another site", async ({ page, baseURL }) => {
  await signInWithMagicLink(page, uniqueEmail("redirect"));
  for (const target of ["//evil.example/x", "/\\evil.example/x", "/%5Cevil.example/x", "https://evil.example/x", "javascript:alert(1)"]) {
    await page.goto(`/sign-in?callbackUrl=${encodeURIComponent(target)}`).catch(() => undefined);
    expect(new URL(page.url()).origin, target).toBe(new URL(baseURL!).origin);
  }
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/runs?status=failed")}`);
  await expect(page).toHaveURL(/\/runs\?status=failed$/);
});

test("a callback-url cookie planted by another origin cannot sign the visitor out", async ({ page }) => {
  const email = uniqueEmail("planted");
  await signInWithMagicLink(page, email);
  // Cookies ignore ports: a page on localhost:<other port> sets them for this app, as a sibling subdomain could.
  const attacker = await startAttackerSite({
    "/plant": `<!doctype html><script>
      for (const path of ["/", "/workflows", "/api"]) document.cookie = "authjs.callback-url=javascript:alert(1); path=" + path;
      document.title = "planted";
    </script>`,
  });
  try {
    await page.goto(`${attacker.url}/plant`);
    await expect(page).toHaveTitle("planted");
  } finally {
    await attacker.close();
  }
  await page.goto("/workflows");
  await expect(page).toHaveURL(/\/workflows$/);
  await expect(page.getByText("No workflows yet")).toBeVisible();
  const session = await page.request.get("/api/auth/session?callbackUrl=javascript:alert(1)");
  expect(session.status()).toBe(200);
  expect(await session.json()).toMatchObject({ user: { email } });
  expect(
    (await page.context().cookies()).filter((cookie) => cookie.name === "authjs.callback-url" && cookie.value.startsWith("javascript")),
  ).toEqual([]);
});

test("asking for too many sign-in links says when to ask again", async ({ page }) => {
  const email = uniqueEmail("eager");
  for (let attempt = 0; attempt < 5; attempt++) await askForSignInLink(page, email);
  await page.goto("/sign-in");
  await page.getByLabel("Work email").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByText(/already sent several sign-in links.*ask again in 1[45] minutes/)).toBeVisible();
});

test("the local mailbox shows a browser only the mail of the address it typed", async ({ browser }) => {
  const alice = uniqueEmail("alice");
  const mallory = uniqueEmail("mallory");
  const victim = await browser.newPage();
  const attacker = await browser.newPage();
  try {
    await victim.goto("/sign-in");
    await victim.getByLabel("Work email").fill(alice);
    await victim.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(victim.getByRole("heading", { name: "Check your email" })).toBeVisible();

    // Another browser that never typed Alice's address sees none of her mail.
    await attacker.goto("/mailbox");
    await expect(attacker.getByTestId("mailbox-message")).toHaveCount(0);
    await attacker.goto("/sign-in");
    await attacker.getByLabel("Work email").fill(mallory);
    await attacker.getByRole("button", { name: "Email me a sign-in link" }).click();
    await expect(attacker.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await attacker.goto("/mailbox");
    await expect(attacker.getByTestId("mailbox-message").first()).toContainText(mallory);
    await expect(attacker.getByText(alice)).toHaveCount(0);

    await victim.goto("/mailbox");
    await expect(victim.getByTestId("mailbox-message").first()).toContainText(alice);
    await expect(victim.getByText(mallory)).toHaveCount(0);
  } finally {
    await victim
      .context()
      .close()
      .catch(() => undefined);
    await attacker.close();
  }
});

test("a stored payload with keys named constructor and __proto__ shows on the call, run and test pages", async ({ page, request }) => {
  await signInWithMagicLink(page, uniqueEmail("payload"));

  // A live workflow on every completed call.
  await page.goto("/workflows");
  await page.getByRole("button", { name: "Import", exact: true }).click();
  await page.getByLabel("Name").fill("Tag every call");
  const graph = {
    version: 1,
    nodes: [
      { id: "trigger", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.completed", trackingNumbers: [] } },
      { id: "tag", kind: "action.tag_call", position: { x: 0, y: 140 }, config: { tags: ["Seen"] } },
    ],
    edges: [{ id: "e1", source: "trigger", sourceHandle: "out", target: "tag" }],
  };
  await page.getByLabel("Workflow JSON").fill(JSON.stringify(graph));
  await page.getByRole("button", { name: "Import workflow" }).click();
  const row = page.getByTestId("workflow-row").filter({ hasText: "Tag every call" });
  await row.getByRole("switch").click();
  await expect(row).toContainText("Active");

  await page.goto("/settings/callrail");
  await page.getByRole("button", { name: "Create the CallRail URL" }).click();
  const postCallUrl = (await page
    .getByTestId("callrail-urls")
    .locator("code")
    .filter({ hasText: /event=post_call$/ })
    .textContent())!.trim();
  const body = `{"resource_id":"CALproto${Date.now()}","answered":"true","duration":"42","direction":"inbound",
    "customer_phone_number":"+16505550177","customer_name":"Proto Caller","tracking_phone_number":"+14155550199",
    "start_time":"2026-11-21T10:04:05.000-05:00","constructor":"Bob the builder","prototype":{"x":1},
    "__proto__":{"polluted":"yes"},"form_data":{"constructor":"field"}}`;
  const stored = await request.post(postCallUrl, { data: body, headers: { "content-type": "application/json" } });
  expect(stored.status(), await stored.text()).toBe(200);

  await page.goto("/calls");
  await page.getByRole("link", { name: "Proto Caller" }).first().click();
  // The event's JSON (folded away until opened) holds the keys as sent.
  await expect(page.getByRole("heading", { name: "Proto Caller" })).toBeVisible();
  await expect(page.locator("pre").filter({ hasText: '"constructor": "Bob the builder"' })).toBeAttached();
  await expect(page.locator("pre").filter({ hasText: '"__proto__": {' })).toBeAttached();

  await page.goto("/runs");
  const run = page.getByTestId("run-row").filter({ hasText: "Tag every call" }).first();
  await expect(run).toContainText("Succeeded");
  await run.getByRole("link", { name: "Tag every call", exact: true }).click();
  await expect(page.getByTestId("run-step")).toHaveCount(2);

  await page.goto("/workflows");
  await page
    .getByTestId("workflow-row")
    .filter({ hasText: "Tag every call" })
    .getByRole("link", { name: "Tag every call", exact: true })
    .click();
  await page.getByRole("button", { name: "Test", exact: true }).click();
  const panel = page.getByTestId("test-run-panel");
  await panel.getByRole("tab", { name: "Recent real event" }).click();
  await expect(panel.getByRole("radiogroup", { name: "Recent events" }).getByRole("radio")).toHaveCount(1);
});

test.describe("a production start with nothing configured", () => {
  let server: ChildProcess | undefined;
  let output = "";
  let dataDir = "";
  const port = Number(process.env.E2E_PORT ?? 3100) + 20;
  const origin = `http://localhost:${port}`;

  test.beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-bare-"));
    const env: Record<string, string | undefined> = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NEXT_TELEMETRY_DISABLED: "1",
      DATA_DIR: dataDir,
      APP_URL: origin,
    };
    // Its own process group, so the whole server goes when the test ends.
    server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", String(port)], {
      env: env as NodeJS.ProcessEnv,
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    server.stdout!.on("data", (chunk) => (output += String(chunk)));
    server.stderr!.on("data", (chunk) => (output += String(chunk)));
    await expect
      .poll(async () => (await fetch(`${origin}/sign-in`).catch(() => null))?.status ?? 0, { timeout: 90_000, intervals: [500] })
      .toBe(200);
  });

  test.afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      const exited = new Promise((resolve) => server!.once("exit", resolve));
      process.kill(-server.pid, "SIGTERM");
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test("serves no mailbox, says why nobody can sign in, and sends the security headers", async ({ page }) => {
    expect((await fetch(`${origin}/mailbox`)).status).toBe(404);
    expect(output).toMatch(/nobody can sign in/i);
    expect(output).toContain("RESEND_API_KEY");

    const signIn = await page.goto(`${origin}/sign-in`);
    await expect(page.getByRole("link", { name: /local mailbox/i })).toHaveCount(0);
    const headers = signIn!.headers();
    expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");

    const health = await fetch(`${origin}/api/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ database: { reachable: true }, executor: { kind: "embedded" } });

    const inngest = await fetch(`${origin}/api/inngest`);
    expect(inngest.status).toBe(404);
    expect(((await inngest.json()) as { error: { code: string } }).error.code).toBe("inngest_not_configured");
  });
});
