"use client";

import { Braces, Search } from "lucide-react";
import { useMemo, useRef, useState } from "react";
import { pickableVariables, variableGroups, type EventType, type TemplateVariable } from "@/engine";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";

/**
 * "Insert a variable": the trigger's variables by their words, grouped (Caller, Call…) and searchable.
 * Choosing one hands its snippet (with a fallback when the value can be missing) to `onPick`; closing
 * gives focus back through `onClosed`, so the cursor lands in the text right after what was inserted.
 */
export function VariablePicker({
  eventType,
  fieldId,
  onPick,
  onClosed,
}: {
  eventType: EventType | null;
  fieldId: string;
  onPick: (variable: TemplateVariable) => void;
  onClosed: () => void;
}) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const search = useRef<HTMLInputElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const found = useMemo(() => (eventType ? pickableVariables(eventType, query) : []), [eventType, query]);
  const groups = variableGroups
    .map((group) => ({ group, variables: found.filter((variable) => variable.group === group) }))
    .filter((entry) => entry.variables.length > 0);

  function pick(variable: TemplateVariable) {
    onPick(variable);
    setOpen(false);
  }

  return (
    <Popover
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        if (next) setQuery("");
      }}
    >
      <PopoverTrigger asChild>
        <Button type="button" variant="secondary" size="sm" disabled={!eventType}>
          <Braces aria-hidden /> Insert a variable
        </Button>
      </PopoverTrigger>
      <PopoverContent
        align="start"
        className="grid w-80 gap-2"
        aria-label="Variables"
        data-keeps-keys=""
        onCloseAutoFocus={(event) => {
          // Back to the text, not to this button.
          event.preventDefault();
          onClosed();
        }}
      >
        <div className="relative">
          <Search className="pointer-events-none absolute top-2.5 left-2 size-4 text-muted-foreground" aria-hidden />
          <Input
            ref={search}
            type="search"
            aria-label="Search variables"
            aria-controls={`${fieldId}-variables`}
            placeholder="Search: name, source, campaign…"
            className="pl-8"
            value={query}
            autoFocus
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === "Enter") {
                event.preventDefault();
                if (found[0]) pick(found[0]);
              }
              if (event.key === "ArrowDown") {
                event.preventDefault();
                list.current?.querySelector<HTMLButtonElement>("button")?.focus();
              }
            }}
          />
        </div>
        <div
          id={`${fieldId}-variables`}
          ref={list}
          className="max-h-72 overflow-y-auto"
          data-testid="variable-list"
          onKeyDown={(event) => {
            // Up and down walk the list; up from the first goes back to the search box.
            if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
            event.preventDefault();
            const buttons = [...(list.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
            const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
            const next = event.key === "ArrowDown" ? Math.min(at + 1, buttons.length - 1) : at - 1;
            if (next < 0) search.current?.focus();
            else buttons[next]?.focus();
          }}
        >
          {groups.length === 0 ? (
            <p className="px-2 py-3 text-sm text-muted-foreground">No variable matches “{query}”.</p>
          ) : (
            groups.map(({ group, variables }) => (
              <div key={group} role="group" aria-labelledby={`${fieldId}-group-${group}`} className="pb-1">
                <p id={`${fieldId}-group-${group}`} className="px-2 pt-1.5 pb-0.5 text-xs font-medium text-muted-foreground">
                  {group}
                </p>
                {variables.map((variable) => (
                  <button
                    key={variable.path}
                    type="button"
                    className="flex w-full flex-col items-start rounded-sm px-2 py-1 text-left text-sm outline-none hover:bg-muted focus-visible:bg-muted focus-visible:ring-2 focus-visible:ring-ring"
                    onClick={() => pick(variable)}
                  >
                    <span>{variable.label}</span>
                    <span className="w-full truncate text-xs text-muted-foreground">
                      {variable.example ? `e.g. ${variable.example}` : "often empty"}
                      {variable.optional ? " · a fallback is added for when it's missing" : ""}
                    </span>
                  </button>
                ))}
              </div>
            ))
          )}
        </div>
      </PopoverContent>
    </Popover>
  );
}
