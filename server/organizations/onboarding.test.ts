import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "@/db/client";
import { memberships, outboxMessages, users } from "@/db/schema";
import { edge, graphOf, node, trigger } from "@/engine/test-support/graph-builder";
import { createExecutionProviders } from "@/server/execution/create-providers";
import { createEmbeddedExecutor } from "@/server/execution/embedded/embedded-executor";
import { callerFor, testConfig } from "@/test-support/test-context";
import { setupTestDatabase } from "@/test-support/test-database";
import { createLiveWorkflow } from "@/test-support/workflows";
import { businessNameVariable } from "@/lib/workspace-settings";
import { createPersonalOrganization } from "./create-organization";

const handle = setupTestDatabase();
const config = testConfig();

let people = 0;
/** Someone who just signed up, as the sign-in flow makes them: a personal workspace of their own. */
async function newSignUp(name = "Maria") {
  people += 1;
  const [user] = await handle.db
    .insert(users)
    .values({ name, email: `${name.toLowerCase()}-${people}@example.test` })
    .returning();
  const organization = await createPersonalOrganization(handle.db, user!, config.encryptionKey);
  return { user: user!, organization };
}

async function trpcError(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe("setting up a workspace at first sign-in", () => {
  it("asks a new workspace for its business name and time zone once, then never again", async () => {
    const { user, organization } = await newSignUp();
    const caller = callerFor(handle.db, config, user, organization.id);
    expect(await caller.organization.current()).toMatchObject({ name: "Maria's workspace", needsSetup: true });

    await caller.organization.completeSetup({ name: "  Bright Smile Dental ", timezone: "America/New_York" });

    expect(await caller.organization.current()).toMatchObject({
      name: "Bright Smile Dental",
      timezone: "America/New_York",
      needsSetup: false,
    });
  });

  it("does not ask about a workspace someone named when creating it", async () => {
    const { user } = await newSignUp();
    const caller = callerFor(handle.db, config, user);
    const created = await caller.organization.create({ name: "Second Clinic", timezone: "Europe/London" });
    const inCreated = callerFor(handle.db, config, user, created.id);
    expect(await inCreated.organization.current()).toMatchObject({ name: "Second Clinic", timezone: "Europe/London", needsSetup: false });
  });

  it("only asks someone who may change the settings: a viewer of a workspace awaiting setup is let in", async () => {
    const { organization } = await newSignUp();
    const viewer = await newSignUp("Viewer");
    await handle.db.insert(memberships).values({ organizationId: organization.id, userId: viewer.user.id, role: "viewer" });
    const asViewer = callerFor(handle.db, config, viewer.user, organization.id);
    expect((await asViewer.organization.current()).needsSetup).toBe(false);
    expect((await trpcError(asViewer.organization.completeSetup({ name: "Taken over", timezone: "UTC" }))).code).toBe("FORBIDDEN");
  });

  it("refuses an empty name with a sentence for the name field, and a time zone that does not exist", async () => {
    const { user, organization } = await newSignUp();
    const caller = callerFor(handle.db, config, user, organization.id);
    const empty = await trpcError(caller.organization.completeSetup({ name: "   ", timezone: "UTC" }));
    expect(empty.code).toBe("BAD_REQUEST");
    const settings = await trpcError(caller.organization.update({ name: "" }));
    expect(settings.code).toBe("BAD_REQUEST");
    expect(JSON.stringify(settings.cause)).toContain("Give your workspace a name");
    const zone = await trpcError(caller.organization.completeSetup({ name: "Bright Smile", timezone: "Mars/Olympus_Mons" }));
    expect(JSON.stringify(zone.cause)).toContain("Pick a time zone from the list");
    expect((await caller.organization.current()).needsSetup).toBe(true);
  });

  it("signs the texts callers get with the business name given at setup, never the placeholder", async () => {
    const { user, organization } = await newSignUp("Maria");
    const caller = callerFor(handle.db, config, user, organization.id);
    await caller.organization.completeSetup({ name: "Bright Smile Dental", timezone: "America/Chicago" });
    // The variable Settings names as where the business name is used (components/settings/business-name-variable.ts).
    const textBack = graphOf(
      [trigger("t", "call.missed"), node("sms", "action.send_sms", { body: `Sorry we missed you! - ${businessNameVariable}` })],
      [edge("t", "sms")],
    );
    await createLiveWorkflow(handle.db, organization.id, textBack, "Text back", user.id);
    const executor = createEmbeddedExecutor(
      { db: handle.db, providers: createExecutionProviders(config, handle.db), encryptionKey: config.encryptionKey },
      { wait: async () => {} },
    );

    const asRunner = callerFor(handle.db, config, user, organization.id, executor);
    await asRunner.event.simulate({ type: "call.missed", callerName: "Grace" });
    await executor.idle();

    const [text] = await handle.db
      .select()
      .from(outboxMessages)
      .where(and(eq(outboxMessages.organizationId, organization.id), eq(outboxMessages.channel, "sms")));
    expect(text?.body).toContain("- Bright Smile Dental");
    expect(text?.body).not.toContain("workspace");
  });

  it("lets the only owner not leave: the server refuses in words, and the membership stays", async () => {
    const { user, organization } = await newSignUp();
    const caller = callerFor(handle.db, config, user, organization.id);
    const refused = await trpcError(caller.member.leave());
    expect(refused.code).toBe("BAD_REQUEST");
    expect(refused.message).toBe("You are the only owner. Make someone else an owner before you leave.");
    expect(await handle.db.select().from(memberships).where(eq(memberships.organizationId, organization.id))).toHaveLength(1);
  });
});

describe("the migration that added workspace setup", () => {
  it("counts every workspace that existed before it as set up", async () => {
    // The migrations up to the one before, applied to a fresh database holding one workspace…
    const earlier = mkdtempSync(path.join(tmpdir(), "switchboard-migrations-"));
    try {
      cpSync(migrationsFolder, earlier, { recursive: true });
      const journalPath = path.join(earlier, "meta", "_journal.json");
      const journal = JSON.parse(readFileSync(journalPath, "utf8")) as { entries: { tag: string }[] };
      const index = journal.entries.findIndex((entry) => entry.tag.startsWith("0010_"));
      writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, index) }));
      const client = new PGlite();
      const db = drizzle(client);
      await migrate(db, { migrationsFolder: earlier });
      await client.query(
        `insert into organizations (id, name, slug, created_at) values ('org_old', 'Old Dental', 'old-dental', '2026-01-02T03:04:05Z')`,
      );

      // …then this one.
      await migrate(db, { migrationsFolder });
      const { rows } = await client.query<{ onboarded_at: Date | null }>(`select onboarded_at from organizations where id = 'org_old'`);
      expect(rows[0]?.onboarded_at?.toISOString()).toBe("2026-01-02T03:04:05.000Z");
      await client.close();
    } finally {
      rmSync(earlier, { recursive: true, force: true });
    }
  });
});
