import { getNodeDefinition, type DelayInput, type SendEmailInput, type SendSmsInput, type TagCallInput, type WebhookInput } from "@/engine";
import { JsonView } from "@/components/ui/json-view";
import { ConditionView } from "./condition-view";
import { DelayView } from "./delay-view";
import { EmailView, type EmailOutput } from "./email-view";
import { SmsView, type SmsOutput } from "./sms-view";
import { StepErrorView, type StoredError } from "./step-error-view";
import { TagView, type TagOutput } from "./tag-view";
import { WebhookView } from "./webhook-view";
import { deliveriesOf } from "./webhook-delivery-view";

/** One step of a run as it is stored: what went in, what came out, how it ended. */
export type StepRecord = {
  nodeKind: string;
  status: string;
  branch: "true" | "false" | null;
  input: unknown;
  output: unknown;
  error: StoredError | null;
  wakeAt?: Date | null;
};

/** A test run's actions are rendered but not sent: the rendered input is what would have gone out. */
export function wasSimulated(output: unknown): boolean {
  return Boolean(output && typeof output === "object" && (output as { simulated?: unknown }).simulated === true);
}

function objectOrNull<T>(value: unknown): T | null {
  return value && typeof value === "object" ? (value as T) : null;
}

/** The view for the step's kind. An action shows only once it has an input (it failed before one, or was skipped). */
function KindView({ step, node }: { step: StepRecord; node?: { kind: string; config: unknown } }) {
  if (step.nodeKind === "trigger") {
    return (
      <p className="text-sm text-muted-foreground">
        {step.status === "succeeded" ? "The event matched this trigger." : "The event did not match this trigger."}
      </p>
    );
  }
  if (getNodeDefinition(step.nodeKind)?.category === "condition") {
    return <ConditionView node={node} observed={step.output} branch={step.branch} />;
  }
  const input = objectOrNull<unknown>(step.input);
  if (!input) return null;
  switch (step.nodeKind) {
    case "action.send_sms":
      return <SmsView input={input as SendSmsInput} output={objectOrNull<SmsOutput>(step.output)} />;
    case "action.send_email":
      return <EmailView input={input as SendEmailInput} output={objectOrNull<EmailOutput>(step.output)} />;
    case "action.webhook": {
      // A rejected delivery fails the step; its deliveries then travel with the error.
      const deliveries = deliveriesOf(step.output).length > 0 ? deliveriesOf(step.output) : deliveriesOf(step.error?.details);
      return <WebhookView input={input as WebhookInput} deliveries={deliveries} />;
    }
    case "action.delay":
      return <DelayView input={input as DelayInput} wakeAt={step.wakeAt ?? null} sleeping={step.status === "sleeping"} />;
    case "action.tag_call":
      return <TagView input={input as TagCallInput} output={objectOrNull<TagOutput>(step.output)} />;
    default:
      return null;
  }
}

/**
 * What a step did, in the terms of its kind: the text as sent, the email, the webhook's request and
 * response; then its raw input and output. Used by the run page and the editor's test panel alike.
 */
export function StepView({
  step,
  node,
  simulatedNote = true,
}: {
  step: StepRecord;
  node?: { kind: string; config: unknown };
  simulatedNote?: boolean;
}) {
  if (step.status === "skipped")
    return <p className="text-sm text-muted-foreground">Skipped: the run did not take the path to this step.</p>;
  return (
    <div className="grid gap-3">
      {simulatedNote && wasSimulated(step.output) ? (
        <p className="rounded-md bg-warning/15 px-2 py-1 text-xs font-medium">Test run: this action was prepared but not sent.</p>
      ) : null}
      {/* While a step is between attempts, its last error belongs to that attempt (shown in the attempts list), not to the step. */}
      {step.error && step.status !== "running" ? <StepErrorView error={step.error} /> : null}
      <KindView step={step} node={node} />
      <details>
        <summary className="cursor-pointer text-xs font-medium text-muted-foreground">Raw input and output</summary>
        <div className="mt-2 grid gap-2">
          <p className="text-xs text-muted-foreground">Input</p>
          <JsonView value={step.input ?? null} label="Raw input" />
          <p className="text-xs text-muted-foreground">Output</p>
          <JsonView value={step.output ?? null} label="Raw output" />
        </div>
      </details>
    </div>
  );
}
