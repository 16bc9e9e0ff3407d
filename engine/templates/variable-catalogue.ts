/**
 * How the variables of an event read to a marketer: a label, a group, and what to write instead when
 * the value can be missing (a caller without a name must get "Hi there," not "Hi ,").
 */

export const variableGroups = [
  "Caller",
  "Call",
  "Message",
  "Form",
  "AI summary",
  "Tracking number",
  "Attribution",
  "Business",
  "Other",
] as const;
export type VariableGroup = (typeof variableGroups)[number];

/** Written after `default:` when the value is missing: plain words, or another variable. */
export type VariableFallback = { text: string } | { variable: string };

export interface VariableDescription {
  label: string;
  group: VariableGroup;
  /** Internal ids and codes: valid in a template, but not offered in the picker. */
  internal?: boolean;
  /** Set for values an event may lack; the picker inserts them with this fallback. */
  fallback?: VariableFallback;
  /** Liquid filters that make the value read well (a list joined, a time formatted). */
  format?: string;
}

const text = (value: string): VariableFallback => ({ text: value });
const dateFormat = 'date: "%b %-d, %-I:%M %p"';

const described: Record<string, VariableDescription> = {
  "caller.name": { label: "Caller's name", group: "Caller", fallback: text("there") },
  "caller.phone_number": { label: "Caller's phone number", group: "Caller" },
  "caller.city": { label: "Caller's city", group: "Caller", fallback: text("your area") },
  "caller.state": { label: "Caller's state or region", group: "Caller", fallback: text("your area") },
  "caller.country": { label: "Caller's country", group: "Caller", fallback: text("your country") },
  "caller.first_call": { label: "First-time caller (true or false)", group: "Caller" },
  "caller.prior_calls": { label: "Number of earlier calls", group: "Caller" },

  "call.id": { label: "Call id", group: "Call", internal: true },
  "call.external_id": { label: "Call id at the phone provider", group: "Call", internal: true },
  "call.direction": { label: "Direction (inbound or outbound)", group: "Call" },
  "call.status": { label: "Call status", group: "Call" },
  "call.answered": { label: "Answered (true or false)", group: "Call" },
  "call.duration_seconds": { label: "Call length in seconds", group: "Call", fallback: text("0") },
  "call.started_at": { label: "When the call started", group: "Call", format: dateFormat },
  "call.ended_at": { label: "When the call ended", group: "Call", format: dateFormat, fallback: text("not yet") },
  "call.recording_url": { label: "Recording link", group: "Call", fallback: text("no recording") },
  "call.tags": { label: "Call tags", group: "Call", format: 'join: ", "', fallback: text("none") },
  "call.value": { label: "Call value", group: "Call", fallback: text("not set") },
  "call.notes": { label: "Call notes", group: "Call", fallback: text("no notes") },
  "routing.destination_phone_number": { label: "Number the call went to", group: "Call", fallback: text("our team") },
  "routing.routed_at": { label: "When the call was routed", group: "Call", format: dateFormat },
  "routing.agent_name": { label: "Who took the call", group: "Call", fallback: text("our team") },

  "message.id": { label: "Message id", group: "Message", internal: true },
  "message.body": { label: "Message text", group: "Message" },
  "message.media_urls": { label: "Pictures sent with the message", group: "Message", format: 'join: ", "', fallback: text("none") },
  "message.direction": { label: "Direction (inbound or outbound)", group: "Message" },

  "form.id": { label: "Form id", group: "Form", internal: true },
  "form.name": { label: "Form name", group: "Form", fallback: text("our form") },
  "form.url": { label: "Page with the form", group: "Form", fallback: text("our website") },

  "convert_assist.summary": { label: "Summary of the call", group: "AI summary" },
  "convert_assist.sentiment": { label: "Caller's mood", group: "AI summary", fallback: text("unknown") },
  // A boolean gets no fallback: `default` would replace `false` too.
  "convert_assist.lead_qualified": { label: "Qualified lead (true or false)", group: "AI summary" },
  "convert_assist.topics": { label: "Topics", group: "AI summary", format: 'join: ", "', fallback: text("none") },
  "convert_assist.action_items": { label: "Things to do", group: "AI summary", format: 'join: ", "', fallback: text("none") },

  "tracking_number.phone_number": { label: "Tracking number called", group: "Tracking number" },
  "tracking_number.label": {
    label: "Tracking number's name",
    group: "Tracking number",
    fallback: { variable: "tracking_number.phone_number" },
  },
  "tracking_number.business_phone_number": {
    label: "Business number it forwards to",
    group: "Tracking number",
    fallback: { variable: "tracking_number.phone_number" },
  },

  "attribution.source": { label: "Source (e.g. Google Ads)", group: "Attribution", fallback: text("an unknown source") },
  "attribution.medium": { label: "Medium (e.g. cpc)", group: "Attribution", fallback: text("unknown") },
  "attribution.campaign": { label: "Campaign", group: "Attribution", fallback: text("no campaign") },
  "attribution.keywords": { label: "Search keywords", group: "Attribution", fallback: text("none") },
  "attribution.landing_page_url": { label: "Landing page", group: "Attribution", fallback: text("our website") },
  "attribution.referrer": { label: "Referring page", group: "Attribution", fallback: text("none") },
  "attribution.gclid": { label: "Google click id", group: "Attribution", internal: true },

  "organization.id": { label: "Workspace id", group: "Business", internal: true },
  "organization.name": { label: "Business name", group: "Business" },

  id: { label: "Event id", group: "Other", internal: true },
  type: { label: "Event type", group: "Other", internal: true },
  created_at: { label: "When it happened", group: "Other", format: dateFormat },
};

const groupOfRoot: Record<string, VariableGroup> = {
  caller: "Caller",
  call: "Call",
  routing: "Call",
  changes: "Call",
  message: "Message",
  form: "Form",
  convert_assist: "AI summary",
  tracking_number: "Tracking number",
  attribution: "Attribution",
  organization: "Business",
};

const humanize = (key: string) => key.replace(/[_-]+/g, " ").replace(/^\w/, (letter) => letter.toUpperCase());

/** Describes a variable path; paths chosen by the sender (a form's own fields, a change set) get words from their keys. */
export function describeVariable(path: string): VariableDescription {
  const known = described[path];
  if (known) return known;
  const formField = /^form\.fields(?:\.|\[")(.+?)(?:"\])?$/.exec(path);
  if (formField) return { label: `Form answer: ${humanize(formField[1]!)}`, group: "Form", fallback: text("not given") };
  const change = /^changes\.(\w+)\.(from|to)$/.exec(path);
  if (change)
    return { label: `${humanize(change[1]!)} ${change[2] === "from" ? "before" : "after"} the change`, group: "Call", internal: true };
  const root = path.split(/[.[]/)[0] ?? path;
  return { label: humanize(path.split(/[.[]/).pop() ?? path), group: groupOfRoot[root] ?? "Other" };
}

const quoted = (words: string) => `"${words.replace(/"/g, "'")}"`;

/**
 * What the picker inserts: `{{ caller.name | default: "there" }}` for a value that can be missing,
 * with any formatting filter applied before the fallback.
 */
export function variableSnippet(path: string, description: VariableDescription = describeVariable(path)): string {
  const filters: string[] = [];
  if (description.format) filters.push(description.format);
  if (description.fallback) {
    filters.push(`default: ${"text" in description.fallback ? quoted(description.fallback.text) : description.fallback.variable}`);
  }
  return `{{ ${[path, ...filters].join(" | ")} }}`;
}
