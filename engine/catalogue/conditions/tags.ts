import { z } from "zod";
import { callEventTypes } from "../../events/event-types";
import { eventCall } from "../../events/event-schema";
import { includesText, joinWithAnd, joinWithOr } from "../../condition-helpers/operators";
import { defineCondition, yesNoOutputs } from "../node-definition";

export const tagsConfigSchema = z.object({
  match: z.enum(["any", "all"]),
  tags: z.array(z.string().trim().min(1).max(50)).min(1, "Enter at least one tag").max(50),
});

export type TagsConfig = z.infer<typeof tagsConfigSchema>;

export const tags = defineCondition<"condition.tags", TagsConfig>({
  kind: "condition.tags",
  category: "condition",
  label: "Tags",
  description: "Check whether the call has certain tags.",
  icon: "Tags",
  configSchema: tagsConfigSchema,
  defaultConfig: () => ({ match: "any", tags: [] }),
  outputs: yesNoOutputs,
  fitsEventTypes: callEventTypes,
  summary: (config) => `Tagged ${config.match === "all" ? joinWithAnd(config.tags) : joinWithOr(config.tags)}`,
  templateFields: [],
  evaluate: (config, event) => {
    const present = eventCall(event)?.tags ?? [];
    const has = (tag: string) => includesText(present, tag);
    return { passed: config.match === "all" ? config.tags.every(has) : config.tags.some(has), observed: present };
  },
});
