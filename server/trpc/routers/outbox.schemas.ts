import { z } from "zod";

export const listOutboxSchema = z.object({
  channel: z.enum(["email", "sms"]).optional(),
  limit: z.number().int().min(1).max(200).default(50),
});
