"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CircleAlert, Copy, Trash2, Upload, Workflow } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useTRPC } from "@/components/providers/trpc-react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { stackedTable } from "@/components/ui/stacked-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { Switch } from "@/components/ui/switch";
import { relativeTime } from "@/components/ui/relative-time";
import { ImportWorkflowDialog } from "./import-workflow-dialog";
import { NewWorkflowDialog } from "./new-workflow-dialog";
import { RenameWorkflowDialog } from "./rename-workflow-dialog";

/** A red badge linking to the failed runs when the last live run failed or some failed in the last 24 hours. */
function FailureBadge({
  workflowId,
  lastRunStatus,
  failedLast24Hours,
}: {
  workflowId: string;
  lastRunStatus: string | null;
  failedLast24Hours: number;
}) {
  if (failedLast24Hours === 0 && lastRunStatus !== "failed") return null;
  const label = failedLast24Hours > 0 ? `${failedLast24Hours} failed in 24 h` : "Last run failed";
  return (
    <Link
      href={`/runs?workflow=${encodeURIComponent(workflowId)}&status=failed`}
      className="inline-flex items-center gap-1 rounded-full bg-destructive/10 px-2 py-0.5 text-xs font-medium text-destructive hover:bg-destructive/20"
      title="See the failed runs"
      data-testid="workflow-failure-badge"
    >
      <CircleAlert className="size-3" aria-hidden /> {label}
    </Link>
  );
}

export function WorkflowList({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const workflows = useQuery({ ...trpc.workflow.list.queryOptions(), refetchInterval: 10_000 });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.workflow.list.queryKey() });
  const setEnabled = useMutation(trpc.workflow.setEnabled.mutationOptions({ onSuccess: refresh }));
  const remove = useMutation(trpc.workflow.delete.mutationOptions({ onSuccess: refresh }));
  const router = useRouter();
  const duplicate = useMutation(
    trpc.workflow.duplicate.mutationOptions({
      onSuccess: async ({ id }) => {
        await refresh();
        router.push(`/workflows/${id}`);
      },
    }),
  );

  if (workflows.isLoading) return <Skeleton className="h-40" />;
  if (workflows.isError)
    return (
      <p role="alert" className="text-sm text-destructive">
        Could not load workflows: {workflows.error.message}
      </p>
    );
  if (!workflows.data?.length) {
    return (
      <EmptyState
        icon={Workflow}
        title="No workflows yet"
        description="A workflow says what happens when a call or text comes in — for example, text back every caller you missed."
        action={
          canEdit ? (
            <div className="flex gap-2">
              <NewWorkflowDialog />
              <ImportWorkflowDialog
                trigger={
                  <Button variant="secondary">
                    <Upload aria-hidden /> Import a workflow
                  </Button>
                }
              />
            </div>
          ) : undefined
        }
      />
    );
  }

  return (
    <div className={cn(stackedTable.frame, "lg:overflow-hidden")}>
      <table className={stackedTable.table} aria-label="Workflows">
        <thead className={stackedTable.head}>
          <tr>
            <th className={stackedTable.headCell}>Workflow</th>
            <th className={stackedTable.headCell}>Status</th>
            <th className={stackedTable.headCell}>Last run</th>
            <th className={cn(stackedTable.headCell, "text-right")}>Runs (7 days)</th>
            <th className={cn(stackedTable.headCell, "text-right")}>On</th>
            <th className={stackedTable.headCell}>
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody className={stackedTable.body}>
          {workflows.data.map((workflow) => (
            <tr key={workflow.id} className={stackedTable.row} data-testid="workflow-row">
              <td className={cn(stackedTable.cell, "col-start-1 row-start-1")}>
                <span className="flex flex-wrap items-center gap-2">
                  <Link href={`/workflows/${workflow.id}`} className="break-words font-medium hover:underline">
                    {workflow.name}
                  </Link>
                  <FailureBadge
                    workflowId={workflow.id}
                    lastRunStatus={workflow.lastRunStatus}
                    failedLast24Hours={workflow.failedLast24Hours}
                  />
                </span>
                <p className="text-xs text-muted-foreground">{workflow.triggerLabel}</p>
              </td>
              <td className={cn(stackedTable.cell, "col-start-1 row-start-2")}>
                <StatusBadge status={workflow.status} />
              </td>
              <td className={cn(stackedTable.cell, "col-span-2 text-muted-foreground")}>
                <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  <span className={stackedTable.cardLabel}>Last run</span>
                  {workflow.lastRunAt ? (
                    <>
                      {workflow.lastRunStatus ? <StatusBadge status={workflow.lastRunStatus} /> : null} {relativeTime(workflow.lastRunAt)}
                    </>
                  ) : (
                    "Never"
                  )}
                </span>
              </td>
              <td className={cn(stackedTable.cell, "col-start-1 tabular-nums lg:text-right")}>
                <Link
                  href={`/workflows/${workflow.id}/runs`}
                  className="hover:underline"
                  aria-label={`${workflow.runsLast7Days} ${workflow.runsLast7Days === 1 ? "run" : "runs"} of ${workflow.name} in 7 days: see them`}
                >
                  {workflow.runsLast7Days}
                  <span className="text-muted-foreground lg:hidden">{workflow.runsLast7Days === 1 ? " run" : " runs"} in 7 days</span>
                </Link>
              </td>
              <td className={cn(stackedTable.cell, "col-start-2 row-span-2 row-start-1 text-right")}>
                <Switch
                  checked={workflow.enabled}
                  disabled={!canEdit || (!workflow.publishedVersionId && !workflow.enabled)}
                  onCheckedChange={(enabled) => setEnabled.mutate({ workflowId: workflow.id, enabled })}
                  aria-label={`${workflow.enabled ? "Turn off" : "Turn on"} ${workflow.name}`}
                  title={workflow.publishedVersionId ? undefined : "Publish the workflow before turning it on"}
                />
              </td>
              <td className={cn(stackedTable.cell, "col-start-2 text-right lg:whitespace-nowrap", !canEdit && "hidden lg:table-cell")}>
                {canEdit ? (
                  <>
                    <RenameWorkflowDialog workflowId={workflow.id} name={workflow.name} />
                    <Button
                      variant="ghost"
                      size="icon"
                      aria-label={`Duplicate ${workflow.name}`}
                      title="Duplicate"
                      disabled={duplicate.isPending}
                      onClick={() => duplicate.mutate({ workflowId: workflow.id })}
                    >
                      <Copy aria-hidden />
                    </Button>
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="icon" aria-label={`Delete ${workflow.name}`} title="Delete">
                          <Trash2 aria-hidden />
                        </Button>
                      }
                      title={`Delete “${workflow.name}”?`}
                      description="The workflow, its versions and its run history are deleted. This cannot be undone."
                      confirmLabel="Delete workflow"
                      onConfirm={() => remove.mutate({ workflowId: workflow.id })}
                    />
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
