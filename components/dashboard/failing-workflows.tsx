import { AlertTriangle } from "lucide-react";
import Link from "next/link";
import { relativeTime } from "@/components/ui/relative-time";
import type { FailingWorkflow } from "@/server/dashboard/dashboard-summary";

export function FailingWorkflows({ workflows }: { workflows: FailingWorkflow[] }) {
  return (
    <ul className="divide-y">
      {workflows.map((workflow) => (
        <li key={workflow.id} className="flex flex-wrap items-center justify-between gap-x-3 gap-y-1 py-2.5 text-sm">
          <span className="flex min-w-0 items-center gap-2">
            <AlertTriangle className="size-4 shrink-0 text-destructive" aria-hidden />
            <Link href={`/workflows/${workflow.id}`} className="truncate font-medium hover:underline">
              {workflow.name}
            </Link>
          </span>
          <Link
            href={`/runs?workflow=${workflow.id}&status=failed`}
            className="shrink-0 text-xs text-muted-foreground hover:text-foreground hover:underline"
          >
            {workflow.failures} failed · last {relativeTime(new Date(workflow.lastFailedAt))}
          </Link>
        </li>
      ))}
    </ul>
  );
}
