"use client";

import { useReactFlow } from "@xyflow/react";
import dynamic from "next/dynamic";
import { useState } from "react";
import { cn } from "@/components/ui/cn";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { selectOnly } from "../model/graph-operations";
import { useEditorActions, useEditorStore, useEditorStoreApi } from "../use-editor-store";
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

/** The right-hand panel: the selected step's settings, the workflow's problems, its published versions. */
export function SidePanel({
  workflowId,
  viewingVersionId,
  onViewVersion,
  onDelete,
  onDuplicate,
}: {
  workflowId: string;
  viewingVersionId: string | null;
  onViewVersion: (versionId: string) => void;
  onDelete: () => void;
  onDuplicate: () => void;
}) {
  const [tab, setTab] = useState<SideTab>("settings");
  const store = useEditorStoreApi();
  const { changeView } = useEditorActions();
  const { setCenter, getZoom } = useReactFlow();

  // A problem clicked in the list: select its step, open its settings and bring it into view.
  function showNode(nodeId: string) {
    changeView((graph) => selectOnly(graph, [nodeId]));
    setTab("settings");
    const node = store.getState().graph.nodes.find((candidate) => candidate.id === nodeId);
    if (node) void setCenter(node.position.x + 120, node.position.y + 40, { zoom: Math.max(getZoom(), 0.9), duration: 250 });
  }

  return (
    <aside className="flex w-80 shrink-0 flex-col border-l bg-card" aria-label="Side panel">
      <Tabs value={tab} onValueChange={(value) => setTab(value as SideTab)} className="min-h-0 flex-1">
        <TabsList>
          <TabsTrigger value="settings">Settings</TabsTrigger>
          <TabsTrigger value="problems">
            Problems
            <ProblemCount />
          </TabsTrigger>
          <TabsTrigger value="versions">Versions</TabsTrigger>
        </TabsList>
        <TabsContent value="settings" className="min-h-0 flex-1 overflow-y-auto">
          <NodeInspector workflowId={workflowId} onDelete={onDelete} onDuplicate={onDuplicate} />
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
