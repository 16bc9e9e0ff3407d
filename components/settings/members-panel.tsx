"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { LogOut, MailPlus, ShieldAlert, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CopyField } from "@/components/ui/copy-button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { FieldError, serverFieldErrors, type FieldErrors } from "@/components/ui/form-field-errors";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { roleDescriptions, roleLabels, roles, type Role } from "@/lib/roles";

function RoleSelect({
  value,
  onChange,
  allowOwner,
  id,
  label,
}: {
  value: Role;
  onChange: (role: Role) => void;
  allowOwner: boolean;
  id?: string;
  label?: string;
}) {
  return (
    <Select value={value} onValueChange={(role) => onChange(role as Role)}>
      <SelectTrigger id={id} className="w-36" aria-label={label}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {roles
          .filter((role) => allowOwner || role !== "owner")
          .map((role) => (
            <SelectItem key={role} value={role}>
              {roleLabels[role]}
            </SelectItem>
          ))}
      </SelectContent>
    </Select>
  );
}

function InviteForm({ allowOwner }: { allowOwner: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<Role>("editor");
  const [linkToShare, setLinkToShare] = useState<{ email: string; url: string } | null>(null);
  const [errors, setErrors] = useState<FieldErrors<"email" | "role">>({});
  const invite = useMutation(
    trpc.invitation.create.mutationOptions({
      onError: (error) => setErrors(serverFieldErrors(error, ["email", "role"] as const)),
      onSuccess: async (invitation) => {
        if (invitation.linkToShare) setLinkToShare({ email: invitation.email, url: invitation.linkToShare });
        else toast.success(`Invitation sent to ${invitation.email}`);
        setEmail("");
        await queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() });
      },
    }),
  );
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        setErrors({});
        invite.mutate({ email, role });
      }}
    >
      <div className="grid min-w-64 flex-1 gap-1.5">
        <Label htmlFor="invite-email">Email address</Label>
        <Input
          id="invite-email"
          type="email"
          value={email}
          onChange={(event) => {
            setEmail(event.target.value);
            setErrors({});
          }}
          placeholder="teammate@company.com"
          aria-invalid={errors.email ? true : undefined}
          aria-describedby={errors.email ? "invite-email-error" : undefined}
          required
        />
        <FieldError id="invite-email-error" message={errors.email} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="invite-role">Role</Label>
        <RoleSelect id="invite-role" value={role} onChange={setRole} allowOwner={allowOwner} />
      </div>
      <Button type="submit" disabled={invite.isPending}>
        <MailPlus aria-hidden /> {invite.isPending ? "Sending…" : "Send invitation"}
      </Button>
      <p className="basis-full text-xs text-muted-foreground">{roleDescriptions[role]}.</p>
      {errors.form || errors.role ? (
        <p role="alert" className="basis-full text-sm text-destructive">
          {errors.form ?? errors.role}
        </p>
      ) : null}
      {linkToShare ? (
        <div className="basis-full rounded-md border border-primary/40 p-3" data-testid="invitation-link">
          <CopyField
            label={`No email service is connected, so nothing was emailed. Send ${linkToShare.email} this link yourself (it works once, for 7 days)`}
            value={linkToShare.url}
          />
        </div>
      ) : null}
    </form>
  );
}

export function MembersPanel({ organizationName, myRole, canManage }: { organizationName: string; myRole: Role; canManage: boolean }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const members = useQuery(trpc.member.list.queryOptions());
  const invitations = useQuery({ ...trpc.invitation.list.queryOptions(), enabled: canManage });
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.member.list.queryKey() });

  const changeRole = useMutation(
    trpc.member.changeRole.mutationOptions({
      onSuccess: async () => {
        toast.success("Role updated");
        await refresh();
      },
    }),
  );
  const remove = useMutation(
    trpc.member.remove.mutationOptions({
      onSuccess: async () => {
        toast.success("Member removed");
        await refresh();
      },
    }),
  );
  const revoke = useMutation(
    trpc.invitation.revoke.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.invitation.list.queryKey() }),
    }),
  );
  const leave = useMutation(
    trpc.member.leave.mutationOptions({
      onSuccess: async () => {
        toast.success(`You left ${organizationName}`);
        await queryClient.invalidateQueries();
        router.push("/");
        router.refresh();
      },
    }),
  );
  const allowOwner = myRole === "owner";
  const owners = members.data?.filter((member) => member.role === "owner").length;
  // The server refuses too; here the button says why before anyone tries.
  const onlyOwner = myRole === "owner" && owners === 1;

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      {canManage ? (
        <Card>
          <CardHeader>
            <CardTitle>Invite a teammate</CardTitle>
            <CardDescription>They get an email with a link; they join when they sign in with that address.</CardDescription>
          </CardHeader>
          <CardContent>
            <InviteForm allowOwner={allowOwner} />
          </CardContent>
        </Card>
      ) : (
        <p role="note" className="flex items-center gap-2 rounded-md bg-muted px-4 py-3 text-sm text-muted-foreground">
          <ShieldAlert className="size-4" aria-hidden /> Only admins and owners can manage members. You are {roleLabels[myRole]}.
        </p>
      )}

      <Card>
        <CardHeader>
          <CardTitle>Members of {organizationName}</CardTitle>
        </CardHeader>
        <CardContent>
          {members.isLoading ? (
            <Skeleton className="h-24" />
          ) : members.isError ? (
            <p role="alert" className="text-sm text-destructive">
              {members.error.message}
            </p>
          ) : (
            <ul className="divide-y" aria-label="Members">
              {members.data?.map((member) => (
                <li key={member.membershipId} className="flex flex-wrap items-center gap-3 py-3" data-testid="member-row">
                  <div className="min-w-0 flex-1">
                    <p className="truncate font-medium">
                      {member.name || member.email} {member.isYou ? <Badge>You</Badge> : null}
                    </p>
                    {member.name ? <p className="truncate text-xs text-muted-foreground">{member.email}</p> : null}
                  </div>
                  {canManage && !member.isYou && (allowOwner || member.role !== "owner") ? (
                    <>
                      <RoleSelect
                        value={member.role}
                        allowOwner={allowOwner}
                        label={`Role of ${member.email}`}
                        onChange={(role) => changeRole.mutate({ membershipId: member.membershipId, role })}
                      />
                      <ConfirmDialog
                        trigger={
                          <Button variant="ghost" size="icon" aria-label={`Remove ${member.email}`}>
                            <Trash2 />
                          </Button>
                        }
                        title={`Remove ${member.name || member.email}?`}
                        description={`They lose access to ${organizationName} at once. You can invite them again later.`}
                        confirmLabel="Remove member"
                        onConfirm={() => remove.mutate({ membershipId: member.membershipId })}
                      />
                    </>
                  ) : (
                    <Badge tone={member.role === "owner" ? "primary" : "neutral"} data-testid="member-role">
                      {roleLabels[member.role]}
                    </Badge>
                  )}
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>

      {canManage && invitations.data && invitations.data.length > 0 ? (
        <Card>
          <CardHeader>
            <CardTitle>Pending invitations</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="divide-y" aria-label="Pending invitations">
              {invitations.data.map((invitation) => (
                <li key={invitation.id} className="flex items-center gap-3 py-3">
                  <span className="min-w-0 flex-1 truncate">{invitation.email}</span>
                  <Badge>{roleLabels[invitation.role]}</Badge>
                  {invitation.expired ? <Badge tone="warning">Expired</Badge> : null}
                  <Button variant="ghost" size="sm" onClick={() => revoke.mutate({ invitationId: invitation.id })}>
                    Revoke
                  </Button>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      ) : null}

      <Card>
        <CardHeader>
          <CardTitle>Leave {organizationName}</CardTitle>
          <CardDescription>You lose access to its workflows and runs. A workspace always keeps at least one owner.</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap items-center gap-3">
          {onlyOwner || members.isLoading ? (
            <Button variant="secondary" disabled aria-describedby={onlyOwner ? "leave-only-owner" : undefined}>
              <LogOut aria-hidden /> Leave workspace
            </Button>
          ) : (
            <ConfirmDialog
              trigger={
                <Button variant="secondary">
                  <LogOut aria-hidden /> Leave workspace
                </Button>
              }
              title={`Leave ${organizationName}?`}
              description="You will need a new invitation to come back."
              confirmLabel="Leave"
              onConfirm={() => leave.mutate()}
            />
          )}
          {onlyOwner ? (
            <p id="leave-only-owner" className="min-w-0 flex-1 text-sm text-muted-foreground" data-testid="leave-only-owner">
              You are the only owner, so you cannot leave. Make another member an owner first
              {canManage ? " (invite someone if you are alone here)" : ""}.
            </p>
          ) : null}
        </CardContent>
      </Card>
    </div>
  );
}
