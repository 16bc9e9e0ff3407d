import { z } from "zod";
import { callEventTypes } from "../../events/event-types";
import { eventCall } from "../../events/event-schema";
import { joinWithAnd } from "../../condition-helpers/operators";
import { ActionInputError, defineAction, singleOutput } from "../node-definition";

export const tagCallConfigSchema = z.object({
  tags: z
    .array(z.string().trim().min(1, "Tags cannot be empty").max(50, "Keep tags under 50 characters"))
    .min(1, "Enter at least one tag")
    .max(20, "Add at most 20 tags"),
});

export type TagCallConfig = z.infer<typeof tagCallConfigSchema>;

export interface TagCallInput {
  callId: string;
  externalId: string | null;
  tags: string[];
}

export const tagCall = defineAction<"action.tag_call", TagCallConfig, TagCallInput>({
  kind: "action.tag_call",
  category: "action",
  label: "Tag the call",
  description: "Add tags to the call record, for reports and later workflows.",
  icon: "Tag",
  configSchema: tagCallConfigSchema,
  defaultConfig: () => ({ tags: [] }),
  outputs: singleOutput,
  fitsEventTypes: callEventTypes,
  summary: (config) => `Tag call: ${joinWithAnd(config.tags)}`,
  templateFields: [],
  prepare: (config, event) => {
    const call = eventCall(event);
    if (!call) throw new ActionInputError("This event has no call to tag.", "no_call");
    return { callId: call.id, externalId: call.external_id, tags: [...new Set(config.tags)] };
  },
});
