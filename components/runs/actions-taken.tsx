import { getNodeDefinition } from "@/engine";
import { NodeIcon } from "@/components/steps/node-icons";

/** The actions a run carried out, as small labelled icons ("none" when conditions stopped it). */
export function ActionsTaken({ kinds, simulated }: { kinds: string[]; simulated: boolean }) {
  if (kinds.length === 0) return <span className="text-muted-foreground">None</span>;
  return (
    <ul className="flex flex-wrap items-center gap-1.5" aria-label={simulated ? "Actions tried (test run, nothing sent)" : "Actions taken"}>
      {kinds.map((kind, index) => {
        const definition = getNodeDefinition(kind);
        const label = definition?.label ?? kind;
        return (
          <li
            key={`${kind}-${index}`}
            className="inline-flex items-center gap-1 rounded-md bg-action/10 px-1.5 py-0.5 text-xs text-foreground"
            title={simulated ? `${label} (test: not sent)` : label}
          >
            <NodeIcon name={definition?.icon} className="size-3.5 text-action" />
            <span className="max-w-28 truncate">{label}</span>
          </li>
        );
      })}
    </ul>
  );
}
