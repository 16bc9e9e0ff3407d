"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/textarea";

function linesOf(text: string): string[] {
  return text.split("\n").filter((line) => line.trim() !== "");
}

/** A list edited as one item per line; keeps what is typed (blank lines, spaces) until it matters. */
export function ListField({
  id,
  value,
  onChange,
  placeholder,
  suggestions,
  invalid,
  describedBy,
}: {
  id: string;
  value: unknown;
  onChange: (items: string[]) => void;
  placeholder: string;
  suggestions?: readonly string[];
  invalid: boolean;
  describedBy?: string;
}) {
  const items = Array.isArray(value) ? value.map(String) : [];
  const [text, setText] = useState(items.join("\n"));
  // Someone else changed the list (undo, a suggestion): show theirs.
  const shown = JSON.stringify(linesOf(text)) === JSON.stringify(items) ? text : items.join("\n");
  const unused = suggestions?.filter((suggestion) => !items.includes(suggestion)) ?? [];

  return (
    <div className="grid gap-1.5">
      <Textarea
        id={id}
        value={shown}
        rows={Math.min(6, Math.max(2, items.length + 1))}
        placeholder={placeholder}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          setText(event.target.value);
          onChange(linesOf(event.target.value));
        }}
      />
      {unused.length > 0 ? (
        <div className="flex flex-wrap gap-1" aria-label="Suggestions">
          {unused.slice(0, 12).map((suggestion) => (
            <Button
              key={suggestion}
              type="button"
              variant="secondary"
              size="sm"
              className="h-6 px-2 text-xs"
              onClick={() => {
                const next = [...items, suggestion];
                setText(next.join("\n"));
                onChange(next);
              }}
            >
              + {suggestion}
            </Button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
