import { z } from "zod";
import { eventForm, type FormFieldValue } from "../../events/event-schema";
import { textContains, textEquals, truncate } from "../../condition-helpers/operators";
import { defineCondition, yesNoOutputs } from "../node-definition";

export const formFieldConfigSchema = z
  .object({
    field: z.string().trim().min(1, "Enter the form field's name").max(200),
    operator: z.enum(["equals", "contains", "is_filled"]),
    value: z.string().max(500).default(""),
  })
  .refine((config) => config.operator === "is_filled" || config.value.trim().length > 0, {
    message: "Enter the value to compare with",
    path: ["value"],
  });

export type FormFieldConfig = z.infer<typeof formFieldConfigSchema>;

function asTexts(value: FormFieldValue | undefined): string[] {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) ? value : [String(value)];
}

export const formField = defineCondition<"condition.form_field", FormFieldConfig>({
  kind: "condition.form_field",
  category: "condition",
  label: "Form field",
  description: "Check what someone entered in a form field.",
  icon: "FormInput",
  configSchema: formFieldConfigSchema,
  defaultConfig: () => ({ field: "", operator: "contains", value: "" }),
  outputs: yesNoOutputs,
  fitsEventTypes: ["form.submitted"],
  summary: (config) => {
    const field = config.field || "…";
    if (config.operator === "is_filled") return `Form field ${field} is filled in`;
    return `Form field ${field} ${config.operator === "equals" ? "is" : "contains"} “${truncate(config.value, 24)}”`;
  },
  templateFields: [],
  evaluate: (config, event) => {
    const fields = eventForm(event)?.fields ?? {};
    // Field names are matched without regard to case, since forms label them loosely.
    const key = Object.keys(fields).find((name) => textEquals(name, config.field));
    const values = asTexts(key === undefined ? undefined : fields[key]);
    const observed = key === undefined ? null : fields[key];
    if (config.operator === "is_filled") return { passed: values.some((value) => value.trim() !== ""), observed };
    const test = config.operator === "equals" ? textEquals : textContains;
    return { passed: values.some((value) => test(value, config.value)), observed };
  },
});
