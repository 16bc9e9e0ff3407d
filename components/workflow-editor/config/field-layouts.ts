import {
  callStatuses,
  callStatusLabels,
  eventCategoryLabels,
  eventTypeInfo,
  eventTypes,
  isHttpUrl,
  knownSources,
  maxWebhookUrls,
  numberOperatorLabels,
  type NodeKind,
} from "@/engine";

type Values = Record<string, unknown>;
export interface Option {
  value: string;
  label: string;
}

interface FieldBase {
  name: string;
  label: string;
  help?: string;
  /** Shown only when this returns true for the current settings. */
  showIf?: (values: Values) => boolean;
}

export type FieldSpec =
  | (FieldBase & { type: "select"; options: readonly Option[]; emptyValues?: Record<string, Values> })
  | (FieldBase & { type: "number"; suffix?: string })
  | (FieldBase & { type: "seconds" })
  | (FieldBase & { type: "text"; placeholder?: string; optional?: boolean })
  | (FieldBase & {
      type: "list";
      placeholder: string;
      suggestions?: readonly string[];
      /** Advice that doesn't block publishing (use https), shown as the value is typed. */
      hint?: (items: readonly string[]) => string | undefined;
    })
  | (FieldBase & { type: "checkboxes"; options: readonly Option[] })
  | (FieldBase & { type: "switch" })
  | (FieldBase & { type: "template"; multiline: boolean; sms?: boolean })
  | (FieldBase & { type: "schedule" })
  /** A searchable time zone, or empty for the workspace's own. */
  | (FieldBase & { type: "timezone" })
  | (FieldBase & { type: "headers" });

const options = (labels: Record<string, string>): Option[] => Object.entries(labels).map(([value, label]) => ({ value, label }));

const triggerOptions: Option[] = eventTypes.map((type) => ({
  value: type,
  label: `${eventTypeInfo[type].label} (${eventCategoryLabels[eventTypeInfo[type].category].toLowerCase()})`,
}));

const comparison = options({ gt: "More than", gte: "At least", lt: "Less than", lte: "At most", eq: "Exactly", between: "Between" });
const countComparison = options({
  gt: numberOperatorLabels.gt,
  gte: numberOperatorLabels.gte,
  lt: numberOperatorLabels.lt,
  lte: numberOperatorLabels.lte,
  eq: numberOperatorLabels.eq,
});
const anyOrNone = options({ any_of: "Is any of", none_of: "Is none of" });

/**
 * How each kind's settings are laid out in the side panel. The catalogue's schema decides what is
 * valid; this decides the order, the words and which field shows when.
 */
export const fieldLayouts: Record<NodeKind, FieldSpec[]> = {
  trigger: [
    { type: "select", name: "eventType", label: "What starts this workflow", options: triggerOptions },
    {
      type: "list",
      name: "trackingNumbers",
      label: "Only for these tracking numbers",
      placeholder: "+14155550100",
      help: "One number per line. Leave empty to run for all your numbers.",
    },
  ],
  "condition.call_duration": [
    { type: "select", name: "operator", label: "The call lasted", options: comparison },
    { type: "select", name: "unit", label: "Measured in", options: options({ seconds: "Seconds", minutes: "Minutes" }) },
    { type: "seconds", name: "seconds", label: "Amount" },
    { type: "seconds", name: "maxSeconds", label: "And at most", showIf: (values) => values.operator === "between" },
  ],
  "condition.caller_frequency": [
    {
      type: "select",
      name: "mode",
      label: "The caller is",
      options: options({ first_time: "A first-time caller", repeat: "A repeat caller", count: "Someone who called a number of times…" }),
      emptyValues: { count: { operator: "gte", count: 2, days: 30 } },
    },
    { type: "select", name: "operator", label: "Called", options: countComparison, showIf: (values) => values.mode === "count" },
    { type: "number", name: "count", label: "Number of calls", suffix: "calls", showIf: (values) => values.mode === "count" },
    { type: "number", name: "days", label: "In the last", suffix: "days", showIf: (values) => values.mode === "count" },
  ],
  "condition.source": [
    { type: "select", name: "operator", label: "Where the caller came from", options: anyOrNone },
    { type: "list", name: "sources", label: "Sources", placeholder: "Google Ads", suggestions: knownSources, help: "One source per line." },
  ],
  "condition.tracking_number": [
    { type: "list", name: "numbers", label: "The number called is any of", placeholder: "+14155550100", help: "One number per line." },
  ],
  "condition.business_hours": [
    {
      type: "select",
      name: "mode",
      label: "The call came in",
      options: options({ inside: "Inside business hours", outside: "Outside business hours" }),
    },
    { type: "schedule", name: "schedule", label: "Business hours" },
    {
      type: "select",
      name: "clock",
      label: "Check the time",
      options: options({ event: "When the call came in", now: "When this step runs (after any wait)" }),
    },
    {
      type: "timezone",
      name: "timezone",
      label: "Time zone",
      help: "Business hours are read in this time zone. The workspace's time zone is set in Settings.",
    },
  ],
  "condition.call_status": [
    {
      type: "select",
      name: "mode",
      label: "The call",
      options: options({ answered: "Was answered", missed: "Was missed", status_in: "Has one of these statuses…" }),
      emptyValues: { status_in: { statuses: ["no_answer"] } },
    },
    {
      type: "checkboxes",
      name: "statuses",
      label: "Statuses",
      options: callStatuses.map((status) => ({ value: status, label: callStatusLabels[status] })),
      showIf: (values) => values.mode === "status_in",
    },
  ],
  "condition.caller_number": [
    { type: "select", name: "operator", label: "The caller's number", options: options({ equals: "Is", starts_with: "Starts with" }) },
    { type: "text", name: "value", label: "Number or prefix", placeholder: "+1415" },
  ],
  "condition.caller_state": [
    { type: "select", name: "operator", label: "The caller's state", options: anyOrNone },
    {
      type: "list",
      name: "states",
      label: "States or regions",
      placeholder: "CA",
      help: "One per line, as shown on your calls (CA, NY…).",
    },
  ],
  "condition.tags": [
    { type: "select", name: "match", label: "The call has", options: options({ any: "Any of these tags", all: "All of these tags" }) },
    { type: "list", name: "tags", label: "Tags", placeholder: "lead", help: "One tag per line." },
  ],
  "condition.message_text": [
    {
      type: "list",
      name: "keywords",
      label: "The message contains any of",
      placeholder: "price",
      help: "One keyword per line. Upper and lower case are treated the same.",
    },
    { type: "switch", name: "wholeWord", label: "Match whole words only", help: "“price” then doesn't match “priceless”." },
  ],
  "condition.form_field": [
    { type: "text", name: "field", label: "Form field name", placeholder: "service" },
    {
      type: "select",
      name: "operator",
      label: "The answer",
      options: options({ contains: "Contains", equals: "Is exactly", is_filled: "Is filled in" }),
    },
    { type: "text", name: "value", label: "Value", placeholder: "roof repair", showIf: (values) => values.operator !== "is_filled" },
  ],
  "action.send_sms": [{ type: "template", name: "body", label: "Text message", multiline: true, sms: true }],
  "action.send_email": [
    {
      type: "select",
      name: "to",
      label: "Send to",
      options: options({ me: "Me", all_members: "Everyone in this workspace", addresses: "These addresses…" }),
    },
    {
      type: "list",
      name: "addresses",
      label: "Email addresses",
      placeholder: "sales@example.com",
      help: "One address per line.",
      showIf: (values) => values.to === "addresses",
    },
    { type: "template", name: "subject", label: "Subject", multiline: false },
    { type: "template", name: "body", label: "Message", multiline: true },
    { type: "switch", name: "includeSummary", label: "Add a summary of the call under the message" },
  ],
  "action.webhook": [
    {
      type: "list",
      name: "urls",
      label: "Send to these addresses",
      placeholder: "https://hooks.example.com/calls",
      help: `One address per line, up to ${maxWebhookUrls}. Each receives the event as JSON, signed.`,
      hint: (urls) => {
        const plain = urls.filter((url) => isHttpUrl(url.trim()) && url.trim().toLowerCase().startsWith("http://"));
        if (plain.length === 0) return undefined;
        return `Use https:// instead of http:// (${plain[0]}${plain.length > 1 ? " and others" : ""}), so call details are encrypted on the way.`;
      },
    },
    { type: "headers", name: "headers", label: "Extra headers" },
  ],
  "action.delay": [
    { type: "number", name: "amount", label: "Wait for" },
    { type: "select", name: "unit", label: "Unit", options: options({ minutes: "Minutes", hours: "Hours", days: "Days" }) },
  ],
  "action.tag_call": [{ type: "list", name: "tags", label: "Tags to add", placeholder: "missed-lead", help: "One tag per line." }],
};
