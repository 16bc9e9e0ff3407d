"use client";

import { PanelRightClose, PanelRightOpen } from "lucide-react";
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { ConnectToMenu } from "../canvas/connect-to-menu";
import { useShowStep } from "../commands/use-show-step";
import { useEditorStore, useEditorStoreApi } from "../use-editor-store";
import { NodeInspector } from "./node-inspector";
import { ProblemsList } from "./problems-list";

// Not needed to draw the editor: loads the first time the tab is opened.
const VersionHistoryPanel = dynamic(() => import("./version-history-panel").then((module) => module.VersionHistoryPanel), {
  loading: () => <Skeleton className="m-3 h-24" />,
});

type SideTab = "settings" | "problems" | "versions";

function ProblemCount() {
  const errors = useEditorStore((state) => state.problems.errorCount);
  const warnings = useEditorStore((state) => state.problems.warningCount);
  if (errors + warnings === 0) return null;
  return (
    <span
      className={cn("ml-1 rounded-full px-1.5 text-[11px] text-white", errors > 0 ? "bg-destructive" : "bg-warning")}
      data-testid="problem-count"
    >
      {errors + warnings}
    </span>
  );
}

/** "Connect to…" for the one selected step, under its settings. */
function SelectedStepConnections() {
  const selected = useEditorStore((state) => {
    const ids = state.graph.nodes.filter((node) => node.selected).map((node) => node.id);
    return ids.length === 1 ? ids[0]! : null;
  });
  return selected ? <ConnectToMenu key={selected} nodeId={selected} /> : null;
}

/** The right-hand panel: the selected step's settings, the workflow's problems, its published versions. */
export function SidePanel({
  workflowId,
  viewingVersionId,
  onViewVersion,
  onDelete,
  onDuplicate,
  collapsed = false,
  onCollapsedChange,
  className,
}: {
  workflowId: string;
  viewingVersionId: string | null;
  onViewVersion: (versionId: string) => void;
  onDelete: () => void;
  onDuplicate: () => void;
  /** Folded to a thin strip, giving the canvas the room (remembered by the editor). */
  collapsed?: boolean;
  onCollapsedChange?: (collapsed: boolean) => void;
  className?: string;
}) {
  const [tab, setTab] = useState<SideTab>("settings");
  const store = useEditorStoreApi();
  const showStep = useShowStep();

  // A step selected anywhere (the canvas, a problem in the Publish dialog) brings its settings to the front.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        const selectedNow = state.graph.nodes.find((node) => node.selected)?.id;
        if (selectedNow && selectedNow !== previous.graph.nodes.find((node) => node.selected)?.id) setTab("settings");
      }),
    [store],
  );

  // A problem clicked in the list: select its step, open its settings and bring it into view.
  function showNode(nodeId: string) {
    showStep(nodeId);
    setTab("settings");
  }

  if (collapsed) {
    return (
      <aside
        className={cn("flex w-11 shrink-0 flex-col items-center border-l bg-card py-2", className)}
        aria-label="Side panel"
        id="step-settings"
        tabIndex={-1}
      >
        <Button
          variant="ghost"
          size="icon"
          onClick={() => onCollapsedChange?.(false)}
          aria-label="Show the side panel"
          title="Show the side panel (settings, problems, versions)"
          aria-expanded={false}
        >
          <PanelRightOpen aria-hidden />
        </Button>
        <ProblemCount />
      </aside>
    );
  }

  return (
    <aside
      className={cn("flex w-80 shrink-0 flex-col border-l bg-card", className)}
      aria-label="Side panel"
      id="step-settings"
      tabIndex={-1}
    >
      <Tabs value={tab} onValueChange={(value) => setTab(value as SideTab)} className="min-h-0 flex-1">
        <div className="flex items-center border-b">
          <TabsList className="min-w-0 flex-1 border-b-0">
            <TabsTrigger value="settings">Settings</TabsTrigger>
            <TabsTrigger value="problems">
              Problems
              <ProblemCount />
            </TabsTrigger>
            <TabsTrigger value="versions">Versions</TabsTrigger>
          </TabsList>
          {onCollapsedChange ? (
            <Button
              variant="ghost"
              size="icon"
              className="mx-1 shrink-0"
              onClick={() => onCollapsedChange(true)}
              aria-label="Hide the side panel"
              title="Hide the side panel"
              aria-expanded
            >
              <PanelRightClose aria-hidden />
            </Button>
          ) : null}
        </div>
        <TabsContent value="settings" className="min-h-0 flex-1 overflow-y-auto">
          <NodeInspector workflowId={workflowId} onDelete={onDelete} onDuplicate={onDuplicate} />
          <SelectedStepConnections />
        </TabsContent>
        <TabsContent value="problems" className="min-h-0 flex-1 overflow-y-auto">
          <ProblemsList onShowNode={showNode} />
        </TabsContent>
        <TabsContent value="versions" className="min-h-0 flex-1 overflow-y-auto">
          <VersionHistoryPanel workflowId={workflowId} viewingId={viewingVersionId} onView={onViewVersion} />
        </TabsContent>
      </Tabs>
    </aside>
  );
}
