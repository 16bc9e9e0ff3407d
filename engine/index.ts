// Public API of the workflow engine: pure, shared by the editor (browser) and the executor (server).
// engine/package.json tells bundlers so (`sideEffects: false`): a page gets only the parts it uses,
// and the editor's first paint leaves liquidjs (the executor's and the template checker's) out.

export * from "./events/event-types";
export * from "./events/event-schema";
export { sampleEvent, sampleEventWith, sampleEventFrom, sampleCallers, isSampleEvent, type SampleCallerId } from "./events/sample-events";
export { eventSatisfiesTrigger, triggerTypesSatisfiedBy, type TriggerFilter } from "./events/trigger-match";
export { summarizeEvent, formatDuration, type SummaryLine } from "./events/event-summary";

export * from "./graph/graph-schema";
export { toReactFlow, fromReactFlow, type FlowNode, type FlowEdge, type FlowNodeData } from "./graph/react-flow";
export { topologicalOrder, reachableFrom, pathExists, incomingEdges, outgoingEdges, nodesOnCycles } from "./graph/topology";

export * from "./catalogue/node-definition";
export * from "./catalogue/registry";
export { triggerConfigSchema, type TriggerConfig } from "./catalogue/triggers/trigger";
export { callDurationConfigSchema, type CallDurationConfig } from "./catalogue/conditions/call-duration";
export { callerFrequencyConfigSchema, type CallerFrequencyConfig } from "./catalogue/conditions/caller-frequency";
export { sourceConfigSchema, knownSources, type SourceConfig } from "./catalogue/conditions/source";
export { trackingNumberConfigSchema, type TrackingNumberConfig } from "./catalogue/conditions/tracking-number";
export { businessHoursConfigSchema, type BusinessHoursConfig } from "./catalogue/conditions/business-hours";
export { callStatusConfigSchema, type CallStatusConfig } from "./catalogue/conditions/call-status";
export { callerNumberConfigSchema, type CallerNumberConfig } from "./catalogue/conditions/caller-number";
export { callerStateConfigSchema, type CallerStateConfig } from "./catalogue/conditions/caller-state";
export { tagsConfigSchema, type TagsConfig } from "./catalogue/conditions/tags";
export { messageTextConfigSchema, type MessageTextConfig } from "./catalogue/conditions/message-text";
export { formFieldConfigSchema, type FormFieldConfig } from "./catalogue/conditions/form-field";
export { sendSmsConfigSchema, smsBodyMaxLength, type SendSmsConfig, type SendSmsInput } from "./catalogue/actions/send-sms";
export { defaultSmsBody, defaultEmailSubject } from "./catalogue/actions/default-texts";
export {
  sendEmailConfigSchema,
  emailSubjectMaxLength,
  emailBodyMaxLength,
  type SendEmailConfig,
  type SendEmailInput,
} from "./catalogue/actions/send-email";
export { webhookConfigSchema, isHttpUrl, maxWebhookUrls, type WebhookConfig, type WebhookInput } from "./catalogue/actions/webhook";
export {
  delayConfigSchema,
  delayDuration,
  delayLongerThanDays,
  maxDelayDays,
  type DelayConfig,
  type DelayInput,
} from "./catalogue/actions/delay";
export { tagCallConfigSchema, type TagCallConfig, type TagCallInput } from "./catalogue/actions/tag-call";

export * from "./condition-helpers/operators";
export * from "./condition-helpers/business-hours";
export * from "./condition-helpers/phone-numbers";

export * from "./templates/liquid";
export * from "./templates/sms-segments";
export * from "./templates/variable-catalogue";

export * from "./validation/validation-error";
export { validateGraph, isPublishable, errorsForNode, type ValidationMode, type ValidateOptions } from "./validation/validate-graph";
export { validateGraphWith } from "./validation/validate-graph-with";
export { asPublishBlockers, publishBlockers, publishBlockersWith } from "./validation/publish-blockers";
export type { TemplateChecker } from "./validation/template-checker";
export { canConnect, type ConnectionAttempt, type ConnectResult } from "./validation/can-connect";
export { maxWebhookNodes } from "./validation/rules/limit-rules";

export * from "./walker/ports";
export { walkWorkflow, toNodeError } from "./walker/walk-workflow";
export { workflowTemplates, findWorkflowTemplate, type WorkflowTemplate } from "./gallery/workflow-templates";
