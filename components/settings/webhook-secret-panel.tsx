"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, Eye, EyeOff, RefreshCw } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";

export function WebhookSecretPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [shown, setShown] = useState(false);
  const secret = useQuery(trpc.webhookSecret.get.queryOptions());
  const rotate = useMutation(
    trpc.webhookSecret.rotate.mutationOptions({
      onSuccess: async () => {
        toast.success("New signing secret created. Update your receivers.");
        await queryClient.invalidateQueries({ queryKey: trpc.webhookSecret.get.queryKey() });
      },
    }),
  );
  const value = secret.data?.secret ?? "";
  return (
    <Card className="max-w-4xl">
      <CardHeader>
        <CardTitle>Webhook signing secret</CardTitle>
        <CardDescription>
          Every webhook carries <code className="rounded bg-muted px-1">webhook-id</code>,{" "}
          <code className="rounded bg-muted px-1">webhook-timestamp</code> and{" "}
          <code className="rounded bg-muted px-1">webhook-signature</code> headers (the Standard Webhooks format). Verify them with this
          secret.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-3">
        {secret.isLoading ? (
          <Skeleton className="h-9" />
        ) : (
          <div className="flex items-center gap-2">
            <code className="flex-1 truncate rounded-md border bg-muted px-3 py-2 font-mono text-xs">
              {shown ? value : "whsec_" + "•".repeat(24)}
            </code>
            <Button variant="secondary" size="icon" onClick={() => setShown(!shown)} aria-label={shown ? "Hide secret" : "Show secret"}>
              {shown ? <EyeOff /> : <Eye />}
            </Button>
            <Button
              variant="secondary"
              size="icon"
              aria-label="Copy secret"
              onClick={() => void navigator.clipboard.writeText(value).then(() => toast.success("Copied"))}
            >
              <Copy />
            </Button>
          </div>
        )}
        <div>
          <ConfirmDialog
            trigger={
              <Button variant="secondary">
                <RefreshCw aria-hidden /> Rotate secret
              </Button>
            }
            title="Rotate the signing secret?"
            description="Webhooks are signed with the new secret from now on; receivers still using the old one will reject them until updated."
            confirmLabel="Rotate secret"
            onConfirm={() => rotate.mutate()}
          />
        </div>
      </CardContent>
    </Card>
  );
}
