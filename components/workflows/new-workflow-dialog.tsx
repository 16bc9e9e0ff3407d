"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FilePlus2, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { eventTypeInfo, eventTypes, workflowTemplates, type EventType } from "@/engine";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const blank = "blank";

/** Start a workflow from scratch (pick its trigger) or from a ready-made template, then open it. */
export function NewWorkflowDialog({ trigger }: { trigger?: ReactNode }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [choice, setChoice] = useState<string>(blank);
  const [name, setName] = useState("");
  const [eventType, setEventType] = useState<EventType>("call.missed");
  const opened = async ({ id }: { id: string }) => {
    await queryClient.invalidateQueries({ queryKey: trpc.workflow.list.queryKey() });
    router.push(`/workflows/${id}`);
  };
  const createBlank = useMutation(trpc.workflow.createBlank.mutationOptions({ onSuccess: opened }));
  const createFromTemplate = useMutation(trpc.workflow.createFromTemplate.mutationOptions({ onSuccess: opened }));
  const busy = createBlank.isPending || createFromTemplate.isPending;
  const template = workflowTemplates.find((candidate) => candidate.id === choice);

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        {trigger ?? (
          <Button>
            <Plus aria-hidden /> New workflow
          </Button>
        )}
      </DialogTrigger>
      <DialogContent className="max-h-[90vh] max-w-2xl overflow-y-auto">
        <form
          className="grid gap-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (template) createFromTemplate.mutate({ templateId: template.id, ...(name.trim() ? { name: name.trim() } : {}) });
            else createBlank.mutate({ name: name.trim(), eventType });
          }}
        >
          <DialogHeader>
            <DialogTitle>New workflow</DialogTitle>
            <DialogDescription>Start from a blank canvas or from a ready-made workflow you can change.</DialogDescription>
          </DialogHeader>
          <fieldset className="grid gap-2 sm:grid-cols-2">
            <legend className="mb-2 text-sm font-medium">Start from</legend>
            {[{ id: blank, name: "Blank workflow", description: "Just a trigger: add the steps yourself." }, ...workflowTemplates].map(
              (option) => (
                <label
                  key={option.id}
                  className={cn(
                    "flex cursor-pointer gap-2 rounded-md border p-3 text-sm hover:bg-muted",
                    choice === option.id && "border-primary bg-accent hover:bg-accent",
                  )}
                >
                  <input
                    type="radio"
                    name="start-from"
                    value={option.id}
                    checked={choice === option.id}
                    onChange={() => setChoice(option.id)}
                    className="mt-0.5"
                  />
                  <span>
                    <span className="flex items-center gap-1.5 font-medium">
                      {option.id === blank ? <FilePlus2 className="size-4" aria-hidden /> : null}
                      {option.name}
                    </span>
                    <span className="mt-0.5 block text-xs text-muted-foreground">{option.description}</span>
                  </span>
                </label>
              ),
            )}
          </fieldset>
          <div className="grid gap-1.5">
            <Label htmlFor="new-workflow-name">Name</Label>
            <Input
              id="new-workflow-name"
              value={name}
              maxLength={120}
              placeholder={template?.name ?? "Missed call follow-up"}
              required={!template}
              onChange={(event) => setName(event.target.value)}
            />
          </div>
          {template ? null : (
            <div className="grid gap-1.5">
              <Label htmlFor="new-workflow-trigger">What starts it</Label>
              <Select value={eventType} onValueChange={(value) => setEventType(value as EventType)}>
                <SelectTrigger id="new-workflow-trigger">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {eventTypes.map((type) => (
                    <SelectItem key={type} value={type}>
                      {eventTypeInfo[type].label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </div>
          )}
          <DialogFooter>
            <Button type="button" variant="secondary" onClick={() => setOpen(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={busy || (!template && !name.trim())}>
              {busy ? "Creating…" : "Create and open"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
