"use client";

import { Braces } from "lucide-react";
import { useMemo, useRef } from "react";
import { renderTemplate, sampleEvent, smsBodyMaxLength, smsInfo, templateVariables, type EventType } from "@/engine";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";

function previewOf(template: string, eventType: EventType | null): { text: string } | { problem: string } {
  if (!eventType) return { problem: "Choose a trigger to see a preview." };
  try {
    return { text: renderTemplate(template, sampleEvent(eventType)) };
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

/** A message with {{ variables }}: a picker for the variables this trigger has, and a live preview. */
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
  const variables = useMemo(() => (eventType ? templateVariables(eventType) : []), [eventType]);
  const preview = useMemo(() => previewOf(text, eventType), [text, eventType]);

  function insert(path: string) {
    const element = inputRef.current;
    const start = element?.selectionStart ?? text.length;
    const end = element?.selectionEnd ?? text.length;
    const snippet = `{{ ${path} }}`;
    onChange(text.slice(0, start) + snippet + text.slice(end));
    requestAnimationFrame(() => {
      element?.focus();
      element?.setSelectionRange(start + snippet.length, start + snippet.length);
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
        <DropdownMenu>
          <DropdownMenuTrigger asChild>
            <Button type="button" variant="secondary" size="sm" disabled={variables.length === 0}>
              <Braces aria-hidden /> Insert a variable
            </Button>
          </DropdownMenuTrigger>
          <DropdownMenuContent align="start" className="max-h-72 w-80 overflow-y-auto">
            <DropdownMenuLabel>Filled in from each call</DropdownMenuLabel>
            {variables.map((variable) => (
              <DropdownMenuItem key={variable.path} onSelect={() => insert(variable.path)} className="flex-col items-start gap-0">
                <span className="font-mono text-xs">{variable.path}</span>
                {variable.example ? <span className="truncate text-xs text-muted-foreground">e.g. {variable.example}</span> : null}
              </DropdownMenuItem>
            ))}
          </DropdownMenuContent>
        </DropdownMenu>
        {sms && "text" in preview ? <SmsCounter text={preview.text} raw={text} /> : null}
      </div>
      <div className="rounded-md bg-muted p-2 text-xs" aria-live="polite">
        <p className="mb-0.5 font-medium text-muted-foreground">
          Preview with a sample {eventType?.startsWith("sms") ? "text" : eventType?.startsWith("form") ? "form" : "call"}
        </p>
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
