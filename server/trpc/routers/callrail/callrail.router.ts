import { and, eq } from "drizzle-orm";
import { ingestEndpoints } from "@/db/schema";
import { callRailEventParams } from "@/server/call-tracking/callrail/callrail-kinds";
import { generateCallRailToken } from "@/server/call-tracking/callrail/endpoint-token";
import { callRailEndpointUrl } from "@/server/call-tracking/webhook-urls";
import { createTRPCRouter } from "../../init";
import { orgProcedure } from "../../procedures";

/** One address per CallRail webhook type: the same secret URL, with `?event=` naming what CallRail sends. */
function perWebhookUrls(url: string) {
  return callRailEventParams.map(({ event, label }) => ({ event, label, url: `${url}?event=${event}` }));
}

/**
 * The organization's secret CallRail webhook URL (admins only). The token is stored hashed, so
 * the full URL is shown once — when it is created or rotated; `getEndpoint` shows its start.
 */
export const callrailRouter = createTRPCRouter({
  getEndpoint: orgProcedure("admin").query(async ({ ctx }) => {
    const [row] = await ctx.db
      .select()
      .from(ingestEndpoints)
      .where(and(eq(ingestEndpoints.organizationId, ctx.org.id), eq(ingestEndpoints.kind, "callrail")))
      .limit(1);
    if (!row) return { configured: false as const, urlPreview: null, createdAt: null, lastUsedAt: null };
    return {
      configured: true as const,
      urlPreview: `${callRailEndpointUrl(ctx.config.appUrl, row.tokenPrefix)}…`,
      createdAt: row.createdAt,
      lastUsedAt: row.lastUsedAt,
    };
  }),
  /** Creates the URL, or replaces it: the old URL stops working at once. */
  rotateToken: orgProcedure("admin").mutation(async ({ ctx }) => {
    const { token, prefix, hash } = generateCallRailToken();
    const now = new Date();
    await ctx.db
      .insert(ingestEndpoints)
      .values({ organizationId: ctx.org.id, kind: "callrail", tokenHash: hash, tokenPrefix: prefix, createdAt: now })
      .onConflictDoUpdate({
        target: [ingestEndpoints.organizationId, ingestEndpoints.kind],
        set: { tokenHash: hash, tokenPrefix: prefix, createdAt: now, lastUsedAt: null },
      });
    const url = callRailEndpointUrl(ctx.config.appUrl, token);
    return { token, url, webhookUrls: perWebhookUrls(url) };
  }),
});
