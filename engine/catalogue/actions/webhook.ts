import { z } from "zod";
import { eventTypes } from "../../events/event-types";
import { defineAction, singleOutput } from "../node-definition";

export const maxWebhookUrls = 5;

/** Syntax only; whether the host is public is checked server-side at save and send time. */
export function isHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0 && !url.username && !url.password;
}

// Set by the sender itself (body framing and Standard Webhooks signature).
const reservedHeaders = new Set([
  "host",
  "content-length",
  "content-type",
  "transfer-encoding",
  "connection",
  "webhook-id",
  "webhook-timestamp",
  "webhook-signature",
]);

const headerSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, "Enter the header name")
    .max(100)
    .regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/, "Header names may only use letters, digits and - _ .")
    .refine((name) => !reservedHeaders.has(name.toLowerCase()), "This header is set automatically"),
  value: z
    .string()
    .max(1_000)
    .refine((value) => !/[\r\n\0]/.test(value), "Header values cannot contain line breaks"),
});

export const webhookConfigSchema = z.object({
  urls: z
    .array(z.string().trim().max(2_048, "This address is too long").refine(isHttpUrl, "Enter a full address starting with https://"))
    .min(1, "Add the address to send to")
    .max(maxWebhookUrls, `Send to at most ${maxWebhookUrls} addresses`)
    .refine((urls) => new Set(urls).size === urls.length, "Each address should appear once"),
  headers: z
    .array(headerSchema)
    .max(10, "Add at most 10 headers")
    .refine((headers) => new Set(headers.map((h) => h.name.toLowerCase())).size === headers.length, "Each header should appear once")
    .default([]),
});

export type WebhookConfig = z.infer<typeof webhookConfigSchema>;

export interface WebhookInput {
  urls: string[];
  method: "POST";
  headers: Record<string, string>;
  /** The event JSON plus the workflow and run it came from. */
  body: Record<string, unknown>;
}

function hostOf(value: string): string {
  try {
    return new URL(value).host;
  } catch {
    return value;
  }
}

export const webhook = defineAction<"action.webhook", WebhookConfig, WebhookInput>({
  kind: "action.webhook",
  category: "action",
  label: "Send a webhook",
  description: "POST the event as JSON to up to five addresses, signed so the receiver can verify it.",
  icon: "Webhook",
  configSchema: webhookConfigSchema,
  defaultConfig: () => ({ urls: [], headers: [] }),
  outputs: singleOutput,
  fitsEventTypes: eventTypes,
  summary: (config) => {
    if (config.urls.length === 0) return "POST to …";
    const more = config.urls.length > 1 ? ` +${config.urls.length - 1} more` : "";
    return `POST to ${hostOf(config.urls[0])}${more}`;
  },
  templateFields: [],
  prepare: (config, event, ctx) => ({
    urls: [...config.urls],
    method: "POST",
    headers: Object.fromEntries(config.headers.map((header) => [header.name, header.value])),
    body: {
      ...event,
      workflow: ctx.run ? { id: ctx.run.workflowId, name: ctx.run.workflowName ?? null } : null,
      run: ctx.run ? { id: ctx.run.id, mode: ctx.run.mode ?? "live" } : null,
    },
  }),
});
