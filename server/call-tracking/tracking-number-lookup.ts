import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { organizations, trackingNumbers } from "@/db/schema";
import { normalizePhoneNumber } from "../phone-numbers/phone-number";

export type TrackingNumberRow = typeof trackingNumbers.$inferSelect;
export type TrackingNumberWithOrg = TrackingNumberRow & { organization: { id: string; name: string } };

/** The tracking number that was dialled or texted (any organization: numbers are unique), with its organization. */
export async function findTrackingNumber(db: Queryable, rawNumber: string | null | undefined): Promise<TrackingNumberWithOrg | null> {
  const normalized = normalizePhoneNumber(rawNumber ?? "");
  if (!normalized.ok) return null;
  const [row] = await db
    .select({ number: trackingNumbers, organization: { id: organizations.id, name: organizations.name } })
    .from(trackingNumbers)
    .innerJoin(organizations, eq(organizations.id, trackingNumbers.organizationId))
    .where(eq(trackingNumbers.phoneNumber, normalized.number))
    .limit(1);
  return row ? { ...row.number, organization: row.organization } : null;
}

/** One of the organization's tracking numbers by its phone number, or null. */
export async function findOrgTrackingNumber(db: Queryable, organizationId: string, phoneNumber: string): Promise<TrackingNumberRow | null> {
  const [row] = await db
    .select()
    .from(trackingNumbers)
    .where(and(eq(trackingNumbers.organizationId, organizationId), eq(trackingNumbers.phoneNumber, phoneNumber)))
    .limit(1);
  return row ?? null;
}
