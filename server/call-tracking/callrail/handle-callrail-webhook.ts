import { createHash } from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Database, Queryable } from "@/db/client";
import { calls, ingestEndpoints } from "@/db/schema";
import { workflowEventSchema, type WorkflowEvent } from "@/engine";
import { acceptEvents } from "@/server/events/accept-events";
import { countPriorCalls } from "@/server/events/caller-history";
import type { Executor } from "@/server/execution/executor";
import { jsonError } from "@/server/http/json-error";
import { readLimitedBody } from "@/server/http/request-body-limit";
import { findUnstorableValue } from "@/server/http/storable-json";
import { callerNumberFrom } from "@/server/phone-numbers/phone-number";
import { isBehind, stageOfStoredCall } from "../call-stages";
import { findOrgTrackingNumber } from "../tracking-number-lookup";
import { callRailEventParams, callRailKindInfo, inferCallRailKind, parseCallRailKind, type CallRailKind } from "./callrail-kinds";
import { bool } from "./coerce";
import { findCallRailEndpoint } from "./endpoint-token";
import { mapCallRailBody, type MappedCallRailBody } from "./map-callrail-body";

export type CallRailWebhookDeps = { db: Database; executor: Executor };

type Json = Record<string, unknown>;

class Unmappable extends Error {
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
  }
}

function parseBody(text: string, contentType: string): Json | null {
  if (contentType.includes("application/x-www-form-urlencoded")) return Object.fromEntries(new URLSearchParams(text));
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? (parsed as Json) : null;
  } catch {
    return null;
  }
}

function unmappable(organizationId: string, kind: string | null, reason: string, issues: string[] = []) {
  console.warn(
    `[callrail] ${organizationId}: could not map ${kind ?? "webhook"}: ${reason}${issues.length ? ` (${issues.join("; ")})` : ""}`,
  );
  return jsonError(422, "unmappable", reason, { ...(kind ? { event: kind } : {}), ...(issues.length ? { issues } : {}) });
}

function sameValue(a: unknown, b: unknown) {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Stores the call CallRail describes in `calls` (so caller history counts it) and completes the
 * draft with what only the database knows: our call id, facts a modification left out, and the
 * changes it made. Null when the call already went past this kind's stage.
 */
async function applyCall(tx: Queryable, organizationId: string, mapped: MappedCallRailBody, body: Json) {
  const info = callRailKindInfo[mapped.kind];
  const call = mapped.draft.call!;
  const caller = mapped.draft.caller!;
  const [existing] = await tx
    .select()
    .from(calls)
    .where(and(eq(calls.organizationId, organizationId), eq(calls.externalId, mapped.externalId)))
    .for("update");
  if (existing && isBehind(info.stage ?? "completed", stageOfStoredCall(existing))) return null;

  if (existing) {
    if (bool(body.answered) === null && existing.answered !== null) {
      call.answered = existing.answered;
      if (existing.status) call.status = existing.status;
    }
    if (call.duration_seconds === undefined && existing.durationSeconds !== null) call.duration_seconds = existing.durationSeconds;
    if (call.recording_url === undefined && existing.recordingUrl) call.recording_url = existing.recordingUrl;
    if (call.tags === undefined) call.tags = existing.tags;
    if (call.ended_at === null && existing.endedAt) call.ended_at = existing.endedAt.toISOString();
    if (info.repeatable) {
      const before: Record<string, unknown> = {
        tags: existing.tags,
        recording_url: existing.recordingUrl,
        duration_seconds: existing.durationSeconds,
        answered: existing.answered,
        status: existing.status,
      };
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const [field, from] of Object.entries(before)) {
        if (!sameValue(from, call[field])) changes[field] = { from: from ?? null, to: call[field] ?? null };
      }
      for (const field of ["value", "notes"]) if (call[field] !== undefined) changes[field] = { from: null, to: call[field] };
      mapped.draft.changes = changes;
    }
  } else if (info.repeatable) {
    mapped.draft.changes = Object.fromEntries(
      ["tags", "value", "notes", "recording_url"]
        .filter((field) => call[field] !== undefined)
        .map((field) => [field, { from: null, to: call[field] }]),
    );
  }

  const values = {
    direction: call.direction as "inbound" | "outbound",
    callerNumber: caller.phone_number as string,
    callerName: (caller.name as string | undefined) ?? existing?.callerName ?? null,
    callerCity: (caller.city as string | undefined) ?? existing?.callerCity ?? null,
    callerState: (caller.state as string | undefined) ?? existing?.callerState ?? null,
    trackingNumber: mapped.draft.tracking_number!.phone_number as string,
    source: ((mapped.draft.attribution as Json | undefined)?.source as string | undefined) ?? existing?.source ?? null,
    status: call.status as string,
    answered: call.answered as boolean,
    durationSeconds: (call.duration_seconds as number | undefined) ?? null,
    startedAt: existing?.startedAt ?? new Date(call.started_at as string),
    endedAt: call.ended_at ? new Date(call.ended_at as string) : null,
    recordingUrl: (call.recording_url as string | undefined) ?? null,
    tags: (call.tags as string[] | undefined) ?? [],
  };
  const [row] = await tx
    .insert(calls)
    .values({ organizationId, externalId: mapped.externalId, ...values })
    .onConflictDoUpdate({ target: [calls.organizationId, calls.externalId], set: values })
    .returning();
  call.id = row!.id;
  call.started_at = row!.startedAt.toISOString();
  return row!;
}

/** CallRail's own first_call / prior_calls when it sent them; otherwise counted from our calls. */
async function fillCallerHistory(
  tx: Queryable,
  organizationId: string,
  caller: Json | null | undefined,
  before: Date,
  excludeCallId?: string,
) {
  if (!caller || (caller.first_call !== undefined && caller.prior_calls !== undefined)) return;
  const number = callerNumberFrom(caller.phone_number as string);
  const prior =
    (caller.prior_calls as number | undefined) ??
    (await countPriorCalls(tx, { organizationId, callerNumber: number.number, before, excludeCallId, validNumber: number.valid }));
  caller.prior_calls = prior;
  caller.first_call ??= prior === 0;
}

/**
 * POST /api/callrail/<token>[?event=post_call] — CallRail's webhook bodies (pre-call, routing
 * complete, post-call, call modified, outbound, text message, form submission) mapped onto the
 * event schema, stored once per (CallRail id, kind), then run. The whole body is kept in the
 * event row as `raw`; the engine reads only the mapped fields.
 */
export async function handleCallRailWebhook(request: Request, token: string, deps: CallRailWebhookDeps): Promise<Response> {
  const endpoint = await findCallRailEndpoint(deps.db, token);
  if (!endpoint) {
    return jsonError(
      404,
      "unknown_endpoint",
      "This CallRail webhook address is not valid (it may have been rotated). Copy the current one from Switchboard's call-tracking settings.",
    );
  }
  const organization = endpoint.organization;
  const read = await readLimitedBody(request);
  if (!read.ok) return jsonError(read.status, read.code, read.message);
  const body = parseBody(read.text, request.headers.get("content-type") ?? "");
  if (!body) return jsonError(400, "invalid_body", "Send CallRail's webhook body as a JSON object.");
  // The whole body is stored with the event, so all of it must be storable, not only the mapped fields.
  const unstorable = findUnstorableValue(body);
  if (unstorable) return unmappable(organization.id, null, unstorable.message);

  const eventParam = new URL(request.url).searchParams.get("event");
  let kind: CallRailKind | null;
  if (eventParam) {
    kind = parseCallRailKind(eventParam);
    if (!kind) {
      return unmappable(
        organization.id,
        eventParam,
        `"${eventParam}" is not a CallRail webhook type. Use one of: ${callRailEventParams.map((item) => item.event).join(", ")}.`,
      );
    }
  } else {
    kind = inferCallRailKind(body);
    if (!kind) {
      return unmappable(
        organization.id,
        null,
        "Could not tell which CallRail webhook this is. Add ?event=post_call (or another type) to the URL in CallRail.",
      );
    }
  }

  const result = mapCallRailBody(kind, body);
  if (!result.ok) return unmappable(organization.id, kind, result.reason);
  const { mapped } = result;
  const repeatable = callRailKindInfo[kind].repeatable ?? false;
  const idempotencyKey = `callrail:${kind}:${mapped.externalId}${repeatable ? `:${createHash("sha256").update(read.text).digest("hex").slice(0, 16)}` : ""}`;

  let outcome: { eventId: string; duplicate: boolean; type: string } | { ignored: string };
  try {
    outcome = await acceptEvents(deps, async (record, tx) => {
      const tracking = mapped.draft.tracking_number;
      if (tracking?.phone_number) {
        const known = await findOrgTrackingNumber(tx, organization.id, tracking.phone_number as string);
        if (known) {
          tracking.label ??= known.label;
          tracking.business_phone_number ??= known.businessNumber;
          const attribution = (mapped.draft.attribution ??= {}) as Json;
          attribution.source ??= known.source ?? undefined;
        }
      }
      let callId: string | null = null;
      if (callRailKindInfo[kind].category === "call") {
        const row = await applyCall(tx, organization.id, mapped, body);
        if (!row) return { ignored: "A later stage of this call was already recorded." };
        callId = row.id;
        await fillCallerHistory(tx, organization.id, mapped.draft.caller, row.startedAt, row.id);
      } else {
        await fillCallerHistory(tx, organization.id, mapped.draft.caller, new Date());
      }

      const parsed = workflowEventSchema.safeParse({ ...mapped.draft, type: mapped.eventType, organization });
      if (!parsed.success) {
        throw new Unmappable(
          "The webhook body does not describe a valid event.",
          parsed.error.issues.map((issue) => `${issue.path.join(".") || "event"}: ${issue.message}`),
        );
      }
      // Unknown CallRail fields are not part of the event schema; the whole body stays with the stored event.
      const event: WorkflowEvent = Object.assign({}, parsed.data, { raw: body });
      const recorded = await record({ organization, source: "callrail", idempotencyKey, event, callId });
      await tx.update(ingestEndpoints).set({ lastUsedAt: new Date() }).where(eq(ingestEndpoints.id, endpoint.endpointId));
      return { ...recorded, type: mapped.eventType };
    });
  } catch (error) {
    if (error instanceof Unmappable) return unmappable(organization.id, kind, error.message, error.issues);
    throw error;
  }

  if ("ignored" in outcome) return Response.json({ ignored: true, reason: outcome.ignored }, { status: 200 });
  return Response.json({ event_id: outcome.eventId, type: outcome.type, duplicate: outcome.duplicate }, { status: 200 });
}
