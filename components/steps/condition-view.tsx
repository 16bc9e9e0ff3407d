import { summarizeNode } from "@/engine";
import { LabelValue, LabelValueList } from "@/components/ui/label-value";

/** A condition's check: the rule, what it found in the event, and the path that ran. */
export function ConditionView({
  node,
  observed,
  branch,
}: {
  node?: { kind: string; config: unknown };
  observed: unknown;
  branch: "true" | "false" | null;
}) {
  return (
    <LabelValueList>
      {node ? <LabelValue label="Rule">{summarizeNode(node.kind, node.config)}</LabelValue> : null}
      {observed !== null && observed !== undefined ? (
        <LabelValue label="Found">{typeof observed === "object" ? JSON.stringify(observed) : String(observed)}</LabelValue>
      ) : null}
      {branch ? (
        <LabelValue label="Result">
          <span className={branch === "true" ? "text-success" : "text-destructive"}>
            {branch === "true" ? "Yes — the Yes path ran" : "No — the No path ran"}
          </span>
        </LabelValue>
      ) : null}
    </LabelValueList>
  );
}
