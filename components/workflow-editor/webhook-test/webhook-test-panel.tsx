"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Eye, Send } from "lucide-react";
import { useState } from "react";
import { useTRPC } from "@/components/providers/trpc-react";
import { Button } from "@/components/ui/button";
import { relativeTime } from "@/components/ui/relative-time";
import type { EventType } from "@/engine";
import { RequestView, WebhookDeliveryView } from "@/components/steps/webhook-delivery-view";
import { eventInputOf, sampleJson, type EventChoice } from "../model/event-choice";
import { EventChoicePicker } from "../test-run/event-choice-picker";

function outcomeWords(delivery: { response?: { status: number }; error?: { message: string } }): string {
  if (delivery.error) return delivery.error.message;
  return delivery.response ? `Answered ${delivery.response.status}` : "No answer";
}

function RecentTests({ workflowId, nodeId }: { workflowId: string; nodeId: string }) {
  const trpc = useTRPC();
  const recent = useQuery(trpc.workflow.testWebhookDeliveries.queryOptions({ workflowId, nodeId }));
  if (recent.isLoading || !recent.data) return null;
  if (recent.data.length === 0) return <p className="text-xs text-muted-foreground">No test sends yet. The last five are kept here.</p>;
  return (
    <div className="grid grid-cols-1 gap-1.5">
      <h4 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">Last test sends</h4>
      <ul className="grid grid-cols-1 gap-1" data-testid="webhook-test-history">
        {recent.data.map((row) => (
          <li key={row.id}>
            <details className="rounded-md border px-2 py-1.5 text-xs">
              <summary className="cursor-pointer">
                {relativeTime(row.createdAt)} · {row.deliveries.map(outcomeWords).join(", ")}
              </summary>
              <div className="grid grid-cols-1 gap-2 pt-2">
                {row.deliveries.map((delivery) => (
                  <WebhookDeliveryView key={delivery.url} delivery={delivery} />
                ))}
              </div>
            </details>
          </li>
        ))}
      </ul>
    </div>
  );
}

/**
 * In a webhook step's settings: see exactly what would be posted for an event, and post it now
 * (signed, through the same guarded sender as runs, marked as a test) to check the receiver.
 */
export function WebhookTestPanel({
  workflowId,
  nodeId,
  config,
  eventType,
}: {
  workflowId: string;
  nodeId: string;
  config: unknown;
  eventType: EventType;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<EventChoice>(() => ({ source: "sample", json: sampleJson(eventType) }));
  const preview = useMutation(trpc.workflow.previewTestWebhook.mutationOptions());
  const send = useMutation(
    trpc.workflow.sendTestWebhook.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.workflow.testWebhookDeliveries.queryKey({ workflowId, nodeId }) }),
    }),
  );
  const event = eventInputOf(choice);
  const busy = preview.isPending || send.isPending;

  return (
    <section aria-labelledby={`webhook-test-${nodeId}`} className="grid grid-cols-1 gap-3 border-t pt-4" data-testid="webhook-test-panel">
      <div className="grid grid-cols-1 gap-0.5">
        <h3 id={`webhook-test-${nodeId}`} className="text-sm font-semibold">
          Test webhook
        </h3>
        <p className="text-xs text-muted-foreground">
          Check what this step sends, for a sample or a recent event. A test send is signed like the real thing and carries the header{" "}
          <code>X-Switchboard-Test: true</code>.
        </p>
      </div>
      <EventChoicePicker workflowId={workflowId} eventType={eventType} value={choice} onChange={setChoice} compact />
      <div className="flex flex-wrap gap-2">
        <Button
          type="button"
          variant="secondary"
          size="sm"
          disabled={!event || busy}
          onClick={() => {
            send.reset();
            if (event) preview.mutate({ workflowId, nodeId, config, event });
          }}
        >
          <Eye aria-hidden /> Preview payload
        </Button>
        <Button
          type="button"
          size="sm"
          disabled={!event || busy}
          onClick={() => {
            preview.reset();
            if (event) send.mutate({ workflowId, nodeId, config, event });
          }}
        >
          <Send aria-hidden /> {send.isPending ? "Sending…" : "Send test"}
        </Button>
      </div>
      {preview.data ? (
        <div className="grid grid-cols-1 gap-1.5" data-testid="webhook-test-preview">
          <p className="text-xs text-muted-foreground">
            Sent as-is to {preview.data.urls.length === 1 ? "this address" : `these ${preview.data.urls.length} addresses`}; the id,
            timestamp and signature are fresh on every send.
          </p>
          {preview.data.urls.map((url) => (
            <RequestView key={url} method={preview.data.method} url={url} headers={preview.data.headers} body={preview.data.body} />
          ))}
        </div>
      ) : null}
      {send.data ? (
        <div className="grid grid-cols-1 gap-2" role="status" aria-label="Test send result" data-testid="webhook-test-result">
          {send.data.deliveries.map((delivery) => (
            <WebhookDeliveryView key={delivery.url} delivery={delivery} />
          ))}
        </div>
      ) : null}
      <RecentTests workflowId={workflowId} nodeId={nodeId} />
    </section>
  );
}
