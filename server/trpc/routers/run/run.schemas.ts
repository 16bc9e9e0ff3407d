import { z } from "zod";

export const listRunsSchema = z.object({
  workflowId: z.string().optional(),
  status: z.enum(["queued", "running", "waiting", "succeeded", "failed", "skipped"]).optional(),
  limit: z.number().int().min(1).max(100).default(25),
  /** Keyset cursor: the last row's creation time and id. */
  cursor: z.object({ createdAt: z.date(), id: z.string() }).nullish(),
});

export const getRunSchema = z.object({ runId: z.string().min(1) });
