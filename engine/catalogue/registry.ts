import type { z } from "zod";
import type { EventType } from "../events/event-types";
import { trigger } from "./triggers/trigger";
import { callDuration } from "./conditions/call-duration";
import { callerFrequency } from "./conditions/caller-frequency";
import { source } from "./conditions/source";
import { trackingNumber } from "./conditions/tracking-number";
import { businessHours } from "./conditions/business-hours";
import { callStatus } from "./conditions/call-status";
import { callerNumber } from "./conditions/caller-number";
import { callerState } from "./conditions/caller-state";
import { tags } from "./conditions/tags";
import { messageText } from "./conditions/message-text";
import { formField } from "./conditions/form-field";
import { sendSms } from "./actions/send-sms";
import { sendEmail } from "./actions/send-email";
import { webhook } from "./actions/webhook";
import { delay } from "./actions/delay";
import { tagCall } from "./actions/tag-call";
import type { AnyNodeDefinition, NodeCategory, OutputHandleId } from "./node-definition";

/** Every node kind. Adding a kind is adding one entry here (and, for an action, one executor). */
export const nodeCatalogue = {
  trigger,
  "condition.call_duration": callDuration,
  "condition.caller_frequency": callerFrequency,
  "condition.source": source,
  "condition.tracking_number": trackingNumber,
  "condition.business_hours": businessHours,
  "condition.call_status": callStatus,
  "condition.caller_number": callerNumber,
  "condition.caller_state": callerState,
  "condition.tags": tags,
  "condition.message_text": messageText,
  "condition.form_field": formField,
  "action.send_sms": sendSms,
  "action.send_email": sendEmail,
  "action.webhook": webhook,
  "action.delay": delay,
  "action.tag_call": tagCall,
} as const;

type Catalogue = typeof nodeCatalogue;
export type NodeKind = keyof Catalogue;
export type ConditionKind = { [K in NodeKind]: Catalogue[K]["category"] extends "condition" ? K : never }[NodeKind];
export type ActionKind = { [K in NodeKind]: Catalogue[K]["category"] extends "action" ? K : never }[NodeKind];
/** Actions the server executes; a delay is the walker's own `step.sleep`. */
export type ExecutableActionKind = Exclude<ActionKind, "action.delay">;

/** Whether a step of this kind reaches outside the run (a text, an email, a webhook, a tag): every action but waiting. */
export function isExecutableAction(kind: string): kind is ExecutableActionKind {
  return Object.hasOwn(nodeCatalogue, kind) && nodeCatalogue[kind as NodeKind].category === "action" && kind !== "action.delay";
}
export type NodeConfig<K extends NodeKind> = z.output<Catalogue[K]["configSchema"]>;
export type ActionInput<K extends ActionKind> = ReturnType<Catalogue[K]["prepare"]>;
export type ActionInputs = { [K in ExecutableActionKind]: ActionInput<K> };

export const nodeKinds = Object.keys(nodeCatalogue) as NodeKind[];

export const nodeCategories: ReadonlyArray<{ id: NodeCategory; label: string; description: string }> = [
  { id: "trigger", label: "Trigger", description: "What starts the workflow" },
  { id: "condition", label: "Conditions", description: "Split the path with a yes/no question" },
  { id: "action", label: "Actions", description: "Do something: text, email, webhook, wait, tag" },
];

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === "string" && Object.hasOwn(nodeCatalogue, value);
}

export function getNodeDefinition(kind: string): AnyNodeDefinition | undefined {
  return isNodeKind(kind) ? (nodeCatalogue[kind] as AnyNodeDefinition) : undefined;
}

export function nodeDefinitionsInCategory(category: NodeCategory): AnyNodeDefinition[] {
  return nodeKinds.map((kind) => nodeCatalogue[kind] as AnyNodeDefinition).filter((d) => d.category === category);
}

/** Palette entries that make sense after a trigger of this type. */
export function nodeDefinitionsFor(eventType: EventType): AnyNodeDefinition[] {
  return nodeKinds
    .map((kind) => nodeCatalogue[kind] as AnyNodeDefinition)
    .filter((definition) => definition.category !== "trigger" && definition.fitsEventTypes.includes(eventType));
}

export function outputHandlesOf(kind: string): OutputHandleId[] {
  return getNodeDefinition(kind)?.outputs.map((output) => output.id) ?? [];
}

/** The node's one-line face text; never throws, even on a half-filled config. */
export function summarizeNode(kind: string, config: unknown): string {
  const definition = getNodeDefinition(kind);
  if (!definition) return "Unknown step";
  const parsed = definition.configSchema.safeParse(config);
  if (!parsed.success) return `${definition.label}: needs setting up`;
  try {
    return definition.summary(parsed.data);
  } catch {
    return definition.label;
  }
}
