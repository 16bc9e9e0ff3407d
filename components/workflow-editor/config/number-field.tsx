"use client";

import { useState } from "react";
import { Input } from "@/components/ui/input";

/**
 * An empty box is "not filled in" (null), not zero. Not undefined: the form would show the step's
 * starting value again for undefined, so clearing "30" and typing 45 would give 3045.
 */
function storedOf(text: string, scale: number): number | null {
  const amount = text.trim() === "" ? Number.NaN : Number(text);
  return Number.isFinite(amount) ? Math.round(amount * scale) : null;
}

function shownOf(value: unknown, scale: number): string {
  return typeof value === "number" && Number.isFinite(value) ? String(value / scale) : "";
}

/**
 * A number typed as text: the box keeps exactly what is typed ("1.", "0", "") and stays the same
 * element while typing, so it never loses focus. A value changed from elsewhere (undo, switching
 * seconds to minutes) replaces the text.
 */
export function NumberField({
  id,
  value,
  scale = 1,
  onChange,
  onBlur,
  invalid,
  describedBy,
}: {
  id: string;
  value: unknown;
  /** Stored value = shown value × scale (durations are stored in seconds, shown in minutes). */
  scale?: number;
  onChange: (value: number | null) => void;
  onBlur?: () => void;
  invalid: boolean;
  describedBy?: string;
}) {
  const [text, setText] = useState(() => shownOf(value, scale));
  const stored = typeof value === "number" && Number.isFinite(value) ? value : null;
  const shown = storedOf(text, scale) === stored ? text : shownOf(value, scale);

  return (
    <Input
      id={id}
      type="number"
      inputMode="decimal"
      className="w-32"
      value={shown}
      aria-invalid={invalid || undefined}
      aria-describedby={describedBy}
      onChange={(event) => {
        setText(event.target.value);
        onChange(storedOf(event.target.value, scale));
      }}
      onBlur={onBlur}
    />
  );
}
