import type { SendSmsInput } from "@/engine";
import { LabelValue, LabelValueList } from "@/components/ui/label-value";

/** What the SMS sender returns; a test run returns `simulated` instead of sending. */
export type SmsOutput = { status?: string; simulated?: boolean } | null;

/** A text message as it was (or would be) sent: to, from, the message and its length in segments. */
export function SmsView({ input, output }: { input: SendSmsInput; output: SmsOutput }) {
  return (
    <LabelValueList>
      <LabelValue label="To">{input.to || "—"}</LabelValue>
      <LabelValue label="From">{input.from || "—"}</LabelValue>
      <LabelValue label="Message">
        <p className="max-w-sm whitespace-pre-wrap rounded-2xl rounded-bl-sm bg-primary/10 px-3 py-2" data-testid="rendered-sms">
          {input.body}
        </p>
        <p className="mt-1 text-xs text-muted-foreground">
          {input.body.length} characters · {input.segments} {input.segments === 1 ? "segment" : "segments"} ({input.encoding})
        </p>
      </LabelValue>
      {output?.status && !output.simulated ? <LabelValue label="Delivery">{output.status}</LabelValue> : null}
    </LabelValueList>
  );
}
