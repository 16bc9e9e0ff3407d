import type { ReactNode } from "react";

/** A page's title and description, its actions beside them on wide screens and wrapping below on a phone. */
export function PageHeader({ title, description, actions }: { title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <div className="mb-5 flex flex-wrap items-start justify-between gap-x-4 gap-y-3 md:mb-6">
      <div className="min-w-0 basis-full sm:basis-auto sm:flex-1">
        <h1 className="break-words text-xl font-semibold tracking-tight">{title}</h1>
        {description ? <p className="mt-1 text-sm text-muted-foreground">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
