import type { NodeTypes } from "@xyflow/react";
import { ActionNode, ConditionNode, TriggerNode } from "./workflow-node";

/** Defined once at module level: React Flow re-mounts every node if this object changes identity. */
export const nodeTypes: NodeTypes = {
  trigger: TriggerNode,
  condition: ConditionNode,
  action: ActionNode,
  // A kind this version of the editor doesn't know: drawn as an action so it can be deleted.
  unknown: ActionNode,
};
