"use client";

import { Tooltip as TooltipPrimitive } from "radix-ui";
import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/**
 * A short explanation shown on hover and on keyboard focus. The trigger must be focusable: to explain
 * a disabled control, wrap it in something that can take focus (a disabled button cannot).
 */
export function Tooltip({
  content,
  children,
  side = "bottom",
  className,
  ...props
}: { content: ReactNode; children: ReactNode; side?: ComponentProps<typeof TooltipPrimitive.Content>["side"]; className?: string } & Omit<
  ComponentProps<typeof TooltipPrimitive.Root>,
  "children"
>) {
  return (
    <TooltipPrimitive.Provider delayDuration={200}>
      <TooltipPrimitive.Root {...props}>
        <TooltipPrimitive.Trigger asChild>{children}</TooltipPrimitive.Trigger>
        <TooltipPrimitive.Portal>
          <TooltipPrimitive.Content
            side={side}
            sideOffset={6}
            className={cn("z-50 max-w-64 rounded-md bg-foreground px-2.5 py-1.5 text-xs text-background shadow-md", className)}
          >
            {content}
            <TooltipPrimitive.Arrow className="fill-foreground" />
          </TooltipPrimitive.Content>
        </TooltipPrimitive.Portal>
      </TooltipPrimitive.Root>
    </TooltipPrimitive.Provider>
  );
}
