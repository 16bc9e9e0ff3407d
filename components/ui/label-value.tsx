import type { ComponentProps, ReactNode } from "react";
import { cn } from "./cn";

/** A list of labelled values: the facts about a call or a run, the fields of a step. */
export function LabelValueList({ className, ...props }: ComponentProps<"dl">) {
  return <dl className={cn("grid grid-cols-1 gap-2", className)} {...props} />;
}

/** One labelled value in a `LabelValueList`, the label small above it; `truncate` keeps a long value on one line. */
export function LabelValue({
  label,
  children,
  truncate = false,
  className,
}: {
  label: ReactNode;
  children: ReactNode;
  truncate?: boolean;
  className?: string;
}) {
  return (
    <div className={cn("grid min-w-0 gap-0.5", className)}>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className={cn("min-w-0 text-sm", truncate ? "truncate" : "break-words")}>{children}</dd>
    </div>
  );
}
