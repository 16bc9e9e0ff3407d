import { createTRPCRouter } from "../../init";
import { orgProcedure } from "../../procedures";
import {
  createTrackingNumber,
  deleteTrackingNumber,
  listTrackingNumbers,
  trackingSetup,
  updateTrackingNumber,
} from "./tracking-number.handlers";
import { createTrackingNumberSchema, trackingNumberIdSchema, updateTrackingNumberSchema } from "./tracking-number.schemas";

/** Tracking numbers (Twilio numbers that forward to the business): everyone reads, admins change. */
export const trackingNumberRouter = createTRPCRouter({
  list: orgProcedure("viewer").query(listTrackingNumbers),
  setup: orgProcedure("viewer").query(trackingSetup),
  create: orgProcedure("admin").input(createTrackingNumberSchema).mutation(createTrackingNumber),
  update: orgProcedure("admin").input(updateTrackingNumberSchema).mutation(updateTrackingNumber),
  delete: orgProcedure("admin").input(trackingNumberIdSchema).mutation(deleteTrackingNumber),
});
