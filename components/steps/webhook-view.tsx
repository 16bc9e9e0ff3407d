import type { WebhookInput } from "@/engine";
import { JsonView } from "@/components/ui/json-view";
import { LabelValue, LabelValueList } from "@/components/ui/label-value";
import { WebhookDeliveryView, type WebhookDeliveryRecord } from "./webhook-delivery-view";

/** A webhook step: each URL's delivery once sent, else the request it would send. */
export function WebhookView({ input, deliveries }: { input: WebhookInput; deliveries: WebhookDeliveryRecord[] }) {
  if (deliveries.length > 0) {
    return (
      <div className="grid grid-cols-1 gap-2">
        {deliveries.map((delivery) => (
          <WebhookDeliveryView key={delivery.url} delivery={delivery} />
        ))}
      </div>
    );
  }
  return (
    <LabelValueList>
      <LabelValue label="POST to">
        <ul className="break-all font-mono text-xs">
          {input.urls.map((url) => (
            <li key={url}>{url}</li>
          ))}
        </ul>
      </LabelValue>
      {Object.keys(input.headers ?? {}).length > 0 ? (
        <LabelValue label="Extra headers">
          <JsonView value={input.headers} label="Extra headers" className="max-h-24" />
        </LabelValue>
      ) : null}
      <LabelValue label="JSON body (signed when sent)">
        <JsonView value={input.body ?? null} label="JSON body" className="max-h-48" />
      </LabelValue>
    </LabelValueList>
  );
}
