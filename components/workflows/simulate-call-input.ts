import type { EventType } from "@/engine";
import { simulatedEventFieldsSchema } from "@/lib/simulated-event-fields";
import type { SimulateEventFields } from "@/server/trpc/routers/event.schemas";

/** Event types that describe a call (they have a duration and are listed on Calls). */
export const callEventTypes = new Set<EventType>([
  "call.missed",
  "call.answered",
  "call.completed",
  "call.started",
  "call.routed",
  "call.modified",
  "call.outbound_completed",
  "call.outbound_modified",
  "convert_assist.completed",
]);

/** The form as typed: every field a string or a switch. */
export type SimulateCallForm = {
  type: EventType;
  /** Empty: a new made-up number for this call. */
  callerNumber: string;
  reuseLastNumber: boolean;
  callerName: string;
  trackingNumber: string;
  source: string;
  durationSeconds: string;
  firstCall: boolean;
  messageBody: string;
};

export type SimulateCallField = keyof SimulateCallForm;
export type SimulateCallErrors = Partial<Record<SimulateCallField | "form", string>>;

export function asksForDuration(type: EventType) {
  return callEventTypes.has(type) && type !== "call.missed";
}

const wholeSeconds = /^\d+$/;

/**
 * Every field checked before anything fires, with the server's own schema: the input to send, or
 * a reason per field. Phone numbers come back in E.164 whichever way they were typed.
 */
export function simulateCallInput(
  form: SimulateCallForm,
): { ok: true; input: SimulateEventFields } | { ok: false; errors: SimulateCallErrors } {
  const errors: SimulateCallErrors = {};
  let seconds = 0;
  if (asksForDuration(form.type)) {
    const typed = form.durationSeconds.trim();
    if (!wholeSeconds.test(typed)) {
      errors.durationSeconds = typed.startsWith("-")
        ? "The duration cannot be negative"
        : "Enter the duration as a whole number of seconds, such as 45";
    } else seconds = Number(typed);
  }

  const isCall = callEventTypes.has(form.type);
  const callFields = !isCall
    ? {}
    : form.type === "call.missed"
      ? { answered: false, durationSeconds: 0 }
      : form.type === "call.answered"
        ? { answered: true, durationSeconds: seconds }
        : form.type === "call.completed"
          ? { answered: seconds > 0, durationSeconds: seconds }
          : { durationSeconds: seconds };
  const reuse = form.reuseLastNumber && !form.callerNumber.trim();
  const parsed = simulatedEventFieldsSchema.safeParse({
    ...(form.callerNumber.trim() ? { callerNumber: form.callerNumber } : {}),
    ...(reuse ? { reuseLastNumber: true } : {}),
    callerName: form.callerName,
    firstCall: form.firstCall,
    source: form.source,
    trackingNumber: form.trackingNumber,
    ...callFields,
    ...(form.type.startsWith("sms.") ? { messageBody: form.messageBody } : {}),
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      const key = (field in form ? field : "form") as SimulateCallField | "form";
      errors[key] ??= issue.message;
    }
  }
  if (!parsed.success || Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, input: { type: form.type, ...parsed.data } };
}
