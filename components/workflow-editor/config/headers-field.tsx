"use client";

import { Plus, X } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

type Header = { name: string; value: string };
const maxHeaders = 10;

export function HeadersField({ value, onChange }: { value: unknown; onChange: (headers: Header[]) => void }) {
  const headers = Array.isArray(value) ? (value as Header[]) : [];
  const update = (index: number, patch: Partial<Header>) =>
    onChange(headers.map((header, i) => (i === index ? { ...header, ...patch } : header)));
  return (
    <div className="grid gap-1.5">
      {headers.map((header, index) => (
        <div key={index} className="flex gap-1.5">
          <Input
            aria-label={`Header ${index + 1} name`}
            placeholder="Authorization"
            value={header.name}
            onChange={(event) => update(index, { name: event.target.value })}
          />
          <Input
            aria-label={`Header ${index + 1} value`}
            placeholder="Bearer …"
            value={header.value}
            onChange={(event) => update(index, { value: event.target.value })}
          />
          <Button
            type="button"
            variant="ghost"
            size="icon"
            aria-label={`Remove header ${index + 1}`}
            onClick={() => onChange(headers.filter((_, i) => i !== index))}
          >
            <X aria-hidden />
          </Button>
        </div>
      ))}
      {headers.length < maxHeaders ? (
        <Button
          type="button"
          variant="secondary"
          size="sm"
          className="justify-self-start"
          onClick={() => onChange([...headers, { name: "", value: "" }])}
        >
          <Plus aria-hidden /> Add a header
        </Button>
      ) : null}
    </div>
  );
}
