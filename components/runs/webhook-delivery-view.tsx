import { cn } from "@/components/ui/cn";
import { JsonView } from "@/components/ui/json-view";

/** One webhook attempt at one URL, as the webhook sender records it. */
export type WebhookDeliveryRecord = {
  url: string;
  request?: { method?: string; headers?: Record<string, string>; body?: string };
  response?: { status: number; headers?: Record<string, string>; body?: string; truncated?: boolean; durationMs?: number };
  error?: { kind?: string; message: string };
};

export function deliveriesOf(value: unknown): WebhookDeliveryRecord[] {
  const deliveries = (value as { deliveries?: unknown } | null)?.deliveries;
  return Array.isArray(deliveries) ? deliveries.filter((delivery): delivery is WebhookDeliveryRecord => typeof delivery?.url === "string") : [];
}

function parsedJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A body as JSON when it is JSON, else as the text it is. */
function Body({ text }: { text: string | undefined }) {
  if (!text) return <p className="text-xs text-muted-foreground">(empty)</p>;
  const json = parsedJson(text);
  if (json.ok) return <JsonView value={json.value} />;
  return <pre className="max-h-60 overflow-auto whitespace-pre-wrap break-all rounded-md bg-muted p-3 font-mono text-xs">{text}</pre>;
}

function Headers({ headers }: { headers: Record<string, string> | undefined }) {
  const entries = Object.entries(headers ?? {});
  if (entries.length === 0) return <p className="text-xs text-muted-foreground">(none)</p>;
  return (
    <dl className="grid grid-cols-[max-content_1fr] gap-x-3 gap-y-0.5 rounded-md bg-muted p-2 font-mono text-xs">
      {entries.map(([name, value]) => (
        <div key={name} className="contents">
          <dt className="text-muted-foreground">{name}</dt>
          <dd className="break-all">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function WebhookDeliveryView({ delivery }: { delivery: WebhookDeliveryRecord }) {
  const status = delivery.response?.status;
  const ok = status !== undefined && status >= 200 && status < 300;
  return (
    <div className="grid gap-2 rounded-md border p-3" data-testid="webhook-delivery">
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <span className="font-mono text-xs">{delivery.request?.method ?? "POST"}</span>
        <span className="min-w-0 break-all font-medium">{delivery.url}</span>
      </p>
      {delivery.response ? (
        <p className="text-sm">
          Answered{" "}
          <span className={cn("rounded px-1.5 py-0.5 font-mono text-xs font-semibold", ok ? "bg-success/15 text-success" : "bg-destructive/10 text-destructive")}>
            {status}
          </span>
          {delivery.response.durationMs !== undefined ? <span className="text-muted-foreground"> in {delivery.response.durationMs} ms</span> : null}
        </p>
      ) : delivery.error ? (
        <p className="text-sm text-destructive">Not delivered: {delivery.error.message}</p>
      ) : null}
      <details className="group">
        <summary className="cursor-pointer text-xs font-medium text-muted-foreground">Request sent</summary>
        <div className="mt-2 grid gap-2">
          <p className="text-xs font-medium text-muted-foreground">Headers</p>
          <Headers headers={delivery.request?.headers} />
          <p className="text-xs font-medium text-muted-foreground">Body</p>
          <Body text={delivery.request?.body} />
        </div>
      </details>
      {delivery.response ? (
        <details>
          <summary className="cursor-pointer text-xs font-medium text-muted-foreground">Response received</summary>
          <div className="mt-2 grid gap-2">
            <p className="text-xs font-medium text-muted-foreground">Headers</p>
            <Headers headers={delivery.response.headers} />
            <p className="text-xs font-medium text-muted-foreground">Body{delivery.response.truncated ? " (cut to the first 8 KB)" : ""}</p>
            <Body text={delivery.response.body} />
          </div>
        </details>
      ) : null}
    </div>
  );
}
