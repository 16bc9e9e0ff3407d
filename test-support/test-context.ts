import { randomBytes } from "node:crypto";
import type { Database } from "@/db/client";
import { users } from "@/db/schema";
import type { AppConfig } from "@/server/config/app-config";
import { createOrganization, personalOrganizationName } from "@/server/organizations/create-organization";
import { createCaller } from "@/server/trpc/app-router";
import type { Executor } from "@/server/execution/executor";
import type { SessionUser } from "@/server/auth/session-user";
import type { TRPCContext } from "@/server/trpc/context";

export function testConfig(overrides: Partial<AppConfig> = {}): AppConfig {
  return {
    appUrl: "http://localhost:3000",
    dataDir: "/nonexistent",
    database: { kind: "pglite-memory" },
    authSecret: "test-secret-test-secret",
    encryptionKey: randomBytes(32),
    auth: {},
    email: { kind: "outbox", from: "Switchboard <test@switchboard.local>" },
    sms: { kind: "outbox" },
    smsDailyLimit: 3,
    runRetentionDays: 30,
    inngest: { enabled: false, dev: false },
    allowPrivateWebhookTargets: false,
    isProductionBuild: false,
    ...overrides,
  };
}

let userCounter = 0;

/** A signed-up user with their personal organization, as the sign-in flow creates them. */
export async function createUserWithOrg(db: Database, config: AppConfig, name = "User") {
  userCounter += 1;
  const [user] = await db
    .insert(users)
    .values({ name: `${name} ${userCounter}`, email: `${name.toLowerCase()}-${userCounter}@example.test` })
    .returning();
  const organization = await createOrganization(db, { name: personalOrganizationName(user!), ownerUserId: user!.id }, config.encryptionKey);
  return { user: user! as SessionUser, organization };
}

/** A tRPC caller acting as `user` in `organizationId`, exactly as the HTTP handler would build it. */
export function callerFor(
  db: Database,
  config: AppConfig,
  user: SessionUser | null,
  organizationId?: string,
  executor: Executor = { dispatchEvent: async () => {} },
) {
  const context: TRPCContext & { cookie?: string } = {
    db,
    config,
    user,
    executor,
    activeOrganizationId: organizationId,
    setActiveOrganizationId(id) {
      context.activeOrganizationId = id;
    },
  };
  return createCaller(context);
}
