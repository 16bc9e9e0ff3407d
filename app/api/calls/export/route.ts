import { exportCallsRequest } from "@/server/calls/export-calls-request";
import { getAppConfig } from "@/server/config/app-config";
import { refuseCrossSite } from "@/server/http/cross-site-guard";
import { createRequestContext } from "@/server/trpc/request-context";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return refuseCrossSite(request, getAppConfig().appUrl) ?? exportCallsRequest(request, await createRequestContext());
}
