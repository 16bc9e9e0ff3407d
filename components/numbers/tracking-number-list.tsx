"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ChevronRight, Hash, Pencil, Plus, ShieldAlert, Trash2, TriangleAlert } from "lucide-react";
import { toast } from "sonner";
import type { RouterOutputs } from "@/server/trpc/router-types";
import { useTRPC } from "@/components/providers/trpc-react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatPhoneNumber } from "./format-phone-number";
import { TrackingNumberFormDialog } from "./tracking-number-form-dialog";
import { TwilioConnectSteps } from "./twilio-connect-steps";

type TrackingNumberView = RouterOutputs["trackingNumber"]["list"][number];

function AddNumberButton() {
  return (
    <TrackingNumberFormDialog
      trigger={
        <Button>
          <Plus aria-hidden /> Add a number
        </Button>
      }
    />
  );
}

function NumberCard({ number, canEdit }: { number: TrackingNumberView; canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const remove = useMutation(
    trpc.trackingNumber.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Removed “${number.label}”`);
        await queryClient.invalidateQueries({ queryKey: trpc.trackingNumber.list.queryKey() });
      },
    }),
  );
  const pretty = formatPhoneNumber(number.phoneNumber);
  return (
    <li className="rounded-lg border bg-card shadow-xs" data-testid="tracking-number" aria-label={`${number.label}, ${pretty}`}>
      <div className="flex flex-wrap items-start gap-4 p-4">
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <span className="text-lg font-semibold tabular-nums">{pretty}</span>
            <span className="font-medium">{number.label}</span>
            {number.defaultSmsSender ? <Badge tone="primary">Default for texts</Badge> : null}
          </div>
          <dl className="mt-1 flex flex-wrap gap-x-6 gap-y-1 text-sm text-muted-foreground">
            <div className="flex gap-1">
              <dt>Source:</dt>
              <dd className="text-foreground">{number.source ?? "None"}</dd>
            </div>
            <div className="flex gap-1">
              <dt>Forwards to:</dt>
              <dd className="tabular-nums text-foreground">{formatPhoneNumber(number.businessNumber)}</dd>
            </div>
          </dl>
        </div>
        {canEdit ? (
          <div className="flex gap-1">
            <TrackingNumberFormDialog
              number={number}
              trigger={
                <Button variant="ghost" size="icon" aria-label={`Edit ${number.label}`} title="Edit">
                  <Pencil aria-hidden />
                </Button>
              }
            />
            <ConfirmDialog
              trigger={
                <Button variant="ghost" size="icon" aria-label={`Delete ${number.label}`} title="Delete" disabled={remove.isPending}>
                  <Trash2 aria-hidden />
                </Button>
              }
              title={`Delete “${number.label}”?`}
              description={`Calls to ${pretty} will no longer be tracked or forwarded by Switchboard. Past calls stay on the Calls page. Remember to change the number's webhooks in Twilio too.`}
              confirmLabel="Delete number"
              onConfirm={() => remove.mutate({ trackingNumberId: number.id })}
            />
          </div>
        ) : null}
      </div>
      <details className="group border-t">
        <summary className="flex cursor-pointer list-none items-center gap-2 px-4 py-2.5 text-sm font-medium">
          <ChevronRight className="size-4 text-muted-foreground transition-transform group-open:rotate-90" aria-hidden />
          How to connect in Twilio
        </summary>
        <div className="px-4 pb-4">
          <TwilioConnectSteps urls={number.webhookUrls} phoneNumber={pretty} />
        </div>
      </details>
    </li>
  );
}

/** The organization's tracking numbers; admins add, edit and delete, everyone else reads. */
export function TrackingNumberList({ canEdit, roleLabel }: { canEdit: boolean; roleLabel: string }) {
  const trpc = useTRPC();
  const numbers = useQuery(trpc.trackingNumber.list.queryOptions());
  const setup = useQuery(trpc.trackingNumber.setup.queryOptions());

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        {canEdit ? (
          <AddNumberButton />
        ) : (
          <p role="note" className="flex items-center gap-2 rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground">
            <ShieldAlert className="size-4" aria-hidden /> Only admins and owners can add or change numbers. You are {roleLabel}.
          </p>
        )}
      </div>
      {setup.data && !setup.data.twilioConnected ? (
        <p role="note" className="flex items-start gap-2 rounded-md border border-warning/50 bg-warning/10 px-3 py-2 text-sm">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
          <span>
            Twilio isn’t connected to this Switchboard yet, so calls and texts from Twilio are refused and texts go to the Outbox. Whoever
            runs the server sets <code className="rounded bg-muted px-1">TWILIO_ACCOUNT_SID</code> and{" "}
            <code className="rounded bg-muted px-1">TWILIO_AUTH_TOKEN</code> and restarts it.
          </span>
        </p>
      ) : null}
      {numbers.isLoading ? (
        <div className="flex flex-col gap-2">
          {[0, 1].map((key) => (
            <Skeleton key={key} className="h-24" />
          ))}
        </div>
      ) : numbers.isError ? (
        <p role="alert" className="text-sm text-destructive">
          Could not load tracking numbers: {numbers.error.message}
        </p>
      ) : numbers.data?.length === 0 ? (
        <EmptyState
          icon={Hash}
          title="No tracking numbers yet"
          description={
            canEdit
              ? "Buy a number in Twilio for each ad, listing or mailer, add it here with its marketing source and your business line, then paste the addresses Switchboard shows you into Twilio. Every call is then tracked, forwarded and credited."
              : "An admin adds the Twilio numbers you advertise here. Once they do, calls to them are tracked, forwarded and credited to their marketing source."
          }
          action={canEdit ? <AddNumberButton /> : undefined}
        />
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Tracking numbers">
          {numbers.data?.map((number) => (
            <NumberCard key={number.id} number={number} canEdit={canEdit} />
          ))}
        </ul>
      )}
    </div>
  );
}
