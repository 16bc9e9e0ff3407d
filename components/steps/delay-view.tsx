import { formatDuration, type DelayInput } from "@/engine";
import { LabelValue, LabelValueList } from "@/components/ui/label-value";

/** A wait: how long, and until when (or when it woke). */
export function DelayView({ input, wakeAt, sleeping }: { input: DelayInput; wakeAt: Date | null; sleeping: boolean }) {
  return (
    <LabelValueList>
      <LabelValue label="For">
        {typeof input.milliseconds === "number" ? formatDuration(Math.round(input.milliseconds / 1000)) : input.duration}
      </LabelValue>
      {wakeAt ? <LabelValue label={sleeping ? "Until" : "Woke at"}>{wakeAt.toLocaleString()}</LabelValue> : null}
    </LabelValueList>
  );
}
