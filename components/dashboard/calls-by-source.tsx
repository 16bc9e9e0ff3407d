import type { CallsBySource as CallsBySourceRow } from "@/server/dashboard/dashboard-summary";

/** One bar per marketing source, split into answered and missed — no chart library needed for this. */
export function CallsBySource({ sources }: { sources: CallsBySourceRow[] }) {
  const largest = Math.max(1, ...sources.map((row) => row.answered + row.missed));
  return (
    <ul className="flex flex-col gap-3" aria-label="Calls by marketing source">
      {sources.map((row) => {
        const total = row.answered + row.missed;
        return (
          <li key={row.source} className="flex flex-col gap-1">
            <div className="flex flex-wrap items-baseline justify-between gap-x-2 text-sm">
              <span className="min-w-0 truncate font-medium">{row.source}</span>
              <span className="shrink-0 text-xs text-muted-foreground tabular-nums">
                {total} · {row.answered} answered · {row.missed} missed
              </span>
            </div>
            <div className="flex h-2 overflow-hidden rounded-full bg-muted" style={{ width: `${Math.max(8, (total / largest) * 100)}%` }}>
              <div className="bg-success" style={{ width: `${(row.answered / total) * 100}%` }} />
              <div className="bg-destructive/80" style={{ width: `${(row.missed / total) * 100}%` }} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
