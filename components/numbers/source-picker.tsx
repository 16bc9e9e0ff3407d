"use client";

import { useState } from "react";
import { knownSources } from "@/engine";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";

const NONE = "__none__";
const CUSTOM = "__custom__";

/** The marketing source of a number: one of the usual ones, or the organization's own name for it. */
export function SourcePicker({
  id,
  value,
  onChange,
  invalid,
  describedBy,
}: {
  id: string;
  value: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  describedBy?: string;
}) {
  const isPreset = value === "" || (knownSources as readonly string[]).includes(value);
  const [custom, setCustom] = useState(!isPreset);
  const selected = custom ? CUSTOM : value === "" ? NONE : value;
  return (
    <div className="grid gap-2">
      <Select
        value={selected}
        onValueChange={(next) => {
          if (next === CUSTOM) {
            setCustom(true);
            if (isPreset) onChange("");
          } else {
            setCustom(false);
            onChange(next === NONE ? "" : next);
          }
        }}
      >
        <SelectTrigger id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
          <SelectValue placeholder="Pick a source" />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={NONE}>No source</SelectItem>
          {knownSources.map((source) => (
            <SelectItem key={source} value={source}>
              {source}
            </SelectItem>
          ))}
          <SelectItem value={CUSTOM}>Another source…</SelectItem>
        </SelectContent>
      </Select>
      {custom ? (
        <Input
          aria-label="Source name"
          placeholder="Such as “Spring mailer” or “Radio – KQED”"
          value={value}
          maxLength={100}
          autoFocus
          aria-invalid={invalid || undefined}
          onChange={(event) => onChange(event.target.value)}
        />
      ) : null}
    </div>
  );
}
