import { describeCallRailEndpoint, rotateCallRailEndpoint } from "@/server/call-tracking/callrail/callrail-endpoint";
import { createTRPCRouter } from "../init";
import { orgProcedure } from "../procedures";

/** The organization's secret CallRail webhook URL: admins only. */
export const callrailRouter = createTRPCRouter({
  getEndpoint: orgProcedure("admin").query(({ ctx }) => describeCallRailEndpoint(ctx)),
  rotateToken: orgProcedure("admin").mutation(({ ctx }) => rotateCallRailEndpoint(ctx)),
});
