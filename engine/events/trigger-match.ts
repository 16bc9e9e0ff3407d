import type { EventType } from "./event-types";
import type { WorkflowEvent } from "./event-schema";
import { samePhoneNumber } from "../condition-helpers/phone-numbers";

export interface TriggerFilter {
  eventType: EventType;
  /** Empty or absent: any tracking number. */
  trackingNumbers?: readonly string[];
}

/**
 * The trigger types an event fires. An inbound `call.completed` is also the
 * `call.answered` or `call.missed` the product's simplest triggers listen for.
 */
export function triggerTypesSatisfiedBy(event: WorkflowEvent): EventType[] {
  if (event.type === "call.completed" && event.call.direction === "inbound") {
    return ["call.completed", event.call.answered ? "call.answered" : "call.missed"];
  }
  return [event.type];
}

export function eventSatisfiesTrigger(trigger: TriggerFilter, event: WorkflowEvent): boolean {
  if (!triggerTypesSatisfiedBy(event).includes(trigger.eventType)) return false;
  const numbers = trigger.trackingNumbers ?? [];
  if (numbers.length === 0) return true;
  const called = event.tracking_number?.phone_number;
  return called != null && numbers.some((number) => samePhoneNumber(number, called));
}
