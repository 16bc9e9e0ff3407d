import { getDb } from "@/server/db";
import { getExecutor } from "@/server/execution/execution-runtime";
import { handleIngestRequest } from "@/server/ingest/handle-ingest-request";
import { ingestRateLimit } from "@/server/ingest/ingest-rate-limit";
import { writeFailureResponse } from "@/server/http/write-failure-response";

export const runtime = "nodejs";

export async function POST(request: Request) {
  try {
    return await handleIngestRequest(request, { db: await getDb(), executor: await getExecutor(), rateLimit: ingestRateLimit });
  } catch (error) {
    return writeFailureResponse(
      error,
      "The event could not be stored; nothing was accepted. Retry with the same id.",
      "POST /api/v1/events",
    );
  }
}
