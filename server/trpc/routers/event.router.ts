import { acceptSimulatedEvent } from "@/server/events/simulated-event";
import { createTRPCRouter } from "../init";
import { orgProcedure } from "../procedures";
import { simulateEventSchema } from "./event.schemas";

export const eventRouter = createTRPCRouter({
  /** "Simulate a call": builds an event from the form, stores it like any other and hands it to the executor. */
  simulate: orgProcedure("editor")
    .input(simulateEventSchema)
    .mutation(({ ctx, input }) => acceptSimulatedEvent(ctx, { id: ctx.org.id, name: ctx.org.name }, input)),
});
