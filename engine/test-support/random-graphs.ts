import fc from "fast-check";
import { nodeCatalogue, nodeKinds, type NodeKind } from "../catalogue/registry";
import type { EdgeHandle, WorkflowEdge, WorkflowGraph, WorkflowNode } from "../graph/graph-schema";

export interface RandomGraphOptions {
  kinds?: readonly NodeKind[];
  maxNodes?: number;
  /** Allow edges that point backwards (cycles), into the trigger, or to missing nodes. */
  allowMess?: boolean;
}

const conditionHandle = (flag: boolean): EdgeHandle => (flag ? "true" : "false");

/**
 * Graphs built mostly forward from a trigger, so that many are valid; with
 * `allowMess`, some edges point backwards or nowhere, and some configs are junk.
 */
export function randomGraph(options: RandomGraphOptions = {}): fc.Arbitrary<WorkflowGraph> {
  const kinds = options.kinds ?? nodeKinds.filter((kind) => kind !== "trigger");
  const maxNodes = options.maxNodes ?? 10;
  return fc.integer({ min: 0, max: maxNodes }).chain((count) =>
    fc
      .record({
        kinds: fc.array(fc.constantFrom(...kinds), { minLength: count, maxLength: count }),
        thresholds: fc.array(fc.integer({ min: 0, max: 400 }), { minLength: count, maxLength: count }),
        open: fc.array(fc.subarray(["true", "false"] as const), { minLength: count, maxLength: count }),
        junkConfig: fc.array(options.allowMess ? fc.boolean() : fc.constant(false), { minLength: count, maxLength: count }),
        parents: fc.array(fc.tuple(fc.nat(), fc.boolean()), { minLength: count, maxLength: count }),
        links: fc.array(fc.tuple(fc.nat(count), fc.nat(count), fc.boolean()), { maxLength: count * 2 }),
        /** Mark every unconnected condition branch as deliberately open. */
        tidy: fc.boolean(),
        mess: options.allowMess
          ? fc.array(fc.tuple(fc.nat(count + 1), fc.nat(count + 1), fc.constantFrom("out", "true", "false")), { maxLength: 3 })
          : fc.constant([] as Array<[number, number, string]>),
        secondTrigger: options.allowMess ? fc.boolean() : fc.constant(false),
      })
      .map(({ kinds: chosen, thresholds, open, junkConfig, parents, links, mess, secondTrigger, tidy }) => {
        const nodes: WorkflowNode[] = [
          { id: "n0", kind: "trigger", position: { x: 0, y: 0 }, config: { eventType: "call.completed", trackingNumbers: [] } },
        ];
        chosen.forEach((kind, index) => {
          const i = index + 1;
          let config: unknown = nodeCatalogue[kind].defaultConfig();
          if (kind === "condition.call_duration") config = { operator: "gt", seconds: thresholds[index], unit: "seconds" };
          if (kind === "action.webhook") config = { urls: [`https://example.com/${i}`], headers: [] };
          if (kind === "action.tag_call") config = { tags: ["random"] };
          if (kind === "condition.tracking_number") config = { numbers: ["+14155550100"] };
          if (kind === "condition.caller_state") config = { operator: "any_of", states: ["CA"] };
          if (kind === "condition.tags") config = { match: "any", tags: ["new-patient"] };
          if (junkConfig[index]) config = { nonsense: thresholds[index] };
          nodes.push({ id: `n${i}`, kind, position: { x: i, y: 0 }, config, openHandles: [...open[index]] } as WorkflowNode);
        });
        if (secondTrigger) nodes.push({ ...nodes[0], id: "n_extra" });
        const edges = new Map<string, WorkflowEdge>();
        const add = (source: string, sourceHandle: string, target: string) => {
          const id = `${source}-${sourceHandle}-${target}`;
          edges.set(id, { id, source, sourceHandle: sourceHandle as EdgeHandle, target });
        };
        const links2: Array<[number, number, boolean]> = parents.map(([seed, flag], index) => [seed % (index + 1), index + 1, flag]);
        for (const [a, b, flag] of [...links2, ...links]) {
          if (a === b) continue;
          const [from, to] = a < b ? [a, b] : [b, a];
          const source = nodes[from];
          const handle = nodeCatalogue[source.kind].category === "condition" ? conditionHandle(flag) : "out";
          add(source.id, handle, nodes[to].id);
        }
        for (const [a, b, handle] of mess) add(`n${a}`, handle, `n${b}`);
        if (tidy) {
          for (const node of nodes) {
            if (nodeCatalogue[node.kind].category !== "condition") continue;
            const used = new Set([...edges.values()].filter((e) => e.source === node.id).map((e) => e.sourceHandle));
            node.openHandles = (["true", "false"] as const).filter((handle) => !used.has(handle));
          }
        }
        return { version: 1 as const, nodes, edges: [...edges.values()] };
      }),
  );
}
