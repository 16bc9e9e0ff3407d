"use client";

import { useQuery } from "@tanstack/react-query";
import { Search, X } from "lucide-react";
import { useEffect, useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { eventTypeOptions } from "./event-labels";
import { activeRunFilterCount, hasRunFilters, runStatuses, type RunFilterParams } from "./run-filters";
import { DateRangeFields } from "@/components/ui/date-range-fields";
import { FiltersSheet } from "@/components/ui/filters-sheet";

const statusLabels: Record<string, string> = {
  succeeded: "Succeeded",
  failed: "Failed",
  skipped: "Skipped",
  waiting: "Waiting",
  running: "Running",
  queued: "Queued",
};

const any = "any";

/** A text box that updates the address bar once typing pauses, not on every key. */
function DebouncedInput({
  value,
  onCommit,
  ...props
}: Omit<React.ComponentProps<typeof Input>, "value" | "onChange"> & { value: string; onCommit: (value: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [committed, setCommitted] = useState(value);
  // The address bar changed from elsewhere (back button, "Clear filters"): show that.
  if (value !== committed) {
    setCommitted(value);
    setDraft(value);
  }
  useEffect(() => {
    if (draft === committed) return;
    const timer = setTimeout(() => onCommit(draft.trim()), 350);
    return () => clearTimeout(timer);
  }, [draft, committed, onCommit]);
  return (
    <Input
      {...props}
      value={draft}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === "Enter") onCommit(draft.trim());
      }}
    />
  );
}

/** Status, workflow, trigger, days and caller: laid out in a row (`inline`) or one under another in the phone's sheet. */
function RunFilterFields({
  idPrefix,
  stacked,
  params,
  set,
  showWorkflow,
}: {
  idPrefix: string;
  stacked: boolean;
  params: RunFilterParams;
  set: (patch: Partial<RunFilterParams>) => void;
  showWorkflow: boolean;
}) {
  const trpc = useTRPC();
  const workflows = useQuery({ ...trpc.workflow.list.queryOptions(), enabled: showWorkflow });
  const width = (inline: string) => (stacked ? "w-full" : inline);

  return (
    <>
      <div className="grid gap-1.5">
        <Label htmlFor={`${idPrefix}-status`} className="text-xs text-muted-foreground">
          Status
        </Label>
        <Select
          value={params.status ?? any}
          onValueChange={(value) => set({ status: value === any ? undefined : (value as RunFilterParams["status"]) })}
        >
          <SelectTrigger id={`${idPrefix}-status`} className={width("w-36")} aria-label="Status">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={any}>Any status</SelectItem>
            {runStatuses.map((status) => (
              <SelectItem key={status} value={status}>
                {statusLabels[status]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {showWorkflow ? (
        <div className="grid gap-1.5">
          <Label htmlFor={`${idPrefix}-workflow`} className="text-xs text-muted-foreground">
            Workflow
          </Label>
          <Select value={params.workflow ?? any} onValueChange={(value) => set({ workflow: value === any ? undefined : value })}>
            <SelectTrigger id={`${idPrefix}-workflow`} className={width("w-52")} aria-label="Workflow">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={any}>All workflows</SelectItem>
              {params.workflow && !workflows.data?.some((workflow) => workflow.id === params.workflow) ? (
                <SelectItem value={params.workflow}>{workflows.isLoading ? "Loading…" : "A deleted workflow"}</SelectItem>
              ) : null}
              {workflows.data?.map((workflow) => (
                <SelectItem key={workflow.id} value={workflow.id}>
                  {workflow.name}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
      ) : null}
      <div className="grid gap-1.5">
        <Label htmlFor={`${idPrefix}-trigger`} className="text-xs text-muted-foreground">
          Trigger
        </Label>
        <Select value={params.trigger ?? any} onValueChange={(value) => set({ trigger: value === any ? undefined : value })}>
          <SelectTrigger id={`${idPrefix}-trigger`} className={width("w-48")} aria-label="Trigger">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={any}>Any trigger</SelectItem>
            {eventTypeOptions.map((option) => (
              <SelectItem key={option.value} value={option.value}>
                {option.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {stacked ? (
        <div className="grid grid-cols-2 gap-3">
          <DateRangeFields idPrefix={idPrefix} from={params.from} to={params.to} onChange={set} inputClassName="w-full" />
        </div>
      ) : (
        <DateRangeFields idPrefix={idPrefix} from={params.from} to={params.to} onChange={set} inputClassName="w-40" />
      )}
      <div className="grid gap-1.5">
        <Label htmlFor={`${idPrefix}-caller`} className="text-xs text-muted-foreground">
          Caller number
        </Label>
        <DebouncedInput
          id={`${idPrefix}-caller`}
          className={width("w-44")}
          inputMode="tel"
          placeholder="+1 415 555 0123"
          value={params.caller ?? ""}
          onCommit={(caller) => set({ caller: caller || undefined })}
        />
      </div>
    </>
  );
}

export function RunFilterBar({
  params,
  onChange,
  showWorkflow,
}: {
  params: RunFilterParams;
  onChange: (next: RunFilterParams) => void;
  showWorkflow: boolean;
}) {
  const set = (patch: Partial<RunFilterParams>) => onChange({ ...params, ...patch });
  const clear = () => onChange(showWorkflow ? {} : { workflow: params.workflow });

  return (
    <div className="mb-4 grid gap-3 rounded-lg border bg-card p-3" role="search" aria-label="Filter runs">
      <div className="flex gap-2">
        <div className="relative min-w-0 flex-1">
          <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <DebouncedInput
            className="pl-9"
            value={params.q ?? ""}
            onCommit={(q) => set({ q: q || undefined })}
            placeholder="Search by caller number or name, or workflow name"
            aria-label="Search runs"
          />
        </div>
        <FiltersSheet
          title="Filter runs"
          description="The list behind updates as you choose."
          activeCount={activeRunFilterCount(params, showWorkflow)}
          onClear={clear}
        >
          <RunFilterFields idPrefix="run-filter-sheet" stacked params={params} set={set} showWorkflow={showWorkflow} />
        </FiltersSheet>
      </div>
      <div className="hidden flex-wrap items-end gap-3 md:flex">
        <RunFilterFields idPrefix="run-filter" stacked={false} params={params} set={set} showWorkflow={showWorkflow} />
        {hasRunFilters(params, showWorkflow ? [] : ["workflow"]) ? (
          <Button variant="ghost" size="sm" className="mb-0.5" onClick={clear}>
            <X aria-hidden /> Clear filters
          </Button>
        ) : null}
      </div>
    </div>
  );
}
