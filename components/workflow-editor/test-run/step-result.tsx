"use client";

import { JsonView } from "@/components/ui/json-view";
import { StatusBadge } from "@/components/ui/status-badge";
import type { DelayInput, SendEmailInput, SendSmsInput, TagCallInput, WebhookInput } from "@/engine";

export type TestRunStep = {
  nodeId: string;
  nodeKind: string;
  status: string;
  branch: "true" | "false" | null;
  input: unknown;
  output: unknown;
  error: { message: string } | null;
};

const recipientWords: Record<SendEmailInput["recipients"]["type"], string> = {
  me: "You (the workflow's creator)",
  all_members: "Everyone in the workspace",
  addresses: "",
};

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-1 gap-0.5">
      <dt className="text-[11px] font-medium uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

function SmsPreview({ input }: { input: SendSmsInput }) {
  return (
    <dl className="grid grid-cols-1 gap-2">
      <Field label="To">{input.to}</Field>
      <Field label="From">{input.from}</Field>
      <Field label="Message">
        <p className="whitespace-pre-wrap rounded-lg bg-accent px-3 py-2 text-accent-foreground" data-testid="would-be-sms">
          {input.body}
        </p>
        <p className="mt-1 text-xs text-muted-foreground">
          {input.body.length} characters · {input.segments} {input.segments === 1 ? "segment" : "segments"} ({input.encoding})
        </p>
      </Field>
    </dl>
  );
}

function EmailPreview({ input }: { input: SendEmailInput }) {
  const to = input.recipients.type === "addresses" ? input.recipients.addresses.join(", ") : recipientWords[input.recipients.type];
  return (
    <dl className="grid grid-cols-1 gap-2">
      <Field label="To">{to}</Field>
      <Field label="Subject">{input.subject}</Field>
      <Field label="Message">
        <p className="whitespace-pre-wrap rounded-md border bg-background px-3 py-2">{input.body || <span className="text-muted-foreground">(no message)</span>}</p>
      </Field>
      {input.summary?.length ? (
        <Field label="Call details under the message">
          <ul className="text-xs text-muted-foreground">
            {input.summary.map((line) => (
              <li key={line.label}>
                {line.label}: {line.value}
              </li>
            ))}
          </ul>
        </Field>
      ) : null}
    </dl>
  );
}

function WebhookPreview({ input }: { input: WebhookInput }) {
  return (
    <dl className="grid grid-cols-1 gap-2">
      <Field label="POST to">
        <ul className="break-all font-mono text-xs">
          {input.urls.map((url) => (
            <li key={url}>{url}</li>
          ))}
        </ul>
      </Field>
      {Object.keys(input.headers).length > 0 ? (
        <Field label="Extra headers">
          <JsonView value={input.headers} className="max-h-24" />
        </Field>
      ) : null}
      <Field label="JSON body (signed when sent)">
        <JsonView value={input.body} className="max-h-48" />
      </Field>
    </dl>
  );
}

const sideEffectKinds = new Set(["action.send_sms", "action.send_email", "action.webhook", "action.tag_call"]);

function wasSimulated(output: unknown): boolean {
  return Boolean(output && typeof output === "object" && (output as { simulated?: unknown }).simulated === true);
}

/** What one step did (or would have done) in a test run, in the words a marketer would use. */
export function StepResult({ step, label }: { step: TestRunStep; label: string }) {
  let body: React.ReactNode = null;
  if (step.status === "failed") {
    body = <p className="text-sm text-destructive">{step.error?.message ?? "This step failed."}</p>;
  } else if (step.status === "skipped") {
    body = <p className="text-xs text-muted-foreground">Not reached for this event.</p>;
  } else if (step.nodeKind === "trigger") {
    body = <p className="text-xs text-muted-foreground">The event starts this workflow.</p>;
  } else if (step.nodeKind.startsWith("condition.")) {
    body = (
      <p className="text-sm">
        Took the <strong className={step.branch === "true" ? "text-success" : "text-destructive"}>{step.branch === "true" ? "Yes" : "No"}</strong> path
        {step.output !== null && step.output !== undefined ? <span className="text-muted-foreground"> (saw {JSON.stringify(step.output)})</span> : null}
      </p>
    );
  } else if (step.nodeKind === "action.send_sms") {
    body = <SmsPreview input={step.input as SendSmsInput} />;
  } else if (step.nodeKind === "action.send_email") {
    body = <EmailPreview input={step.input as SendEmailInput} />;
  } else if (step.nodeKind === "action.webhook") {
    body = <WebhookPreview input={step.input as WebhookInput} />;
  } else if (step.nodeKind === "action.delay") {
    body = <p className="text-sm">Would wait {(step.input as DelayInput).duration}; a test carries straight on.</p>;
  } else if (step.nodeKind === "action.tag_call") {
    body = <p className="text-sm">Would tag the call: {(step.input as TagCallInput).tags.join(", ")}</p>;
  }
  const category = sideEffectKinds.has(step.nodeKind) && step.status === "succeeded" ? (wasSimulated(step.output) ? "Not sent (test)" : "Sent for real") : null;

  return (
    <li className="grid grid-cols-1 gap-2 rounded-md border bg-card p-3" data-testid="test-step" data-node-id={step.nodeId} data-status={step.status}>
      <div className="flex items-center justify-between gap-2">
        <p className="truncate text-sm font-medium">{label}</p>
        <div className="flex shrink-0 items-center gap-1.5">
          {category ? <span className={category === "Sent for real" ? "text-xs font-medium text-warning" : "text-xs text-muted-foreground"}>{category}</span> : null}
          <StatusBadge status={step.status} />
        </div>
      </div>
      {body}
    </li>
  );
}
