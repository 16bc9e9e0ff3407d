// npm run seed — a demo organization with two example workflows and an API key, in the
// configured database (the embedded one by default). Stop `npm run dev` first when using the
// embedded database: two processes must never open the same PGlite directory.
import { eq } from "drizzle-orm";
import { openDatabase } from "@/db/client";
import { apiKeys, users, workflows } from "@/db/schema";
import { findWorkflowTemplate } from "@/engine";
import { generateApiKey } from "@/server/api-keys/api-key-format";
import { loadAppConfig } from "@/server/config/app-config";
import { createOrganization } from "@/server/organizations/create-organization";
import { createWorkflow } from "@/server/workflows/create-workflow";
import { publishVersion } from "@/server/workflows/publish-version";

const config = loadAppConfig();
const { db, close } = await openDatabase(config.database);
const email = "demo@switchboard.local";

const [existing] = await db.select().from(users).where(eq(users.email, email)).limit(1);
const user = existing ?? (await db.insert(users).values({ email, name: "Demo Owner" }).returning())[0]!;
const organization = await createOrganization(
  db,
  { name: "Acme Dental (demo)", ownerUserId: user.id, timezone: "America/New_York" },
  config.encryptionKey,
);

for (const templateId of ["missed-call-text-back", "long-call-email-team"]) {
  const template = findWorkflowTemplate(templateId)!;
  const workflow = await createWorkflow(db, {
    organizationId: organization.id,
    name: template.name,
    description: template.description,
    graph: template.graph,
    createdByUserId: user.id,
  });
  await publishVersion(db, {
    organizationId: organization.id,
    workflowId: workflow.id,
    graph: template.graph,
    publishedByUserId: user.id,
    note: "Seeded",
  });
  await db.update(workflows).set({ enabled: true }).where(eq(workflows.id, workflow.id));
}

const key = generateApiKey();
await db
  .insert(apiKeys)
  .values({ organizationId: organization.id, createdByUserId: user.id, name: "Demo key", prefix: key.prefix, hash: key.hash });
await close();

console.log(`Seeded "${organization.name}" with two live workflows.
Sign in as ${email} (the sign-in link arrives in the local mailbox at /mailbox).
API key (shown once): ${key.key}
Try it:
  curl -X POST ${config.appUrl}/api/v1/events -H "Authorization: Bearer ${key.key}" -H "Content-Type: application/json" \\
    -d '{"id":"demo-1","type":"call.completed","call":{"id":"c1","direction":"inbound","status":"no_answer","answered":false,"duration_seconds":0,"started_at":"2026-11-22T15:00:00Z"},"caller":{"phone_number":"+14155550123","first_call":true},"tracking_number":{"phone_number":"+14155550100"}}'`);
