import { getAppConfig } from "@/server/config/app-config";
import { getExecutionDeps } from "@/server/execution/execution-runtime";
import { inngest } from "@/server/execution/inngest/inngest-client";
import { createDeleteOldRunsFunction } from "./delete-old-runs";
import { createFanOutFunction } from "./fan-out";
import { createRunWorkflowFunction } from "./run-workflow";

export const functions = [
  createFanOutFunction(inngest, getExecutionDeps),
  createRunWorkflowFunction(inngest, getExecutionDeps),
  createDeleteOldRunsFunction(inngest, async () => ({ db: (await getExecutionDeps()).db, retentionDays: getAppConfig().runRetentionDays })),
];
