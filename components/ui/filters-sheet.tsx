"use client";

import { SlidersHorizontal, X } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "./button";
import { cn } from "./cn";
import { Sheet, SheetBody, SheetClose, SheetContent, SheetDescription, SheetFooter, SheetHeader, SheetTitle, SheetTrigger } from "./sheet";

/**
 * On a phone, a list's filters behind one "Filters" button (with how many are set) that opens them in a
 * bottom sheet. Each change applies at once, so the list behind is already filtered when it closes.
 * Hidden from the md breakpoint, where the filters sit in their bar.
 */
export function FiltersSheet({
  title,
  description,
  activeCount,
  onClear,
  size = "md",
  className,
  children,
}: {
  title: string;
  description: string;
  activeCount: number;
  onClear: () => void;
  /** The button's size, to sit beside the bar's other controls. */
  size?: "sm" | "md";
  className?: string;
  children: ReactNode;
}) {
  const label = activeCount === 0 ? "Filters" : `Filters, ${activeCount} set`;
  return (
    <Sheet>
      <SheetTrigger asChild>
        <Button variant="secondary" size={size} className={cn("md:hidden", className)} aria-label={label} data-testid="filters-button">
          <SlidersHorizontal aria-hidden />
          Filters
          {activeCount > 0 ? (
            <span
              className="inline-flex min-w-5 items-center justify-center rounded-full bg-primary px-1.5 text-xs text-primary-foreground"
              aria-hidden
            >
              {activeCount}
            </span>
          ) : null}
        </Button>
      </SheetTrigger>
      <SheetContent side="bottom" closeLabel="Close filters">
        <SheetHeader>
          <SheetTitle>{title}</SheetTitle>
          <SheetDescription>{description}</SheetDescription>
        </SheetHeader>
        <SheetBody className="grid content-start gap-4 pb-2">{children}</SheetBody>
        <SheetFooter>
          {activeCount > 0 ? (
            <Button variant="ghost" onClick={onClear}>
              <X aria-hidden /> Clear filters
            </Button>
          ) : null}
          <SheetClose asChild>
            <Button>Done</Button>
          </SheetClose>
        </SheetFooter>
      </SheetContent>
    </Sheet>
  );
}
