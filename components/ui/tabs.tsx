"use client";

import { Tabs as TabsPrimitive } from "radix-ui";
import { createContext, useContext, type ComponentProps } from "react";
import { cn } from "./cn";

const variants = {
  /** Full-width tabs over a panel, the chosen one underlined. */
  line: {
    list: "border-b",
    trigger: "border-b-2 border-transparent px-2 py-2 text-sm data-[state=active]:border-primary data-[state=active]:text-foreground",
  },
  /** A compact switch between a few choices, the chosen one filled. */
  segmented: {
    list: "rounded-md border p-0.5 text-sm",
    trigger: "rounded px-2 py-1 data-[state=active]:bg-accent data-[state=active]:text-accent-foreground",
  },
};

type TabsVariant = keyof typeof variants;

// The list's variant, so each trigger is drawn to match without repeating it.
const TabsVariantContext = createContext<TabsVariant>("line");

export function Tabs({ className, ...props }: ComponentProps<typeof TabsPrimitive.Root>) {
  return <TabsPrimitive.Root className={cn("flex flex-col", className)} {...props} />;
}

export function TabsList({ className, variant = "line", ...props }: ComponentProps<typeof TabsPrimitive.List> & { variant?: TabsVariant }) {
  return (
    <TabsVariantContext.Provider value={variant}>
      <TabsPrimitive.List className={cn("flex", variants[variant].list, className)} {...props} />
    </TabsVariantContext.Provider>
  );
}

export function TabsTrigger({ className, ...props }: ComponentProps<typeof TabsPrimitive.Trigger>) {
  const variant = useContext(TabsVariantContext);
  return (
    <TabsPrimitive.Trigger
      className={cn(
        "flex-1 cursor-pointer text-muted-foreground hover:text-foreground data-[state=active]:font-medium disabled:pointer-events-none disabled:opacity-50",
        variants[variant].trigger,
        className,
      )}
      {...props}
    />
  );
}

export function TabsContent({ className, ...props }: ComponentProps<typeof TabsPrimitive.Content>) {
  return <TabsPrimitive.Content className={cn("-outline-offset-2", className)} {...props} />;
}
