import { createCallerFactory, createTRPCRouter } from "./init";
import { invitationRouter } from "./routers/invitation.router";
import { memberRouter } from "./routers/member.router";
import { organizationRouter } from "./routers/organization.router";
import { outboxRouter } from "./routers/outbox.router";
import { apiKeyRouter } from "./routers/api-key.router";
import { eventRouter } from "./routers/event.router";
import { runRouter } from "./routers/run.router";
import { webhookSecretRouter } from "./routers/webhook-secret.router";
import { workflowRouter } from "./routers/workflow.router";
import { trackingNumberRouter } from "./routers/tracking-number.router";
import { callrailRouter } from "./routers/callrail.router";
import { callRouter } from "./routers/call.router";
import { dashboardRouter } from "./routers/dashboard.router";

export const appRouter = createTRPCRouter({
  organization: organizationRouter,
  member: memberRouter,
  invitation: invitationRouter,
  outbox: outboxRouter,
  apiKey: apiKeyRouter,
  webhookSecret: webhookSecretRouter,
  workflow: workflowRouter,
  event: eventRouter,
  run: runRouter,
  trackingNumber: trackingNumberRouter,
  callrail: callrailRouter,
  calls: callRouter,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
