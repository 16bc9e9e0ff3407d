"use client";

import { Badge } from "@/components/ui/badge";
import { JsonView } from "@/components/ui/json-view";
import { formatDurationMs } from "@/components/ui/relative-time";
import type { WebhookTestDeliveryResult } from "@/db/schema";

function prettyBody(body: string): string {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

function Folded({ summary, children }: { summary: string; children: React.ReactNode }) {
  return (
    <details className="text-xs">
      <summary className="cursor-pointer text-muted-foreground">{summary}</summary>
      <div className="grid grid-cols-1 gap-1.5 pt-1.5">{children}</div>
    </details>
  );
}

export function RequestView({ method, url, headers, body }: { method: string; url?: string; headers: Record<string, string>; body: string }) {
  return (
    <div className="grid grid-cols-1 gap-1.5">
      {url ? (
        <p className="break-all font-mono text-xs">
          <span className="font-semibold">{method}</span> {url}
        </p>
      ) : null}
      <JsonView value={headers} className="max-h-40 text-[11px]" />
      <pre className="max-h-56 overflow-auto rounded-md bg-muted p-2 font-mono text-[11px]">{prettyBody(body)}</pre>
    </div>
  );
}

/** One URL's test delivery: the response (status, time, headers, body) or what went wrong, in words. */
export function DeliveryView({ delivery }: { delivery: WebhookTestDeliveryResult }) {
  const { response, error } = delivery;
  const ok = response !== undefined && response.status >= 200 && response.status < 300;
  return (
    <div className="grid grid-cols-1 gap-2 rounded-md border p-2.5" data-testid="webhook-test-delivery" data-outcome={error ? "error" : ok ? "ok" : "rejected"}>
      <p className="break-all font-mono text-xs">{delivery.url}</p>
      {error ? (
        <p className="text-sm font-medium text-destructive" data-testid="webhook-test-error">
          {error.message}
        </p>
      ) : response ? (
        <>
          <div className="flex items-center gap-2 text-sm">
            <Badge tone={ok ? "success" : "danger"} data-testid="webhook-test-status">
              {response.status}
            </Badge>
            <span className="text-muted-foreground">answered in {formatDurationMs(response.durationMs)}</span>
          </div>
          <pre className="max-h-40 overflow-auto rounded-md bg-muted p-2 font-mono text-[11px]" data-testid="webhook-test-response-body">
            {response.body ? prettyBody(response.body) : "(empty body)"}
            {response.truncated ? "\n… (cut at 8 KB)" : ""}
          </pre>
          <Folded summary="Response headers">
            <JsonView value={response.headers} className="max-h-40 text-[11px]" />
          </Folded>
        </>
      ) : null}
      <Folded summary="Request sent">
        <RequestView method={delivery.request.method} headers={delivery.request.headers} body={delivery.request.body} />
      </Folded>
    </div>
  );
}
