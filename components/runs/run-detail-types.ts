import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/trpc/app-router";

export type RunDetailData = inferRouterOutputs<AppRouter>["run"]["get"];
export type RunStepData = RunDetailData["steps"][number];
