import { formatDuration, getNodeDefinition, summarizeNode } from "@/engine";
import { JsonView } from "@/components/ui/json-view";
import type { RunStepData } from "./run-detail-types";
import { StepErrorView } from "./step-error-view";
import { deliveriesOf, WebhookDeliveryView } from "./webhook-delivery-view";

type GraphNode = { kind: string; config: unknown } | undefined;
type Record_ = Record<string, unknown>;

const asRecord = (value: unknown): Record_ => (value && typeof value === "object" ? (value as Record_) : {});
const text = (value: unknown) => (typeof value === "string" ? value : value == null ? "" : String(value));

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[6rem_1fr] gap-2 text-sm">
      <span className="text-muted-foreground">{label}</span>
      <span className="min-w-0 break-words">{children}</span>
    </div>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-1.5">
      <p className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{title}</p>
      {children}
    </div>
  );
}

/** A test run's actions are rendered but not sent: the rendered input is what would have gone out. */
function isSimulated(output: unknown): boolean {
  return asRecord(output).simulated === true;
}

function SmsView({ step }: { step: RunStepData }) {
  const input = asRecord(step.input);
  const output = asRecord(step.output);
  return (
    <Section title={isSimulated(step.output) ? "Text that would be sent" : "Text message"}>
      <Field label="To">{text(input.to) || "—"}</Field>
      <Field label="From">{text(input.from) || "—"}</Field>
      <div className="max-w-sm whitespace-pre-wrap rounded-2xl rounded-bl-sm bg-primary/10 px-3 py-2 text-sm" data-testid="rendered-sms">
        {text(input.body)}
      </div>
      {input.segments ? <p className="text-xs text-muted-foreground">{text(input.segments)} SMS segment(s)</p> : null}
      {output.status && !isSimulated(step.output) ? <Field label="Delivery">{text(output.status)}</Field> : null}
    </Section>
  );
}

function EmailView({ step }: { step: RunStepData }) {
  const input = asRecord(step.input);
  const output = asRecord(step.output);
  const sent = Array.isArray(output.sent) ? (output.sent as Record_[]) : [];
  const summary = Array.isArray(input.summary) ? (input.summary as Array<{ label: string; value: string }>) : [];
  return (
    <Section title={isSimulated(step.output) ? "Email that would be sent" : "Email"}>
      {sent.length > 0 ? <Field label="To">{sent.map((entry) => text(entry.to)).join(", ")}</Field> : null}
      <Field label="Subject">{text(input.subject)}</Field>
      <div className="whitespace-pre-wrap rounded-md border bg-card p-3 text-sm" data-testid="rendered-email">
        {text(input.body)}
        {summary.length > 0 ? (
          <div className="mt-3 border-t pt-2 text-xs text-muted-foreground">
            {summary.map((line) => (
              <p key={line.label}>
                {line.label}: {line.value}
              </p>
            ))}
          </div>
        ) : null}
      </div>
    </Section>
  );
}

function WebhookView({ step }: { step: RunStepData }) {
  // A rejected delivery fails the step; its deliveries then travel with the error.
  const deliveries = deliveriesOf(step.output).length > 0 ? deliveriesOf(step.output) : deliveriesOf(asRecord(step.error).details);
  const input = asRecord(step.input);
  if (deliveries.length === 0) {
    return (
      <Section title={isSimulated(step.output) ? "Webhook that would be sent" : "Webhook"}>
        <Field label="URLs">{Array.isArray(input.urls) ? input.urls.join(", ") : "—"}</Field>
        <p className="text-xs font-medium text-muted-foreground">Body</p>
        <JsonView value={input.body ?? null} />
      </Section>
    );
  }
  return (
    <Section title="Webhook deliveries">
      {deliveries.map((delivery) => (
        <WebhookDeliveryView key={delivery.url} delivery={delivery} />
      ))}
    </Section>
  );
}

function ConditionView({ step, node }: { step: RunStepData; node: GraphNode }) {
  const observed = step.output;
  return (
    <Section title="Check">
      {node ? <Field label="Rule">{summarizeNode(node.kind, node.config)}</Field> : null}
      {observed !== null && observed !== undefined ? (
        <Field label="Found">{typeof observed === "object" ? JSON.stringify(observed) : text(observed)}</Field>
      ) : null}
      {step.branch ? <Field label="Result">{step.branch === "true" ? "Yes — the Yes path ran" : "No — the No path ran"}</Field> : null}
    </Section>
  );
}

function DelayView({ step }: { step: RunStepData }) {
  const input = asRecord(step.input);
  const ms = typeof input.milliseconds === "number" ? input.milliseconds : null;
  return (
    <Section title="Wait">
      {ms !== null ? <Field label="For">{formatDuration(Math.round(ms / 1000))}</Field> : <Field label="For">{text(input.duration)}</Field>}
      {step.wakeAt ? <Field label={step.status === "sleeping" ? "Until" : "Woke at"}>{step.wakeAt.toLocaleString()}</Field> : null}
    </Section>
  );
}

function TagView({ step }: { step: RunStepData }) {
  const output = asRecord(step.output);
  const tags = Array.isArray(output.tags) ? output.tags : Array.isArray(asRecord(step.input).tags) ? (asRecord(step.input).tags as unknown[]) : [];
  return (
    <Section title="Tags">
      <Field label="Tags">{tags.map(text).join(", ") || "—"}</Field>
      {output.note ? <p className="text-xs text-muted-foreground">{text(output.note)}</p> : null}
    </Section>
  );
}

/** What a step did, in the terms of its kind: the text as sent, the email, the webhook's request and response. */
export function StepDetails({ step, node }: { step: RunStepData; node: GraphNode }) {
  const category = getNodeDefinition(step.nodeKind)?.category;
  const body = (() => {
    if (step.status === "skipped") return <p className="text-sm text-muted-foreground">Skipped: the run did not take the path to this step.</p>;
    switch (step.nodeKind) {
      case "trigger":
        return <p className="text-sm text-muted-foreground">{step.status === "succeeded" ? "The event matched this trigger." : "The event did not match this trigger."}</p>;
      case "action.send_sms":
        return <SmsView step={step} />;
      case "action.send_email":
        return <EmailView step={step} />;
      case "action.webhook":
        return <WebhookView step={step} />;
      case "action.delay":
        return <DelayView step={step} />;
      case "action.tag_call":
        return <TagView step={step} />;
      default:
        return category === "condition" ? <ConditionView step={step} node={node} /> : null;
    }
  })();

  return (
    <div className="grid gap-3">
      {isSimulated(step.output) ? (
        <p className="rounded-md bg-warning/15 px-2 py-1 text-xs font-medium">Test run: this action was prepared but not sent.</p>
      ) : null}
      {step.error ? <StepErrorView error={step.error} /> : null}
      {body}
      <details>
        <summary className="cursor-pointer text-xs font-medium text-muted-foreground">Raw input and output</summary>
        <div className="mt-2 grid gap-2">
          <p className="text-xs text-muted-foreground">Input</p>
          <JsonView value={step.input ?? null} />
          <p className="text-xs text-muted-foreground">Output</p>
          <JsonView value={step.output ?? null} />
        </div>
      </details>
    </div>
  );
}
