import type { EdgeTypes } from "@xyflow/react";
import { StepEdge } from "./step-edge";

/** Defined once at module level, like the node types: a new object would re-mount every connection. */
export const edgeTypes: EdgeTypes = { step: StepEdge };
