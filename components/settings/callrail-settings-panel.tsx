"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { KeyRound, RefreshCw, TriangleAlert } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";
import { CopyField } from "@/components/ui/copy-button";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { relativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";

type Rotated = { url: string; webhookUrls: Array<{ event: string; label: string; url: string }> };

/** The secret CallRail webhook URL: created or rotated here, shown in full only then, with where each address goes in CallRail. */
export function CallRailSettingsPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [fresh, setFresh] = useState<Rotated | null>(null);
  const endpoint = useQuery(trpc.callrail.getEndpoint.queryOptions());
  const rotate = useMutation(
    trpc.callrail.rotateToken.mutationOptions({
      onSuccess: async (result) => {
        setFresh(result);
        toast.success(endpoint.data?.configured ? "New CallRail URL created; the old one has stopped working." : "CallRail URL created.");
        await queryClient.invalidateQueries({ queryKey: trpc.callrail.getEndpoint.queryKey() });
      },
    }),
  );

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>CallRail webhooks</CardTitle>
          <CardDescription>
            Already tracking calls with CallRail? Send its webhooks to Switchboard and your workflows run on CallRail’s calls, texts and
            form submissions too. The address contains a secret: anyone who has it can send events to this workspace.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          {endpoint.isLoading ? (
            <Skeleton className="h-16" />
          ) : endpoint.isError ? (
            <p role="alert" className="text-sm text-destructive">
              Could not load the CallRail settings: {endpoint.error.message}
            </p>
          ) : endpoint.data?.configured ? (
            <dl className="grid gap-3 text-sm sm:grid-cols-3">
              <div className="sm:col-span-3">
                <dt className="text-xs text-muted-foreground">Current address (only its start is shown)</dt>
                <dd>
                  <code className="block truncate rounded-md border bg-muted px-3 py-2 font-mono text-xs">{endpoint.data.urlPreview}</code>
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">Created</dt>
                <dd title={endpoint.data.createdAt?.toLocaleString()}>
                  {endpoint.data.createdAt ? relativeTime(endpoint.data.createdAt) : "—"}
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">Last used</dt>
                <dd title={endpoint.data.lastUsedAt?.toLocaleString()} data-testid="callrail-last-used">
                  {endpoint.data.lastUsedAt ? relativeTime(endpoint.data.lastUsedAt) : "Not yet — nothing has arrived from CallRail"}
                </dd>
              </div>
            </dl>
          ) : (
            <p className="text-sm text-muted-foreground">No CallRail address yet. Create one, then paste it into CallRail.</p>
          )}
          <div>
            {endpoint.data?.configured ? (
              <ConfirmDialog
                trigger={
                  <Button variant="secondary" disabled={rotate.isPending}>
                    <RefreshCw aria-hidden /> Create a new URL
                  </Button>
                }
                title="Replace the CallRail URL?"
                description="The current address stops working at once: CallRail’s webhooks fail until you paste the new addresses into CallRail."
                confirmLabel="Replace URL"
                onConfirm={() => rotate.mutate()}
              />
            ) : (
              <Button onClick={() => rotate.mutate()} disabled={rotate.isPending || endpoint.isLoading}>
                <KeyRound aria-hidden /> Create the CallRail URL
              </Button>
            )}
          </div>
        </CardContent>
      </Card>

      {fresh ? (
        <Card className="border-primary/40" data-testid="callrail-urls">
          <CardHeader>
            <CardTitle>Paste these into CallRail now</CardTitle>
            <CardDescription className="flex items-start gap-2">
              <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden />
              This is the only time the full addresses are shown. If you lose them, create a new URL.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <ol className="list-decimal space-y-1 pl-5 text-sm text-muted-foreground">
              <li>
                In CallRail, open <strong className="text-foreground">Settings → Integrations → Webhooks</strong> for the company whose
                calls should reach Switchboard.
              </li>
              <li>Paste each address below into the field with the same name (leave out the ones you don’t need), then save.</li>
              <li>Make a test call to a CallRail number: “Last used” above changes, and the call shows on the Calls page.</li>
            </ol>
            {fresh.webhookUrls.map((webhook) => (
              <CopyField key={webhook.event} label={webhook.label} value={webhook.url} />
            ))}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
