"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Building2, Check, ChevronsUpDown, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { serverFieldErrors, zodFieldErrors, type FieldErrors } from "@/components/ui/form-field-errors";
import { browserTimeZone } from "@/components/settings/time-zone-options";
import { BusinessNameField, TimeZoneField } from "@/components/settings/workspace-fields";
import { workspaceSetupSchema } from "@/lib/workspace-settings";

type Field = "name" | "timezone";
const fields = ["name", "timezone"] as const;
const neverChanges = () => () => {};

export function OrgSwitcher({ current }: { current: { id: string; name: string; role: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
  const detectedTimeZone = useSyncExternalStore(neverChanges, browserTimeZone, () => null);
  const [chosenTimeZone, setChosenTimeZone] = useState<string | null>(null);
  const timezone = chosenTimeZone ?? detectedTimeZone ?? "UTC";
  const [errors, setErrors] = useState<FieldErrors<Field>>({});
  const organizations = useQuery(trpc.organization.list.queryOptions());

  const afterChange = async () => {
    await queryClient.invalidateQueries();
    router.refresh();
  };
  const switchOrg = useMutation(trpc.organization.switch.mutationOptions({ onSuccess: afterChange }));
  const createOrg = useMutation(
    trpc.organization.create.mutationOptions({
      onSuccess: async () => {
        setCreating(false);
        setName("");
        setChosenTimeZone(null);
        await afterChange();
      },
      onError: (error) => setErrors(serverFieldErrors(error, fields)),
    }),
  );

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <button
            className="flex w-full items-center gap-2 rounded-md border bg-card px-2.5 py-2 text-left shadow-xs hover:bg-muted"
            aria-label={`Workspace: ${current.name}. Switch workspace`}
            data-testid="org-switcher"
          >
            <Building2 className="size-4 shrink-0 text-muted-foreground" aria-hidden />
            <span className="min-w-0 flex-1">
              <span className="block truncate text-sm font-medium">{current.name}</span>
              <span className="block text-xs capitalize text-muted-foreground" data-testid="current-role">
                {current.role}
              </span>
            </span>
            <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          </button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-64">
          <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
          {organizations.isLoading ? <DropdownMenuItem disabled>Loading…</DropdownMenuItem> : null}
          {organizations.data?.map((organization) => (
            <DropdownMenuItem
              key={organization.id}
              onSelect={() => organization.id !== current.id && switchOrg.mutate({ organizationId: organization.id })}
            >
              <span className="min-w-0 flex-1 truncate">{organization.name}</span>
              <span className="text-xs capitalize text-muted-foreground">{organization.role}</span>
              {organization.id === current.id ? <Check aria-label="current" /> : null}
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <Plus aria-hidden /> New workspace
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog
        open={creating}
        onOpenChange={(open) => {
          setCreating(open);
          setErrors({});
        }}
      >
        <DialogContent>
          <form
            className="grid grid-cols-1 gap-4"
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              const checked = workspaceSetupSchema.safeParse({ name, timezone });
              if (!checked.success) {
                setErrors(zodFieldErrors<Field>(checked.error));
                return;
              }
              setErrors({});
              createOrg.mutate(checked.data);
            }}
          >
            <DialogHeader>
              <DialogTitle>New workspace</DialogTitle>
              <DialogDescription>
                A separate space with its own workflows, numbers and members — for another business, say.
              </DialogDescription>
            </DialogHeader>
            <BusinessNameField
              id="org-name"
              value={name}
              onChange={(value) => {
                setName(value);
                setErrors((current) => ({ ...current, name: undefined, form: undefined }));
              }}
              error={errors.name}
              placeholder="Acme Dental"
            />
            <TimeZoneField id="org-time-zone" value={timezone} onChange={setChosenTimeZone} error={errors.timezone} />
            {errors.form ? (
              <p role="alert" className="text-sm text-destructive">
                {errors.form}
              </p>
            ) : null}
            <DialogFooter>
              <Button type="submit" disabled={createOrg.isPending}>
                {createOrg.isPending ? "Creating…" : "Create workspace"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
