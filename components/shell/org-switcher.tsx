"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Building2, Check, ChevronsUpDown, Plus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
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
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

export function OrgSwitcher({ current }: { current: { id: string; name: string; role: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [creating, setCreating] = useState(false);
  const [name, setName] = useState("");
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
        await afterChange();
      },
    }),
  );

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <button
            className="flex w-full items-center gap-2 rounded-md border bg-card px-2.5 py-2 text-left shadow-xs hover:bg-muted"
            aria-label={`Organization: ${current.name}. Switch organization`}
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
          <DropdownMenuLabel>Organizations</DropdownMenuLabel>
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
            <Plus aria-hidden /> New organization
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      <Dialog open={creating} onOpenChange={setCreating}>
        <DialogContent>
          <form
            className="grid gap-4"
            onSubmit={(event) => {
              event.preventDefault();
              createOrg.mutate({ name });
            }}
          >
            <DialogHeader>
              <DialogTitle>New organization</DialogTitle>
              <DialogDescription>A separate space with its own workflows, numbers and members.</DialogDescription>
            </DialogHeader>
            <div className="grid gap-1.5">
              <Label htmlFor="org-name">Name</Label>
              <Input id="org-name" value={name} onChange={(event) => setName(event.target.value)} placeholder="Acme Dental" required />
            </div>
            <DialogFooter>
              <Button type="submit" disabled={createOrg.isPending}>
                {createOrg.isPending ? "Creating…" : "Create organization"}
              </Button>
            </DialogFooter>
          </form>
        </DialogContent>
      </Dialog>
    </>
  );
}
