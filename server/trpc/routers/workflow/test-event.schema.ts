import { z } from "zod";

/** A sample event as edited in the panel (checked against the event format on the server), or a real one by id. */
export const testEventChoiceSchema = z.discriminatedUnion("source", [
  z.object({ source: z.literal("sample"), payload: z.unknown() }),
  z.object({ source: z.literal("recent"), eventId: z.string().min(1) }),
]);
