"use client";

import { useEffect } from "react";

/**
 * While `element` is shown, makes the rest of the page inert: what is behind an open list box can
 * be neither focused nor read. Radix already hides it from assistive technology (aria-hidden) and
 * traps Tab, but leaves it focusable, which WCAG checkers (axe: aria-hidden-focus) rightly report.
 */
export function useInertOutside(element: HTMLElement | null) {
  useEffect(() => {
    if (!element) return;
    const madeInert = Array.from(document.body.children).filter(
      (child): child is HTMLElement => child instanceof HTMLElement && !child.contains(element) && !child.inert,
    );
    for (const child of madeInert) child.inert = true;
    return () => {
      for (const child of madeInert) child.inert = false;
    };
  }, [element]);
}
