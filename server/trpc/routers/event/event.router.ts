import { TRPCError } from "@trpc/server";
import { recordEvent } from "@/server/events/record-events";
import { buildSimulatedEvent, simulateEventSchema } from "@/server/events/simulated-event";
import { createTRPCRouter } from "../../init";
import { orgProcedure } from "../../procedures";

export const eventRouter = createTRPCRouter({
  /** "Simulate a call": builds an event from the form, stores it like any other and hands it to the executor. */
  simulate: orgProcedure("editor")
    .input(simulateEventSchema)
    .mutation(async ({ ctx, input }) => {
      let event;
      try {
        event = buildSimulatedEvent(input);
      } catch {
        throw new TRPCError({ code: "BAD_REQUEST", message: "Those details do not make a valid event. Check the phone numbers." });
      }
      const { eventId } = await recordEvent(ctx.db, {
        organization: { id: ctx.org.id, name: ctx.org.name },
        source: "simulator",
        idempotencyKey: event.id,
        event,
      });
      await ctx.executor.dispatchEvent(eventId);
      return { eventId };
    }),
});
