import type { Database } from "@/db/client";
import { authenticateApiKey } from "../api-keys/authenticate-api-key";
import { acceptEvents } from "../events/accept-events";
import type { Executor } from "../execution/executor";
import { jsonError } from "../http/json-error";
import { readLimitedBody } from "../http/request-body-limit";
import type { RateLimitResult } from "../rate-limit/sliding-window-limiter";
import { parseIngestEvents } from "./parse-ingest-events";

export type IngestDeps = { db: Database; executor: Executor; rateLimit: (key: string) => RateLimitResult };

/**
 * POST /api/v1/events. Answers 202 only once every event is committed; the executor gets them after.
 */
export async function handleIngestRequest(request: Request, deps: IngestDeps): Promise<Response> {
  const auth = await authenticateApiKey(deps.db, request.headers.get("authorization"));
  if (!auth) {
    return jsonError(401, "unauthorized", 'Send a valid API key as "Authorization: Bearer sb_live_…" (Settings → API keys).');
  }
  const verdict = deps.rateLimit(auth.keyId);
  if (!verdict.allowed) {
    return jsonError(
      429,
      "rate_limited",
      `Too many requests for this API key; retry in ${verdict.retryAfterSeconds} s.`,
      {},
      {
        "retry-after": String(verdict.retryAfterSeconds),
      },
    );
  }
  if (!(request.headers.get("content-type") ?? "").toLowerCase().includes("application/json")) {
    return jsonError(415, "unsupported_media_type", 'Send the event as JSON with "Content-Type: application/json".');
  }
  const body = await readLimitedBody(request);
  if (!body.ok) return jsonError(body.status, body.code, body.message);
  let json: unknown;
  try {
    json = JSON.parse(body.text);
  } catch {
    // Also a RangeError, should a runtime's parser run out of stack on absurdly deep nesting.
    return jsonError(400, "invalid_json", "The body is not valid JSON.");
  }

  const parsed = parseIngestEvents(json, { idempotencyHeader: request.headers.get("idempotency-key"), organization: auth.organization });
  if (!parsed.ok) return jsonError(422, "invalid_event", parsed.message, parsed.issues ? { issues: parsed.issues } : {});

  const stored = await acceptEvents(
    deps,
    parsed.events.map((item) => ({ organization: auth.organization, source: "api" as const, ...item })),
  );
  const recorded = parsed.events.map((item, index) => ({ id: item.idempotencyKey, ...stored[index]! }));

  const accepted = recorded.map((item) => ({ id: item.id, event_id: item.eventId, duplicate: item.duplicate }));
  return Response.json(Array.isArray(json) ? { accepted } : accepted[0], { status: 202 });
}
