import { resolveActiveMembership } from "@/server/organizations/resolve-membership";
import type { TRPCContext } from "@/server/trpc/context";
import { callFiltersSchema } from "@/lib/call-filters";
import { callsCsvFileName, callsCsvStream } from "./calls-csv";

function problem(status: number, message: string) {
  return Response.json({ error: { message } }, { status });
}

/**
 * GET /api/calls/export?source=…&status=…&trackingNumber=…&from=…&to=… — the Calls page's
 * filtered list as a CSV download. Same access rule as the `call` procedures: a signed-in
 * member (any role) of the active organization, scoped to that organization.
 */
export async function exportCallsRequest(request: Request, context: Pick<TRPCContext, "db" | "config" | "user" | "activeOrganizationId">) {
  if (!context.user) return problem(401, "Please sign in again: your session has ended.");
  const params = new URL(request.url).searchParams;
  const filters: Record<string, string> = {};
  for (const key of ["source", "status", "trackingNumber", "from", "to"]) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const parsed = callFiltersSchema.safeParse(filters);
  if (!parsed.success) {
    return problem(400, parsed.error.issues.map((issue) => `${issue.path.join(".") || "filters"}: ${issue.message}`).join("; "));
  }
  const { organization } = await resolveActiveMembership(
    context.db,
    context.user,
    context.activeOrganizationId,
    context.config.encryptionKey,
  );
  const stream = callsCsvStream(context.db, { organizationId: organization.id, timezone: organization.timezone, filters: parsed.data });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${callsCsvFileName(new Date(), organization.timezone)}"`,
      "cache-control": "no-store",
    },
  });
}
