import { and, eq } from "drizzle-orm";
import type { Database } from "@/db/client";
import { memberships, users, workflows } from "@/db/schema";
import type { EmailSender } from "../email/email-sender";

export type FailedRun = { runId: string; workflowId: string; organizationId: string; error: string | null };

const HOUR_MS = 60 * 60 * 1000;

/**
 * Tells a workflow's owners that a run failed after its retries — at most one email per workflow
 * per hour (the hour is part of the idempotency key, so the outbox refuses the second one, even
 * when two runs fail at the same moment: the email sender answers the loser "already sent").
 */
export function createFailureAlerter(db: Database, sendEmail: EmailSender, appUrl: string, now: () => Date = () => new Date()) {
  return async function alertRunFailed(run: FailedRun) {
    const [workflow] = await db
      .select({ name: workflows.name, alertsEnabled: workflows.alertsEnabled, createdByUserId: workflows.createdByUserId })
      .from(workflows)
      .where(and(eq(workflows.id, run.workflowId), eq(workflows.organizationId, run.organizationId)))
      .limit(1);
    if (!workflow?.alertsEnabled) return;
    const members = await db
      .select({ userId: users.id, email: users.email, role: memberships.role })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, run.organizationId));
    const recipients = new Set(
      members
        .filter((member) => member.role === "owner" || member.userId === workflow.createdByUserId)
        .flatMap((member) => (member.email ? [member.email] : [])),
    );
    const hour = Math.floor(now().getTime() / HOUR_MS);
    const url = `${appUrl}/runs/${run.runId}`;
    for (const to of recipients) {
      await sendEmail({
        organizationId: run.organizationId,
        category: "alert",
        to,
        subject: `Workflow “${workflow.name}” failed`,
        text: [
          `A run of “${workflow.name}” failed${run.error ? `: ${run.error}` : "."}`,
          "",
          `See what happened: ${url}`,
          "",
          "You get at most one of these emails per workflow per hour. Turn them off in the workflow's settings.",
        ].join("\n"),
        actionUrl: url,
        idempotencyKey: `alert:${run.workflowId}:${hour}:${to}`,
      });
    }
  };
}
