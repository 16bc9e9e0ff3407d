import { handleCallRailWebhook } from "@/server/call-tracking/callrail/handle-callrail-webhook";
import { getDb } from "@/server/db";
import { getExecutor } from "@/server/execution/execution-runtime";
import { writeFailureResponse } from "@/server/http/write-failure-response";

export const runtime = "nodejs";

export async function POST(request: Request, context: { params: Promise<{ token: string }> }) {
  try {
    const { token } = await context.params;
    return await handleCallRailWebhook(request, token, { db: await getDb(), executor: await getExecutor() });
  } catch (error) {
    return writeFailureResponse(
      error,
      "The webhook could not be stored; nothing was accepted. CallRail will retry.",
      "POST /api/callrail/…",
    );
  }
}
