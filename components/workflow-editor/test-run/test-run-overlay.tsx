"use client";

import { createContext, useContext } from "react";
import type { EdgeOutcome, NodeOutcome, RunPath } from "@/components/runs/run-path";

/** The last test run's path, drawn over the editable canvas until the user dismisses it. */
const TestRunOverlayContext = createContext<RunPath | null>(null);

export const TestRunOverlayProvider = TestRunOverlayContext.Provider;

export function useTestRunPath(): RunPath | null {
  return useContext(TestRunOverlayContext);
}

/** This node's outcome in the shown test run; null when no test result is on the canvas. */
export function useTestRunNodeOutcome(nodeId: string): NodeOutcome | null {
  const path = useContext(TestRunOverlayContext);
  if (!path) return null;
  // A step added after the test ran was not part of it.
  return path.nodes[nodeId] ?? "not-reached";
}

export function edgeOutcomeOf(path: RunPath | null, edgeId: string): EdgeOutcome | null {
  if (!path) return null;
  return path.edges[edgeId] ?? "not-taken";
}
