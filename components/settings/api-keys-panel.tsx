"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Copy, KeyRound } from "lucide-react";
import { useState } from "react";
import { toast } from "sonner";
import { useTRPC } from "@/components/providers/trpc-react";
import { ConfirmDialog } from "@/components/ui/alert-dialog";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";

export function ApiKeysPanel() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState("");
  const [created, setCreated] = useState<string | null>(null);
  const keys = useQuery(trpc.apiKey.list.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() });
  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: async (key) => {
        setCreated(key.key);
        setName("");
        await refresh();
      },
    }),
  );
  const revoke = useMutation(trpc.apiKey.revoke.mutationOptions({ onSuccess: refresh }));

  return (
    <div className="flex max-w-4xl flex-col gap-6">
      <Card>
        <CardHeader>
          <CardTitle>API keys</CardTitle>
          <CardDescription>
            Send events from your own systems with <code className="rounded bg-muted px-1">POST /api/v1/events</code> and{" "}
            <code className="rounded bg-muted px-1">Authorization: Bearer &lt;key&gt;</code>.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-4">
          <form
            className="flex flex-wrap items-end gap-3"
            onSubmit={(event) => {
              event.preventDefault();
              create.mutate({ name });
            }}
          >
            <div className="grid min-w-64 flex-1 gap-1.5">
              <Label htmlFor="key-name">Key name</Label>
              <Input id="key-name" value={name} onChange={(event) => setName(event.target.value)} placeholder="CRM sync" required />
            </div>
            <Button type="submit" disabled={create.isPending}>
              <KeyRound aria-hidden /> Create key
            </Button>
          </form>
          {created ? (
            <div className="rounded-md border border-success/40 bg-success/10 p-3" role="status">
              <p className="text-sm font-medium">Copy your new key now — it will not be shown again.</p>
              <div className="mt-2 flex items-center gap-2">
                <code className="flex-1 truncate rounded bg-card px-2 py-1 font-mono text-xs" data-testid="new-api-key">
                  {created}
                </code>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => void navigator.clipboard.writeText(created).then(() => toast.success("Copied"))}
                >
                  <Copy aria-hidden /> Copy
                </Button>
              </div>
            </div>
          ) : null}
          {keys.isLoading ? (
            <Skeleton className="h-16" />
          ) : keys.data?.length ? (
            <ul className="divide-y rounded-md border" aria-label="API keys">
              {keys.data.map((key) => (
                <li key={key.id} className="flex items-center gap-3 px-3 py-2.5">
                  <span className="min-w-0 flex-1">
                    <span className="block font-medium">{key.name}</span>
                    <span className="block font-mono text-xs text-muted-foreground">{key.prefix}…</span>
                  </span>
                  <span className="text-xs text-muted-foreground">
                    {key.lastUsedAt ? `Used ${key.lastUsedAt.toLocaleDateString()}` : "Never used"}
                  </span>
                  {key.revokedAt ? (
                    <Badge tone="danger">Revoked</Badge>
                  ) : (
                    <ConfirmDialog
                      trigger={
                        <Button variant="ghost" size="sm">
                          Revoke
                        </Button>
                      }
                      title={`Revoke “${key.name}”?`}
                      description="Requests with this key are refused from now on."
                      confirmLabel="Revoke key"
                      onConfirm={() => revoke.mutate({ apiKeyId: key.id })}
                    />
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">No keys yet.</p>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
