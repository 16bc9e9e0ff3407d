import { z } from "zod";

const runStatuses = ["queued", "running", "waiting", "succeeded", "failed", "skipped"] as const;

export const runListFiltersSchema = z.object({
  workflowId: z.string().max(64).optional(),
  status: z.enum(runStatuses).optional(),
  /** The trigger's event type, e.g. "call.missed". */
  eventType: z.string().max(64).optional(),
  /** Created at or after. */
  from: z.date().optional(),
  /** Created before. */
  to: z.date().optional(),
  callerNumber: z.string().max(40).optional(),
  /** Caller number or name, or workflow name. */
  search: z.string().max(100).optional(),
});

export const listRunsSchema = runListFiltersSchema.extend({
  limit: z.number().int().min(1).max(100).default(25),
  /** Keyset cursor: the last row's creation time (as the database writes it) and id. */
  cursor: z.object({ createdAt: z.string().max(64), id: z.string().max(64) }).nullish(),
});

export const getRunSchema = z.object({ runId: z.string().min(1) });

export const replayRunSchema = z.object({ runId: z.string().min(1) });
