import type { z } from "zod";
import type { EventType } from "../events/event-types";
import type { WorkflowEvent } from "../events/event-schema";
import type { RenderTemplateOptions } from "../templates/liquid";

export type NodeCategory = "trigger" | "condition" | "action";
export type OutputHandleId = "out" | "true" | "false";

export interface OutputHandle {
  id: OutputHandleId;
  label: string;
}

export const singleOutput: readonly OutputHandle[] = [{ id: "out", label: "Then" }];
export const yesNoOutputs: readonly OutputHandle[] = [
  { id: "true", label: "Yes" },
  { id: "false", label: "No" },
];

export interface TemplateField<C> {
  field: keyof C & string;
  label: string;
  maxLength: number;
}

export interface OrgContext {
  id: string;
  name: string;
  timezone: string;
  defaultSmsNumber?: string | null;
}

export interface RunContext {
  id: string;
  workflowId: string;
  workflowName?: string;
  mode?: "live" | "test";
}

export interface ConditionContext {
  org: OrgContext;
  now: Date;
  /** Calls from this number that started at or after `since`, including the current call if it is one. */
  callsFromNumberSince(phoneNumber: string, since: Date): Promise<number>;
}

/** What a condition decided, plus the value it looked at (shown in the run log). Must be JSON. */
export interface ConditionOutcome {
  passed: boolean;
  observed: unknown;
}

export interface ActionContext {
  org: OrgContext;
  run?: RunContext;
  /**
   * Liquid's `renderTemplate`, handed in by whoever runs the action, so the catalogue (which the
   * editor loads on first paint) does not bring liquidjs along.
   */
  renderTemplate(template: string, event: WorkflowEvent, options?: RenderTemplateOptions): string;
}

/** Raised by `prepare` when the event lacks what the action needs (no number to text). */
export class ActionInputError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = "ActionInputError";
  }
}

interface DefinitionBase<K extends string, C> {
  kind: K;
  label: string;
  description: string;
  /** lucide-react icon name. */
  icon: string;
  configSchema: z.ZodType<C>;
  /** A new step's settings; texts are worded for the trigger's event type when it is known. */
  defaultConfig(eventType?: EventType): C;
  outputs: readonly OutputHandle[];
  /** Trigger types this node can work with; anything else is a validation error. */
  fitsEventTypes: readonly EventType[];
  /** One line for the node's face: "Duration > 10 s". */
  summary(config: C): string;
  templateFields: readonly TemplateField<C>[];
}

export interface TriggerDefinition<C> extends DefinitionBase<"trigger", C> {
  category: "trigger";
}

export interface ConditionDefinition<K extends string, C> extends DefinitionBase<K, C> {
  category: "condition";
  evaluate(config: C, event: WorkflowEvent, ctx: ConditionContext): ConditionOutcome | Promise<ConditionOutcome>;
}

export interface ActionDefinition<K extends string, C, I> extends DefinitionBase<K, C> {
  category: "action";
  /** Pure: renders templates and returns what the executor needs. Side effects live server-side. */
  prepare(config: C, event: WorkflowEvent, ctx: ActionContext): I;
}

export function defineCondition<K extends string, C>(definition: ConditionDefinition<K, C>) {
  return definition;
}

export function defineAction<K extends string, C, I>(definition: ActionDefinition<K, C, I>) {
  return definition;
}

export function defineTrigger<C>(definition: TriggerDefinition<C>) {
  return definition;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the registry holds definitions of every config type */
export type AnyNodeDefinition = TriggerDefinition<any> | ConditionDefinition<string, any> | ActionDefinition<string, any, any>;
/* eslint-enable @typescript-eslint/no-explicit-any */
