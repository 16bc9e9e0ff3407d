import { z } from "zod";
import { smsEventTypes } from "../../events/event-types";
import { eventMessage } from "../../events/event-schema";
import { containsKeyword, joinWithOr, truncate } from "../../condition-helpers/operators";
import { defineCondition, yesNoOutputs } from "../node-definition";

export const messageTextConfigSchema = z.object({
  keywords: z.array(z.string().trim().min(1).max(100)).min(1, "Enter at least one keyword").max(50),
  wholeWord: z.boolean().default(true),
});

export type MessageTextConfig = z.infer<typeof messageTextConfigSchema>;

export const messageText = defineCondition<"condition.message_text", MessageTextConfig>({
  kind: "condition.message_text",
  category: "condition",
  label: "Message text",
  description: "Check whether a text message contains a keyword (ignores upper/lower case).",
  icon: "MessageSquareText",
  configSchema: messageTextConfigSchema,
  defaultConfig: () => ({ keywords: [], wholeWord: true }),
  outputs: yesNoOutputs,
  fitsEventTypes: smsEventTypes,
  summary: (config) => `Message contains ${joinWithOr(config.keywords.map((keyword) => `“${keyword}”`))}`,
  templateFields: [],
  evaluate: (config, event) => {
    const body = eventMessage(event)?.body ?? "";
    const matched = config.keywords.filter((keyword) => containsKeyword(body, keyword, config.wholeWord));
    return { passed: matched.length > 0, observed: { body: truncate(body, 200), matched } };
  },
});
