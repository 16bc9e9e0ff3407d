import { z } from "zod";
import { eventTypes } from "../../events/event-types";
import { includesText, joinWithOr } from "../../condition-helpers/operators";
import { defineCondition, yesNoOutputs } from "../node-definition";

/** Offered in the picker; organisations may type their own too. */
export const knownSources = [
  "Google Ads",
  "Google Organic",
  "Google Business Profile",
  "Facebook",
  "Facebook Ads",
  "Instagram",
  "Bing",
  "Bing Ads",
  "Yahoo",
  "Yelp",
  "Direct",
  "Referral",
  "Email",
  "Offline",
] as const;

export const sourceConfigSchema = z.object({
  operator: z.enum(["any_of", "none_of"]),
  sources: z.array(z.string().trim().min(1).max(100)).min(1, "Pick at least one source").max(50),
});

export type SourceConfig = z.infer<typeof sourceConfigSchema>;

export const source = defineCondition<"condition.source", SourceConfig>({
  kind: "condition.source",
  category: "condition",
  label: "Source",
  description: "Check where the caller came from (Google Ads, Facebook, Direct…).",
  icon: "Megaphone",
  configSchema: sourceConfigSchema,
  defaultConfig: () => ({ operator: "any_of", sources: ["Google Ads"] }),
  outputs: yesNoOutputs,
  fitsEventTypes: eventTypes,
  summary: (config) => `Source is ${config.operator === "none_of" ? "not " : ""}${joinWithOr(config.sources)}`,
  templateFields: [],
  evaluate: (config, event) => {
    const actual = event.attribution.source;
    const listed = actual !== null && includesText(config.sources, actual);
    return { passed: config.operator === "any_of" ? listed : !listed, observed: actual };
  },
});
