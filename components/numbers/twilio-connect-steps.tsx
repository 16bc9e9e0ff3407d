import type { TwilioWebhookUrls } from "@/server/call-tracking/webhook-urls";
import { CopyField } from "@/components/ui/copy-button";

/** The three addresses a Twilio number needs, and where each goes in Twilio's console. */
export function TwilioConnectSteps({ urls, phoneNumber }: { urls: TwilioWebhookUrls; phoneNumber: string }) {
  return (
    <div className="grid gap-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm text-muted-foreground">
        <li>
          In the Twilio console, open <strong className="text-foreground">Phone Numbers → Manage → Active numbers</strong> and click{" "}
          {phoneNumber}.
        </li>
        <li>
          Under <strong className="text-foreground">Voice Configuration</strong>, set “A call comes in” to <em>Webhook</em>, paste the voice
          URL, method <em>HTTP POST</em>; paste the status callback URL into “Call status changes”.
        </li>
        <li>
          Under <strong className="text-foreground">Messaging Configuration</strong>, set “A message comes in” to <em>Webhook</em>, paste
          the messaging URL, method <em>HTTP POST</em>. Save.
        </li>
      </ol>
      <CopyField label="Voice URL" value={urls.voiceUrl} hint="“A call comes in” — HTTP POST" />
      <CopyField label="Status callback URL" value={urls.statusCallbackUrl} hint="“Call status changes” — HTTP POST" />
      <CopyField label="Messaging URL" value={urls.messagingUrl} hint="“A message comes in” — HTTP POST" />
    </div>
  );
}
