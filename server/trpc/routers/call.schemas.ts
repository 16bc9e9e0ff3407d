import { z } from "zod";
import { callFiltersSchema } from "@/lib/call-filters";

export const listCallsSchema = z.object({
  filters: callFiltersSchema.default({}),
  limit: z.number().int().min(1).max(100).default(25),
  /** Keyset cursor: the last row's start time and id. */
  cursor: z.object({ startedAt: z.date(), id: z.string() }).nullish(),
});

export const getCallSchema = z.object({ callId: z.string().min(1) });
