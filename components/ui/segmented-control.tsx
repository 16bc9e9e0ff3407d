"use client";

import { RadioGroup } from "radix-ui";
import { cn } from "./cn";

/**
 * A compact choice between a few options that filters what is below it (All, Texts, Emails): a
 * radio group, so it is one Tab stop and the arrow keys move between options. Tabs are for
 * switching panels; a filter has no panels to point at.
 */
export function SegmentedControl<Value extends string>({
  label,
  value,
  onValueChange,
  options,
  className,
}: {
  label: string;
  value: Value;
  onValueChange: (value: Value) => void;
  options: readonly { value: Value; label: string }[];
  className?: string;
}) {
  return (
    <RadioGroup.Root
      aria-label={label}
      value={value}
      onValueChange={(next) => onValueChange(next as Value)}
      orientation="horizontal"
      className={cn("flex rounded-md border p-0.5 text-sm", className)}
    >
      {options.map((option) => (
        <RadioGroup.Item
          key={option.value}
          value={option.value}
          className="cursor-pointer rounded px-3 py-1 text-muted-foreground hover:text-foreground data-[state=checked]:bg-accent data-[state=checked]:font-medium data-[state=checked]:text-accent-foreground"
        >
          {option.label}
        </RadioGroup.Item>
      ))}
    </RadioGroup.Root>
  );
}
