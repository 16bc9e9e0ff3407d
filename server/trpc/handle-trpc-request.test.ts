import { describe, expect, it, vi } from "vitest";
import { apiKeys, organizations } from "@/db/schema";
import { setupTestDatabase } from "@/test-support/test-database";
import { createUserWithOrg, testConfig } from "@/test-support/test-context";
import { eq } from "drizzle-orm";
import type { TRPCContext } from "./context";
import { MAX_TRPC_BATCH_SIZE } from "@/lib/trpc-batch";
import { MAX_TRPC_BODY_BYTES, handleTrpcRequest } from "./handle-trpc-request";
import { unexpectedFailureMessage } from "./init";

const appUrl = "https://switchboard.example.com";
const config = testConfig({ appUrl });
const database = setupTestDatabase();

async function signedInDeps() {
  const { user, organization } = await createUserWithOrg(database.db, config, "Admin");
  const context: TRPCContext = {
    db: database.db,
    config,
    user,
    activeOrganizationId: organization.id,
    executor: { dispatchEvent: async () => {} },
    setActiveOrganizationId: () => {},
  };
  return { organization, deps: { appUrl, createContext: async () => context } };
}

const rotate = `${appUrl}/api/trpc/webhookSecret.rotate`;

async function storedSecret(organizationId: string) {
  const [row] = await database.db
    .select({ secret: organizations.webhookSecretEncrypted })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  return row!.secret;
}

describe("/api/trpc batches", () => {
  it("answers a batch of up to MAX_TRPC_BATCH_SIZE calls and refuses a larger one with a 400", async () => {
    const { deps } = await signedInDeps();
    const batch = (size: number) => {
      const input = Object.fromEntries(Array.from({ length: size }, (_, index) => [String(index), {}]));
      const paths = Array.from({ length: size }, () => "workflow.list").join(",");
      return new Request(`${appUrl}/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`, {
        headers: { "sec-fetch-site": "same-origin" },
      });
    };
    expect((await handleTrpcRequest(batch(MAX_TRPC_BATCH_SIZE), deps)).status).toBe(200);
    expect((await handleTrpcRequest(batch(MAX_TRPC_BATCH_SIZE + 1), deps)).status).toBe(400);
  });
});

describe("/api/trpc refuses what another site could send with a visitor's cookie", () => {
  it.each([
    ["a form post from a sibling subdomain", { "sec-fetch-site": "same-site", "content-type": "multipart/form-data; boundary=x" }],
    ["a cross-site fetch", { "sec-fetch-site": "cross-site", "content-type": "application/json", origin: "https://evil.example" }],
    ["a foreign Origin without Sec-Fetch-Site", { origin: "https://app.example.com.evil.example", "content-type": "application/json" }],
    ["an opaque origin (sandboxed frame)", { origin: "null", "content-type": "application/json" }],
  ])("403 for %s, and nothing changes", async (_name, headers) => {
    const { organization, deps } = await signedInDeps();
    const before = await storedSecret(organization.id);
    const response = await handleTrpcRequest(new Request(rotate, { method: "POST", headers, body: "{}" }), deps);
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { message: string } }).error.message).toMatch(/another site|cannot act on your behalf/);
    expect(await storedSecret(organization.id)).toBe(before);
  });

  it.each(["multipart/form-data; boundary=x", "application/x-www-form-urlencoded", "text/plain", ""])(
    "415 for a mutation sent as %j even from this origin",
    async (contentType) => {
      const { organization, deps } = await signedInDeps();
      const before = await storedSecret(organization.id);
      const headers: Record<string, string> = { "sec-fetch-site": "same-origin" };
      if (contentType) headers["content-type"] = contentType;
      const response = await handleTrpcRequest(new Request(rotate, { method: "POST", headers, body: "x=1" }), deps);
      expect(response.status).toBe(415);
      expect(await storedSecret(organization.id)).toBe(before);
    },
  );

  it("serves the app's own JSON calls (same origin, or APP_URL's origin behind a proxy)", async () => {
    const { organization, deps } = await signedInDeps();
    const before = await storedSecret(organization.id);
    const sameOrigin = await handleTrpcRequest(
      new Request(rotate, { method: "POST", headers: { "sec-fetch-site": "same-origin", "content-type": "application/json" }, body: "{}" }),
      deps,
    );
    expect(sameOrigin.status).toBe(200);
    expect(await storedSecret(organization.id)).not.toBe(before);

    const behindProxy = await handleTrpcRequest(
      new Request("http://10.0.0.5:3000/api/trpc/webhookSecret.rotate", {
        method: "POST",
        headers: { origin: appUrl, "content-type": "application/json; charset=utf-8" },
        body: "{}",
      }),
      deps,
    );
    expect(behindProxy.status).toBe(200);
  });

  it("413 for a body over the limit, whatever Content-Length says", async () => {
    const { deps } = await signedInDeps();
    const huge = JSON.stringify({ json: { name: "x".repeat(MAX_TRPC_BODY_BYTES + 10) } });
    const stream = new Blob([huge]).stream();
    const response = await handleTrpcRequest(
      new Request(`${appUrl}/api/trpc/organization.update`, {
        method: "POST",
        headers: { "sec-fetch-site": "same-origin", "content-type": "application/json" },
        body: stream,
        duplex: "half",
      } as RequestInit),
      deps,
    );
    expect(response.status).toBe(413);
    expect(JSON.stringify(await response.json())).toContain("larger than 1 MB");
  });
});

describe("/api/trpc answers bad input and failures in words, never with internals", () => {
  const call = (deps: Parameters<typeof handleTrpcRequest>[1], path: string, input: unknown) =>
    handleTrpcRequest(
      new Request(`${appUrl}/api/trpc/${path}`, {
        method: "POST",
        headers: { "sec-fetch-site": "same-origin", "content-type": "application/json" },
        body: JSON.stringify({ json: input }),
      }),
      deps,
    );

  it("400 naming the field for text no database can store, and nothing is written", async () => {
    const { organization, deps } = await signedInDeps();
    for (const name of ["leak\u0000", "half \ud800 a character"]) {
      const response = await call(deps, "apiKey.create", { name });
      expect(response.status).toBe(400);
      const message = ((await response.json()) as { error: { json: { message: string } } }).error.json.message;
      expect(message).toMatch(/at "name" contains (a NUL character|a lone UTF-16 surrogate)/);
    }
    const keys = await database.db.select().from(apiKeys).where(eq(apiKeys.organizationId, organization.id));
    expect(keys).toEqual([]);
  });

  it("500 with a plain sentence when something unexpected fails; the query and its parameters stay in the log", async () => {
    const { deps } = await signedInDeps();
    const context = await deps.createContext();
    const failingDb = new Proxy(context.db, {
      get: (target, property) =>
        property === "select"
          ? () => {
              throw new Error('Failed query: select "hash" from "api_keys" params: sb_live_secret');
            }
          : Reflect.get(target, property),
    });
    const errors = vi.spyOn(console, "error").mockImplementation(() => {});
    const response = await handleTrpcRequest(
      new Request(`${appUrl}/api/trpc/apiKey.list`, { headers: { "sec-fetch-site": "same-origin" } }),
      {
        ...deps,
        createContext: async () => ({ ...context, db: failingDb }),
      },
    );
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).toContain(unexpectedFailureMessage);
    expect(text).not.toMatch(/Failed query|sb_live_secret|api_keys/);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });
});
