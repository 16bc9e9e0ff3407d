import { z } from "zod";
import { eventTypes } from "../../events/event-types";
import { smsInfo, type SmsEncoding } from "../../templates/sms-segments";
import { templatePreview } from "../../condition-helpers/operators";
import { defaultSmsBody } from "./default-texts";
import { ActionInputError, defineAction, singleOutput } from "../node-definition";

export const smsBodyMaxLength = 1_600;

export const sendSmsConfigSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, "Write the text message")
    .max(smsBodyMaxLength, `Keep the text message under ${smsBodyMaxLength.toLocaleString("en-US")} characters`),
});

export type SendSmsConfig = z.infer<typeof sendSmsConfigSchema>;

export interface SendSmsInput {
  to: string;
  from: string;
  body: string;
  encoding: SmsEncoding;
  segments: number;
}

export const sendSms = defineAction<"action.send_sms", SendSmsConfig, SendSmsInput>({
  kind: "action.send_sms",
  category: "action",
  label: "Text the caller",
  description: "Send a text message to the caller from the number they called.",
  icon: "MessageSquare",
  configSchema: sendSmsConfigSchema,
  defaultConfig: (eventType) => ({ body: defaultSmsBody(eventType) }),
  outputs: singleOutput,
  // Texting on "a text was sent" would answer our own messages.
  fitsEventTypes: eventTypes.filter((type) => type !== "sms.sent"),
  summary: (config) => `Text caller: ${templatePreview(config.body, 28) || "…"}`,
  templateFields: [{ field: "body", label: "Message", maxLength: smsBodyMaxLength }],
  prepare: (config, event, ctx) => {
    const to = event.caller?.phone_number;
    if (!to) throw new ActionInputError("There is no phone number to text for this event.", "no_recipient");
    const from = event.tracking_number?.phone_number ?? ctx.org.defaultSmsNumber;
    if (!from) throw new ActionInputError("There is no number to text from. Set a default SMS number in settings.", "no_sender");
    const body = ctx.renderTemplate(config.body, event, { timezone: ctx.org.timezone }).trim();
    if (body.length === 0) throw new ActionInputError("The text message came out empty.", "empty_message");
    const info = smsInfo(body);
    return { to, from, body, encoding: info.encoding, segments: info.segments };
  },
});
