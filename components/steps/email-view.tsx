import type { SendEmailInput } from "@/engine";
import { LabelValue, LabelValueList } from "@/components/ui/label-value";

/** What the email sender returns: who it went to; a test run returns `simulated` instead of sending. */
export type EmailOutput = { sent?: Array<{ to?: string }>; simulated?: boolean } | null;

const recipientWords: Record<SendEmailInput["recipients"]["type"], string> = {
  me: "You (the workflow's creator)",
  all_members: "Everyone in the workspace",
  addresses: "",
};

/** An email as it was (or would be) sent: recipients, subject, message and the call details under it. */
export function EmailView({ input, output }: { input: SendEmailInput; output: EmailOutput }) {
  const sentTo = Array.isArray(output?.sent) ? output.sent.map((entry) => entry.to ?? "").filter(Boolean) : [];
  const to =
    sentTo.length > 0
      ? sentTo.join(", ")
      : input.recipients.type === "addresses"
        ? input.recipients.addresses.join(", ")
        : recipientWords[input.recipients.type];
  return (
    <LabelValueList>
      <LabelValue label="To">{to || "—"}</LabelValue>
      <LabelValue label="Subject">{input.subject}</LabelValue>
      <LabelValue label="Message">
        <p className="whitespace-pre-wrap rounded-md border bg-background px-3 py-2" data-testid="rendered-email">
          {input.body || <span className="text-muted-foreground">(no message)</span>}
        </p>
      </LabelValue>
      {input.summary?.length ? (
        <LabelValue label="Call details under the message">
          <ul className="text-xs text-muted-foreground">
            {input.summary.map((line) => (
              <li key={line.label}>
                {line.label}: {line.value}
              </li>
            ))}
          </ul>
        </LabelValue>
      ) : null}
    </LabelValueList>
  );
}
