"use client";

import { cva, type VariantProps } from "class-variance-authority";
import { X } from "lucide-react";
import { Dialog as DialogPrimitive } from "radix-ui";
import type { ComponentProps } from "react";
import { cn } from "./cn";

/**
 * A panel that slides in from an edge of the screen: the phone's menu, its filters, a step's settings.
 * Radix's Dialog underneath, so focus is trapped inside and returns to the trigger, and Escape closes it.
 */
export const Sheet = DialogPrimitive.Root;
export const SheetTrigger = DialogPrimitive.Trigger;
export const SheetClose = DialogPrimitive.Close;

const sheetVariants = cva("fixed z-50 flex flex-col gap-4 bg-card shadow-lg outline-none", {
  variants: {
    side: {
      left: "inset-y-0 left-0 h-full w-[85vw] max-w-xs border-r",
      right: "inset-y-0 right-0 h-full w-[85vw] max-w-sm border-l",
      bottom: "inset-x-0 bottom-0 max-h-[85vh] rounded-t-xl border-t",
    },
  },
  defaultVariants: { side: "right" },
});

export type SheetSide = NonNullable<VariantProps<typeof sheetVariants>["side"]>;

/**
 * The sheet itself. Give it a `SheetTitle` (an accessible name is required; wrap it in `sr-only` to hide
 * it) and, when there is nothing to describe, `aria-describedby={undefined}`.
 */
export function SheetContent({
  side = "right",
  className,
  children,
  closeLabel = "Close",
  ...props
}: ComponentProps<typeof DialogPrimitive.Content> & { side?: SheetSide; closeLabel?: string }) {
  return (
    <DialogPrimitive.Portal>
      <DialogPrimitive.Overlay className="fixed inset-0 z-50 bg-black/40" />
      <DialogPrimitive.Content className={cn(sheetVariants({ side }), className)} data-side={side} {...props}>
        {children}
        <DialogPrimitive.Close
          className="absolute right-3 top-3 inline-flex size-9 items-center justify-center rounded-md text-muted-foreground hover:bg-muted hover:text-foreground"
          aria-label={closeLabel}
        >
          <X className="size-4" aria-hidden />
        </DialogPrimitive.Close>
      </DialogPrimitive.Content>
    </DialogPrimitive.Portal>
  );
}

/** The sheet's top: its title (and description), leaving room for the close button. */
export function SheetHeader({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-col gap-1 px-4 pr-14 pt-4", className)} {...props} />;
}

/** Where the sheet's scrolling content goes, between header and footer. */
export function SheetBody({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("min-h-0 flex-1 overflow-y-auto px-4", className)} {...props} />;
}

export function SheetFooter({ className, ...props }: ComponentProps<"div">) {
  return <div className={cn("flex flex-wrap justify-end gap-2 border-t px-4 py-3", className)} {...props} />;
}

export function SheetTitle({ className, ...props }: ComponentProps<typeof DialogPrimitive.Title>) {
  return <DialogPrimitive.Title className={cn("text-base font-semibold", className)} {...props} />;
}

export function SheetDescription({ className, ...props }: ComponentProps<typeof DialogPrimitive.Description>) {
  return <DialogPrimitive.Description className={cn("text-sm text-muted-foreground", className)} {...props} />;
}
