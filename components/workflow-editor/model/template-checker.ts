import { getNodeDefinition, type TemplateChecker } from "@/engine";
import type { EditorGraph } from "./editor-graph";

let loaded: TemplateChecker = null;
let loading: Promise<NonNullable<TemplateChecker>> | null = null;

/** Liquid's template checker once it has loaded; until then `null`, and templates go unchecked. */
export function loadedTemplateChecker(): TemplateChecker {
  return loaded;
}

/** liquidjs is a large download, so it comes only once a workflow has a template to check. */
export function loadTemplateChecker(): Promise<NonNullable<TemplateChecker>> {
  loading ??= import("@/engine/templates/liquid").then(
    (liquid) => (loaded = liquid.checkTemplate),
    (error: unknown) => {
      // A failed download (offline for a moment) is retried by the next change.
      loading = null;
      throw error;
    },
  );
  return loading;
}

/** Whether any step has a template (an SMS body, an email subject…) filled in. */
export function hasTemplates(graph: EditorGraph): boolean {
  return graph.nodes.some((node) => {
    const fields = getNodeDefinition(node.data.kind)?.templateFields ?? [];
    const config = node.data.config as Record<string, unknown> | null | undefined;
    return fields.some((field) => typeof config?.[field.field] === "string");
  });
}
