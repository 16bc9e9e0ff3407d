import {
  createTrackingNumber,
  deleteTrackingNumber,
  listTrackingNumbers,
  trackingSetup,
  updateTrackingNumber,
} from "@/server/tracking-numbers/tracking-numbers";
import { createTRPCRouter } from "../init";
import { orgProcedure } from "../procedures";
import { createTrackingNumberSchema, trackingNumberIdSchema, updateTrackingNumberSchema } from "./tracking-number.schemas";

/** Tracking numbers (Twilio numbers that forward to the business): everyone reads, admins change. */
export const trackingNumberRouter = createTRPCRouter({
  list: orgProcedure("viewer").query(({ ctx }) => listTrackingNumbers(ctx)),
  setup: orgProcedure("viewer").query(({ ctx }) => trackingSetup(ctx)),
  create: orgProcedure("admin")
    .input(createTrackingNumberSchema)
    .mutation(({ ctx, input }) => createTrackingNumber(ctx, input)),
  update: orgProcedure("admin")
    .input(updateTrackingNumberSchema)
    .mutation(({ ctx, input }) => updateTrackingNumber(ctx, input)),
  delete: orgProcedure("admin")
    .input(trackingNumberIdSchema)
    .mutation(({ ctx, input }) => deleteTrackingNumber(ctx, input.trackingNumberId)),
});
