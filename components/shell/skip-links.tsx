"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

/** A link past the page's repeated blocks (the sidebar, a toolbar) to where its own content starts. */
export type SkipLink = { href: `#${string}`; label: string };

const mainContent: SkipLink[] = [{ href: "#main-content", label: "Skip to main content" }];

const SetSkipLinks = createContext<(links: SkipLink[] | null) => void>(() => {});

/**
 * The first Tab stops of every signed-in page (WCAG 2.4.1): "Skip to main content", or the page's own
 * links when it has a better place to start (the editor: its canvas and step settings). Hidden until
 * focused, then shown at the top left above everything, the editor included.
 */
export function SkipLinksProvider({ children }: { children: ReactNode }) {
  const [pageLinks, setPageLinks] = useState<SkipLink[] | null>(null);
  return (
    <SetSkipLinks.Provider value={setPageLinks}>
      {(pageLinks ?? mainContent).map((link) => (
        <a
          key={link.href}
          href={link.href}
          className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-50 focus:rounded-md focus:bg-card focus:px-3 focus:py-2 focus:text-sm focus:shadow-lg"
        >
          {link.label}
        </a>
      ))}
      {children}
    </SetSkipLinks.Provider>
  );
}

/** Puts the page's own skip links first while it is shown. `key` changes when the links do. */
export function usePageSkipLinks(links: SkipLink[]) {
  const set = useContext(SetSkipLinks);
  const key = JSON.stringify(links);
  useEffect(() => {
    set(JSON.parse(key) as SkipLink[]);
    return () => set(null);
  }, [set, key]);
}
