import { CircleAlert } from "lucide-react";
import { JsonView } from "@/components/ui/json-view";

export type StoredError = { message: string; name?: string; code?: string | number; permanent?: boolean; details?: unknown };

// What to do next, for the failures people meet most; the message itself already says what happened.
const hints: Record<string, string> = {
  webhook_rejected:
    "The receiving server refused the request. Check the URL and what that server expects; trying again will not help until it changes.",
  sms_daily_cap: "This protects against texting one person too often. The limit resets after 24 hours.",
  no_recipients: "Nobody could be emailed. Check the email step's recipients.",
  no_secret: "Open Settings → Webhooks to create the signing secret.",
  invalid_config: "Open the workflow and fix this step's settings, then publish again.",
  unknown_kind: "This step is from a newer or older version of Switchboard. Replace it in the editor.",
  cycle: "Remove the loop in the editor and publish again.",
};

/** A failed step's error in plain words first, with the technical detail folded away. */
export function StepErrorView({ error }: { error: StoredError }) {
  const hint = error.code !== undefined ? hints[String(error.code)] : undefined;
  const { message: _message, details, ...technical } = error;
  return (
    <div className="grid gap-1.5 rounded-md border border-destructive/30 bg-destructive/5 p-3" role="group" aria-label="What went wrong">
      <p className="flex items-start gap-2 text-sm font-medium text-destructive">
        <CircleAlert className="mt-0.5 size-4 shrink-0" aria-hidden /> {error.message}
      </p>
      {hint ? <p className="text-sm text-muted-foreground">{hint}</p> : null}
      {error.permanent === false ? <p className="text-xs text-muted-foreground">This looked temporary, so it was tried again.</p> : null}
      <details>
        <summary className="cursor-pointer text-xs font-medium text-muted-foreground">Technical details</summary>
        <JsonView className="mt-2" label="Technical details" value={details === undefined ? technical : { ...technical, details }} />
      </details>
    </div>
  );
}
