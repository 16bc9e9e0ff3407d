import type { DelayInput } from "../catalogue/actions/delay";
import type { AnyNodeDefinition, ConditionContext, ConditionOutcome } from "../catalogue/node-definition";
import { getNodeDefinition, type ActionInputs, type ExecutableActionKind } from "../catalogue/registry";
import { triggerConfigSchema } from "../catalogue/triggers/trigger";
import type { WorkflowEvent } from "../events/event-schema";
import { eventSatisfiesTrigger } from "../events/trigger-match";
import type { WorkflowGraph, WorkflowNode } from "../graph/graph-schema";
import { adjacencyOf, topologicalOrder } from "../graph/topology";
import { renderTemplate } from "../templates/liquid";
import type { NodeError, NodeResult, WorkflowPorts, WorkflowRunResult } from "./ports";

export function toNodeError(error: unknown): NodeError {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { message: error.message, name: error.name, ...(typeof code === "string" ? { code } : {}) };
  }
  if (error && typeof error === "object" && "message" in error) {
    const { message, name, code } = error as { message: unknown; name?: unknown; code?: unknown };
    return {
      message: String(message),
      name: typeof name === "string" ? name : "Error",
      ...(typeof code === "string" ? { code } : {}),
    };
  }
  return { message: String(error), name: "Error" };
}

class NodeFailure extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "NodeFailure";
  }
}

/**
 * Walks the graph in topological order. A node runs once all its incoming edges
 * are decided and at least one was taken; otherwise it is skipped, and so are the
 * edges leaving it. A failed node takes none of its edges, so only its own
 * downstream stops. Each condition and action is one durable step keyed by node
 * id, and the order is fixed by the graph, so a replay reuses finished steps.
 */
export async function walkWorkflow(graph: WorkflowGraph, event: WorkflowEvent, ports: WorkflowPorts): Promise<WorkflowRunResult> {
  const nodes: Record<string, NodeResult> = {};
  const order: string[] = [];
  const topological = topologicalOrder(graph);
  if (!topological) {
    return {
      status: "failed",
      nodes,
      order,
      error: { name: "WorkflowGraphError", code: "cycle", message: "This workflow has a loop and cannot run." },
    };
  }

  const nodesById = new Map<string, WorkflowNode>();
  for (const node of graph.nodes) if (!nodesById.has(node.id)) nodesById.set(node.id, node);
  const { incoming, outgoing } = adjacencyOf(graph);
  const taken = new Map<string, boolean>();
  let actionsRan = 0;

  const finish = async (node: WorkflowNode, result: NodeResult, takenHandles: ReadonlySet<string>) => {
    nodes[node.id] = result;
    order.push(node.id);
    for (const edge of outgoing.get(node.id)!) taken.set(edge.id, takenHandles.has(edge.sourceHandle));
    await ports.onNodeFinished?.(node.id, result, node);
  };

  const guard = async <T>(work: () => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: NodeError }> => {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      if (ports.isControlFlowError?.(error)) throw error;
      return { ok: false, error: toNodeError(error) };
    }
  };

  const none = new Set<string>();
  for (const nodeId of topological) {
    const node = nodesById.get(nodeId)!;
    const definition = getNodeDefinition(node.kind);

    if (node.kind === "trigger") {
      const config = triggerConfigSchema.safeParse(node.config);
      const fires = config.success && eventSatisfiesTrigger(config.data, event);
      if (fires) await finish(node, { status: "succeeded", output: { eventType: event.type } }, new Set(["out"]));
      else await finish(node, { status: "skipped", output: { eventType: event.type } }, none);
      continue;
    }

    const parents = incoming.get(node.id)!;
    if (!parents.some((edge) => taken.get(edge.id) === true)) {
      await finish(node, { status: "skipped" }, none);
      continue;
    }

    const config = definition?.configSchema.safeParse(node.config);
    if (!definition || !config?.success) {
      const error = definition
        ? new NodeFailure("This step's settings are invalid.", "invalid_config")
        : new NodeFailure(`Unknown step kind "${node.kind}".`, "unknown_kind");
      await finish(node, { status: "failed", error: toNodeError(error) }, none);
      continue;
    }

    if (definition.category === "condition") {
      const outcome = await guard(() =>
        ports.step.run(node.id, async (): Promise<ConditionOutcome> => {
          const ctx: ConditionContext = {
            org: ports.org,
            now: ports.now?.() ?? new Date(),
            callsFromNumberSince: (phone, since) => ports.callsFromNumberSince(phone, since),
          };
          const result = await definition.evaluate(config.data, event, ctx);
          return { passed: result.passed, observed: result.observed ?? null };
        }),
      );
      if (!outcome.ok) {
        await finish(node, { status: "failed", input: config.data, error: outcome.error }, none);
        continue;
      }
      const branch = outcome.value.passed ? "true" : "false";
      await finish(node, { status: "succeeded", branch, input: config.data, output: outcome.value.observed }, new Set([branch]));
      continue;
    }

    if (definition.category === "action") {
      const prepared = await guard(async () => prepareAction(definition, config.data, event, ports));
      if (!prepared.ok) {
        await finish(node, { status: "failed", error: prepared.error }, none);
        continue;
      }
      const input = prepared.value;
      if (node.kind === "action.delay") {
        const waited = await guard(() => ports.step.sleep(node.id, input as DelayInput));
        if (!waited.ok) await finish(node, { status: "failed", input, error: waited.error }, none);
        else await finish(node, { status: "succeeded", input }, new Set(["out"]));
        continue;
      }
      actionsRan += 1;
      const kind = node.kind as ExecutableActionKind;
      const executed = await guard(() =>
        ports.step.run(node.id, () => ports.actions.execute(kind, input as ActionInputs[typeof kind], node)),
      );
      if (!executed.ok) await finish(node, { status: "failed", input, error: executed.error }, none);
      else await finish(node, { status: "succeeded", input, output: executed.value ?? null }, new Set(["out"]));
      continue;
    }

    // Unreachable with the current categories; a dead end is the safe reading of anything new.
    await finish(node, { status: "skipped" }, none);
  }

  const results = Object.values(nodes);
  const status = results.some((result) => result.status === "failed") ? "failed" : actionsRan > 0 ? "succeeded" : "skipped";
  return { status, nodes, order };
}

function prepareAction(definition: AnyNodeDefinition, config: unknown, event: WorkflowEvent, ports: WorkflowPorts): unknown {
  if (definition.category !== "action") throw new NodeFailure("Not an action.", "not_an_action");
  return definition.prepare(config, event, { org: ports.org, run: ports.run, renderTemplate });
}
