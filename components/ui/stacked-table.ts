/**
 * Classes for a table that is a table from the lg breakpoint (1024 px) and a stack of cards below it
 * (phones, tablets beside the sidebar): one DOM, so tests, links and screen readers meet the same rows
 * at every width. Each list places its own cells in the card's two-column grid (`col-start-2
 * row-start-1` and so on; ignored as a table).
 */
export const stackedTable = {
  frame: "lg:overflow-x-auto lg:rounded-lg lg:border lg:bg-card",
  table: "block w-full text-sm lg:table",
  head: "hidden border-b bg-muted/50 text-left text-xs font-medium text-muted-foreground lg:table-header-group",
  headCell: "px-4 py-2.5",
  body: "grid gap-2 lg:table-row-group",
  row: "grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-3 gap-y-1.5 rounded-lg border bg-card p-3 shadow-xs lg:table-row lg:rounded-none lg:border-x-0 lg:border-t-0 lg:p-0 lg:shadow-none lg:last:border-b-0",
  cell: "block min-w-0 lg:table-cell lg:px-4 lg:py-3",
  /** A cell's label, shown on the card only (the table has its column header). */
  cardLabel: "text-muted-foreground lg:hidden",
} as const;

/**
 * A whole row that opens one page: the row's one real link (in its `rowLink`) stretches over the row
 * (`relative` row), so a click anywhere, a middle click or Ctrl-click behaves as on a link, while
 * keyboard users meet one link per row. Other controls in the row sit above it with `raised`.
 */
export const rowLink = {
  row: "relative cursor-pointer hover:bg-muted/40",
  link: "after:absolute after:inset-0 after:content-['']",
  raised: "relative z-10",
} as const;
