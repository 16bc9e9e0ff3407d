"use client";

import { Check, ChevronsUpDown, Search } from "lucide-react";
import { Popover as PopoverPrimitive } from "radix-ui";
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { cn } from "@/components/ui/cn";
import {
  filterTimeZones,
  groupTimeZones,
  supportedTimeZones,
  timeZoneLabel,
  timeZoneOption,
  type TimeZoneOption,
} from "./time-zone-options";

const PAGE = 10;

/** The first choice that stands for "no zone of its own". */
function emptyTimeZoneOption(label: string): TimeZoneOption {
  return { zone: "", city: label, region: "", offset: "", offsetMinutes: 0, searchText: label.toLowerCase() };
}

/**
 * A searchable time-zone field: a button showing the zone ("New York (UTC−05:00)") that opens a
 * list grouped by region with today's offsets, filtered as you type. Keyboard: Enter, Space or
 * ↓ opens it; type to search; ↑ ↓ Page Up/Down Home End move; Enter picks; Escape closes. It always
 * holds a zone, unless given `emptyChoice`: a first choice, stored as "", that means a default zone
 * ("The workspace's time zone (New York)").
 */
export function TimeZonePicker({
  id,
  labelId,
  value,
  onChange,
  disabled,
  invalid,
  describedBy,
  emptyChoice,
}: {
  id?: string;
  /** The visible label's id: the button is then named by it and the zone it shows ("Time zone New York (UTC−05:00)"). */
  labelId?: string;
  value: string;
  onChange: (zone: string) => void;
  disabled?: boolean;
  invalid?: boolean;
  describedBy?: string;
  /** The words for a first choice meaning "no zone of its own" (the value ""). */
  emptyChoice?: string;
}) {
  const generatedId = useId();
  const baseId = id ?? generatedId;
  const listId = `${baseId}-list`;
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [activeZone, setActiveZone] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);

  // Offsets are today's: worked out when the list opens, not once per page load.
  const groups = useMemo(() => (open ? groupTimeZones(supportedTimeZones(value ? [value] : [])) : []), [open, value]);
  const shownGroups = useMemo(() => filterTimeZones(groups, query), [groups, query]);
  const emptyOption = useMemo(() => (emptyChoice !== undefined ? emptyTimeZoneOption(emptyChoice) : null), [emptyChoice]);
  const emptyShown = emptyOption !== null && (query.trim() === "" || emptyOption.searchText.includes(query.trim().toLowerCase()));
  const shown = useMemo(
    () => [...(emptyShown && emptyOption ? [emptyOption] : []), ...shownGroups.flatMap((group) => group.options)],
    [emptyShown, emptyOption, shownGroups],
  );
  const current = useMemo(() => timeZoneOption(value), [value]);
  const active = shown.find((option) => option.zone === activeZone) ?? shown[0] ?? null;
  const optionId = (option: TimeZoneOption) => `${baseId}-option-${option.zone.replace(/[^A-Za-z0-9]/g, "-")}`;

  function openList(nextOpen: boolean) {
    setOpen(nextOpen);
    setQuery("");
    setActiveZone(nextOpen ? value : null);
    if (nextOpen) requestAnimationFrame(() => scrollIntoView(value));
  }

  function scrollIntoView(zone: string | undefined) {
    if (!zone) return;
    const element = listRef.current?.querySelector<HTMLElement>(`[data-zone="${CSS.escape(zone)}"]`);
    element?.scrollIntoView({ block: "nearest" });
  }

  function moveTo(option: TimeZoneOption | undefined) {
    if (!option) return;
    setActiveZone(option.zone);
    scrollIntoView(option.zone);
  }

  function choose(option: TimeZoneOption) {
    onChange(option.zone);
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const index = active ? shown.indexOf(active) : -1;
    const keys: Record<string, () => TimeZoneOption | undefined> = {
      ArrowDown: () => shown[Math.min(shown.length - 1, index + 1)],
      ArrowUp: () => shown[Math.max(0, index - 1)],
      PageDown: () => shown[Math.min(shown.length - 1, index + PAGE)],
      PageUp: () => shown[Math.max(0, index - PAGE)],
      Home: () => shown[0],
      End: () => shown.at(-1),
    };
    if (event.key in keys) {
      event.preventDefault();
      moveTo(keys[event.key]!());
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (active) choose(active);
    } else if (event.key === "Tab") {
      setOpen(false);
    }
  }

  function renderOption(option: TimeZoneOption) {
    const selected = option.zone === value;
    const isActive = option.zone === active?.zone;
    return (
      <div
        key={option.zone}
        id={optionId(option)}
        role="option"
        aria-selected={selected}
        data-zone={option.zone}
        data-active={isActive || undefined}
        className={cn(
          "flex cursor-pointer select-none items-center gap-2 rounded-sm px-2 py-1.5 text-sm",
          isActive && "bg-muted outline outline-2 -outline-offset-2 outline-primary",
        )}
        onPointerMove={() => setActiveZone(option.zone)}
        // Keep focus in the search box: the list is driven from there.
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => choose(option)}
      >
        <Check className={cn("size-4 shrink-0", selected ? "opacity-100" : "opacity-0")} aria-hidden />
        <span className="min-w-0 flex-1 truncate">{option.city}</span>
        <span className="shrink-0 text-xs tabular-nums text-muted-foreground">{option.offset}</span>
      </div>
    );
  }

  return (
    <PopoverPrimitive.Root open={open} onOpenChange={openList}>
      <PopoverPrimitive.Trigger asChild disabled={disabled}>
        <button
          type="button"
          id={baseId}
          aria-labelledby={labelId ? `${labelId} ${baseId}-value` : undefined}
          aria-invalid={invalid || undefined}
          aria-describedby={describedBy}
          data-testid="time-zone-picker"
          data-value={value}
          className="flex h-9 w-full min-w-0 items-center justify-between gap-2 rounded-md border bg-card px-3 text-left text-sm shadow-xs disabled:opacity-50 aria-invalid:border-destructive"
          onKeyDown={(event) => {
            if (event.key === "ArrowDown" || event.key === "ArrowUp") {
              event.preventDefault();
              openList(true);
            }
          }}
        >
          <span id={`${baseId}-value`} className="min-w-0 truncate">
            {value === "" && emptyChoice !== undefined ? (
              emptyChoice
            ) : current ? (
              <>
                {timeZoneLabel(current)} <span className="text-muted-foreground">· {current.region}</span>
              </>
            ) : (
              value
            )}
          </span>
          <ChevronsUpDown className="size-4 shrink-0 opacity-60" aria-hidden />
        </button>
      </PopoverPrimitive.Trigger>
      <PopoverPrimitive.Portal>
        <PopoverPrimitive.Content
          align="start"
          sideOffset={4}
          collisionPadding={8}
          className="z-50 flex w-[max(var(--radix-popover-trigger-width),16rem)] max-w-[calc(100vw-1rem)] flex-col rounded-md border bg-card shadow-md"
          onOpenAutoFocus={(event) => {
            event.preventDefault();
            (event.currentTarget as HTMLElement).querySelector("input")?.focus();
          }}
        >
          <div className="flex items-center gap-2 border-b px-3">
            <Search className="size-4 shrink-0 text-muted-foreground" aria-hidden />
            <input
              role="combobox"
              aria-label="Search time zones"
              aria-expanded
              aria-controls={listId}
              aria-autocomplete="list"
              aria-activedescendant={active ? optionId(active) : undefined}
              autoComplete="off"
              spellCheck={false}
              value={query}
              placeholder="Search a city, e.g. New York"
              className="h-10 w-full bg-transparent text-sm outline-none placeholder:text-muted-foreground"
              onChange={(event) => {
                setQuery(event.target.value);
                setActiveZone(null);
                listRef.current?.scrollTo({ top: 0 });
              }}
              onKeyDown={onKeyDown}
            />
          </div>
          <div
            ref={listRef}
            id={listId}
            role="listbox"
            aria-label="Time zones"
            className="max-h-[min(18rem,calc(var(--radix-popover-content-available-height)-3.5rem))] overflow-y-auto p-1"
          >
            {emptyShown && emptyOption ? renderOption(emptyOption) : null}
            {shownGroups.length === 0 && !emptyShown ? (
              <p className="px-2 py-6 text-center text-sm text-muted-foreground" role="status">
                No time zone matches “{query}”. Try a nearby big city.
              </p>
            ) : (
              shownGroups.map((group) => (
                <div key={group.region} role="group" aria-labelledby={`${baseId}-region-${group.region}`}>
                  <div
                    id={`${baseId}-region-${group.region}`}
                    role="presentation"
                    className="sticky top-0 bg-card px-2 pb-1 pt-2 text-xs font-medium text-muted-foreground"
                  >
                    {group.region}
                  </div>
                  {group.options.map(renderOption)}
                </div>
              ))
            )}
          </div>
        </PopoverPrimitive.Content>
      </PopoverPrimitive.Portal>
    </PopoverPrimitive.Root>
  );
}
