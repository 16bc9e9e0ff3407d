import type { EventType } from "../events/event-types";
import type { WorkflowGraph } from "../graph/graph-schema";

export interface WorkflowTemplate {
  id: string;
  name: string;
  /** One sentence a marketer reads in the gallery. */
  description: string;
  eventType: EventType;
  graph: WorkflowGraph;
}

const column = (row: number, offset = 0) => ({ x: offset, y: row * 140 });

/** Starting points for the gallery; each is a complete, publishable graph. */
export const workflowTemplates: WorkflowTemplate[] = [
  {
    id: "missed-call-text-back",
    name: "Missed call → text the caller back",
    description: "When a call is missed, text the caller right away so they don't call your competitor next.",
    eventType: "call.missed",
    graph: {
      version: 1,
      nodes: [
        { id: "trigger", kind: "trigger", position: column(0), config: { eventType: "call.missed", trackingNumbers: [] } },
        {
          id: "text-back",
          kind: "action.send_sms",
          position: column(1),
          config: {
            body: 'Hi {{ caller.name | default: "there" }}, sorry we missed your call! We\'ll call you back shortly. - {{ organization.name }}',
          },
        },
      ],
      edges: [{ id: "e-trigger-text-back", source: "trigger", sourceHandle: "out", target: "text-back" }],
    },
  },
  {
    id: "long-call-email-team",
    name: "Answered call over 60 s → email the team",
    description: "When an answered call lasts more than a minute, email everyone a summary so no lead is forgotten.",
    eventType: "call.answered",
    graph: {
      version: 1,
      nodes: [
        { id: "trigger", kind: "trigger", position: column(0), config: { eventType: "call.answered", trackingNumbers: [] } },
        {
          id: "long-call",
          kind: "condition.call_duration",
          position: column(1),
          config: { operator: "gt", seconds: 60, unit: "seconds" },
          openHandles: ["false"],
        },
        {
          id: "email-team",
          kind: "action.send_email",
          position: column(2),
          config: {
            to: "all_members",
            addresses: [],
            subject: "New lead: {{ caller.name | default: caller.phone_number }} ({{ call.duration_seconds }} s call)",
            body: '{{ caller.name | default: "A caller" }} called from {{ attribution.source | default: "an unknown source" }}. Follow up today.',
            includeSummary: true,
          },
        },
      ],
      edges: [
        { id: "e-trigger-long", source: "trigger", sourceHandle: "out", target: "long-call" },
        { id: "e-long-email", source: "long-call", sourceHandle: "true", target: "email-team" },
      ],
    },
  },
  {
    id: "first-time-google-ads-webhook",
    name: "First-time caller from Google Ads → CRM webhook",
    description: "Send new callers from Google Ads to your CRM the moment the call ends.",
    eventType: "call.completed",
    graph: {
      version: 1,
      nodes: [
        { id: "trigger", kind: "trigger", position: column(0), config: { eventType: "call.completed", trackingNumbers: [] } },
        {
          id: "first-time",
          kind: "condition.caller_frequency",
          position: column(1),
          config: { mode: "first_time" },
          openHandles: ["false"],
        },
        {
          id: "google-ads",
          kind: "condition.source",
          position: column(2),
          config: { operator: "any_of", sources: ["Google Ads"] },
          openHandles: ["false"],
        },
        {
          id: "crm",
          kind: "action.webhook",
          position: column(3),
          config: { urls: ["https://crm.example.com/hooks/switchboard"], headers: [] },
        },
      ],
      edges: [
        { id: "e-trigger-first", source: "trigger", sourceHandle: "out", target: "first-time" },
        { id: "e-first-ads", source: "first-time", sourceHandle: "true", target: "google-ads" },
        { id: "e-ads-crm", source: "google-ads", sourceHandle: "true", target: "crm" },
      ],
    },
  },
  {
    id: "after-hours-opening-times",
    name: "After-hours call → text our opening hours",
    description: "When someone calls outside business hours, text them when you're open.",
    eventType: "call.missed",
    graph: {
      version: 1,
      nodes: [
        { id: "trigger", kind: "trigger", position: column(0), config: { eventType: "call.missed", trackingNumbers: [] } },
        {
          id: "after-hours",
          kind: "condition.business_hours",
          position: column(1),
          config: {
            mode: "outside",
            clock: "event",
            schedule: {
              mon: [{ start: "09:00", end: "17:00" }],
              tue: [{ start: "09:00", end: "17:00" }],
              wed: [{ start: "09:00", end: "17:00" }],
              thu: [{ start: "09:00", end: "17:00" }],
              fri: [{ start: "09:00", end: "17:00" }],
              sat: [],
              sun: [],
            },
          },
          openHandles: ["false"],
        },
        {
          id: "hours-text",
          kind: "action.send_sms",
          position: column(2),
          config: { body: "Thanks for calling {{ organization.name }}! We're open Mon-Fri 9am-5pm and will call you back first thing." },
        },
      ],
      edges: [
        { id: "e-trigger-hours", source: "trigger", sourceHandle: "out", target: "after-hours" },
        { id: "e-hours-text", source: "after-hours", sourceHandle: "true", target: "hours-text" },
      ],
    },
  },
  {
    id: "sms-keyword-email",
    name: "Text with a keyword → email the team",
    description: "When a text mentions “quote” or “price”, email the team so someone replies fast.",
    eventType: "sms.received",
    graph: {
      version: 1,
      nodes: [
        { id: "trigger", kind: "trigger", position: column(0), config: { eventType: "sms.received", trackingNumbers: [] } },
        {
          id: "keyword",
          kind: "condition.message_text",
          position: column(1),
          config: { keywords: ["quote", "price"], wholeWord: true },
          openHandles: ["false"],
        },
        {
          id: "email-team",
          kind: "action.send_email",
          position: column(2),
          config: {
            to: "all_members",
            addresses: [],
            subject: "Text from {{ caller.phone_number }}: {{ message.body | truncate: 40 }}",
            body: "They wrote: {{ message.body }}",
            includeSummary: true,
          },
        },
      ],
      edges: [
        { id: "e-trigger-keyword", source: "trigger", sourceHandle: "out", target: "keyword" },
        { id: "e-keyword-email", source: "keyword", sourceHandle: "true", target: "email-team" },
      ],
    },
  },
];

export function findWorkflowTemplate(id: string): WorkflowTemplate | undefined {
  return workflowTemplates.find((template) => template.id === id);
}
