import { Liquid } from "liquidjs";
import type { EventType } from "../events/event-types";
import type { WorkflowEvent } from "../events/event-schema";
import { sampleEvent } from "../events/sample-events";
import { describeVariable, variableGroups, variableSnippet, type VariableGroup } from "./variable-catalogue";

export interface RenderTemplateOptions {
  /** IANA zone for the `date` filter, usually the organisation's. */
  timezone?: string;
  /** Escape interpolated values for HTML (email bodies rendered as HTML). */
  escape?: "html";
}

export type TemplateIssueCode = "template_syntax" | "template_unknown_filter" | "template_unknown_variable";

export interface TemplateIssue {
  code: TemplateIssueCode;
  message: string;
  variable?: string;
  suggestion?: string;
}

export class TemplateError extends Error {
  constructor(
    message: string,
    readonly code: "template_syntax" | "template_unknown_filter" | "template_render",
  ) {
    super(message);
    this.name = "TemplateError";
  }
}

const engines = new Map<string, Liquid>();

// Sandboxed: templates resolve only from an empty in-memory map (no filesystem
// reads for include/render/layout), unknown filters are errors, only own
// properties are visible, and render time and memory are bounded.
function engineFor(options: RenderTemplateOptions = {}): Liquid {
  const key = `${options.timezone ?? ""}|${options.escape ?? ""}`;
  let engine = engines.get(key);
  if (!engine) {
    engine = new Liquid({
      templates: {},
      strictFilters: true,
      strictVariables: false,
      ownPropertyOnly: true,
      relativeReference: false,
      parseLimit: 100_000,
      renderLimit: 1_000,
      memoryLimit: 10_000_000,
      outputEscape: options.escape === "html" ? "escape" : undefined,
      timezoneOffset: options.timezone,
      locale: "en-US",
    });
    engines.set(key, engine);
  }
  return engine;
}

function describeLiquidError(error: unknown): TemplateError {
  const raw = error instanceof Error ? error.message : String(error);
  const filter = /undefined filter: ([\w-]+)/.exec(raw);
  if (filter) return new TemplateError(`Unknown filter "${filter[1]}".`, "template_unknown_filter");
  if (/Failed to lookup|ENOENT/.test(raw)) {
    return new TemplateError("Including other templates isn't available here.", "template_syntax");
  }
  const where = /line:(\d+), col:(\d+)/.exec(raw);
  const cleaned = raw.replace(/,? ?line:\d+, col:\d+.*$/s, "").trim();
  const position = where ? ` (line ${where[1]}, column ${where[2]})` : "";
  return new TemplateError(`This template has a mistake: ${cleaned}${position}.`, "template_syntax");
}

/** Renders a Liquid template over the event JSON. Unknown variables render as empty text. */
export function renderTemplate(template: string, event: WorkflowEvent, options?: RenderTemplateOptions): string {
  const engine = engineFor(options);
  let parsed;
  try {
    parsed = engine.parse(template);
  } catch (error) {
    throw describeLiquidError(error);
  }
  try {
    return engine.renderSync(parsed, event as unknown as Record<string, unknown>);
  } catch (error) {
    throw describeRenderError(error);
  }
}

/** What went wrong filling a template in, in words for the person who wrote it (never a file path or a limit's name). */
function describeRenderError(error: unknown): TemplateError {
  const raw = error instanceof Error ? error.message : String(error);
  if (/Failed to lookup|ENOENT/.test(raw)) {
    return new TemplateError("Including other templates isn't available here.", "template_render");
  }
  if (/limit exceeded/i.test(raw)) {
    return new TemplateError("This template takes too much work to fill in: make its loops shorter.", "template_render");
  }
  const cleaned = raw.replace(/,? ?line:\d+, col:\d+.*$/s, "").trim();
  return new TemplateError(`This template could not be filled in: ${cleaned}`, "template_render");
}

// ---- the variables an event type offers -------------------------------------------------

type Shape =
  | { kind: "object"; children: Map<string, Shape> }
  | { kind: "array"; item: Shape }
  | { kind: "value" }
  // Keys chosen by the sender (form fields, change sets): anything below is allowed.
  | { kind: "open"; children: Map<string, Shape> };

const openPaths = new Set(["form.fields", "changes"]);

function shapeOf(value: unknown, path: string): Shape {
  if (Array.isArray(value)) return { kind: "array", item: value.length > 0 ? shapeOf(value[0], `${path}[]`) : { kind: "value" } };
  if (value !== null && typeof value === "object") {
    const children = new Map(Object.entries(value).map(([key, child]) => [key, shapeOf(child, path ? `${path}.${key}` : key)]));
    return openPaths.has(path) ? { kind: "open", children } : { kind: "object", children };
  }
  return { kind: "value" };
}

const shapes = new Map<EventType, Shape>();
function shapeFor(eventType: EventType): Shape {
  let shape = shapes.get(eventType);
  if (!shape) {
    shape = shapeOf(sampleEvent(eventType), "");
    shapes.set(eventType, shape);
  }
  return shape;
}

type Segment = string | number | Segment[];

function isKnownPath(shape: Shape, segments: readonly Segment[]): boolean {
  let current = shape;
  for (const segment of segments) {
    if (Array.isArray(segment)) {
      // A computed key (`fields[name]`): only open objects and lists can be indexed by it.
      if (current.kind === "open") return true;
      if (current.kind !== "array") return false;
      current = current.item;
      continue;
    }
    switch (current.kind) {
      case "open":
        return true;
      case "object": {
        const next = typeof segment === "string" ? current.children.get(segment) : undefined;
        if (!next) return false;
        current = next;
        break;
      }
      case "array":
        if (segment === "size") return true;
        if (typeof segment === "number" || segment === "first" || segment === "last") current = current.item;
        else return false;
        break;
      case "value":
        return segment === "size" || segment === "first" || segment === "last";
    }
  }
  return true;
}

function formatPath(segments: readonly Segment[]): string {
  return segments
    .map((segment, index) => {
      if (Array.isArray(segment)) return `[${formatPath(segment)}]`;
      if (typeof segment === "number") return `[${segment}]`;
      if (/^[A-Za-z_][\w-]*$/.test(segment)) return index === 0 ? segment : `.${segment}`;
      return `[${JSON.stringify(segment)}]`;
    })
    .join("");
}

export interface TemplateVariable {
  path: string;
  example: string;
  /** Words for the picker ("Caller's name") and where it lists it. */
  label: string;
  group: VariableGroup;
  /** Ids and codes: a template may use them, the picker doesn't offer them. */
  internal: boolean;
  /** The value can be missing for some events; `snippet` then carries a `default:`. */
  optional: boolean;
  /** What the picker inserts, e.g. `{{ caller.name | default: "there" }}`. */
  snippet: string;
}

function flatten(value: unknown, path: string, shape: Shape, out: TemplateVariable[]): void {
  if (shape.kind === "object" || shape.kind === "open") {
    for (const [key, child] of shape.children) {
      const childPath = /^[A-Za-z_][\w-]*$/.test(key) ? (path ? `${path}.${key}` : key) : `${path}[${JSON.stringify(key)}]`;
      flatten((value as Record<string, unknown>)[key], childPath, child, out);
    }
    return;
  }
  const example = Array.isArray(value)
    ? value.map((item) => (typeof item === "object" ? JSON.stringify(item) : String(item))).join(", ")
    : value === null
      ? ""
      : String(value);
  const description = describeVariable(path);
  out.push({
    path,
    example,
    label: description.label,
    group: description.group,
    internal: description.internal ?? false,
    optional: description.fallback !== undefined,
    snippet: variableSnippet(path, description),
  });
}

const variableLists = new Map<EventType, TemplateVariable[]>();

/**
 * Every variable a template may use for this trigger type, with an example value, words and a group
 * for the editor's picker (which leaves out the `internal` ones), in the order of `variableGroups`.
 */
export function templateVariables(eventType: EventType): TemplateVariable[] {
  let list = variableLists.get(eventType);
  if (!list) {
    list = [];
    flatten(sampleEvent(eventType), "", shapeFor(eventType), list);
    list.sort((a, b) => variableGroups.indexOf(a.group) - variableGroups.indexOf(b.group));
    variableLists.set(eventType, list);
  }
  return list;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length];
}

function closestVariable(path: string, eventType: EventType): string | undefined {
  let best: { path: string; distance: number } | undefined;
  for (const variable of templateVariables(eventType)) {
    const distance = editDistance(path, variable.path);
    if (!best || distance < best.distance) best = { path: variable.path, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(path.length / 4)) ? best.path : undefined;
}

/** The variables the picker offers for this trigger, found by their words, group or path. */
export function pickableVariables(eventType: EventType, search = ""): TemplateVariable[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  return templateVariables(eventType).filter((variable) => {
    if (variable.internal) return false;
    const haystack = `${variable.label} ${variable.group} ${variable.path} ${variable.example}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

/** Syntax errors, unknown filters and variables the event type does not have. Never throws. */
export function checkTemplate(template: string, eventType: EventType): TemplateIssue[] {
  const engine = engineFor();
  let segments: Segment[][];
  try {
    const parsed = engine.parse(template);
    segments = engine.globalVariableSegmentsSync(parsed) as Segment[][];
  } catch (error) {
    const described = describeLiquidError(error);
    return [
      { code: described.code === "template_unknown_filter" ? "template_unknown_filter" : "template_syntax", message: described.message },
    ];
  }
  const shape = shapeFor(eventType);
  const issues: TemplateIssue[] = [];
  const seen = new Set<string>();
  for (const variable of segments) {
    if (isKnownPath(shape, variable)) continue;
    const path = formatPath(variable);
    if (seen.has(path)) continue;
    seen.add(path);
    const suggestion = closestVariable(path, eventType);
    issues.push({
      code: "template_unknown_variable",
      variable: path,
      suggestion,
      message: suggestion
        ? `There is no "${path}" for this trigger. Did you mean "${suggestion}"?`
        : `There is no "${path}" for this trigger. Pick a variable from the list.`,
    });
  }
  return issues;
}
