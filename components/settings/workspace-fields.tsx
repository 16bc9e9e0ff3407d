"use client";

import type { ReactNode } from "react";
import { FieldError } from "@/components/ui/form-field-errors";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { TimeZonePicker } from "./time-zone-picker";

// The two facts a workspace is set up with, one field each, shared by first-sign-in setup, Settings
// and "New workspace": the same label, limits, error and hint wiring everywhere.

function describedBy(...ids: (string | false | undefined)[]): string | undefined {
  const joined = ids.filter(Boolean).join(" ");
  return joined || undefined;
}

export function BusinessNameField({
  id,
  value,
  onChange,
  error,
  hint,
  disabled,
  autoFocus,
  placeholder,
}: {
  id: string;
  value: string;
  onChange: (name: string) => void;
  error: string | undefined;
  hint?: ReactNode;
  disabled?: boolean;
  autoFocus?: boolean;
  placeholder?: string;
}) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>Business name</Label>
      <Input
        id={id}
        value={value}
        maxLength={80}
        autoFocus={autoFocus}
        autoComplete="organization"
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hint !== undefined && `${id}-hint`, Boolean(error) && `${id}-error`)}
        onChange={(event) => onChange(event.target.value)}
        disabled={disabled}
      />
      <FieldError id={`${id}-error`} message={error} />
      {hint !== undefined ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

export function TimeZoneField({
  id,
  value,
  onChange,
  error,
  hint,
  disabled,
}: {
  id: string;
  value: string;
  onChange: (zone: string) => void;
  error: string | undefined;
  hint?: ReactNode;
  disabled?: boolean;
}) {
  return (
    <div className="grid gap-1.5">
      <Label id={`${id}-label`} htmlFor={id}>
        Time zone
      </Label>
      <TimeZonePicker
        id={id}
        labelId={`${id}-label`}
        value={value}
        onChange={onChange}
        disabled={disabled}
        invalid={Boolean(error)}
        describedBy={describedBy(hint !== undefined && `${id}-hint`, Boolean(error) && `${id}-error`)}
      />
      <FieldError id={`${id}-error`} message={error} />
      {hint !== undefined ? (
        <p id={`${id}-hint`} className="text-xs text-muted-foreground">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
