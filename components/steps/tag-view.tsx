import type { TagCallInput } from "@/engine";
import { LabelValue, LabelValueList } from "@/components/ui/label-value";

/** What tagging returns: the call's tags after it, and why nothing was tagged if so. */
export type TagOutput = { tags?: unknown[]; note?: string } | null;

export function TagView({ input, output }: { input: TagCallInput; output: TagOutput }) {
  const tags = Array.isArray(output?.tags) ? output.tags.map(String) : input.tags;
  return (
    <LabelValueList>
      <LabelValue label="Tags">{tags.join(", ") || "—"}</LabelValue>
      {output?.note ? <p className="text-xs text-muted-foreground">{output.note}</p> : null}
    </LabelValueList>
  );
}
