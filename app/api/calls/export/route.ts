import { exportCallsRequest } from "@/server/calls/export-calls-request";
import { createRequestContext } from "@/server/trpc/request-context";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return exportCallsRequest(request, await createRequestContext());
}
