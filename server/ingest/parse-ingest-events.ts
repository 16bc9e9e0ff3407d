import { workflowEventSchema, type WorkflowEvent } from "@/engine";
import { findUnstorableValue } from "../http/storable-json";

export const MAX_BATCH = 100;

export type ParsedIngest =
  | { ok: true; events: Array<{ idempotencyKey: string; event: WorkflowEvent }> }
  | { ok: false; message: string; issues?: Array<{ index?: number; path: string; message: string }> };

/**
 * One event object or an array of them (a batch). Each needs an `id` — the idempotency key —
 * unless a single event comes with an Idempotency-Key header. The organization comes from the API key.
 * A value PostgreSQL could never store refuses the request before anything is written, wherever it
 * sits (even in a field the schema would drop): such a body is wrong, and retrying cannot fix it.
 */
export function parseIngestEvents(
  body: unknown,
  options: { idempotencyHeader: string | null; organization: { id: string; name: string } },
): ParsedIngest {
  const isBatch = Array.isArray(body);
  const items: unknown[] = isBatch ? body : [body];
  if (items.length === 0) return { ok: false, message: "The batch is empty: send at least one event." };
  if (items.length > MAX_BATCH) return { ok: false, message: `Send at most ${MAX_BATCH} events per request.` };

  for (const [index, item] of items.entries()) {
    const unstorable = findUnstorableValue(item);
    if (unstorable) {
      const issue = { index: isBatch ? index : undefined, path: unstorable.path, message: unstorable.message };
      return { ok: false, message: isBatch ? `Event at index ${index}: ${unstorable.message}` : unstorable.message, issues: [issue] };
    }
  }
  const events: Array<{ idempotencyKey: string; event: WorkflowEvent }> = [];
  const issues: Array<{ index?: number; path: string; message: string }> = [];
  items.forEach((item, index) => {
    if (!item || typeof item !== "object" || Array.isArray(item)) {
      issues.push({ index: isBatch ? index : undefined, path: "", message: "Each event must be a JSON object." });
      return;
    }
    const raw = item as Record<string, unknown>;
    const idempotencyKey = (typeof raw.id === "string" && raw.id) || (!isBatch && options.idempotencyHeader) || null;
    if (!idempotencyKey) {
      issues.push({
        index: isBatch ? index : undefined,
        path: "id",
        message: 'Give each event an "id" (or send an Idempotency-Key header with a single event).',
      });
      return;
    }
    const parsed = workflowEventSchema.safeParse({
      created_at: new Date().toISOString(),
      ...raw,
      id: idempotencyKey,
      organization: options.organization,
    });
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 20)) {
        issues.push({ index: isBatch ? index : undefined, path: issue.path.join("."), message: issue.message });
      }
      return;
    }
    events.push({ idempotencyKey: idempotencyKey.slice(0, 200), event: parsed.data });
  });
  if (issues.length > 0) {
    const first = issues[0]!;
    const where = first.path ? ` at "${first.path}"` : "";
    return { ok: false, message: `The event is not valid${where}: ${first.message}`, issues };
  }
  return { ok: true, events };
}
