import { getExecutionDeps } from "@/server/execution/execution-runtime";
import { inngest } from "../client";
import { createFanOutFunction } from "./fan-out";
import { createRunWorkflowFunction } from "./run-workflow";

export const functions = [
  createFanOutFunction(inngest, getExecutionDeps),
  createRunWorkflowFunction(inngest, getExecutionDeps),
];
