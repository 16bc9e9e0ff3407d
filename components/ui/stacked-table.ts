/**
 * Classes for a table that is a table from the md breakpoint and a stack of cards below it: one DOM,
 * so tests, links and screen readers meet the same rows at every width. Each list places its own
 * cells in the card's two-column grid (`col-start-2 row-start-1` and so on; ignored as a table).
 */
export const stackedTable = {
  frame: "md:overflow-x-auto md:rounded-lg md:border md:bg-card",
  table: "block w-full text-sm md:table",
  head: "hidden border-b bg-muted/50 text-left text-xs font-medium text-muted-foreground md:table-header-group",
  headCell: "px-4 py-2.5",
  body: "grid gap-2 md:table-row-group",
  row: "grid grid-cols-[minmax(0,1fr)_auto] items-start gap-x-3 gap-y-1.5 rounded-lg border bg-card p-3 shadow-xs md:table-row md:rounded-none md:border-x-0 md:border-t-0 md:p-0 md:shadow-none md:last:border-b-0",
  cell: "block min-w-0 md:table-cell md:px-4 md:py-3",
  /** A cell's label, shown on the card only (the table has its column header). */
  cardLabel: "text-muted-foreground md:hidden",
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
