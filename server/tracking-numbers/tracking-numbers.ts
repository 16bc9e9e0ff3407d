import { TRPCError } from "@trpc/server";
import { and, asc, eq, ne } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { isUniqueViolation } from "@/db/sql-state";
import { trackingNumbers } from "@/db/schema";

type Row = typeof trackingNumbers.$inferSelect;
import type { OrgScope } from "../organizations/org-scope";
import { twilioWebhookUrls } from "../call-tracking/webhook-urls";

type NewTrackingNumber = Pick<Row, "phoneNumber" | "label" | "businessNumber"> & Partial<Pick<Row, "source" | "defaultSmsSender">>;
type TrackingNumberChanges = { trackingNumberId: string } & Partial<NewTrackingNumber>;

function present(row: Row, appUrl: string) {
  return {
    id: row.id,
    phoneNumber: row.phoneNumber,
    label: row.label,
    source: row.source,
    businessNumber: row.businessNumber,
    defaultSmsSender: row.defaultSmsSender,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    /** What to paste into the number's configuration in Twilio's console. */
    webhookUrls: twilioWebhookUrls(appUrl),
  };
}

async function findInOrg(db: Queryable, organizationId: string, trackingNumberId: string) {
  const [row] = await db
    .select()
    .from(trackingNumbers)
    .where(and(eq(trackingNumbers.id, trackingNumberId), eq(trackingNumbers.organizationId, organizationId)))
    .limit(1);
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "That tracking number was not found." });
  return row;
}

export function unavailableNumberMessage(phoneNumber: string) {
  return `${phoneNumber} is not available. Check that it is a number of your own Twilio account, or choose another.`;
}

async function refuseTaken(db: Queryable, organizationId: string, phoneNumber: string, exceptId?: string) {
  const [taken] = await db
    .select({ id: trackingNumbers.id, organizationId: trackingNumbers.organizationId, label: trackingNumbers.label })
    .from(trackingNumbers)
    .where(and(eq(trackingNumbers.phoneNumber, phoneNumber), exceptId ? ne(trackingNumbers.id, exceptId) : undefined))
    .limit(1);
  if (!taken) return;
  // Whether another organization tracks a number is theirs to know: it reads as plainly unavailable.
  throw new TRPCError({
    code: "CONFLICT",
    message:
      taken.organizationId === organizationId
        ? `${phoneNumber} is already one of your tracking numbers (“${taken.label}”).`
        : unavailableNumberMessage(phoneNumber),
  });
}

function refuseLoop(phoneNumber: string, businessNumber: string) {
  if (phoneNumber === businessNumber) {
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: "The business number must be a different phone from the tracking number, or calls would forward to themselves.",
    });
  }
}

/** At most one default SMS sender per organization: clear the others before setting one. */
async function clearOtherDefaults(db: Queryable, organizationId: string, exceptId?: string) {
  await db
    .update(trackingNumbers)
    .set({ defaultSmsSender: false })
    .where(
      and(
        eq(trackingNumbers.organizationId, organizationId),
        eq(trackingNumbers.defaultSmsSender, true),
        exceptId ? ne(trackingNumbers.id, exceptId) : undefined,
      ),
    );
}

export async function listTrackingNumbers(scope: OrgScope) {
  const rows = await scope.db
    .select()
    .from(trackingNumbers)
    .where(eq(trackingNumbers.organizationId, scope.org.id))
    .orderBy(asc(trackingNumbers.createdAt), asc(trackingNumbers.id));
  return rows.map((row) => present(row, scope.config.appUrl));
}

/** Whether Twilio is connected (webhooks can be verified) and the addresses to configure. */
export function trackingSetup(scope: OrgScope) {
  return { twilioConnected: scope.config.sms.kind === "twilio", webhookUrls: twilioWebhookUrls(scope.config.appUrl) };
}

export async function createTrackingNumber(scope: OrgScope, input: NewTrackingNumber) {
  refuseLoop(input.phoneNumber, input.businessNumber);
  await refuseTaken(scope.db, scope.org.id, input.phoneNumber);
  try {
    const row = await scope.db.transaction(async (tx) => {
      if (input.defaultSmsSender) await clearOtherDefaults(tx, scope.org.id);
      const [created] = await tx
        .insert(trackingNumbers)
        .values({ organizationId: scope.org.id, ...input })
        .returning();
      return created!;
    });
    return present(row, scope.config.appUrl);
  } catch (error) {
    if (isUniqueViolation(error)) await refuseTaken(scope.db, scope.org.id, input.phoneNumber);
    throw error;
  }
}

export async function updateTrackingNumber(scope: OrgScope, input: TrackingNumberChanges) {
  const existing = await findInOrg(scope.db, scope.org.id, input.trackingNumberId);
  const phoneNumber = input.phoneNumber ?? existing.phoneNumber;
  refuseLoop(phoneNumber, input.businessNumber ?? existing.businessNumber);
  if (phoneNumber !== existing.phoneNumber) await refuseTaken(scope.db, scope.org.id, phoneNumber, existing.id);
  const { trackingNumberId: _id, ...changes } = input;
  try {
    const row = await scope.db.transaction(async (tx) => {
      if (changes.defaultSmsSender) await clearOtherDefaults(tx, scope.org.id, existing.id);
      const [updated] = await tx
        .update(trackingNumbers)
        .set({ ...changes, updatedAt: new Date() })
        .where(and(eq(trackingNumbers.id, existing.id), eq(trackingNumbers.organizationId, scope.org.id)))
        .returning();
      return updated!;
    });
    return present(row, scope.config.appUrl);
  } catch (error) {
    if (isUniqueViolation(error)) await refuseTaken(scope.db, scope.org.id, phoneNumber, existing.id);
    throw error;
  }
}

export async function deleteTrackingNumber(scope: OrgScope, trackingNumberId: string) {
  const deleted = await scope.db
    .delete(trackingNumbers)
    .where(and(eq(trackingNumbers.id, trackingNumberId), eq(trackingNumbers.organizationId, scope.org.id)))
    .returning({ id: trackingNumbers.id });
  if (deleted.length === 0) throw new TRPCError({ code: "NOT_FOUND", message: "That tracking number was not found." });
  return { deleted: trackingNumberId };
}
