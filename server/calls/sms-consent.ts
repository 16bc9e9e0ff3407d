import type { Queryable } from "@/db/client";
import { isOptedOut } from "@/server/call-tracking/sms-opt-outs";

export const optedOutMessage =
  "This caller replied STOP, so Switchboard won't text them. They can reply START to opt back in.";

/** Why a workflow must not text this number (it replied STOP), or null when it may. */
export async function optedOutReason(db: Queryable, organizationId: string, phoneNumber: string): Promise<string | null> {
  return (await isOptedOut(db, organizationId, phoneNumber)) ? optedOutMessage : null;
}
