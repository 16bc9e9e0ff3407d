import type { NodeCategory } from "@/engine";

/** Each category's colour, from the theme: blue triggers, amber conditions, green actions. */
export const categoryStyles: Record<NodeCategory, { accent: string; iconBox: string; border: string }> = {
  trigger: { accent: "bg-trigger", iconBox: "bg-trigger/15 text-trigger", border: "border-trigger/60" },
  condition: { accent: "bg-condition", iconBox: "bg-condition/20 text-foreground", border: "border-condition/70" },
  action: { accent: "bg-action", iconBox: "bg-action/15 text-action", border: "border-action/60" },
};
