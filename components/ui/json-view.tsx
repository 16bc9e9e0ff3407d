import { cn } from "./cn";

/**
 * Pretty-printed JSON for logs and payloads; scrolls rather than stretching the page, by mouse or
 * keyboard. With a `label`, a screen reader names the box the keyboard stops on.
 */
export function JsonView({ value, label, className }: { value: unknown; label?: string; className?: string }) {
  return (
    <ScrollableText label={label} className={cn("max-h-80 p-3 text-xs leading-relaxed", className)}>
      {JSON.stringify(value, null, 2)}
    </ScrollableText>
  );
}

/**
 * Preformatted text in a box that scrolls: focusable, so keyboard users can scroll it with the arrow
 * keys (WCAG 2.1.1), and a named region when `label` is given, so the stop is announced as what it holds.
 */
export function ScrollableText({ label, className, children }: { label?: string; className?: string; children: React.ReactNode }) {
  return (
    <pre
      tabIndex={0}
      role={label ? "region" : undefined}
      aria-label={label}
      className={cn("overflow-auto rounded-md bg-muted font-mono", className)}
    >
      {children}
    </pre>
  );
}
