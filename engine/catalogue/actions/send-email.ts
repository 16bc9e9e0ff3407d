import { z } from "zod";
import { eventTypes } from "../../events/event-types";
import { summarizeEvent, type SummaryLine } from "../../events/event-summary";
import { joinWithAnd, templatePreview } from "../../condition-helpers/operators";
import { defineAction, singleOutput } from "../node-definition";
import { defaultEmailSubject } from "./default-texts";

export const emailSubjectMaxLength = 200;
export const emailBodyMaxLength = 10_000;

export const sendEmailConfigSchema = z
  .object({
    to: z.enum(["me", "all_members", "addresses"]),
    // Checked only when "These addresses…" is chosen: an address left over from before switching to
    // "Me" or "Everyone" is not sent to, so it must not stop publishing either.
    addresses: z.array(z.string()).max(20, "Send to at most 20 addresses").default([]),
    subject: z
      .string()
      .trim()
      .min(1, "Write a subject")
      .max(emailSubjectMaxLength, `Keep the subject under ${emailSubjectMaxLength} characters`),
    body: z
      .string()
      .max(emailBodyMaxLength, `Keep the message under ${emailBodyMaxLength.toLocaleString("en-US")} characters`)
      .default(""),
    includeSummary: z.boolean().default(true),
  })
  .superRefine((config, ctx) => {
    if (config.to !== "addresses") return;
    if (config.addresses.length === 0) ctx.addIssue({ code: "custom", message: "Add at least one email address", path: ["addresses"] });
    config.addresses.forEach((address, index) => {
      if (!z.email().safeParse(address).success) {
        ctx.addIssue({ code: "custom", message: `“${address}” isn't a valid email address`, path: ["addresses", index] });
      }
    });
  });

export type SendEmailConfig = z.infer<typeof sendEmailConfigSchema>;

export interface SendEmailInput {
  /** "me" is the workflow's owner and "all_members" the organisation's members; the server resolves them. */
  recipients: { type: SendEmailConfig["to"]; addresses: string[] };
  subject: string;
  /** Plain text; the sender escapes it if it builds HTML. */
  body: string;
  summary: SummaryLine[] | null;
}

const recipientLabel = (config: SendEmailConfig) => {
  if (config.to === "me") return "me";
  if (config.to === "all_members") return "all members";
  return joinWithAnd(config.addresses, 1);
};

export const sendEmail = defineAction<"action.send_email", SendEmailConfig, SendEmailInput>({
  kind: "action.send_email",
  category: "action",
  label: "Send an email",
  description: "Email yourself, your whole team or chosen addresses, with a summary of the call.",
  icon: "Mail",
  configSchema: sendEmailConfigSchema,
  defaultConfig: (eventType) => ({
    to: "me",
    addresses: [],
    subject: defaultEmailSubject(eventType),
    body: "",
    includeSummary: true,
  }),
  outputs: singleOutput,
  fitsEventTypes: eventTypes,
  summary: (config) => `Email ${recipientLabel(config)}: ${templatePreview(config.subject, 28) || "…"}`,
  templateFields: [
    { field: "subject", label: "Subject", maxLength: emailSubjectMaxLength },
    { field: "body", label: "Message", maxLength: emailBodyMaxLength },
  ],
  prepare: (config, event, ctx) => {
    const options = { timezone: ctx.org.timezone };
    return {
      recipients: { type: config.to, addresses: config.to === "addresses" ? config.addresses : [] },
      // Subjects are one line: mail headers must not carry line breaks.
      subject: ctx
        .renderTemplate(config.subject, event, options)
        .replace(/\s*[\r\n]+\s*/g, " ")
        .trim(),
      body: ctx.renderTemplate(config.body, event, options),
      summary: config.includeSummary ? summarizeEvent(event) : null,
    };
  },
});
