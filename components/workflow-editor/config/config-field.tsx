"use client";

import { Controller, type Control } from "react-hook-form";
import type { EventType } from "@/engine";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import type { FieldSpec } from "./field-layouts";
import { HeadersField } from "./headers-field";
import { ListField } from "./list-field";
import { NumberField } from "./number-field";
import { ScheduleField } from "./schedule-field";
import { TemplateField } from "./template-field";
import { TimeZoneField } from "./time-zone-field";

type Values = Record<string, unknown>;

/** One setting: its label, the right input for its type, and the problem with it in plain words. */
export function ConfigField({
  spec,
  control,
  values,
  nodeId,
  eventType,
  problem,
  onSelectChange,
}: {
  spec: FieldSpec;
  control: Control<Values>;
  values: Values;
  nodeId: string;
  eventType: EventType | null;
  problem: string | undefined;
  onSelectChange?: (spec: FieldSpec, value: string) => void;
}) {
  const id = `${nodeId}-${spec.name}`;
  const problemId = `${id}-problem`;
  const describedBy = problem ? problemId : spec.help ? `${id}-help` : undefined;
  const invalid = Boolean(problem);
  const minutes = values.unit === "minutes";
  const current = values[spec.name];
  const hint = spec.type === "list" && spec.hint && Array.isArray(current) ? spec.hint(current.map(String)) : undefined;

  const input = (
    <Controller
      name={spec.name}
      control={control}
      render={({ field }) => {
        switch (spec.type) {
          case "select":
            return (
              <Select
                value={typeof field.value === "string" ? field.value : ""}
                onValueChange={(value) => {
                  field.onChange(value);
                  onSelectChange?.(spec, value);
                }}
              >
                <SelectTrigger id={id} aria-invalid={invalid || undefined} aria-describedby={describedBy}>
                  <SelectValue placeholder="Choose…" />
                </SelectTrigger>
                <SelectContent>
                  {spec.options.map((option) => (
                    <SelectItem key={option.value} value={option.value}>
                      {option.label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            );
          case "number":
          case "seconds": {
            // Durations are stored in seconds; the form shows minutes when the user picked minutes.
            const scale = spec.type === "seconds" && minutes ? 60 : 1;
            const suffix = spec.type === "seconds" ? (minutes ? "minutes" : "seconds") : spec.suffix;
            return (
              <div className="flex items-center gap-2">
                <NumberField
                  id={id}
                  value={field.value}
                  scale={scale}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  invalid={invalid}
                  describedBy={describedBy}
                />
                {suffix ? <span className="text-sm text-muted-foreground">{suffix}</span> : null}
              </div>
            );
          }
          case "text":
            return (
              <Input
                id={id}
                value={typeof field.value === "string" ? field.value : ""}
                placeholder={spec.placeholder}
                aria-invalid={invalid || undefined}
                aria-describedby={describedBy}
                onChange={(event) => field.onChange(spec.optional && event.target.value === "" ? undefined : event.target.value)}
              />
            );
          case "list":
            return (
              <ListField
                id={id}
                value={field.value}
                onChange={field.onChange}
                placeholder={spec.placeholder}
                suggestions={spec.suggestions}
                invalid={invalid}
                describedBy={describedBy}
              />
            );
          case "checkboxes": {
            const chosen = Array.isArray(field.value) ? (field.value as string[]) : [];
            return (
              <div className="grid grid-cols-2 gap-1" role="group" aria-describedby={describedBy}>
                {spec.options.map((option) => (
                  <label key={option.value} className="flex items-center gap-1.5 text-sm">
                    <input
                      type="checkbox"
                      checked={chosen.includes(option.value)}
                      onChange={(event) =>
                        field.onChange(event.target.checked ? [...chosen, option.value] : chosen.filter((value) => value !== option.value))
                      }
                    />
                    {option.label}
                  </label>
                ))}
              </div>
            );
          }
          case "switch":
            return <Switch id={id} checked={field.value === true} onCheckedChange={field.onChange} aria-describedby={describedBy} />;
          case "template":
            return (
              <TemplateField
                id={id}
                value={field.value}
                onChange={field.onChange}
                eventType={eventType}
                multiline={spec.multiline}
                sms={spec.sms}
                invalid={invalid}
                describedBy={describedBy}
              />
            );
          case "schedule":
            return <ScheduleField value={field.value} onChange={field.onChange} />;
          case "timezone":
            return (
              <TimeZoneField
                id={id}
                labelId={`${id}-label`}
                // Not field.value: once cleared (the workspace's zone), that falls back to the zone the form started with.
                value={current}
                onChange={field.onChange}
                invalid={invalid}
                describedBy={describedBy}
              />
            );
          case "headers":
            return <HeadersField value={field.value} onChange={field.onChange} />;
        }
      }}
    />
  );

  return (
    <div className={spec.type === "switch" ? "flex items-start justify-between gap-3" : "grid gap-1.5"}>
      <div className="grid gap-1">
        <Label htmlFor={id} id={`${id}-label`}>
          {spec.type === "seconds" && spec.name === "seconds" ? "Amount" : spec.label}
        </Label>
        {spec.help && spec.type === "switch" ? (
          <p id={`${id}-help`} className="text-xs text-muted-foreground">
            {spec.help}
          </p>
        ) : null}
      </div>
      {input}
      {spec.help && spec.type !== "switch" ? (
        <p id={`${id}-help`} className="text-xs text-muted-foreground">
          {spec.help}
        </p>
      ) : null}
      {problem ? (
        <p id={problemId} role="alert" className="text-xs text-destructive" data-testid="field-problem">
          {problem}
        </p>
      ) : hint ? (
        <p className="text-xs text-amber-800" role="status" data-testid="field-hint">
          {hint}
        </p>
      ) : null}
    </div>
  );
}
