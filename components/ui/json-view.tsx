import { cn } from "./cn";

/** Pretty-printed JSON for logs and payloads; scrolls rather than stretching the page, by mouse or keyboard. */
export function JsonView({ value, className }: { value: unknown; className?: string }) {
  return (
    <pre tabIndex={0} className={cn("max-h-80 overflow-auto rounded-md bg-muted p-3 font-mono text-xs leading-relaxed", className)}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}
