import { createContext, useContext } from "react";
import { Badge } from "@/components/ui/badge";
import { JsonView, ScrollableText } from "@/components/ui/json-view";
import { formatDurationMs } from "@/components/ui/relative-time";

/** One webhook attempt at one URL, as the webhook sender records it (in a run) or a test send returns it. */
export type WebhookDeliveryRecord = {
  url: string;
  request?: { method?: string; headers?: Record<string, string>; body?: string };
  response?: { status: number; headers?: Record<string, string>; body?: string; truncated?: boolean; durationMs?: number };
  error?: { kind?: string; message: string };
};

/**
 * True where each attempt's answer ("Answered 200", or why it was not delivered) is already listed
 * above the step's view, as on the run page: the delivery then shows what came back, not the status again.
 */
export const DeliveryStatusShownAbove = createContext(false);

/** The deliveries in a webhook step's output (or its error's details), leaving out anything malformed. */
export function deliveriesOf(value: unknown): WebhookDeliveryRecord[] {
  const deliveries = (value as { deliveries?: unknown } | null)?.deliveries;
  return Array.isArray(deliveries)
    ? deliveries.filter((delivery): delivery is WebhookDeliveryRecord => typeof delivery?.url === "string")
    : [];
}

function parsedJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/** A body as JSON when it is JSON, else as the text it is. */
function BodyView({ text, label, note, testId }: { text: string | undefined; label: string; note?: string; testId?: string }) {
  if (!text)
    return (
      <p className="text-xs text-muted-foreground" data-testid={testId}>
        (empty body)
      </p>
    );
  const json = parsedJson(text);
  return (
    <div className="grid gap-1" data-testid={testId}>
      {json.ok ? (
        <JsonView value={json.value} label={label} className="max-h-56 text-[11px]" />
      ) : (
        <ScrollableText label={label} className="max-h-56 whitespace-pre-wrap break-all p-2 text-[11px]">
          {text}
        </ScrollableText>
      )}
      {note ? <p className="text-xs text-muted-foreground">{note}</p> : null}
    </div>
  );
}

function Folded({ summary, children }: { summary: string; children: React.ReactNode }) {
  return (
    <details className="text-xs">
      <summary className="cursor-pointer font-medium text-muted-foreground">{summary}</summary>
      <div className="grid grid-cols-1 gap-1.5 pt-1.5">{children}</div>
    </details>
  );
}

/** A request as it goes out: method and URL, headers, body. */
export function RequestView({
  method,
  url,
  headers,
  body,
}: {
  method: string;
  url?: string;
  headers: Record<string, string> | undefined;
  body: string | undefined;
}) {
  return (
    <div className="grid grid-cols-1 gap-1.5">
      {url ? (
        <p className="break-all font-mono text-xs">
          <span className="font-semibold">{method}</span> {url}
        </p>
      ) : null}
      <JsonView value={headers ?? {}} label="Request headers" className="max-h-40 text-[11px]" />
      <BodyView text={body} label="Request body" />
    </div>
  );
}

/** One URL's delivery: the answer (status, time, body) or what went wrong, then what was sent. */
export function WebhookDeliveryView({ delivery }: { delivery: WebhookDeliveryRecord }) {
  const { response, error } = delivery;
  const ok = response !== undefined && response.status >= 200 && response.status < 300;
  const statusShownAbove = useContext(DeliveryStatusShownAbove);
  return (
    <div
      className="grid grid-cols-1 gap-2 rounded-md border p-2.5"
      data-testid="webhook-delivery"
      data-outcome={error ? "error" : ok ? "ok" : "rejected"}
    >
      <p className="break-all font-mono text-xs">
        <span className="font-semibold">{delivery.request?.method ?? "POST"}</span> {delivery.url}
      </p>
      {response ? (
        <>
          {statusShownAbove ? (
            <p className="text-xs text-muted-foreground">Response body</p>
          ) : (
            <p className="flex flex-wrap items-center gap-x-1.5 text-sm">
              {"Answered "}
              <Badge tone={ok ? "success" : "danger"} data-testid="webhook-status">
                {response.status}
              </Badge>
              {response.durationMs !== undefined ? (
                <span className="text-muted-foreground">in {formatDurationMs(response.durationMs)}</span>
              ) : null}
            </p>
          )}
          <BodyView
            text={response.body}
            label="Response body"
            note={response.truncated ? "Cut to the first 8 KB." : undefined}
            testId="webhook-response-body"
          />
          <Folded summary="Response headers">
            <JsonView value={response.headers ?? {}} label="Response headers" className="max-h-40 text-[11px]" />
          </Folded>
        </>
      ) : error && !statusShownAbove ? (
        <p className="text-sm font-medium text-destructive" data-testid="webhook-error">
          Not delivered: {error.message}
        </p>
      ) : null}
      <Folded summary="Request sent">
        <RequestView method={delivery.request?.method ?? "POST"} headers={delivery.request?.headers} body={delivery.request?.body} />
      </Folded>
    </div>
  );
}
