"use client";

import { useQuery } from "@tanstack/react-query";
import { useMemo, useRef, useState } from "react";
import {
  renderTemplate,
  sampleCallers,
  sampleEventFrom,
  smsBodyMaxLength,
  smsInfo,
  type EventType,
  type SampleCallerId,
  type TemplateVariable,
} from "@/engine";
import { useTRPC } from "@/components/providers/trpc-react";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { VariablePicker } from "./variable-picker";

function previewOf(
  template: string,
  eventType: EventType | null,
  caller: SampleCallerId,
  businessName: string | undefined,
): { text: string } | { problem: string } {
  if (!eventType) return { problem: "Choose a trigger to see a preview." };
  try {
    const event = sampleEventFrom(eventType, caller);
    // The sample call, but this workspace's own name: the preview reads as the text will.
    const withBusiness = businessName ? { ...event, organization: { ...event.organization, name: businessName } } : event;
    return { text: renderTemplate(template, withBusiness) };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : "This message can't be previewed yet." };
  }
}

function SmsCounter({ text, raw }: { text: string; raw: string }) {
  const info = smsInfo(text);
  const over = [...raw].length > smsBodyMaxLength;
  return (
    <p className="text-xs text-muted-foreground" data-testid="sms-counter">
      {info.characters} characters · {info.segments} {info.segments === 1 ? "text message" : "text messages"}
      {info.encoding === "UCS-2" ? ` · special characters (${info.nonGsmCharacters.slice(0, 3).join(" ")}) make each part shorter` : ""}
      {over ? <span className="text-destructive"> · over the {smsBodyMaxLength.toLocaleString("en-US")} character limit</span> : null}
    </p>
  );
}

/** A message with {{ variables }}: a picker for the variables this trigger has, and a live preview for sample callers. */
export function TemplateField({
  id,
  value,
  onChange,
  eventType,
  multiline,
  sms,
  invalid,
  describedBy,
}: {
  id: string;
  value: unknown;
  onChange: (text: string) => void;
  eventType: EventType | null;
  multiline: boolean;
  sms?: boolean;
  invalid: boolean;
  describedBy?: string;
}) {
  const text = typeof value === "string" ? value : "";
  const inputRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const [caller, setCaller] = useState<SampleCallerId>("named");
  const trpc = useTRPC();
  const businessName = useQuery(trpc.organization.current.queryOptions()).data?.name;
  const preview = useMemo(() => previewOf(text, eventType, caller, businessName), [text, eventType, caller, businessName]);
  // Where the cursor goes once the picker has closed: right after what it inserted.
  const caretAfterInsert = useRef<number | null>(null);

  function insert(variable: TemplateVariable) {
    const element = inputRef.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    onChange(text.slice(0, start) + variable.snippet + text.slice(end));
    caretAfterInsert.current = start + variable.snippet.length;
  }

  function backToText() {
    const caret = caretAfterInsert.current;
    caretAfterInsert.current = null;
    // After the inserted text has rendered into the field.
    requestAnimationFrame(() => {
      const element = inputRef.current;
      if (!element) return;
      element.focus();
      if (caret !== null) element.setSelectionRange(caret, caret);
    });
  }

  const shared = {
    id,
    ref: inputRef,
    value: text,
    "aria-invalid": invalid || undefined,
    "aria-describedby": describedBy,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  };

  return (
    <div className="grid gap-1.5">
      {multiline ? <Textarea {...shared} rows={5} /> : <Input {...shared} />}
      <div className="flex items-center justify-between gap-2">
        <VariablePicker eventType={eventType} fieldId={id} onPick={insert} onClosed={backToText} />
        {sms && "text" in preview ? <SmsCounter text={preview.text} raw={text} /> : null}
      </div>
      <div className="rounded-md bg-muted p-2 text-xs" aria-live="polite">
        <div className="mb-1 flex flex-wrap items-center justify-between gap-x-2 gap-y-1">
          <p className="font-medium text-muted-foreground" id={`${id}-preview-label`}>
            Preview with a sample {eventType?.startsWith("sms") ? "text" : eventType?.startsWith("form") ? "form" : "call"} from
          </p>
          <Select value={caller} onValueChange={(value) => setCaller(value as SampleCallerId)}>
            <SelectTrigger className="h-7 w-auto min-w-0 bg-card px-2 text-xs" aria-label="Sample caller for the preview">
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              {sampleCallers.map((sample) => (
                <SelectItem key={sample.id} value={sample.id}>
                  {sample.label}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </div>
        {"text" in preview ? (
          <p className="whitespace-pre-wrap break-words" data-testid="template-preview">
            {preview.text || <span className="text-muted-foreground">(empty)</span>}
          </p>
        ) : (
          <p className="text-muted-foreground">{preview.problem}</p>
        )}
      </div>
    </div>
  );
}
